//! What the chat benchmark's two drivers share: the clock they stamp messages with, the
//! servers' memory, and percentiles.

use std::time::{SystemTime, UNIX_EPOCH};

/// Milliseconds since the Unix epoch: messages carry it, receivers subtract it.
pub fn now_ms() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as u64).unwrap_or(0)
}

/// The resident memory of process `pid`, in KB (0 if it cannot be read).
pub fn rss_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

/// The `p` quantile (0 to 1) of sorted latencies; NaN when there are none.
pub fn percentile(sorted: &[u32], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize] as f64
}

/// What a run found, printed as one JSON line (the same fields for both systems).
pub struct Results {
    pub workload: String,
    pub nodes: usize,
    pub sockets: usize,
    pub open_at_end: usize,
    pub sent: u64,
    pub send_failures: u64,
    pub expected: u64,
    pub delivered: u64,
    pub seconds: f64,
    /// Latencies of the deliveries, sorted.
    pub latencies: Vec<u32>,
    pub memory_before_kb: u64,
    pub memory_after_kb: u64,
}

impl Results {
    pub fn print(&self) {
        let per_socket = if self.sockets > 0 {
            self.memory_after_kb.saturating_sub(self.memory_before_kb) as f64 / self.sockets as f64
        } else {
            0.0
        };
        let line = serde_json::json!({
            "workload": self.workload,
            "nodes": self.nodes,
            "sockets": self.sockets,
            "open_at_end": self.open_at_end,
            "sent": self.sent,
            "send_failures": self.send_failures,
            "expected_deliveries": self.expected,
            "delivered": self.delivered,
            "deliveries_per_s": self.delivered as f64 / self.seconds,
            "offered_deliveries_per_s": self.expected as f64 / self.seconds,
            "p50_ms": percentile(&self.latencies, 0.5),
            "p99_ms": percentile(&self.latencies, 0.99),
            "server_kb_before": self.memory_before_kb,
            "server_kb_after": self.memory_after_kb,
            "kb_per_socket": per_socket,
        });
        println!("{line}");
    }
}
