//! Whom to introduce to whom: pairs of people who are not tied but share contacts, ranked by
//! a link-prediction index, optionally favouring pairs from different groups.
//!
//! Choices:
//! * The indices are Adamic–Adar and resource allocation, equal to NetworkX's
//!   `adamic_adar_index` and `resource_allocation_index`. Both weigh a shared contact by how
//!   selective it is: an introduction through someone with few ties means more than one
//!   through a hub who knows everybody. Edge weights are ignored, as in NetworkX.
//! * Only pairs with a shared contact can score above zero, so candidates are found by
//!   walking the two-paths `a – w – b` from every node rather than testing all `n²` pairs:
//!   the cost is `Σ degree(w)²`, which on sparse social networks is far below `n²`.
//! * Coordinators want to bridge sectors and countries, so a pair from different groups can
//!   get a bonus: its score is multiplied by `1 + cross_bonus`.
//! * Only the best `limit` pairs are kept, in a bounded heap per worker thread, so memory
//!   stays at `O(limit + n)` per thread however many candidate pairs there are. The order
//!   (score, then indices) is total, so the result does not depend on the thread schedule.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use rayon::prelude::*;

use crate::Graph;

/// The link-prediction index used to score a pair `a, b` from their common neighbours `w`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    /// Adamic–Adar: `Σ 1 / ln(degree(w))`.
    AdamicAdar,
    /// Resource allocation (Zhou, Lü & Zhang 2009): `Σ 1 / degree(w)`; penalises hubs more
    /// than Adamic–Adar does.
    ResourceAllocation,
}

/// A suggested introduction between two nodes that are not tied.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Suggestion {
    /// The lower node index of the pair.
    pub a: usize,
    /// The higher node index of the pair.
    pub b: usize,
    /// The index of the pair, times `1 + cross_bonus` when it crosses groups.
    pub score: f64,
    /// Whether groups were given and the two nodes are in different ones.
    pub crosses: bool,
}

/// Orders suggestions from worst to best, so that a max-heap's top is the one to drop.
struct Ranked(Suggestion);

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Ranked {}
impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Ranked {
    // Greater means worse: lower score, then higher indices.
    fn cmp(&self, other: &Self) -> Ordering {
        other.0.score.total_cmp(&self.0.score).then_with(|| (self.0.a, self.0.b).cmp(&(other.0.a, other.0.b)))
    }
}

/// Per-worker state: scratch arrays reused across source nodes, and the best pairs so far.
struct Worker {
    score: Vec<f64>,
    /// `stamp[v] == a + 1` marks `v` as a neighbour of the current source `a`; stamping
    /// instead of clearing keeps each source's cost proportional to its two-paths.
    stamp: Vec<usize>,
    touched: Vec<usize>,
    best: BinaryHeap<Ranked>,
}

impl Worker {
    fn new(n: usize) -> Self {
        Worker { score: vec![0.0; n], stamp: vec![0; n], touched: Vec::new(), best: BinaryHeap::new() }
    }

    fn offer(&mut self, s: Suggestion, limit: usize) {
        if self.best.len() < limit {
            self.best.push(Ranked(s));
        } else if let Some(worst) = self.best.peek() {
            if Ranked(s) < *worst {
                self.best.pop();
                self.best.push(Ranked(s));
            }
        }
    }
}

/// Suggest introductions: pairs `a < b` that are not tied but share at least one
/// neighbour, scored with `method` (equal to NetworkX's `adamic_adar_index` or
/// `resource_allocation_index`).
///
/// When `groups` is given (one group per node, as in [`crate::groups`]), a pair whose
/// groups differ is marked `crosses` and its score multiplied by `1 + cross_bonus`: 0 ranks
/// by the index alone, 0.5 ranks a crossing pair as if it shared half as much again, and a
/// value between −1 and 0 demotes crossing pairs instead. The factor is clamped at 0 and a
/// NaN bonus counts as 0, so a bad setting cannot scramble the ranking.
///
/// Returns at most `limit` suggestions, by score descending, then by `(a, b)` ascending.
///
/// # Panics
/// If `groups` is given and does not have one entry per node.
///
/// ```
/// use sna::recommend::{suggest, Method};
/// use sna::GraphBuilder;
/// let mut b = GraphBuilder::new();
/// // A lawyer and a doctor both know the NHRI officer but not each other.
/// b.add_edge("lawyer", "nhri", 1.0).unwrap();
/// b.add_edge("doctor", "nhri", 1.0).unwrap();
/// b.add_edge("lawyer", "ngo", 1.0).unwrap();
/// let g = b.build();
/// let sector = [0, 1, 2, 0]; // lawyer, nhri, doctor, ngo
/// let top = suggest(&g, Some(&sector), Method::ResourceAllocation, 1.0, 10);
/// let (lawyer, doctor) = (g.index_of("lawyer").unwrap(), g.index_of("doctor").unwrap());
/// assert_eq!((top[0].a, top[0].b, top[0].crosses), (lawyer, doctor, true));
/// assert!((top[0].score - 2.0 * 0.5).abs() < 1e-12); // 1/degree(nhri), doubled by the bonus
/// ```
pub fn suggest(g: &Graph, groups: Option<&[usize]>, method: Method, cross_bonus: f64, limit: usize) -> Vec<Suggestion> {
    let n = g.node_count();
    if let Some(groups) = groups {
        assert_eq!(groups.len(), n, "groups must give one group per node ({} given for {n} nodes)", groups.len());
    }
    if limit == 0 || n < 3 {
        return Vec::new();
    }
    let factor = if cross_bonus.is_nan() { 1.0 } else { (1.0 + cross_bonus).max(0.0) };
    // A neighbour of degree 1 joins no pair, so its (infinite, for Adamic–Adar) weight is
    // never read.
    let through: Vec<f64> = (0..n)
        .map(|w| {
            let d = g.degree(w) as f64;
            match method {
                Method::AdamicAdar => 1.0 / d.ln(),
                Method::ResourceAllocation => 1.0 / d,
            }
        })
        .collect();

    let best = (0..n)
        .into_par_iter()
        .fold(
            || Worker::new(n),
            |mut worker, a| {
                for &v in g.neighbors(a) {
                    worker.stamp[v as usize] = a + 1;
                }
                // Common neighbours are visited in increasing order, so each pair's sum is
                // taken in the same order whatever the thread schedule.
                for &w in g.neighbors(a) {
                    let w = w as usize;
                    let row = g.neighbors(w);
                    let start = row.partition_point(|&b| b as usize <= a);
                    for b in row[start..].iter().map(|&b| b as usize) {
                        if worker.stamp[b] == a + 1 {
                            continue;
                        }
                        if worker.score[b] == 0.0 {
                            worker.touched.push(b);
                        }
                        worker.score[b] += through[w];
                    }
                }
                let mut touched = std::mem::take(&mut worker.touched);
                for &b in &touched {
                    let crosses = groups.is_some_and(|gr| gr[a] != gr[b]);
                    let raw = std::mem::replace(&mut worker.score[b], 0.0);
                    let score = if crosses { raw * factor } else { raw };
                    worker.offer(Suggestion { a, b, score, crosses }, limit);
                }
                touched.clear();
                worker.touched = touched;
                worker
            },
        )
        .map(|worker| worker.best)
        .reduce(BinaryHeap::new, |mut x, mut y| {
            if x.len() < y.len() {
                std::mem::swap(&mut x, &mut y);
            }
            for r in y {
                x.push(r);
                if x.len() > limit {
                    x.pop();
                }
            }
            x
        });
    best.into_sorted_vec().into_iter().map(|r| r.0).collect()
}
