//! The unweighted kernels (breadth-first, relabelled, distances kept modulo 255) against the
//! general weighted ones (Dijkstra, original numbering) on the same graphs with every weight
//! 1: the same numbers up to rounding, on graphs larger and longer than the fixtures.

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
    let mut state = 11u64;
    let mut next = move |n: u64| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) % n
    };
    for (n, m) in [(300, 280), (400, 1200), (250, 2500)] {
        // Without duplicates: merged, they would weigh 2, a distance of 2 in the weighted copy.
        let edges: std::collections::BTreeSet<(usize, usize)> =
            (0..m).map(|_| (next(n) as usize, next(n) as usize)).map(|(u, v)| (u.min(v), u.max(v))).collect();
        let edges: Vec<(usize, usize)> = edges.into_iter().collect();
        check(&format!("random {n}/{m}"), n as usize, &edges);
    }
}
