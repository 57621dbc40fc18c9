//! Times each measure on an edge list: `cargo run --release -p sna --example bench -- EDGES.csv [REPEATS]`.
//! Prints one JSON object: measure → median seconds. Used by `bench/sna/run`.

use std::time::Instant;

use sna::{centrality, cohesion, communities, GraphBuilder};

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: bench EDGES.csv [REPEATS]");
    let repeats: usize = args.next().map(|r| r.parse().expect("repeats")).unwrap_or(3);
    let text = std::fs::read_to_string(&path).expect("readable edge list");
    let started = Instant::now();
    let mut b = GraphBuilder::new();
    for line in text.lines().skip(1) {
        let (s, t) = line.split_once(',').expect("source,target");
        b.add_edge(s, t, 1.0).expect("valid edge");
    }
    let g = b.build();
    let load = started.elapsed().as_secs_f64();
    let time = |f: &dyn Fn()| {
        median(
            (0..repeats)
                .map(|_| {
                    let t = Instant::now();
                    f();
                    t.elapsed().as_secs_f64()
                })
                .collect(),
        )
    };
    let results = [
        (
            "betweenness",
            time(&|| {
                std::hint::black_box(centrality::betweenness(&g));
            }),
        ),
        (
            "closeness",
            time(&|| {
                std::hint::black_box(centrality::closeness(&g));
            }),
        ),
        (
            "pagerank",
            time(&|| {
                std::hint::black_box(centrality::pagerank(&g, 0.85));
            }),
        ),
        (
            "core",
            time(&|| {
                std::hint::black_box(cohesion::core_number(&g));
            }),
        ),
        (
            "clustering",
            time(&|| {
                std::hint::black_box(cohesion::clustering(&g));
            }),
        ),
        (
            "communities",
            time(&|| {
                std::hint::black_box(communities::leiden(&g, 1));
            }),
        ),
    ];
    let body: Vec<String> = results.iter().map(|(k, v)| format!("\"{k}\": {v:.6}")).collect();
    println!(
        "{{\"nodes\": {}, \"edges\": {}, \"load\": {load:.6}, {}}}",
        g.node_count(),
        g.edge_count(),
        body.join(", ")
    );
}
