//! Who is central: degree, betweenness, closeness, harmonic, PageRank, eigenvector.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use rayon::prelude::*;

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
            for (&w, &len) in g.neighbors(v).iter().zip(g.edge_weights(v)) {
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

/// Reusable buffers for one unweighted single-source pass, so that a thread allocates once
/// rather than once per source.
struct Scratch {
    dist: Vec<u32>,
    sigma: Vec<f64>,
    delta: Vec<f64>,
    order: Vec<usize>,
}

impl Scratch {
    fn new(n: usize) -> Self {
        Scratch { dist: vec![u32::MAX; n], sigma: vec![0.0; n], delta: vec![0.0; n], order: Vec::with_capacity(n) }
    }

    /// Breadth-first search from `source`: distances, path counts, and the visiting order.
    fn bfs(&mut self, g: &Graph, source: usize, count_paths: bool) {
        for &v in &self.order {
            self.dist[v] = u32::MAX;
            self.sigma[v] = 0.0;
            self.delta[v] = 0.0;
        }
        self.order.clear();
        self.dist[source] = 0;
        self.sigma[source] = 1.0;
        self.order.push(source);
        let mut head = 0;
        while head < self.order.len() {
            let v = self.order[head];
            head += 1;
            let next = self.dist[v] + 1;
            for &w in g.neighbors(v) {
                if self.dist[w] == u32::MAX {
                    self.dist[w] = next;
                    self.order.push(w);
                }
                if count_paths && self.dist[w] == next {
                    self.sigma[w] += self.sigma[v];
                }
            }
        }
    }

    /// Brandes' accumulation after [`Scratch::bfs`]: predecessors are found again as the
    /// neighbours one step closer, which is cheaper than storing them.
    fn accumulate(&mut self, g: &Graph, total: &mut [f64]) {
        for &w in self.order.iter().rev() {
            let coefficient = (1.0 + self.delta[w]) / self.sigma[w];
            let dw = self.dist[w];
            for &v in g.neighbors(w) {
                if self.dist[v].wrapping_add(1) == dw {
                    self.delta[v] += self.sigma[v] * coefficient;
                }
            }
        }
        for &v in &self.order[1..] {
            total[v] += self.delta[v];
        }
    }
}

/// Sum of the dependencies of every node over `sources`.
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
    sources
        .par_iter()
        .fold(
            || (Scratch::new(n), vec![0.0; n]),
            |(mut scratch, mut acc), &s| {
                scratch.bfs(g, s, true);
                scratch.accumulate(g, &mut acc);
                (scratch, acc)
            },
        )
        .map(|(_, acc)| acc)
        .reduce(|| vec![0.0; n], add)
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
    (0..n)
        .into_par_iter()
        .map_init(
            || (Scratch::new(n), Vec::with_capacity(n)),
            |(scratch, reached), s| {
                scratch.bfs(g, s, false);
                reached.clear();
                reached.extend(scratch.order.iter().map(|&v| scratch.dist[v] as f64));
                f(reached)
            },
        )
        .collect()
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
pub fn pagerank(g: &Graph, alpha: f64) -> Vec<f64> {
    let n = g.node_count();
    if n == 0 {
        return Vec::new();
    }
    let strength: Vec<f64> = (0..n).map(|v| g.strength(v)).collect();
    let mut rank = vec![1.0 / n as f64; n];
    for _ in 0..10_000 {
        let dangling: f64 = (0..n).filter(|&v| strength[v] == 0.0).map(|v| rank[v]).sum();
        let base = (1.0 - alpha) / n as f64 + alpha * dangling / n as f64;
        let next: Vec<f64> = (0..n)
            .map(|v| {
                let inflow: f64 =
                    g.neighbors(v).iter().zip(g.edge_weights(v)).map(|(&u, &w)| rank[u] * w / strength[u]).sum();
                base + alpha * inflow
            })
            .collect();
        let change: f64 = next.iter().zip(&rank).map(|(a, b)| (a - b).abs()).sum();
        rank = next;
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
            .map(|v| x[v] + g.neighbors(v).iter().zip(g.edge_weights(v)).map(|(&u, &w)| w * x[u]).sum::<f64>())
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
