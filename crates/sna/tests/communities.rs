//! Leiden communities and modularity against NetworkX on the reference graphs in
//! `tests/fixtures` (see its README).

mod common;
use common::{fixture, load};

use sna::communities::{leiden, modularity, Partition};
use sna::{Graph, GraphBuilder};

/// Each fixture graph with the best modularity of NetworkX's Louvain on it, over seeds 0..=9.
/// Produced with NetworkX 3.6.1 (Python 3.11):
///
/// ```text
/// G = nx.Graph()  # then, for each row of NAME.edges.csv in file order:
/// G.add_edge(source, target)  # or G.add_edge(source, target, weight=float(weight))
/// max(nx.community.modularity(G, c, weight="weight")
///     for c in (nx.community.louvain_communities(G, weight="weight", seed=s) for s in range(10)))
/// ```
const LOUVAIN_BEST: [(&str, f64); 8] = [
    ("karate", 0.41978961209730437),
    ("florentine", 0.39874999999999994),
    ("lesmis", 0.56000837001674),
    ("lesmis_weighted", 0.5608433949980367),
    ("davis_women", 0.01798561151079142),
    ("two_components", 0.375),
    ("star", 0.0),
    ("path", 0.48347107438016523),
];

/// Seeds tried on every graph: Leiden must reach NetworkX's best for each, not just one.
const SEEDS: std::ops::Range<u64> = 0..10;

fn graph(edges: &[(&str, &str)], isolated: &[&str]) -> Graph {
    let mut b = GraphBuilder::new();
    for &(u, v) in edges {
        b.add_edge(u, v, 1.0).unwrap();
    }
    for &v in isolated {
        b.add_node(v).unwrap();
    }
    b.build()
}

/// Labels in `0..count`, numbered by first appearance, and every community connected.
fn assert_well_formed(name: &str, g: &Graph, p: &Partition) {
    assert_eq!(p.community.len(), g.node_count(), "{name}");
    let mut next = 0;
    for &c in &p.community {
        assert!(c <= next, "{name}: community {c} appears before {next}");
        if c == next {
            next += 1;
        }
    }
    assert_eq!(next, p.count, "{name}");
    for c in 0..p.count {
        let start = p.community.iter().position(|&x| x == c).unwrap();
        let mut reached = vec![false; g.node_count()];
        reached[start] = true;
        let mut queue = std::collections::VecDeque::from([start]);
        while let Some(v) = queue.pop_front() {
            for &u in g.neighbors(v) {
                let u = u as usize;
                if p.community[u] == c && !reached[u] {
                    reached[u] = true;
                    queue.push_back(u);
                }
            }
        }
        for (v, &r) in reached.iter().enumerate() {
            assert!(p.community[v] != c || r, "{name}: community {c} is not connected at {}", g.id(v));
        }
    }
}

#[test]
fn leiden_reaches_networkx_louvain_best() {
    for (name, louvain) in LOUVAIN_BEST {
        let g = load(name);
        for seed in SEEDS {
            let p = leiden(&g, seed);
            assert_well_formed(name, &g, &p);
            let q = modularity(&g, &p.community);
            // 1e-12 forgives only a different order of summation.
            assert!(q >= louvain - 1e-12, "{name}, seed {seed}: modularity {q} < NetworkX Louvain {louvain}");
        }
    }
}

#[test]
fn leiden_is_deterministic_for_a_seed() {
    for (name, _) in LOUVAIN_BEST {
        let g = load(name);
        for seed in [0, 1, u64::MAX] {
            assert_eq!(leiden(&g, seed), leiden(&g, seed), "{name}, seed {seed}");
        }
    }
}

#[test]
fn leiden_does_not_depend_on_the_number_of_threads() {
    let g = load("lesmis_weighted");
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
    let four = rayon::ThreadPoolBuilder::new().num_threads(4).build().unwrap();
    for seed in [0, 9] {
        assert_eq!(one.install(|| leiden(&g, seed)), four.install(|| leiden(&g, seed)), "seed {seed}");
    }
}

#[test]
fn leiden_does_not_depend_on_the_number_of_threads_on_a_larger_graph() {
    // Several chunks of local moving and many communities to refine and aggregate: 4,000
    // nodes in 40 planted groups, most ties inside a group.
    let mut next = common::draws(11);
    let mut b = GraphBuilder::new();
    for _ in 0..20_000 {
        let u = next(4000);
        let v = if next(10) < 8 { u / 100 * 100 + next(100) } else { next(4000) };
        if u != v {
            b.add_edge(&u.to_string(), &v.to_string(), 1.0).unwrap();
        }
    }
    let g = b.build();
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
    let three = rayon::ThreadPoolBuilder::new().num_threads(3).build().unwrap();
    for seed in [0, 5] {
        let p = one.install(|| leiden(&g, seed));
        assert_well_formed("planted", &g, &p);
        assert_eq!(p, three.install(|| leiden(&g, seed)), "seed {seed}");
    }
}

