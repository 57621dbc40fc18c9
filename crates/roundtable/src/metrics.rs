//! Prometheus metrics at `/metrics`, for operators: requests by route pattern and status,
//! their latency, the database pool, the outbox, open live sockets and housekeeping runs.
//!
//! Closed unless `ROUNDTABLE_METRICS_TOKEN` is set, and then only to a request that presents
//! it as a bearer token: the figures say how busy the network is and when, which is nobody
//! else's business. Labels name route patterns (`/members/{id}`), never paths, so no id,
//! invitation or reset secret ends up in a time series, and no label holds anything a
//! member wrote. Each application has its own registry, so that tests running several
//! applications in one process read only their own.

use std::sync::Arc;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use prometheus::{
    Encoder, GaugeVec, HistogramOpts, HistogramVec, IntCounterVec, IntGauge, IntGaugeVec, Opts, Registry, TextEncoder,
};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::db::{now_ms, Db};
use crate::on_db;
use crate::web::{AppState, Routes};

/// Seconds; from a cached page to a slow export.
const LATENCY_BUCKETS: [f64; 14] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0];

/// The route label of a request that matched no route: one series for all of them, so that
/// a scan of made-up paths cannot grow the registry.
const UNMATCHED: &str = "unmatched";

pub fn routes() -> Routes {
    vec![("/metrics", get(scrape))]
}

/// One application's metrics.
#[derive(Clone)]
pub struct Metrics(Arc<Inner>);

struct Inner {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
    sockets: IntGauge,
    housekeeping: IntCounterVec,
    housekeeping_last: GaugeVec,
    mail: IntCounterVec,
    outbox_pending: IntGauge,
    outbox_oldest: IntGauge,
    pool: IntGaugeVec,
    pool_max: IntGauge,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics::new().expect("the metrics' names and labels are valid")
    }
}

impl Metrics {
    fn new() -> prometheus::Result<Metrics> {
        let registry = Registry::new_custom(Some("roundtable".into()), None)?;
        let requests = IntCounterVec::new(
            Opts::new("http_requests_total", "Requests answered, by route pattern, method and status"),
            &["route", "method", "status"],
        )?;
        let latency = HistogramVec::new(
            HistogramOpts::new("http_request_duration_seconds", "Time to answer, by route pattern and method")
                .buckets(LATENCY_BUCKETS.to_vec()),
            &["route", "method"],
        )?;
        let sockets = IntGauge::new("websocket_connections", "Live conversation sockets open on this node")?;
        let housekeeping = IntCounterVec::new(
            Opts::new("housekeeping_runs_total", "Background housekeeping passes, by task and outcome"),
            &["task", "outcome"],
        )?;
        let housekeeping_last = GaugeVec::new(
            Opts::new("housekeeping_last_run_timestamp_seconds", "When each task last finished a pass (Unix time)"),
            &["task"],
        )?;
        let mail = IntCounterVec::new(
            Opts::new("outbox_deliveries_total", "Mail handed to the SMTP server, or refused by it"),
            &["outcome"],
        )?;
        let outbox_pending = IntGauge::new("outbox_pending", "Mail waiting to be sent (not given up)")?;
        let outbox_oldest =
            IntGauge::new("outbox_oldest_pending_age_seconds", "Age of the oldest mail waiting to be sent")?;
        let pool = IntGaugeVec::new(
            Opts::new("db_pool_connections", "Database connections held by this node, by state"),
            &["state"],
        )?;
        let pool_max = IntGauge::new("db_pool_max_connections", "Most database connections this node may hold")?;
        registry.register(Box::new(requests.clone()))?;
        registry.register(Box::new(latency.clone()))?;
        registry.register(Box::new(sockets.clone()))?;
        registry.register(Box::new(housekeeping.clone()))?;
        registry.register(Box::new(housekeeping_last.clone()))?;
        registry.register(Box::new(mail.clone()))?;
        registry.register(Box::new(outbox_pending.clone()))?;
        registry.register(Box::new(outbox_oldest.clone()))?;
        registry.register(Box::new(pool.clone()))?;
        registry.register(Box::new(pool_max.clone()))?;
        Ok(Metrics(Arc::new(Inner {
            registry,
            requests,
            latency,
            sockets,
            housekeeping,
            housekeeping_last,
            mail,
            outbox_pending,
            outbox_oldest,
            pool,
            pool_max,
        })))
    }

    /// The gauge of open live sockets, for the chat to move as sockets come and go.
    pub fn sockets(&self) -> IntGauge {
        self.0.sockets.clone()
    }

