//! Communities: groups of nodes more densely tied to each other than to the rest, found by
//! the Leiden algorithm and scored by Newman's modularity.
//!
//! [`leiden`] follows Traag, Waltman & van Eck, "From Louvain to Leiden: guaranteeing
//! well-connected communities" (Scientific Reports 9, 5233, 2019), optimising modularity
//! at resolution 1. One *pass* is the paper's algorithm:
//!
//! 1. *Fast local moving*: nodes are visited from a queue in random order; each moves to
//!    the neighbouring community (or an empty one) with the largest modularity gain, and
//!    when it moves, its neighbours outside its new community are queued again.
//! 2. *Refinement*: inside every community found, each node still on its own and well
//!    connected to its community joins a well-connected sub-community of it, chosen at
//!    random among those with a non-negative gain with probability ∝ `exp(ΔQ / θ)`,
//!    θ = 0.01 (the paper's value). Sub-communities only grow along edges, so they are
//!    connected.
//! 3. *Aggregation*: each sub-community becomes one node of a smaller network, starting in
//!    the community that contains it, and the steps repeat on it until local moving leaves
//!    every community as a single aggregate node.
//!
//! A *start* runs passes from singletons, each from the last one's result (as `leidenalg`'s
//! iterations), until a pass raises modularity by less than 10⁻⁴. A call makes several
//! independent starts, in parallel, and keeps the partition of highest modularity: one
//! start ends in one of several local optima, and on the reference graphs a single start
//! matches the best of ten NetworkX Louvain runs as rarely as one time in six (weighted Les
//! Misérables). Small graphs (up to about 8,000 nodes plus edges) get 64 starts, larger
//! ones fewer, down to one from about 500,000: a start costs time in proportion to the
//! graph, and the budget keeps a call's cost near that of one start on a large graph.
//!
//! The stopping threshold is a matter of cost, measured on the 200,000-node, 1,000,000-edge
//! graph of `bench/sna`: the first pass reaches modularity 0.84467, the second 0.84473, and
//! four more (at 10⁻⁶) add 0.00001 between them while taking more than half the time; every
//! pass after the first re-reads the whole network even when only a few hundred nodes move.
//!
//! Departures from the paper, each for a reason:
//! * During local moving, a node whose best neighbouring community is exactly as good as its
//!   own moves there on a coin flip, once per node and phase. Strict improvement alone stops
//!   at the edge of plateaus: on the Florentine families most starts end at 0.3975 when
//!   0.39875 lies one such tie away; with the coin flip about half of them reach it.
//! * Moves must gain more than a rounding margin, so floating-point noise cannot make nodes
//!   cycle.
//! * When refinement merges nothing, the level aggregates the connected parts of the
//!   communities instead (as igraph does), so every level shrinks the network.
//! * The communities returned are connected: Leiden guarantees it in exact arithmetic, and
//!   a last step splits any community into its connected parts should rounding have broken
//!   it, a split that never lowers modularity.
//!
//! Randomness comes from SplitMix64 generators: one seeded with the caller's seed draws the
//! seed of every start, and ties between starts go to the first, so a seed always gives the
//! same partition whatever the number of threads. Isolated nodes, which no move can
//! improve, stay alone.

use crate::rng::SplitMix64;
use std::collections::HashMap;

use rayon::prelude::*;

use crate::Graph;

/// A partition of the nodes into communities.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Partition {
    /// The community of every node, by node index: in `0..count`, numbered by first
    /// appearance in node order (node 0 is in community 0).
    pub community: Vec<usize>,
    /// The number of communities.
    pub count: usize,
}

/// Newman's modularity of a partition at resolution 1: the share of edge weight inside
/// communities minus the share expected if edges were rewired at random keeping strengths,
/// `Σ_c [L_c / m - (K_c / 2m)²]`. Weighted when the graph is; otherwise every edge counts 1.
/// Equal to `networkx.community.modularity(G, communities, weight="weight")`.
///
/// `community[v]` is node `v`'s label; any `usize` values will do, only equality matters.
/// A graph without edges has modularity 0 (NetworkX divides by zero there).
///
/// # Panics
///
/// If `community` does not have one label per node.
pub fn modularity(g: &Graph, community: &[usize]) -> f64 {
    assert_eq!(community.len(), g.node_count(), "modularity needs one community label per node");
    let mut dense: HashMap<usize, usize> = HashMap::new();
    let label: Vec<usize> = community
        .iter()
        .map(|&c| {
            let next = dense.len();
            *dense.entry(c).or_insert(next)
        })
        .collect();
    Network::from_graph(g).modularity(&label)
}