#[test]
fn modularity_matches_networkx() {
    // References from NetworkX 3.6.1: nx.community.modularity(G, parts, weight="weight")
    // with G loaded as for LOUVAIN_BEST.
    let karate = load("karate");
    let text = std::fs::read_to_string(fixture("karate.nodes.csv")).unwrap();
    let mut club = vec![usize::MAX; karate.node_count()];
    for line in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let (id, name) = line.split_once(',').unwrap();
        club[karate.index_of(id.trim()).unwrap()] = usize::from(name.trim() != "Mr. Hi");
    }
    // parts = the nodes of each `club` value.
    assert!((modularity(&karate, &club) - 0.3582347140039448).abs() < 1e-12);
    // parts = [{v} for v in G]
    let singletons: Vec<usize> = (0..karate.node_count()).collect();
    assert!((modularity(&karate, &singletons) - -0.04980276134122289).abs() < 1e-12);
    // parts = [set(G)]
    assert!(modularity(&karate, &vec![7; karate.node_count()]).abs() < 1e-12);
    // parts = [set(order[:17]), set(order[17:])] with order = list(G.nodes), which is
    // our node order; the labels need not be small or contiguous.
    let halves: Vec<usize> = (0..karate.node_count()).map(|v| if v < 17 { 1000 } else { usize::MAX }).collect();
    assert!((modularity(&karate, &halves) - 0.27802432610124916).abs() < 1e-12);

    // parts = [set(order[i::3]) for i in range(3)]: weights count.
    let lesmis = load("lesmis_weighted");
    let thirds: Vec<usize> = (0..lesmis.node_count()).map(|v| v % 3).collect();
    assert!((modularity(&lesmis, &thirds) - -0.029955515061474897).abs() < 1e-12);

    let two = load("two_components");
    let by_component: Vec<usize> =
        (0..two.node_count()).map(|v| usize::from(["x", "y"].contains(&two.id(v)))).collect();
    assert!((modularity(&two, &by_component) - 0.375).abs() < 1e-12);
}

#[test]
fn empty_and_edgeless_graphs() {
    let empty = GraphBuilder::new().build();
    assert_eq!(leiden(&empty, 3), Partition { community: vec![], count: 0 });
    assert_eq!(modularity(&empty, &[]), 0.0);

    let single = graph(&[], &["a"]);
    assert_eq!(leiden(&single, 3), Partition { community: vec![0], count: 1 });

    let edgeless = graph(&[], &["a", "b", "c"]);
    assert_eq!(leiden(&edgeless, 3), Partition { community: vec![0, 1, 2], count: 3 });
    assert_eq!(modularity(&edgeless, &[0, 0, 0]), 0.0);
}

#[test]
fn isolated_nodes_and_components_stay_apart() {
    // Two triangles, a lone edge and two isolated nodes.
    let g = graph(
        &[("a", "b"), ("b", "c"), ("c", "a"), ("x", "y"), ("y", "z"), ("z", "x"), ("p", "q")],
        &["lonely", "alone"],
    );
    for seed in SEEDS {
        let p = leiden(&g, seed);
        assert_well_formed("triangles", &g, &p);
        assert_eq!(p.community, [0, 0, 0, 1, 1, 1, 2, 2, 3, 4], "seed {seed}");
    }
}

#[test]
fn communities_are_connected_on_sparse_random_graphs() {
    // Sparse random graphs with many small components and bridges, where Louvain is known
    // to leave communities in pieces.
    let mut next = common::draws(7);
    for round in 0..5 {
        let mut b = GraphBuilder::new();
        for v in 0..200 {
            b.add_node(&v.to_string()).unwrap();
        }
        for _ in 0..180 + 40 * round {
            let (u, v) = (next(200), next(200));
            b.add_edge(&u.to_string(), &v.to_string(), 1.0 + next(3) as f64).unwrap();
        }
        let g = b.build();
        let p = leiden(&g, round);
        assert_well_formed("random", &g, &p);
        assert_eq!(p, leiden(&g, round));
        for v in 0..g.node_count() {
            if g.degree(v) == 0 {
                assert_eq!(p.community.iter().filter(|&&c| c == p.community[v]).count(), 1, "isolated {v}");
            }
        }
    }
}
