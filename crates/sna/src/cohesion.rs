//! How the network holds together: components, k-cores, clustering, and Burt's structural
//! holes (constraint, effective size).

use std::sync::atomic::{AtomicU32, Ordering::Relaxed};

use rayon::prelude::*;

use crate::Graph;

/// The component of every node (numbered from 0 in order of first node) and their number.
///
/// One breadth-first search per component over the neighbour lists, with `u32` labels and
/// one queue for the whole graph: `O(n + m)`, every edge end read once.
pub fn components(g: &Graph) -> (Vec<usize>, usize) {
    let n = g.node_count();
    let (offsets, targets, _) = g.csr();
    const NONE: u32 = u32::MAX;
    let mut label = vec![NONE; n];
    let mut queue = vec![0u32; n];
    let mut count = 0u32;
    for start in 0..n {
        if label[start] != NONE {
            continue;
        }
        label[start] = count;
        queue[0] = start as u32;
        let (mut head, mut tail) = (0, 1);
        while head < tail {
            let v = queue[head] as usize;
            head += 1;
            for &w in &targets[offsets[v]..offsets[v + 1]] {
                let seen = &mut label[w as usize];
                if *seen == NONE {
                    *seen = count;
                    queue[tail] = w;
                    tail += 1;
                }
            }
        }
        count += 1;
    }
    (label.into_iter().map(|c| c as usize).collect(), count as usize)
}

/// Core number of every node: the largest `k` such that the node belongs to a subgraph
/// where every node has at least `k` neighbours.
///
/// Peeling, level by level and in parallel (as in Kabir & Madduri's PKC): at level `k`, the
/// nodes left with `k` neighbours are removed together, each taking one neighbour from every
/// node still above `k` (an atomic decrement, so two removals never take the same one), and
/// a node brought down to `k` is removed next by the thread that brought it down, until
/// none is left at `k`; the next level is the smallest degree left. Core numbers are
/// unique, so the result does not depend on the order in which threads remove nodes.
/// `O(m)` decrements plus one scan of the nodes left per level.
pub fn core_number(g: &Graph) -> Vec<usize> {
    let n = g.node_count();
    // `u32`: half the memory traffic of `usize`, on an array read at random.
    let degree: Vec<AtomicU32> = (0..n).into_par_iter().map(|v| AtomicU32::new(g.degree(v) as u32)).collect();
    let left = |v: &u32| degree[*v as usize].load(Relaxed);
    let mut remaining: Vec<u32> = (0..n as u32).collect();
    while let Some(k) = remaining.par_iter().map(left).min() {
        let first: Vec<u32> = remaining.par_iter().copied().filter(|v| left(v) == k).collect();
        // Down by one if still above `k`; the one decrement that reaches `k` removes `u`,
        // and the thread that made it goes on from `u`.
        let take = |u: u32| degree[u as usize].fetch_update(Relaxed, Relaxed, |d| (d > k).then(|| d - 1)) == Ok(k + 1);
        first.par_iter().for_each_init(Vec::new, |stack: &mut Vec<u32>, &v| {
            stack.push(v);
            while let Some(v) = stack.pop() {
                stack.extend(g.neighbors(v as usize).iter().copied().filter(|&u| take(u)));
            }
        });
        remaining = remaining.par_iter().copied().filter(|v| left(v) > k).collect();
    }
    degree.into_iter().map(|d| d.into_inner() as usize).collect()
}

/// Triangles through every node.
fn triangles(g: &Graph, v: usize) -> usize {
    let row = g.neighbors(v);
    let mut count = 0;
    for (i, &a) in row.iter().enumerate() {
        let a_row = g.neighbors(a as usize);
        for &b in &row[i + 1..] {
            if a_row.binary_search(&b).is_ok() {
                count += 1;
            }
        }
    }
    count
}

/// Local clustering coefficient (unweighted): the share of pairs of neighbours that are
/// themselves tied; 0 for nodes with fewer than two neighbours.
pub fn clustering(g: &Graph) -> Vec<f64> {
    (0..g.node_count())
        .map(|v| {
            let d = g.degree(v);
            if d < 2 {
                0.0
            } else {
                2.0 * triangles(g, v) as f64 / (d * (d - 1)) as f64
            }
        })
        .collect()
}

/// The share of `v`'s ties invested in `u` (unweighted, as NetworkX's default): `1 / degree(v)`.
fn invested(g: &Graph, v: usize, u: u32) -> f64 {
    if g.neighbors(v).binary_search(&u).is_ok() {
        1.0 / g.degree(v) as f64
    } else {
        0.0
    }
}

/// Burt's constraint: how much a node's contacts are tied to each other, so that the node
/// brokers little. `None` for isolated nodes, where it is undefined.
pub fn constraint(g: &Graph) -> Vec<Option<f64>> {
    (0..g.node_count())
        .map(|v| {
            if g.degree(v) == 0 {
                return None;
            }
            let total = g
                .neighbors(v)
                .iter()
                .map(|&j| {
                    let indirect: f64 = g
                        .neighbors(v)
                        .iter()
                        .filter(|&&q| q != j)
                        .map(|&q| invested(g, v, q) * invested(g, q as usize, j))
                        .sum();
                    (invested(g, v, j) + indirect).powi(2)
                })
                .sum();
            Some(total)
        })
        .collect()
}

/// Burt's effective size: the number of a node's contacts minus their redundancy, `n - 2t/n`
/// for `n` contacts with `t` ties among them. `None` for isolated nodes.
pub fn effective_size(g: &Graph) -> Vec<Option<f64>> {
    (0..g.node_count())
        .map(|v| {
            let n = g.degree(v) as f64;
            (n > 0.0).then(|| n - 2.0 * triangles(g, v) as f64 / n)
        })
        .collect()
}