/// Communities by the Leiden algorithm, the best of several starts (see the
/// [module documentation](self)): connected, and the same for the same `seed`. Isolated
/// nodes are communities of their own; an empty graph has no communities.
///
/// ```
/// use sna::{communities, GraphBuilder};
/// // Two triangles joined by one edge.
/// let mut b = GraphBuilder::new();
/// for (u, v) in [("a", "b"), ("b", "c"), ("c", "a"), ("c", "x"), ("x", "y"), ("y", "z"), ("z", "x")] {
///     b.add_edge(u, v, 1.0).unwrap();
/// }
/// let g = b.build();
/// let p = communities::leiden(&g, 42);
/// assert_eq!(p.count, 2);
/// assert_eq!(p.community, [0, 0, 0, 1, 1, 1]); // a, b, c, x, y, z
/// assert!((communities::modularity(&g, &p.community) - 5.0 / 14.0).abs() < 1e-12);
/// ```
pub fn leiden(g: &Graph, seed: u64) -> Partition {
    let base = Network::from_graph(g);
    let n = base.len();
    let mut membership: Vec<usize> = (0..n).collect();
    if base.two_m > 0.0 {
        let starts = (START_WORK / (n + g.edge_count())).clamp(1, MAX_STARTS);
        let mut rng = SplitMix64(seed);
        let seeds: Vec<u64> = (0..starts).map(|_| rng.next()).collect();
        let runs: Vec<(f64, Vec<usize>)> = seeds.par_iter().map(|&s| one_start(&base, s)).collect();
        // The first of the best, whatever order the threads finished in.
        let mut best = 0;
        for (i, run) in runs.iter().enumerate() {
            if run.0 > runs[best].0 {
                best = i;
            }
        }
        membership.clone_from(&runs[best].1);
    }
    let (community, count) = connected_parts(&base, &membership);
    Partition { community, count }
}

/// Independent starts of one call on a small graph.
const MAX_STARTS: usize = 64;

/// Work budget of one call, in nodes plus edges times starts: starts become fewer as the
/// graph grows (64 up to about 8,000 nodes plus edges, one from about 500,000).
const START_WORK: usize = 1 << 19;

/// A pass raising modularity by less than this ends a start: a ten-thousandth is invisible
/// in the communities a person looks at, and large graphs can creep up by smaller steps for
/// many passes, each as costly as the first.
const MIN_PASS_GAIN: f64 = 1e-4;

/// Backstop on the passes of one start.
const MAX_PASSES: usize = 100;

/// Randomness of the refinement, in units of modularity (Traag et al.'s θ).
const THETA: f64 = 0.01;

/// Gains below this share of a node's strength are treated as rounding noise.
const MARGIN: f64 = 1e-12;

/// A weighted undirected network whose nodes may stand for groups of original nodes:
/// edges inside a group are not listed but still count in its strength.
#[derive(Clone)]
struct Network {
    offsets: Vec<usize>,
    targets: Vec<usize>,
    weights: Vec<f64>,
    strength: Vec<f64>,
    /// Sum of all strengths, twice the total edge weight; the same at every level.
    two_m: f64,
}

impl Network {
    fn from_graph(g: &Graph) -> Self {
        let n = g.node_count();
        let mut offsets = Vec::with_capacity(n + 1);
        offsets.push(0);
        let mut targets = Vec::with_capacity(2 * g.edge_count());
        let mut weights = Vec::with_capacity(2 * g.edge_count());
        let mut strength = Vec::with_capacity(n);
        for v in 0..n {
            targets.extend(g.neighbors(v).iter().map(|&w| w as usize));
            let row = g.edge_weights(v);
            let before = weights.len();
            weights.extend(row);
            strength.push(weights[before..].iter().sum());
            offsets.push(targets.len());
        }
        let two_m = strength.iter().sum();
        Network { offsets, targets, weights, strength, two_m }
    }

