//! Who is central: degree, betweenness, closeness, harmonic, PageRank, eigenvector.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use rayon::prelude::*;

use crate::compact::Compact;
use crate::Graph;

/// Number of neighbours of every node.
pub fn degree(g: &Graph) -> Vec<usize> {
    (0..g.node_count()).map(|v| g.degree(v)).collect()
}

/// Shortest paths from one source, in the order they were settled, with path counts and
/// predecessors: what Brandes' algorithm and the distance-based measures share.
struct Paths {
    /// Nodes in non-decreasing distance from the source (only reachable ones).
    order: Vec<usize>,
    /// Number of shortest paths from the source.
    sigma: Vec<f64>,
    /// Distance from the source; `f64::INFINITY` when unreachable.
    dist: Vec<f64>,
    /// Predecessors on shortest paths.
    preds: Vec<Vec<usize>>,
}

#[derive(PartialEq)]
struct Item(f64, usize);
impl Eq for Item {}
impl PartialOrd for Item {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Item {
    // Reversed: BinaryHeap is a max-heap and we want the nearest first.
    fn cmp(&self, other: &Self) -> Ordering {
        other.0.total_cmp(&self.0).then_with(|| other.1.cmp(&self.1))
    }
}

fn shortest_paths(g: &Graph, source: usize) -> Paths {
    let n = g.node_count();
    let mut p =
        Paths { order: Vec::new(), sigma: vec![0.0; n], dist: vec![f64::INFINITY; n], preds: vec![Vec::new(); n] };
    p.sigma[source] = 1.0;
    p.dist[source] = 0.0;
    if g.is_weighted() {
        let mut settled = vec![false; n];
        let mut heap = BinaryHeap::new();
        heap.push(Item(0.0, source));
        while let Some(Item(d, v)) = heap.pop() {
            if settled[v] || d > p.dist[v] {
                continue;
            }
            settled[v] = true;
            p.order.push(v);
            for (&w, len) in g.neighbors(v).iter().zip(g.edge_weights(v)) {
                let w = w as usize;
                let alt = d + len;
                if alt < p.dist[w] {
                    p.dist[w] = alt;
                    p.sigma[w] = p.sigma[v];
                    p.preds[w].clear();
                    p.preds[w].push(v);
                    heap.push(Item(alt, w));
                } else if alt == p.dist[w] && !settled[w] {
                    p.sigma[w] += p.sigma[v];
                    p.preds[w].push(v);
                }
            }
        }
    } else {
        let mut queue = std::collections::VecDeque::from([source]);
        while let Some(v) = queue.pop_front() {
            p.order.push(v);
            let next = p.dist[v] + 1.0;
            for &w in g.neighbors(v) {
                let w = w as usize;
                if p.dist[w].is_infinite() {
                    p.dist[w] = next;
                    queue.push_back(w);
                }
                if p.dist[w] == next {
                    p.sigma[w] += p.sigma[v];
                    p.preds[w].push(v);
                }
            }
        }
    }
    p
}

/// Reusable buffers for one unweighted breadth-first search, so that a thread allocates
/// once rather than once per source.
struct Scratch {
    /// Distance from the source, `u32::MAX` when not reached.
    dist: Vec<u32>,
    /// Reached nodes in the order the search met them (non-decreasing distance); only
    /// `order[..reached]` is meaningful.
    order: Vec<u32>,
    reached: usize,
}

impl Scratch {
    fn new(n: usize) -> Self {
        Scratch { dist: vec![u32::MAX; n], order: vec![0; n], reached: 0 }
    }

