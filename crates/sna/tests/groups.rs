//! Group-aware measures: the E-I index and brokerage counted by hand on tiny graphs and by
//! brute force on the karate club, assortativity against NetworkX.

mod common;
use common::{karate, load};

use sna::groups::{self, Brokerage};
use sna::{Graph, GraphBuilder};

fn graph(edges: &[(&str, &str)], isolated: &[&str]) -> Graph {
    let mut b = GraphBuilder::new();
    for (u, v) in edges {
        b.add_edge(u, v, 1.0).unwrap();
    }
    for v in isolated {
        b.add_node(v).unwrap();
    }
    b.build()
}

/// Groups by id, turned into groups by node index.
fn by_id(g: &Graph, groups: &[(&str, usize)]) -> Vec<usize> {
    let mut out = vec![usize::MAX; g.node_count()];
    for (id, group) in groups {
        out[g.index_of(id).unwrap()] = *group;
    }
    assert!(out.iter().all(|&x| x != usize::MAX));
    out
}

fn close(ours: f64, theirs: f64) -> bool {
    (ours - theirs).abs() <= 1e-9 * theirs.abs().max(1e-12)
}

#[test]
fn degenerate_graphs_give_none_or_zero() {
    let empty = GraphBuilder::new().build();
    assert_eq!(groups::ei_index(&empty, &[]), None);
    assert!(groups::ei_index_per_node(&empty, &[]).is_empty());
    assert_eq!(groups::assortativity(&empty, &[]), None);
    assert!(groups::brokerage(&empty, &[]).is_empty());

    let single = graph(&[], &["a"]);
    assert_eq!(groups::ei_index(&single, &[0]), None);
    assert_eq!(groups::ei_index_per_node(&single, &[0]), vec![None]);
    assert_eq!(groups::assortativity(&single, &[0]), None);
    assert_eq!(groups::brokerage(&single, &[0]), vec![Brokerage::default()]);

    let edgeless = graph(&[], &["a", "b", "c"]);
    assert_eq!(groups::ei_index(&edgeless, &[0, 1, 2]), None);
    assert_eq!(groups::assortativity(&edgeless, &[0, 1, 2]), None);
    assert!(groups::brokerage(&edgeless, &[0, 1, 2]).iter().all(|b| b.total() == 0));
}

#[test]
#[should_panic(expected = "one group per node")]
fn wrong_number_of_groups_is_refused() {
    groups::ei_index(&graph(&[("a", "b")], &[]), &[0]);
}

#[test]
fn ei_index_by_hand() {
    // a–b inside group 0, a–c and b–c across, d isolated: E = 2, I = 1.
    let g = graph(&[("a", "b"), ("a", "c"), ("b", "c")], &["d"]);
    let gr = by_id(&g, &[("a", 0), ("b", 0), ("c", 1), ("d", 1)]);
    assert_eq!(groups::ei_index(&g, &gr), Some(1.0 / 3.0));
    let per = groups::ei_index_per_node(&g, &gr);
    assert_eq!(per[g.index_of("a").unwrap()], Some(0.0));
    assert_eq!(per[g.index_of("b").unwrap()], Some(0.0));
    assert_eq!(per[g.index_of("c").unwrap()], Some(1.0));
    assert_eq!(per[g.index_of("d").unwrap()], None);
    // All in one group: every tie internal.
    assert_eq!(groups::ei_index(&g, &[5, 5, 5, 5]), Some(-1.0));
}

#[test]
fn ei_index_of_karate() {
    // 11 of the 78 ties cross the club split.
    let (g, club) = karate();
    assert!(close(groups::ei_index(&g, &club).unwrap(), (11.0 - 67.0) / 78.0));
    // The network-level index is the degree-weighted mean of the node-level ones.
    let per = groups::ei_index_per_node(&g, &club);
    let weighted: f64 = per.iter().enumerate().map(|(v, e)| e.unwrap() * g.degree(v) as f64).sum();
    assert!(close(weighted / (2.0 * 78.0), (11.0 - 67.0) / 78.0));
}

#[test]
fn assortativity_matches_networkx() {
    // NetworkX 3.6.1, `nx.attribute_assortativity_coefficient(G, "club")` on the graph read
    // from tests/fixtures/karate.{edges,nodes}.csv (the same value as on
    // `nx.karate_club_graph()`).
    let (g, club) = karate();
    let r = groups::assortativity(&g, &club).unwrap();
    assert!(close(r, 0.717530864197531), "{r}");

    // Three groups: NetworkX 3.6.1 with node attribute `g = len(id) % 3` (Python counts code
    // points, as `chars().count()` does) on lesmis.edges.csv and florentine.edges.csv.
    for (name, expected) in [("lesmis", -0.05842466682282732), ("florentine", 0.040000000000000126)] {
        let g = load(name);
        let gr: Vec<usize> = g.ids().map(|id| id.chars().count() % 3).collect();
        let r = groups::assortativity(&g, &gr).unwrap();
        assert!(close(r, expected), "{name}: {r} vs {expected}");
    }
}