    /// Modularity of a partition with labels in `0..n`; 0 without edges.
    fn modularity(&self, community: &[usize]) -> f64 {
        if self.two_m == 0.0 {
            return 0.0;
        }
        let n = self.len();
        // Weight inside each community, every edge counted from both ends.
        let mut inside = vec![0.0; n];
        let mut total = vec![0.0; n];
        for v in 0..n {
            let c = community[v];
            total[c] += self.strength[v];
            let mut listed = 0.0;
            for (u, w) in self.edges(v) {
                listed += w;
                if community[u] == c {
                    inside[c] += w;
                }
            }
            // The weight inside an aggregate node is in its strength but not in its row.
            inside[c] += self.strength[v] - listed;
        }
        inside.iter().zip(&total).map(|(&l, &k)| l / self.two_m - (k / self.two_m) * (k / self.two_m)).sum()
    }

    fn len(&self) -> usize {
        self.strength.len()
    }

    fn edges(&self, v: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        let range = self.offsets[v]..self.offsets[v + 1];
        self.targets[range.clone()].iter().copied().zip(self.weights[range].iter().copied())
    }

    /// The network with one node per group (`group[v]` in `0..count`).
    fn aggregate(&self, group: &[usize], count: usize) -> Network {
        let members = members(group, count);
        let mut offsets = Vec::with_capacity(count + 1);
        offsets.push(0);
        let mut targets = Vec::new();
        let mut weights = Vec::new();
        let mut strength = Vec::with_capacity(count);
        let mut to = vec![0.0; count];
        let mut seen = vec![false; count];
        let mut touched = Vec::new();
        for (c, nodes) in members.iter().enumerate() {
            let mut s = 0.0;
            for &v in nodes {
                s += self.strength[v];
                for (u, w) in self.edges(v) {
                    let d = group[u];
                    if d != c {
                        if !seen[d] {
                            seen[d] = true;
                            touched.push(d);
                        }
                        to[d] += w;
                    }
                }
            }
            touched.sort_unstable();
            for &d in &touched {
                targets.push(d);
                weights.push(to[d]);
                to[d] = 0.0;
                seen[d] = false;
            }
            touched.clear();
            strength.push(s);
            offsets.push(targets.len());
        }
        Network { offsets, targets, weights, strength, two_m: self.two_m }
    }
}

/// The nodes of every group, in node order.
fn members(group: &[usize], count: usize) -> Vec<Vec<usize>> {
    let mut members = vec![Vec::new(); count];
    for (v, &c) in group.iter().enumerate() {
        members[c].push(v);
    }
    members
}

/// Labels renumbered `0..count` by first appearance, and their count.
fn renumber(labels: &[usize]) -> (Vec<usize>, usize) {
    let mut dense = vec![usize::MAX; labels.iter().copied().max().map_or(0, |m| m + 1)];
    let mut count = 0;
    let out = labels
        .iter()
        .map(|&c| {
            if dense[c] == usize::MAX {
                dense[c] = count;
                count += 1;
            }
            dense[c]
        })
        .collect();
    (out, count)
}

/// The connected parts of every community (edges leaving a community are ignored),
/// numbered by first node.
fn connected_parts(net: &Network, community: &[usize]) -> (Vec<usize>, usize) {
    let n = net.len();
    let mut part = vec![usize::MAX; n];
    let mut count = 0;
    let mut stack = Vec::new();
    for start in 0..n {
        if part[start] != usize::MAX {
            continue;
        }
        part[start] = count;
        stack.push(start);
        while let Some(v) = stack.pop() {
            for (u, _) in net.edges(v) {
                if part[u] == usize::MAX && community[u] == community[v] {
                    part[u] = count;
                    stack.push(u);
                }
            }
        }
        count += 1;
    }
    (part, count)
}

