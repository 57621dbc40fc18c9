//! The unweighted kernels (breadth-first, relabelled, distances kept modulo 255) against the
//! general weighted ones (Dijkstra, original numbering) on the same graphs with every weight
//! 1: the same numbers up to rounding, on graphs larger and longer than the fixtures.

mod common;

use sna::{centrality, Graph, GraphBuilder};

/// The graph from `edges` twice: as given, and marked weighted (all weights 1).
fn both(n: usize, edges: &[(usize, usize)]) -> (Graph, Graph) {
    let build = |weighted: bool| {
        let mut b = GraphBuilder::new();
        for v in 0..n {
            b.add_node(&format!("n{v}")).unwrap();
        }
        for &(u, v) in edges {
            b.add_edge(&format!("n{u}"), &format!("n{v}"), 1.0).unwrap();
        }
        b.weighted(weighted);
        b.build()
    };
    (build(false), build(true))
}

fn assert_close(what: &str, ours: &[f64], reference: &[f64]) {
    assert_eq!(ours.len(), reference.len());
    for (v, (a, b)) in ours.iter().zip(reference).enumerate() {
        assert!((a - b).abs() <= 1e-9 * b.abs().max(1e-12), "{what}, node {v}: {a} vs {b}");
    }
}

fn check(name: &str, n: usize, edges: &[(usize, usize)]) {
    let (plain, weighted) = both(n, edges);
    assert!(!plain.is_weighted() && weighted.is_weighted());
    assert_close(&format!("{name} betweenness"), &centrality::betweenness(&plain), &centrality::betweenness(&weighted));
    assert_close(
        &format!("{name} sampled betweenness"),
        &centrality::betweenness_sampled(&plain, n / 3, 5),
        &centrality::betweenness_sampled(&weighted, n / 3, 5),
    );
    assert_close(&format!("{name} closeness"), &centrality::closeness(&plain), &centrality::closeness(&weighted));
    assert_close(&format!("{name} harmonic"), &centrality::harmonic(&plain), &centrality::harmonic(&weighted));
}

#[test]
fn long_paths_wrap_the_distance_residue() {
    // Distances up to 699, well past the 255 levels one byte tells apart.
    let path: Vec<(usize, usize)> = (0..699).map(|v| (v, v + 1)).collect();
    check("path", 700, &path);
    // A cycle with chords far apart, so that shortest paths are many and long.
    let mut ring: Vec<(usize, usize)> = (0..600).map(|v| (v, (v + 1) % 600)).collect();
    ring.extend([(0, 300), (150, 450), (75, 525)]);
    check("ring", 600, &ring);
}

#[test]
fn random_graphs_with_components_and_isolated_nodes() {
    let mut next = common::draws(11);
    for (n, m) in [(300, 280), (400, 1200), (250, 2500)] {
        // Without duplicates: merged, they would weigh 2, a distance of 2 in the weighted copy.
        let edges: std::collections::BTreeSet<(usize, usize)> =
            (0..m).map(|_| (next(n) as usize, next(n) as usize)).map(|(u, v)| (u.min(v), u.max(v))).collect();
        let edges: Vec<(usize, usize)> = edges.into_iter().collect();
        check(&format!("random {n}/{m}"), n as usize, &edges);
    }
}

/// Core numbers by the textbook peeling: remove a node of least degree, one at a time.
fn cores_one_by_one(g: &Graph) -> Vec<usize> {
    let n = g.node_count();
    let mut degree: Vec<usize> = (0..n).map(|v| g.degree(v)).collect();
    let mut left: std::collections::BTreeSet<(usize, usize)> = (0..n).map(|v| (degree[v], v)).collect();
    let mut core = vec![0; n];
    let mut k = 0;
    while let Some((d, v)) = left.pop_first() {
        k = k.max(d);
        core[v] = k;
        for &u in g.neighbors(v) {
            let u = u as usize;
            if left.remove(&(degree[u], u)) {
                degree[u] -= 1;
                left.insert((degree[u], u));
            }
        }
    }
    core
}

#[test]
fn parallel_peeling_gives_the_core_numbers_of_one_by_one_peeling() {
    let mut next = common::draws(5);
    // Dense groups with hubs and stray ties, so that levels have long cascades of removals
    // shared between threads; plus isolated nodes and a separate clique.
    let n = 30_000;
    let mut b = GraphBuilder::new();
    for v in 0..n + 10 {
        b.add_node(&format!("n{v}")).unwrap();
    }
    for v in 0..n {
        for _ in 0..1 + next(8) {
            let u = if next(10) < 8 { v / 100 * 100 + next(100) } else { next(n) };
            if u != v {
                b.add_edge(&format!("n{v}"), &format!("n{u}"), 1.0).unwrap();
            }
        }
    }
    for u in n + 2..n + 10 {
        for v in u + 1..n + 10 {
            b.add_edge(&format!("n{u}"), &format!("n{v}"), 1.0).unwrap();
        }
    }
    let g = b.build();
    let reference = cores_one_by_one(&g);
    assert!(reference.iter().copied().max() >= Some(7), "the graph has deep cores");
    for threads in [1, 4] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        assert_eq!(pool.install(|| sna::cohesion::core_number(&g)), reference, "{threads} threads");
    }
}
