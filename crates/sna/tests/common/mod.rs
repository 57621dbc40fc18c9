//! Loading the reference graphs, shared by the test files.
// Each test file uses a different subset of these helpers.
#![allow(dead_code)]

use std::path::PathBuf;

use sna::{Graph, GraphBuilder};

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// A fixture graph, weighted when its edge list has a weight column.
pub fn load(name: &str) -> Graph {
    let text = std::fs::read_to_string(fixture(&format!("{name}.edges.csv"))).unwrap();
    let mut lines = text.lines();
    let weighted = lines.next().unwrap().split(',').count() == 3;
    let mut b = GraphBuilder::new();
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = line.split(',').collect();
        let w = if weighted { f[2].trim().parse().unwrap() } else { 1.0 };
        b.add_edge(f[0].trim(), f[1].trim(), w).unwrap();
    }
    b.weighted(weighted);
    b.build()
}

/// The karate club and its `club` split (0 = "Mr. Hi", 1 = "Officer") by node index.
pub fn karate() -> (Graph, Vec<usize>) {
    let g = load("karate");
    let text = std::fs::read_to_string(fixture("karate.nodes.csv")).unwrap();
    let mut club = vec![usize::MAX; g.node_count()];
    for line in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let (id, name) = line.split_once(',').unwrap();
        club[g.index_of(id.trim()).unwrap()] = usize::from(name.trim() != "Mr. Hi");
    }
    assert!(club.iter().all(|&c| c != usize::MAX));
    (g, club)
}

/// A seeded stream of numbers below `n` (a linear congruential generator: enough to draw
/// test graphs, the same on every machine).
pub fn draws(seed: u64) -> impl FnMut(u64) -> u64 {
    let mut state = seed;
    move |n| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) % n
    }
}