/// Leiden from singletons with its own generator: passes until one gains little.
/// Returns the modularity reached and the partition.
fn one_start(base: &Network, seed: u64) -> (f64, Vec<usize>) {
    let mut rng = SplitMix64(seed);
    let mut membership: Vec<usize> = (0..base.len()).collect();
    let mut q = base.modularity(&membership);
    for _ in 0..MAX_PASSES {
        let next = leiden_pass(base, &membership, &mut rng);
        let next_q = base.modularity(&next);
        // A pass may only cross a plateau (moves that tie), or lose a rounding error.
        if next_q >= q {
            membership = next;
        }
        let gained = next_q - q;
        q = q.max(next_q);
        if gained < MIN_PASS_GAIN {
            break;
        }
    }
    (q, membership)
}

/// One Leiden pass from `start` (labels in `0..n`); returns the community of every
/// original node.
fn leiden_pass(base: &Network, start: &[usize], rng: &mut SplitMix64) -> Vec<usize> {
    let mut level = std::borrow::Cow::Borrowed(base);
    let mut community = start.to_vec();
    // The node of the current level that stands for each original node.
    let mut node_of: Vec<usize> = (0..base.len()).collect();
    loop {
        move_nodes_fast(&level, &mut community, rng);
        let (dense, count) = renumber(&community);
        community = dense;
        if count == level.len() {
            break;
        }
        let (mut group, mut groups) = renumber(&refine(&level, &community, rng));
        if groups == level.len() {
            (group, groups) = connected_parts(&level, &community);
            if groups == level.len() {
                break;
            }
        }
        let mut next_community = vec![0; groups];
        for (v, &c) in group.iter().enumerate() {
            next_community[c] = community[v];
        }
        level = std::borrow::Cow::Owned(level.aggregate(&group, groups));
        for x in node_of.iter_mut() {
            *x = group[*x];
        }
        community = next_community;
    }
    node_of.iter().map(|&x| community[x]).collect()
}

/// Scratch space to sum a node's edge weight to each neighbouring community.
struct Tally {
    to: Vec<f64>,
    seen: Vec<bool>,
    touched: Vec<usize>,
}

impl Tally {
    fn new(n: usize) -> Self {
        Tally { to: vec![0.0; n], seen: vec![false; n], touched: Vec::new() }
    }

    fn add(&mut self, c: usize, w: f64) {
        if !self.seen[c] {
            self.seen[c] = true;
            self.touched.push(c);
        }
        self.to[c] += w;
    }

    fn clear(&mut self) {
        for &c in &self.touched {
            self.to[c] = 0.0;
            self.seen[c] = false;
        }
        self.touched.clear();
    }
}

/// Fast local moving (Traag et al., Algorithm A.2): moves nodes between communities
/// while some move raises modularity. Labels must be in `0..n`.
fn move_nodes_fast(net: &Network, community: &mut [usize], rng: &mut SplitMix64) {
    let n = net.len();
    let mut total = vec![0.0; n];
    let mut size = vec![0usize; n];
    for v in 0..n {
        total[community[v]] += net.strength[v];
        size[community[v]] += 1;
    }
    let mut empty: Vec<usize> = (0..n).filter(|&c| size[c] == 0).collect();
    let mut queue: std::collections::VecDeque<usize> = rng.permutation(n).into();
    let mut queued = vec![true; n];
    let mut drifted = vec![false; n];
    let mut tally = Tally::new(n);
    while let Some(v) = queue.pop_front() {
        queued[v] = false;
        let k = net.strength[v];
        let old = community[v];
        for (u, w) in net.edges(v) {
            tally.add(community[u], w);
        }
        total[old] -= k;
        size[old] -= 1;
        // Gains of joining each community, in edge-weight units (ΔQ times m), with `v`
        // taken out of its own; an empty community gains 0.
        let gain = |c: usize, to: f64| to - k * total[c] / net.two_m;
        let stay = gain(old, tally.to[old]);
        let mut best = None;
        let mut best_gain = f64::NEG_INFINITY;
        for &c in &tally.touched {
            let g = gain(c, tally.to[c]);
            if c != old && g > best_gain {
                best = Some(c);
                best_gain = g;
            }
        }
        if size[old] > 0 && 0.0 > best_gain {
            best = None;
            best_gain = 0.0;
        }
        // While `v` shares its community, at most `n - 1` labels are in use, so an empty
        // one is always at hand; falling back to `old` only keeps this free of panics.
        let target = if best_gain > stay + MARGIN * k {
            best.or_else(|| empty.pop()).unwrap_or(old)
        } else if let (Some(c), false) = (best, drifted[v]) {
            // A neighbouring community as good as this one: a coin decides, once per node,
            // so the search can cross a plateau to a better partition behind it.
            if best_gain >= stay - MARGIN * k {
                drifted[v] = true;
                if rng.next() & 1 == 1 {
                    c
                } else {
                    old
                }
            } else {
                old
            }
        } else {
            old
        };
        tally.clear();
        total[target] += k;
        size[target] += 1;
        if target != old {
            if size[old] == 0 {
                empty.push(old);
            }
            community[v] = target;
            for (u, _) in net.edges(v) {
                if !queued[u] && community[u] != target {
                    queued[u] = true;
                    queue.push_back(u);
                }
            }
        }
    }
}