#[test]
fn assortativity_by_hand_and_undefined_cases() {
    // Two groups of two, joined in a path a–b–c–d with the middle tie crossing:
    // (4mI − ΣD²) / (4m² − ΣD²) = (24 − 18) / (36 − 18).
    let g = graph(&[("a", "b"), ("b", "c"), ("c", "d")], &[]);
    let gr = by_id(&g, &[("a", 0), ("b", 0), ("c", 1), ("d", 1)]);
    assert!(close(groups::assortativity(&g, &gr).unwrap(), 1.0 / 3.0));
    // Perfectly disassortative: every tie crosses in a bipartite-like split.
    let square = graph(&[("a", "b"), ("b", "c"), ("c", "d"), ("d", "a")], &[]);
    let alt = by_id(&square, &[("a", 0), ("b", 1), ("c", 0), ("d", 1)]);
    assert!(close(groups::assortativity(&square, &alt).unwrap(), -1.0));
    // One group only (an isolated node elsewhere does not change that): undefined.
    let g = graph(&[("a", "b")], &["z"]);
    assert_eq!(groups::assortativity(&g, &by_id(&g, &[("a", 0), ("b", 0), ("z", 1)])), None);
}

fn roles(coordinator: usize, gatekeeper: usize, representative: usize, consultant: usize, liaison: usize) -> Brokerage {
    Brokerage { coordinator, gatekeeper, representative, consultant, liaison }
}

#[test]
fn brokerage_on_a_path_by_hand() {
    // a – b – c, every combination of groups; each path is read in both directions.
    let g = graph(&[("a", "b"), ("b", "c")], &[]);
    let b = g.index_of("b").unwrap();
    let cases = [
        ([0, 0, 0], roles(2, 0, 0, 0, 0)),
        ([0, 0, 1], roles(0, 1, 1, 0, 0)),
        ([1, 0, 0], roles(0, 1, 1, 0, 0)),
        ([0, 1, 0], roles(0, 0, 0, 2, 0)),
        ([0, 1, 2], roles(0, 0, 0, 0, 2)),
    ];
    for (abc, expected) in cases {
        let gr = by_id(&g, &[("a", abc[0]), ("b", abc[1]), ("c", abc[2])]);
        let all = groups::brokerage(&g, &gr);
        assert_eq!(all[b], expected, "groups {abc:?}");
        // The ends broker nothing.
        assert_eq!(all.iter().map(Brokerage::total).sum::<usize>(), 2);
    }
}

#[test]
fn brokerage_on_a_star_by_hand() {
    // Centre b in group 0; leaves x1, x2 in group 0, y1, y2 in group 1, z in group 2.
    // The 10 pairs of leaves: {x1,x2} coordinator; 4 {x,y} and 2 {x,z} pairs put b with one
    // end (representative and gatekeeper once each); {y1,y2} consultant; 2 {y,z} liaison.
    let edges = [("b", "x1"), ("b", "x2"), ("b", "y1"), ("b", "y2"), ("b", "z")];
    let ids = [("b", 0), ("x1", 0), ("x2", 0), ("y1", 1), ("y2", 1), ("z", 2)];
    let g = graph(&edges, &[]);
    let b = g.index_of("b").unwrap();
    assert_eq!(groups::brokerage(&g, &by_id(&g, &ids))[b], roles(2, 6, 6, 2, 4));

    // Tie y1–z and x1–y1: those pairs are no longer open, and y1, x1, z gain nothing, since
    // their other contacts are tied to each other.
    let mut more = edges.to_vec();
    more.extend([("y1", "z"), ("x1", "y1")]);
    let g = graph(&more, &[]);
    let all = groups::brokerage(&g, &by_id(&g, &ids));
    assert_eq!(all[g.index_of("b").unwrap()], roles(2, 5, 5, 2, 2));
    // y1 now sits between x1 and z, who are not tied: groups 0, 1, 2, a liaison both ways.
    assert_eq!(all[g.index_of("y1").unwrap()], roles(0, 0, 0, 0, 2));
    assert_eq!(all[g.index_of("x1").unwrap()].total(), 0);
}

#[test]
fn brokerage_on_karate_agrees_with_directed_brute_force() {
    // The loop of R's sna::brokerage (gli.c) on the symmetric graph: every ordered triple
    // i → j → k with i, k distinct and not tied, classified from i's and k's groups.
    let (g, club) = karate();
    let n = g.node_count();
    let tied = |u: usize, v: usize| g.weight(u, v).is_some();
    let mut expected = vec![Brokerage::default(); n];
    for i in 0..n {
        for j in 0..n {
            for k in 0..n {
                if i == k || !tied(i, j) || !tied(j, k) || tied(i, k) {
                    continue;
                }
                let e = &mut expected[j];
                let (ci, cj, ck) = (club[i], club[j], club[k]);
                if ci == cj && cj == ck {
                    e.coordinator += 1;
                } else if ci == cj {
                    e.representative += 1;
                } else if cj == ck {
                    e.gatekeeper += 1;
                } else if ci == ck {
                    e.consultant += 1;
                } else {
                    e.liaison += 1;
                }
            }
        }
    }
    let ours = groups::brokerage(&g, &club);
    assert_eq!(ours, expected);
    // Two groups leave no room for liaisons; Mr. Hi (node 0) coordinates and bridges most.
    assert!(ours.iter().all(|b| b.liaison == 0 && b.gatekeeper == b.representative));
    let hi = ours[g.index_of("0").unwrap()];
    assert!(hi.coordinator > 0 && hi.gatekeeper > 0);
}