    /// Breadth-first search from `source`: distances and the visiting order.
    fn bfs(&mut self, g: &Compact, source: u32) {
        for &v in &self.order[..self.reached] {
            self.dist[v as usize] = u32::MAX;
        }
        let (dist, order) = (&mut self.dist[..], &mut self.order[..]);
        dist[source as usize] = 0;
        order[0] = source;
        let mut tail = 1;
        let mut head = 0;
        while head < tail {
            let v = order[head] as usize;
            head += 1;
            let next = dist[v] + 1;
            for &w in g.neighbors(v as u32) {
                if dist[w as usize] == u32::MAX {
                    dist[w as usize] = next;
                    order[tail] = w;
                    tail += 1;
                }
            }
        }
        self.reached = tail;
    }
}

/// Reusable buffers for Brandes' algorithm from one source (unweighted).
///
/// Distances are kept modulo [`Brandes::CYCLE`], in one byte: the neighbours of a node at
/// distance `d` are at `d - 1`, `d` or `d + 1`, so the residue tells them apart, and a
/// byte per node keeps the array every edge reads small.
///
/// The search records, for every node, its neighbours one step farther (its successors on
/// shortest paths), so that the accumulation reads those alone, in sequence and without a
/// test per edge: the test whose outcome the branch predictor cannot guess is made once
/// per edge rather than twice.
struct Brandes {
    /// Distance from the source modulo [`Brandes::CYCLE`]; [`Brandes::UNSEEN`] when not reached.
    level: Vec<u8>,
    /// The number of shortest paths from the source during the search, then the node's
    /// coefficient `(1 + δ) / σ` during accumulation.
    value: Vec<f64>,
    /// Reached nodes in the order the search met them (non-decreasing distance); only
    /// `order[..reached]` is meaningful.
    order: Vec<u32>,
    reached: usize,
    /// Successors of `order[i]` are `successors[ends[i - 1]..ends[i]]` (from 0 for `i = 0`).
    successors: Vec<u32>,
    ends: Vec<u32>,
}

impl Brandes {
    const CYCLE: u8 = 255;
    const UNSEEN: u8 = 255;
    /// How many queued nodes ahead the search asks for neighbour lists.
    const AHEAD: usize = 4;

    fn new(g: &Compact) -> Self {
        let n = g.len();
        Brandes {
            level: vec![Self::UNSEEN; n],
            value: vec![0.0; n],
            order: vec![0; n + 1],
            reached: 0,
            successors: vec![0; g.arcs() + 1],
            ends: vec![0; n],
        }
    }

    fn after(level: u8) -> u8 {
        if level + 1 == Self::CYCLE {
            0
        } else {
            level + 1
        }
    }

    /// Breadth-first search from `source`: levels, path counts, successors and the
    /// visiting order.
    fn bfs(&mut self, g: &Compact, source: u32) {
        for &v in &self.order[..self.reached] {
            self.level[v as usize] = Self::UNSEEN;
            self.value[v as usize] = 0.0;
        }
        let (level, value, order) = (&mut self.level[..], &mut self.value[..], &mut self.order[..]);
        let (successors, ends) = (&mut self.successors[..], &mut self.ends[..]);
        level[source as usize] = 0;
        value[source as usize] = 1.0;
        order[0] = source;
        let mut tail = 1;
        let mut head = 0;
        let mut found = 0;
        while head < tail {
            let v = order[head] as usize;
            if head + Self::AHEAD < tail {
                g.prefetch(order[head + Self::AHEAD]);
            }
            let next = Self::after(level[v]);
            let paths = value[v];
            let first = found;
            // Branch-free: whether a neighbour is new, or one step farther, is a coin toss
            // to the branch predictor, so every neighbour is written down and kept or not
            // by moving the end of the list.
            for &w in g.neighbors(v as u32) {
                // SAFETY: `w < n = level.len()` (neighbours are nodes, an invariant of
                // `Compact`); `tail <= n < order.len()` as each node is queued once, and
                // `found <= arcs < successors.len()` as each edge end is kept at most once.
                unsafe {
                    let seen = *level.get_unchecked(w as usize);
                    let unseen = seen == Self::UNSEEN;
                    *level.get_unchecked_mut(w as usize) = if unseen { next } else { seen };
                    *order.get_unchecked_mut(tail) = w;
                    tail += usize::from(unseen);
                    *successors.get_unchecked_mut(found) = w;
                    found += usize::from(unseen | (seen == next));
                }
            }
            for &w in &successors[first..found] {
                value[w as usize] += paths;
            }
            ends[head] = found as u32;
            head += 1;
        }
        self.reached = tail;
    }

