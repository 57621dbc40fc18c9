//! Times measures on an edge list, for `bench/sna/run`:
//!
//! ```text
//! cargo run --release -p sna --example bench -- EDGES.csv TASK[,TASK...] REPEATS
//! cargo run --release -p sna --example bench -- EDGES.csv memory
//! ```
//!
//! Tasks: `betweenness`, `closeness`, `pagerank`, `components`, `core`, `clustering`,
//! `communities`. Prints one JSON object: for each task the median, fastest and slowest of
//! the runs in seconds (and, for communities, the modularity reached). Every run gets a
//! graph built afresh from the edge list, untimed, as `bench/sna/peers.py` does for the
//! other libraries, so that no run can reuse anything an earlier one left. `memory` instead
//! reads the edge list, then builds the graph, and reports the peak resident memory of the
//! build above what the process held before it (Linux: `VmHWM` reset through
//! `/proc/self/clear_refs`), and what stays resident once the builder is gone.

use std::time::Instant;

use sna::{centrality, cohesion, communities, Graph, GraphBuilder};

fn build(text: &str) -> Graph {
    let mut b = GraphBuilder::new();
    for line in text.lines().skip(1) {
        let (s, t) = line.split_once(',').expect("source,target");
        b.add_edge(s, t, 1.0).expect("valid edge");
    }
    b.build()
}

/// A field of `/proc/self/status`, in KiB.
fn status_kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("Linux /proc");
    let line = status.lines().find(|l| l.starts_with(field)).expect("field in /proc/self/status");
    line.split_whitespace().nth(1).and_then(|x| x.parse().ok()).expect("a number of kB")
}

fn memory(text: &str) {
    let baseline = status_kib("VmRSS:");
    std::fs::write("/proc/self/clear_refs", "5").expect("resettable peak (Linux /proc/self/clear_refs)");
    let g = std::hint::black_box(build(text));
    let peak = status_kib("VmHWM:");
    let retained = status_kib("VmRSS:");
    println!(
        "{{\"library\": \"sna {}\", \"nodes\": {}, \"edges\": {}, \"baseline_kib\": {baseline}, \"peak_kib\": {peak}, \"retained_kib\": {retained}}}",
        env!("CARGO_PKG_VERSION"),
        g.node_count(),
        g.edge_count()
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: bench EDGES.csv TASK[,TASK...] REPEATS | bench EDGES.csv memory";
    let text = std::fs::read_to_string(args.first().expect(usage)).expect("readable edge list");
    let tasks = args.get(1).expect(usage);
    if tasks == "memory" {
        return memory(&text);
    }
    let repeats: usize = args.get(2).map(|r| r.parse().expect("repeats")).unwrap_or(3);
    let (nodes, edges) = {
        let g = build(&text);
        (g.node_count(), g.edge_count())
    };
    let mut body = Vec::new();
    for task in tasks.split(',') {
        let mut modularity = None;
        let mut runs: Vec<f64> = (0..repeats)
            .map(|_| {
                let g = build(&text);
                let t = Instant::now();
                match task {
                    "betweenness" => drop(std::hint::black_box(centrality::betweenness(&g))),
                    "closeness" => drop(std::hint::black_box(centrality::closeness(&g))),
                    "pagerank" => drop(std::hint::black_box(centrality::pagerank(&g, 0.85))),
                    "components" => drop(std::hint::black_box(cohesion::components(&g))),
                    "core" => drop(std::hint::black_box(cohesion::core_number(&g))),
                    "clustering" => drop(std::hint::black_box(cohesion::clustering(&g))),
                    "communities" => {
                        let p = std::hint::black_box(communities::leiden(&g, 1));
                        let elapsed = t.elapsed().as_secs_f64();
                        modularity = Some(communities::modularity(&g, &p.community));
                        return elapsed;
                    }
                    other => panic!("unknown task {other}"),
                }
                t.elapsed().as_secs_f64()
            })
            .collect();
        runs.sort_by(f64::total_cmp);
        let extra = modularity.map(|q| format!(", \"modularity\": {q:.6}")).unwrap_or_default();
        body.push(format!(
            "\"{task}\": {{\"median\": {:.6}, \"min\": {:.6}, \"max\": {:.6}, \"runs\": {}{extra}}}",
            runs[runs.len() / 2],
            runs[0],
            runs[runs.len() - 1],
            runs.len()
        ));
    }
    println!(
        "{{\"library\": \"sna {}\", \"nodes\": {}, \"edges\": {}, \"threads\": {}, \"tasks\": {{{}}}}}",
        env!("CARGO_PKG_VERSION"),
        nodes,
        edges,
        rayon::current_num_threads(),
        body.join(", ")
    );
}