/// Refinement (Traag et al., Algorithm A.2, `RefinePartition`): splits every community
/// into well-connected sub-communities, built by merging singletons along edges. Returns
/// the sub-community of every node (labels in `0..n`).
fn refine(net: &Network, community: &[usize], rng: &mut SplitMix64) -> Vec<usize> {
    let n = net.len();
    let two_m = net.two_m;
    let mut community_total = vec![0.0; n];
    for v in 0..n {
        community_total[community[v]] += net.strength[v];
    }
    let mut sub: Vec<usize> = (0..n).collect();
    let mut sub_total = net.strength.clone();
    let mut sub_size = vec![1usize; n];
    // Weight between each sub-community and the rest of its community; for a singleton,
    // the node's weight to the rest of its community.
    let mut sub_outside: Vec<f64> =
        (0..n).map(|v| net.edges(v).filter(|&(u, _)| community[u] == community[v]).map(|(_, w)| w).sum()).collect();
    let inside = sub_outside.clone();
    let mut tally = Tally::new(n);
    let mut candidates: Vec<(usize, f64)> = Vec::new();
    for v in rng.permutation(n) {
        let own = sub[v];
        if sub_size[own] != 1 {
            continue;
        }
        let k = net.strength[v];
        let whole = community_total[community[v]];
        // Only nodes well tied to their community are merged (the paper's condition for
        // well-connected communities); a loosely tied one stays a sub-community of its
        // own, free to leave the community at the next level.
        if inside[v] < k * (whole - k) / two_m {
            continue;
        }
        for (u, w) in net.edges(v) {
            if community[u] == community[v] {
                tally.add(sub[u], w);
            }
        }
        candidates.clear();
        candidates.push((own, 0.0));
        for &s in &tally.touched {
            let well_connected = sub_outside[s] >= sub_total[s] * (whole - sub_total[s]) / two_m;
            let gain = tally.to[s] - k * sub_total[s] / two_m;
            if s != own && well_connected && gain >= 0.0 {
                candidates.push((s, gain));
            }
        }
        let best = candidates.iter().map(|c| c.1).fold(0.0, f64::max);
        // Gains are ΔQ times m; the weights are exp(ΔQ / θ), scaled by the best one so
        // that they cannot overflow.
        let m = two_m / 2.0;
        let mut cumulative = 0.0;
        for c in candidates.iter_mut() {
            cumulative += ((c.1 - best) / (m * THETA)).exp();
            c.1 = cumulative;
        }
        let r = rng.unit() * cumulative;
        let chosen = candidates.iter().find(|c| r < c.1).map_or(candidates[candidates.len() - 1].0, |c| c.0);
        if chosen != own {
            sub_outside[chosen] += inside[v] - 2.0 * tally.to[chosen];
            sub_total[chosen] += k;
            sub_size[chosen] += 1;
            sub_size[own] = 0;
            sub[v] = chosen;
        }
        tally.clear();
    }
    sub
}