    /// Brandes' accumulation after [`Brandes::bfs`], pulled rather than pushed: a node's
    /// dependency is `σ_v · Σ (1 + δ_w) / σ_w` over its successors `w`, whose coefficients
    /// are final when the node is reached in reverse order. Each node writes only its own
    /// entry, and divides once rather than once per edge.
    fn accumulate(&mut self, total: &mut [f64]) {
        let value = &mut self.value[..];
        for i in (1..self.reached).rev() {
            let v = self.order[i] as usize;
            let range = self.ends[i - 1] as usize..self.ends[i] as usize;
            let sum: f64 = self.successors[range].iter().map(|&w| value[w as usize]).sum();
            let paths = value[v];
            let delta = paths * sum;
            total[v] += delta;
            value[v] = (1.0 + delta) / paths;
        }
    }
}

/// Sum of the dependencies of every node over `sources` (original indices); the result is
/// by original index.
fn accumulate_all(g: &Graph, sources: &[usize]) -> Vec<f64> {
    let n = g.node_count();
    if g.is_weighted() {
        return sources
            .par_iter()
            .fold(
                || vec![0.0; n],
                |mut acc, &s| {
                    acc.iter_mut().zip(dependencies(g, s)).for_each(|(a, d)| *a += d);
                    acc
                },
            )
            .reduce(|| vec![0.0; n], add);
    }
    let compact = Compact::new(g);
    let sum = sources
        .par_iter()
        // Each fold allocates buffers the size of the graph: a few per thread, not one per
        // handful of sources.
        .with_min_len(64)
        .fold(
            || (Brandes::new(&compact), vec![0.0; n]),
            |(mut scratch, mut acc), &s| {
                scratch.bfs(&compact, compact.renamed(s));
                scratch.accumulate(&mut acc);
                (scratch, acc)
            },
        )
        .map(|(_, acc)| acc)
        .reduce(|| vec![0.0; n], add);
    compact.to_original(&sum)
}

fn add(mut a: Vec<f64>, b: Vec<f64>) -> Vec<f64> {
    a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
    a
}

/// Brandes' dependency accumulation for one source (weighted graphs).
fn dependencies(g: &Graph, source: usize) -> Vec<f64> {
    let p = shortest_paths(g, source);
    let mut delta = vec![0.0; g.node_count()];
    for &w in p.order.iter().rev() {
        let coefficient = (1.0 + delta[w]) / p.sigma[w];
        for &v in &p.preds[w] {
            delta[v] += p.sigma[v] * coefficient;
        }
    }
    delta[source] = 0.0;
    delta
}

/// Betweenness centrality, exact (Brandes 2001), normalised as NetworkX does for undirected
/// graphs: the share of shortest paths between other pairs that pass through the node,
/// divided by `(n - 1)(n - 2) / 2`. Weights, if any, are distances.
pub fn betweenness(g: &Graph) -> Vec<f64> {
    let n = g.node_count();
    let sources: Vec<usize> = (0..n).collect();
    let sum = accumulate_all(g, &sources);
    // Each pair was counted from both ends, which the normalisation takes into account.
    let scale = if n > 2 { 1.0 / ((n - 1) as f64 * (n - 2) as f64) } else { 1.0 };
    sum.into_iter().map(|b| b * scale).collect()
}

/// An estimate of betweenness from `samples` sources drawn with `seed`, for graphs too
/// large for the exact computation (Brandes & Pich 2007). The estimate is unbiased; with
/// `k` samples, each value is within `ε` of the exact one with probability at least
/// `1 - 2 exp(-2 k ε²)` (Hoeffding; the per-source contribution to a normalised value
/// lies in `[0, 1]`), so `k = ln(2/δ) / (2 ε²)` samples give error `ε` with confidence `1 - δ`.
pub fn betweenness_sampled(g: &Graph, samples: usize, seed: u64) -> Vec<f64> {
    let n = g.node_count();
    if samples == 0 || samples >= n {
        return betweenness(g);
    }
    let mut rng = crate::rng::SplitMix64(seed);
    let mut nodes: Vec<usize> = (0..n).collect();
    for i in 0..samples {
        let j = i + rng.below(n - i);
        nodes.swap(i, j);
    }
    let sum = accumulate_all(g, &nodes[..samples]);
    let scale = if n > 2 { n as f64 / (samples as f64 * (n - 1) as f64 * (n - 2) as f64) } else { 1.0 };
    sum.into_iter().map(|b| b * scale).collect()
}

/// For every node, `f` of the distances to the nodes it reaches (itself included, at 0),
/// computed in parallel.
fn per_source<F: Fn(&[f64]) -> f64 + Sync>(g: &Graph, f: F) -> Vec<f64> {
    let n = g.node_count();
    if g.is_weighted() {
        return (0..n)
            .into_par_iter()
            .map(|s| {
                let reached: Vec<f64> = shortest_paths(g, s).dist.into_iter().filter(|d| d.is_finite()).collect();
                f(&reached)
            })
            .collect();
    }
    let compact = Compact::new(g);
    let values: Vec<f64> = (0..n as u32)
        .into_par_iter()
        .map_init(
            || (Scratch::new(n), Vec::with_capacity(n)),
            |(scratch, reached), s| {
                scratch.bfs(&compact, s);
                reached.clear();
                reached.extend(scratch.order[..scratch.reached].iter().map(|&v| scratch.dist[v as usize] as f64));
                f(reached)
            },
        )
        .collect();
    compact.to_original(&values)
}

/// Closeness centrality with the Wasserman–Faust correction for disconnected graphs
/// (NetworkX's default): `(r - 1) / Σ d` scaled by `(r - 1) / (n - 1)`, where `r` counts the
/// nodes reachable from the node, itself included. 0 for isolated nodes.
pub fn closeness(g: &Graph) -> Vec<f64> {
    let n = g.node_count();
    per_source(g, |reached| {
        let total: f64 = reached.iter().sum();
        let r = reached.len() as f64;
        if total > 0.0 && n > 1 {
            ((r - 1.0) / total) * ((r - 1.0) / (n as f64 - 1.0))
        } else {
            0.0
        }
    })
}

/// Harmonic centrality: the sum of `1 / d` over the other nodes (not normalised).
pub fn harmonic(g: &Graph) -> Vec<f64> {
    // A fold from +0.0: `sum` of no values is -0.0, which would print as such. Only the
    // node itself is at distance 0 (weights are positive).
    per_source(g, |reached| reached.iter().filter(|d| **d > 0.0).fold(0.0, |a, d| a + 1.0 / d))
}

/// PageRank with damping `alpha`, weights read as strengths; dangling (isolated) nodes
/// spread their rank evenly. Iterates until the total change is below `1e-14 · n`.
///
/// Each iteration pulls, for every node, its neighbours' rank per unit of strength
/// (computed once per node rather than once per edge), in parallel over blocks of nodes;
/// every node's sum is taken in the same order whatever the number of threads.
pub fn pagerank(g: &Graph, alpha: f64) -> Vec<f64> {
    let n = g.node_count();
    if n == 0 {
        return Vec::new();
    }
    let (offsets, targets, weights) = g.csr();
    // Unit weights, the common case (an unweighted graph keeps none), spare a
    // multiplication per edge.
    let unit = weights.iter().all(|&w| w == 1.0);
    let strength: Vec<f64> = (0..n).map(|v| g.strength(v)).collect();
    let inverse: Vec<f64> = strength.iter().map(|&s| if s > 0.0 { 1.0 / s } else { 0.0 }).collect();
    let mut rank = vec![1.0 / n as f64; n];
    let mut next = vec![0.0; n];
    let mut share = vec![0.0; n];
    const BLOCK: usize = 4096;
    for _ in 0..10_000 {
        let dangling: f64 = (0..n).filter(|&v| strength[v] == 0.0).map(|v| rank[v]).sum();
        let base = (1.0 - alpha) / n as f64 + alpha * dangling / n as f64;
        share.par_iter_mut().zip(&rank).zip(&inverse).for_each(|((s, r), i)| *s = r * i);
        let change: f64 = next
            .par_chunks_mut(BLOCK)
            .zip(rank.par_chunks(BLOCK))
            .enumerate()
            .map(|(block, (out, old))| {
                let first = block * BLOCK;
                let mut change = 0.0;
                for (i, (x, before)) in out.iter_mut().zip(old).enumerate() {
                    let v = first + i;
                    let row = offsets[v]..offsets[v + 1];
                    let inflow: f64 = if unit {
                        targets[row].iter().map(|&u| share[u as usize]).sum()
                    } else {
                        targets[row.clone()].iter().zip(&weights[row]).map(|(&u, &w)| share[u as usize] * w).sum()
                    };
                    *x = base + alpha * inflow;
                    change += (*x - before).abs();
                }
                change
            })
            .collect::<Vec<f64>>()
            .into_iter()
            .sum();
        std::mem::swap(&mut rank, &mut next);
        if change < 1e-14 * n as f64 {
            break;
        }
    }
    rank
}

/// Eigenvector centrality: the principal eigenvector of the (weighted) adjacency matrix,
/// positive, with Euclidean norm 1. `None` when the graph is not connected (the
/// eigenvector is then not unique) or has fewer than two nodes.
pub fn eigenvector(g: &Graph) -> Option<Vec<f64>> {
    let n = g.node_count();
    if n < 2 || crate::cohesion::components(g).1 != 1 {
        return None;
    }
    // Power iteration on A + I: the same eigenvectors, and no oscillation on bipartite graphs.
    let mut x = vec![1.0 / (n as f64).sqrt(); n];
    for _ in 0..100_000 {
        let mut y: Vec<f64> = (0..n)
            .map(|v| x[v] + g.neighbors(v).iter().zip(g.edge_weights(v)).map(|(&u, w)| w * x[u as usize]).sum::<f64>())
            .collect();
        let norm = y.iter().map(|a| a * a).sum::<f64>().sqrt();
        y.iter_mut().for_each(|a| *a /= norm);
        let change: f64 = y.iter().zip(&x).map(|(a, b)| (a - b).abs()).sum();
        x = y;
        if change < 1e-15 * n as f64 {
            break;
        }
    }
    Some(x)
}