    /// A pass of the background task `task` ended with `result`.
    pub fn housekeeping<T, E>(&self, task: &'static str, result: &Result<T, E>) {
        let outcome = if result.is_ok() { "ok" } else { "failed" };
        self.0.housekeeping.with_label_values(&[task, outcome]).inc();
        self.0.housekeeping_last.with_label_values(&[task]).set(now_ms() as f64 / 1000.0);
    }

    /// The outbox sent `sent` messages and failed to send `failed`.
    pub fn mail(&self, sent: usize, failed: usize) {
        self.0.mail.with_label_values(&["sent"]).inc_by(sent as u64);
        self.0.mail.with_label_values(&["failed"]).inc_by(failed as u64);
    }

    /// The text exposition of every metric, after reading the figures that live in the
    /// database and the pool.
    async fn render(&self, db: &Db) -> Result<String, sqlx::Error> {
        let (pending, oldest): (i64, Option<i64>) = on_db!(db, pool => sqlx::query_as(
            "SELECT count(*), min(created_at) FROM outbox WHERE sent_at IS NULL AND attempts < $1")
            .bind(crate::outbox::MAX_ATTEMPTS).fetch_one(pool).await)?;
        self.0.outbox_pending.set(pending);
        self.0.outbox_oldest.set(oldest.map_or(0, |at| (now_ms() - at).max(0) / 1000));
        let (size, idle, max) =
            on_db!(db, pool => (pool.size(), pool.num_idle(), pool.options().get_max_connections()));
        self.0.pool.with_label_values(&["idle"]).set(idle as i64);
        self.0.pool.with_label_values(&["in_use"]).set(i64::from(size).saturating_sub(idle as i64));
        self.0.pool_max.set(i64::from(max));
        let mut text = Vec::new();
        TextEncoder::new().encode(&self.0.registry.gather(), &mut text).expect("writing to memory cannot fail");
        Ok(String::from_utf8(text).expect("the text format is UTF-8"))
    }
}

/// Middleware: count each request under its route pattern, with its status and latency.
pub async fn record(State(metrics): State<Metrics>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let route = request.extensions().get::<MatchedPath>().map(|p| p.as_str().to_owned());
    let method = request.method().clone();
    let response = next.run(request).await;
    let route = route.as_deref().unwrap_or(UNMATCHED);
    // Methods outside the usual few are one label, for the same reason as unmatched routes.
    let method = match method.as_str() {
        m @ ("GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS") => m,
        _ => "other",
    };
    metrics.0.requests.with_label_values(&[route, method, response.status().as_str()]).inc();
    metrics.0.latency.with_label_values(&[route, method]).observe(started.elapsed().as_secs_f64());
    response
}

async fn scrape(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let Some(token) = &state.config.metrics_token else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let presented = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim())
        .unwrap_or("");
    // Digests of equal length, compared in constant time: neither the token's content nor
    // its length shows in how long a refusal takes.
    let digest = |text: &str| Sha256::digest(text.as_bytes());
    if !bool::from(digest(presented).ct_eq(&digest(token.expose()))) {
        let mut refused = StatusCode::UNAUTHORIZED.into_response();
        refused.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer realm=\"metrics\""));
        return refused;
    }
    match state.part::<Metrics>().render(&state.db).await {
        Ok(text) => ([(header::CONTENT_TYPE, HeaderValue::from_static(TEXT_FORMAT))], text).into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "metrics could not read the database");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

const TEXT_FORMAT: &str = "text/plain; version=0.0.4; charset=utf-8";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn housekeeping_and_mail_counts_appear_in_the_exposition() {
        let metrics = Metrics::default();
        metrics.housekeeping("messages", &Ok::<_, ()>(()));
        metrics.housekeeping("messages", &Err::<(), _>(()));
        metrics.mail(3, 1);
        metrics.sockets().inc();
        let families = metrics.0.registry.gather();
        let mut text = Vec::new();
        TextEncoder::new().encode(&families, &mut text).unwrap();
        let text = String::from_utf8(text).unwrap();
        assert!(text.contains(r#"roundtable_housekeeping_runs_total{outcome="ok",task="messages"} 1"#), "{text}");
        assert!(text.contains(r#"roundtable_housekeeping_runs_total{outcome="failed",task="messages"} 1"#));
        assert!(text.contains(r#"roundtable_outbox_deliveries_total{outcome="sent"} 3"#));
        assert!(text.contains("roundtable_websocket_connections 1"));
    }
}
