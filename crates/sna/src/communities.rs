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
//!    random among those with a non-negative gain Δ with probability ∝ `exp(Δ / θ)`,
//!    θ = 0.01 (the paper's value), Δ in units of edge weight (ΔQ times m) as in the
//!    paper's reference implementation, which makes the choice nearly greedy.
//!    Sub-communities only grow along edges, so they are connected.
//! 3. *Aggregation*: each sub-community becomes one node of a smaller network, starting in
//!    the community that contains it, and the steps repeat on it until local moving leaves
//!    every community as a single aggregate node.
//!
//! A *start* runs one pass from singletons, then a *polish*: fast local moving of single
//! nodes on the original network, from the pass's result, with no refinement or
//! aggregation after it, and a split of every community into its connected parts. A call
//! makes several independent starts, in parallel, and keeps the partition of highest
//! modularity: one start ends in one of several local optima, not always the best one
//! found on the reference graphs. Small graphs (up to about 8,000 nodes plus edges) get 64
//! starts, larger ones fewer, down to one from about 500,000: a start costs time in
//! proportion to the graph, and the budget keeps a call's cost near that of one start on a
//! large graph.
//!
//! The polish is a matter of cost, measured on the 200,000-node, 1,000,000-edge graph of
//! `bench/sna`: the pass reaches modularity 0.84472; a second full pass (`leidenalg`'s and
//! igraph's default, `n_iterations=2`) reaches 0.84479 in a third to a half of the first
//! one's time; the polish reaches 0.84476 in a sixth to a quarter of that second pass's
//! time. Most of a second pass's gain comes from its first local moving, and every later
//! step of it re-reads the whole network again.
//!
//! Departures from the paper, each for a reason:
//! * Local moving takes nodes from its queue a chunk at a time (1,024, whatever the number
//!   of threads). While one thread moves the nodes of a chunk one by one, in queue order,
//!   the others tally the next chunk: each node's edge weight to each neighbouring
//!   community, the part that reads every edge end at random places in memory and so the
//!   part worth sharing out. When its turn comes, a node joins the best community on the
//!   partition as it stands, as in the sequential algorithm; a node a neighbour of which
//!   moved while or after it was tallied is tallied again first, and any other node's tally
//!   still holds. Every move thus raises modularity, and the result is the same for any
//!   number of threads.
//! * During local moving, a node whose best neighbouring community is exactly as good as its
//!   own moves there on a coin flip, once per node and phase. Strict improvement alone stops
//!   at the edge of plateaus: on the Florentine families most starts end at 0.3975 when
//!   0.39875 lies one such tie away; with the coin flip about half of them reach it.
//! * Moves must gain more than a rounding margin, so floating-point noise cannot make nodes
//!   cycle.
//! * Refinement visits each community's nodes in an order of its own, drawn from a
//!   generator seeded by the pass and the community's label, rather than all nodes in one
//!   random order: communities are refined independently of each other, so they can be
//!   refined in parallel, and the result still does not depend on the number of threads.
//! * When refinement merges nothing, the level aggregates the connected parts of the
//!   communities instead (as igraph does), so every level shrinks the network.
//! * The communities returned are connected: Leiden guarantees it in exact arithmetic, and
//!   every pass ends by splitting any community into its connected parts should rounding
//!   have broken it, a split that never lowers modularity. It is done on the last, smallest
//!   level: each of its nodes stands for a connected set of original nodes.
//!
//! The network is first renumbered in breadth-first order, so that neighbours, and soon
//! the members of a community, sit close together in memory: the algorithm is bound by
//! reads at random places (a node's row, its neighbours' communities), and these then
//! tend to fall in cache lines already loaded. Node indices are `u32`, as in [`Graph`].
//! The queue itself is in random order, so while tallying a chunk local moving asks the
//! processor (a prefetch hint, the one `unsafe` here) for the rows and neighbours' communities
//! of the nodes a few places ahead, instead of waiting for memory on every one.
//! Aggregation builds the rows of the smaller network in parallel, summing every row in a
//! small hash table sized to it.
//!
//! Randomness comes from SplitMix64 generators: one seeded with the caller's seed draws the
//! seed of every start, and ties between starts go to the first, so a seed always gives the
//! same partition whatever the number of threads. Isolated nodes, which no move can
//! improve, stay alone.

use crate::rng::SplitMix64;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering::Relaxed};

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
    let mut dense: HashMap<usize, u32> = HashMap::new();
    let label: Vec<u32> = community
        .iter()
        .map(|&c| {
            let next = dense.len() as u32;
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
    let (base, renamed) = Network::in_breadth_first_order(g);
    let n = base.len();
    let mut membership: Vec<u32> = (0..n as u32).collect();
    if base.two_m > 0.0 {
        let starts = (START_WORK / (n + g.edge_count())).clamp(1, MAX_STARTS);
        let mut rng = SplitMix64(seed);
        let seeds: Vec<u64> = (0..starts).map(|_| rng.next()).collect();
        let runs: Vec<(f64, Vec<u32>)> = seeds.par_iter().map(|&s| one_start(&base, s)).collect();
        // The first of the best, whatever order the threads finished in.
        let mut best = 0;
        for (i, run) in runs.iter().enumerate() {
            if run.0 > runs[best].0 {
                best = i;
            }
        }
        membership.clone_from(&runs[best].1);
    }
    let (community, count) = renumber(&renamed.iter().map(|&v| membership[v as usize]).collect::<Vec<_>>());
    Partition { community: community.into_iter().map(|c| c as usize).collect(), count }
}

/// Independent starts of one call on a small graph.
const MAX_STARTS: usize = 64;

/// Work budget of one call, in nodes plus edges times starts: starts become fewer as the
/// graph grows (64 up to about 8,000 nodes plus edges, one from about 500,000).
const START_WORK: usize = 1 << 19;

/// Randomness of the refinement, in units of edge weight (Traag et al.'s θ).
const THETA: f64 = 0.01;

/// Gains below this share of a node's strength are treated as rounding noise.
const MARGIN: f64 = 1e-12;

/// Nodes local moving takes from its queue at a time, tallied in parallel while the chunk
/// before them moves. A constant, so that the result does not depend on the number of
/// threads; small enough next to a large network that few of a chunk's nodes have a
/// neighbour moved while or after they were tallied, large enough to outweigh the cost of
/// sharing the work out.
const CHUNK: usize = 1024;

/// How many nodes ahead of the one it tallies or moves local moving asks for the data of
/// the next ones: four times this for a node's row offsets, twice this for its row, this
/// for its neighbours' communities.
const AHEAD: usize = 4;

/// The bit of a node's mark in local moving that says it is queued.
const QUEUED: u32 = 1 << 31;

/// Nodes of a chunk one task tallies.
const TALLY_RUN: usize = 64;

/// Groups one task of the aggregation builds the rows of.
const ROWS_PER_TASK: usize = 64;

/// A weighted undirected network whose nodes may stand for groups of original nodes:
/// edges inside a group are not listed but still count in its strength. Node indices are
/// `u32`, as in [`Graph`]: half the memory traffic of `usize` on arrays read at random.
#[derive(Clone)]
struct Network {
    offsets: Vec<usize>,
    targets: Vec<u32>,
    /// Empty when every edge weighs 1 (an unweighted graph), so that rows take a third of
    /// the bytes.
    weights: Vec<f64>,
    strength: Vec<f64>,
    /// Sum of all strengths, twice the total edge weight; the same at every level.
    two_m: f64,
}

impl Network {
    fn from_graph(g: &Graph) -> Self {
        let (offsets, targets, weights) = g.csr();
        let strength = (0..g.node_count()).map(|v| g.strength(v)).collect::<Vec<_>>();
        let two_m = strength.iter().sum();
        Network { offsets: offsets.to_vec(), targets: targets.to_vec(), weights: weights.to_vec(), strength, two_m }
    }

    /// The network of `g` with nodes renumbered in breadth-first order, component by
    /// component from the lowest-numbered node, and the new number of every node. The
    /// order is found in one sequential search; the rows are then written in parallel.
    fn in_breadth_first_order(g: &Graph) -> (Network, Vec<u32>) {
        let n = g.node_count();
        let (old_offsets, old_targets, old_weights) = g.csr();
        let mut renamed = vec![u32::MAX; n];
        let mut original: Vec<u32> = Vec::with_capacity(n);
        for root in 0..n {
            if renamed[root] != u32::MAX {
                continue;
            }
            renamed[root] = original.len() as u32;
            let mut head = original.len();
            original.push(root as u32);
            while head < original.len() {
                // The queue holds the nodes to read next: ask for their rows before they
                // are needed, as local moving does.
                if let Some(&far) = original.get(head + 4 * AHEAD) {
                    prefetch(old_offsets, far as usize);
                }
                if let Some(&near) = original.get(head + 2 * AHEAD) {
                    prefetch(old_targets, old_offsets[near as usize]);
                }
                let v = original[head] as usize;
                head += 1;
                for &u in g.neighbors(v) {
                    if renamed[u as usize] == u32::MAX {
                        renamed[u as usize] = original.len() as u32;
                        original.push(u);
                    }
                }
            }
        }
        let mut offsets = Vec::with_capacity(n + 1);
        offsets.push(0);
        for &v in &original {
            offsets.push(offsets[offsets.len() - 1] + g.degree(v as usize));
        }
        let mut targets = vec![0u32; old_targets.len()];
        let mut weights = vec![0.0; old_weights.len()];
        let blocks: Vec<(std::ops::Range<usize>, &mut [u32], &mut [f64])> = {
            let (mut rest_t, mut rest_w) = (targets.as_mut_slice(), weights.as_mut_slice());
            const ROWS: usize = 4096;
            (0..n.div_ceil(ROWS))
                .map(|b| {
                    let rows = b * ROWS..n.min((b + 1) * ROWS);
                    let len = offsets[rows.end] - offsets[rows.start];
                    let (t, r) = std::mem::take(&mut rest_t).split_at_mut(len);
                    rest_t = r;
                    let (w, r) = std::mem::take(&mut rest_w).split_at_mut(if old_weights.is_empty() { 0 } else { len });
                    rest_w = r;
                    (rows, t, w)
                })
                .collect()
        };
        blocks.into_par_iter().for_each(|(rows, t, w)| {
            let base = offsets[rows.start];
            for (new, &v) in rows.clone().zip(&original[rows]) {
                let from = old_offsets[v as usize]..old_offsets[v as usize + 1];
                let to = offsets[new] - base;
                for (slot, &u) in t[to..to + from.len()].iter_mut().zip(&old_targets[from.clone()]) {
                    *slot = renamed[u as usize];
                }
                if !w.is_empty() {
                    w[to..to + from.len()].copy_from_slice(&old_weights[from]);
                }
            }
        });
        let strength: Vec<f64> = original.par_iter().map(|&v| g.strength(v as usize)).collect();
        let two_m = strength.iter().sum();
        (Network { offsets, targets, weights, strength, two_m }, renamed)
    }

    /// Modularity of a partition with labels in `0..n`; 0 without edges. The weight inside
    /// communities is summed in parallel, in blocks of a fixed size added up in order, so
    /// that the rounding does not depend on the number of threads.
    fn modularity(&self, community: &[u32]) -> f64 {
        if self.two_m == 0.0 {
            return 0.0;
        }
        const BLOCK: usize = 4096;
        // Every edge inside a community counts from both ends.
        let inside: f64 = (0..self.len().div_ceil(BLOCK))
            .into_par_iter()
            .map(|b| {
                (b * BLOCK..self.len().min((b + 1) * BLOCK))
                    .map(|v| {
                        let c = community[v];
                        let (listed, same) = self.edges(v).fold((0.0, 0.0), |(listed, same), (u, w)| {
                            (listed + w, if community[u] == c { same + w } else { same })
                        });
                        // The weight inside an aggregate node is in its strength but not in its row.
                        same + self.strength[v] - listed
                    })
                    .sum::<f64>()
            })
            .collect::<Vec<f64>>()
            .iter()
            .sum();
        let mut total = vec![0.0; self.len()];
        for (&c, &k) in community.iter().zip(&self.strength) {
            total[c as usize] += k;
        }
        inside / self.two_m - total.iter().map(|&k| (k / self.two_m) * (k / self.two_m)).sum::<f64>()
    }

    fn len(&self) -> usize {
        self.strength.len()
    }

    /// Asks for `v`'s row and strength.
    fn prefetch_node(&self, v: usize) {
        let start = self.offsets[v];
        prefetch(&self.targets, start);
        prefetch(&self.weights, start);
        prefetch(&self.strength, v);
    }

    fn degree(&self, v: usize) -> usize {
        self.offsets[v + 1] - self.offsets[v]
    }

    fn edges(&self, v: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        let range = self.offsets[v]..self.offsets[v + 1];
        let weights = if self.weights.is_empty() { None } else { Some(&self.weights[range.clone()]) };
        self.targets[range].iter().enumerate().map(move |(i, &u)| (u as usize, weights.map_or(1.0, |w| w[i])))
    }

    /// The network with one node per group (`group[v]` in `0..count`). Rows are built in
    /// parallel, in tasks of [`ROWS_PER_TASK`] groups.
    fn aggregate(&self, group: &[u32], count: usize) -> Network {
        let (start, nodes) = members(group, count);
        let tasks: Vec<Rows> = (0..count.div_ceil(ROWS_PER_TASK))
            .into_par_iter()
            .map(|t| {
                let mut rows = Rows::default();
                let mut tally = RowTally::default();
                for c in t * ROWS_PER_TASK..count.min((t + 1) * ROWS_PER_TASK) {
                    let inside = &nodes[start[c]..start[c + 1]];
                    let ends = inside.iter().flat_map(|&v| self.edges(v as usize)).map(|(u, w)| (group[u], w));
                    tally.fill(
                        ends.filter(|&(d, _)| d as usize != c),
                        inside.iter().map(|&v| self.degree(v as usize)).sum(),
                    );
                    for (d, w) in tally.sums() {
                        rows.targets.push(d);
                        rows.weights.push(w);
                    }
                    rows.strength.push(inside.iter().map(|&v| self.strength[v as usize]).sum());
                    rows.lens.push(rows.targets.len());
                }
                rows
            })
            .collect();
        let mut offsets = Vec::with_capacity(count + 1);
        offsets.push(0);
        let arcs = tasks.iter().map(|r| r.targets.len()).sum();
        let mut targets = Vec::with_capacity(arcs);
        let mut weights = Vec::with_capacity(arcs);
        let mut strength = Vec::with_capacity(count);
        for rows in tasks {
            let base = targets.len();
            offsets.extend(rows.lens.iter().map(|&l| base + l));
            targets.extend(rows.targets);
            weights.extend(rows.weights);
            strength.extend(rows.strength);
        }
        Network { offsets, targets, weights, strength, two_m: self.two_m }
    }
}

/// Asks the processor to start loading `data[i]` into cache, if `i` is in range.
#[inline]
fn prefetch<T>(data: &[T], i: usize) {
    #[cfg(target_arch = "x86_64")]
    if let Some(x) = data.get(i) {
        // SAFETY: a prefetch is a hint; it never faults, and the address is in `data`.
        unsafe { std::arch::x86_64::_mm_prefetch(std::ptr::from_ref(x).cast::<i8>(), std::arch::x86_64::_MM_HINT_T0) };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (data, i);
}

/// Consecutive rows of an aggregate network, built by one task.
#[derive(Default)]
struct Rows {
    /// End of every row, counted from the first row of the task.
    lens: Vec<usize>,
    targets: Vec<u32>,
    weights: Vec<f64>,
    strength: Vec<f64>,
}

/// The nodes of every group, in node order: group `c`'s are `nodes[start[c]..start[c + 1]]`.
fn members(group: &[u32], count: usize) -> (Vec<usize>, Vec<u32>) {
    let mut start = vec![0; count + 1];
    for &c in group {
        start[c as usize + 1] += 1;
    }
    for c in 0..count {
        start[c + 1] += start[c];
    }
    let mut next = start.clone();
    let mut nodes = vec![0; group.len()];
    for (v, &c) in group.iter().enumerate() {
        nodes[next[c as usize]] = v as u32;
        next[c as usize] += 1;
    }
    (start, nodes)
}

/// Labels renumbered `0..count` by first appearance, and their count.
fn renumber(labels: &[u32]) -> (Vec<u32>, usize) {
    let mut dense = vec![u32::MAX; labels.iter().copied().max().map_or(0, |m| m as usize + 1)];
    let mut count = 0;
    let out = labels
        .iter()
        .map(|&c| {
            if dense[c as usize] == u32::MAX {
                dense[c as usize] = count;
                count += 1;
            }
            dense[c as usize]
        })
        .collect();
    (out, count as usize)
}

/// The connected parts of every community (edges leaving a community are ignored),
/// numbered by first node.
///
/// A union-find shared by the threads, each taking a share of the nodes and joining every
/// one to its neighbours in the same community. A set always hangs from its lowest node
/// (a root is only ever linked under a lower one, by compare-and-swap), so the parts are
/// the same whatever the threads' order.
fn connected_parts(net: &Network, community: &[u32]) -> (Vec<u32>, usize) {
    let n = net.len();
    let parent: Vec<AtomicU32> = (0..n as u32).map(AtomicU32::new).collect();
    // The root of `v`'s set, halving the path on the way (a benign race: every store
    // points a node at one of its ancestors).
    let find = |mut v: u32| loop {
        let p = parent[v as usize].load(Relaxed);
        if p == v {
            return v;
        }
        let grand = parent[p as usize].load(Relaxed);
        if grand != p {
            let _ = parent[v as usize].compare_exchange_weak(p, grand, Relaxed, Relaxed);
        }
        v = grand;
    };
    (0..n).into_par_iter().with_min_len(ROWS_PER_TASK * 16).for_each(|v| {
        for (u, _) in net.edges(v) {
            if u < v && community[u] == community[v] {
                let (mut a, mut b) = (find(v as u32), find(u as u32));
                while a != b {
                    let (high, low) = if a > b { (a, b) } else { (b, a) };
                    match parent[high as usize].compare_exchange(high, low, Relaxed, Relaxed) {
                        Ok(_) => break,
                        Err(_) => (a, b) = (find(high), find(low)),
                    }
                }
            }
        }
    });
    let roots: Vec<u32> = (0..n as u32).into_par_iter().map(find).collect();
    renumber(&roots)
}

/// Leiden from singletons with its own generator: one pass, then a polish (see the module
/// documentation). Returns the modularity reached and the partition.
fn one_start(base: &Network, seed: u64) -> (f64, Vec<u32>) {
    let mut rng = SplitMix64(seed);
    let (membership, q) = leiden_pass(base, &mut rng);
    let (polished, polished_q) = polish(base, &membership, &mut rng);
    // Moves only raise modularity, but the sum is recomputed another way: keep the first
    // partition should rounding say otherwise.
    if polished_q >= q {
        (polished_q, polished)
    } else {
        (q, membership)
    }
}

/// Fast local moving of single nodes of `base` from `start`, then a split of every
/// community into its connected parts (a node leaving may have held its old community
/// together). Returns the partition and its modularity.
fn polish(base: &Network, start: &[u32], rng: &mut SplitMix64) -> (Vec<u32>, f64) {
    let mut community = start.to_vec();
    move_nodes_fast(base, &mut community, rng);
    let (community, _) = connected_parts(base, &community);
    let q = base.modularity(&community);
    (community, q)
}

/// One Leiden pass from singletons; returns the community of every
/// original node and the modularity of that partition, computed on the last, smallest
/// level (aggregation keeps every weight, so it is the same number).
fn leiden_pass(base: &Network, rng: &mut SplitMix64) -> (Vec<u32>, f64) {
    let mut level = std::borrow::Cow::Borrowed(base);
    let mut community: Vec<u32> = (0..base.len() as u32).collect();
    // The node of the current level that stands for each original node.
    let mut node_of: Vec<u32> = (0..base.len() as u32).collect();
    loop {
        move_nodes_fast(&level, &mut community, rng);
        let (dense, count) = renumber(&community);
        community = dense;
        if count == level.len() {
            break;
        }
        let (mut group, mut groups) = renumber(&refine(&level, &community, count, rng.next()));
        if groups == level.len() {
            (group, groups) = connected_parts(&level, &community);
            if groups == level.len() {
                break;
            }
        }
        let mut next_community = vec![0; groups];
        for (v, &c) in group.iter().enumerate() {
            next_community[c as usize] = community[v];
        }
        level = std::borrow::Cow::Owned(level.aggregate(&group, groups));
        for x in node_of.iter_mut() {
            *x = group[*x as usize];
        }
        community = next_community;
    }
    // Every node of a level stands for a connected set of original nodes (refinement grows
    // sub-communities along edges), so a community is connected if and only if it is on
    // the last level, which is small.
    let (parts, _) = connected_parts(&level, &community);
    let q = level.modularity(&parts);
    (node_of.iter().map(|&x| parts[x as usize]).collect(), q)
}

/// The state of local moving. Only the thread carrying out moves writes it; every node's
/// community is also read meanwhile by the threads tallying the next chunk, hence atomic
/// (relaxed loads and stores, plain ones on common processors).
struct Moving<'a> {
    net: &'a Network,
    community: &'a [AtomicU32],
    total: Vec<f64>,
    size: Vec<u32>,
    /// `1 / 2m`: a product costs less than a quotient in the innermost loop.
    per_two_m: f64,
    /// Labels of no community, to give a node that leaves to be alone.
    empty: Vec<u32>,
    queue: std::collections::VecDeque<u32>,
    /// For every node, whether it is queued ([`QUEUED`]) and the last round in which a
    /// neighbour of it moved: one array, so that a move's neighbours cost one trip to
    /// memory each.
    mark: Vec<u32>,
    /// Whether a node has used its one coin flip (see [`Moving::carry_out`]).
    drifted: Vec<bool>,
    rng: &'a mut SplitMix64,
    tally: RowTally,
}

/// What local moving would do with a node on the current state: join `best` (an empty
/// community if `None`), holding edge weight `to_best` to it and `to_old` to the rest of
/// its own community.
#[derive(Clone, Copy)]
struct Plan {
    best: Option<u32>,
    to_best: f64,
    to_old: f64,
}

/// The tallies of a chunk, made in parallel in runs of [`TALLY_RUN`] nodes: for each run,
/// the sums of its nodes one after the other, and where each node's sums end.
#[derive(Default)]
struct Tallied {
    sums: Vec<(u32, f64)>,
    ends: Vec<u32>,
}

impl Tallied {
    fn of(&self, j: usize) -> &[(u32, f64)] {
        let start = if j == 0 { 0 } else { self.ends[j - 1] as usize };
        &self.sums[start..self.ends[j] as usize]
    }
}

/// Sums `v`'s edge weight to each neighbouring community into `tally`.
fn tally_row(net: &Network, community: &[AtomicU32], v: usize, tally: &mut RowTally) {
    tally.fill(net.edges(v).map(|(u, w)| (community[u].load(Relaxed), w)), net.degree(v));
}

/// The tallies of every node of `chunk`, in parallel.
fn tally_chunk(net: &Network, community: &[AtomicU32], chunk: &[u32]) -> Vec<Tallied> {
    chunk
        .par_chunks(TALLY_RUN)
        .enumerate()
        .map_init(RowTally::default, |tally, (r, run)| {
            let mut out = Tallied { sums: Vec::with_capacity(run.len() * 4), ends: Vec::with_capacity(run.len()) };
            for (j, &v) in run.iter().enumerate() {
                // The chunk is in random order: ask for what later nodes' tallies read
                // before it is needed, or every row and neighbour costs a full trip to
                // memory.
                let i = r * TALLY_RUN + j;
                if let Some(&farther) = chunk.get(i + 4 * AHEAD) {
                    prefetch(&net.offsets, farther as usize);
                }
                if let Some(&far) = chunk.get(i + 2 * AHEAD) {
                    net.prefetch_node(far as usize);
                }
                if let Some(&near) = chunk.get(i + AHEAD) {
                    for (u, _) in net.edges(near as usize) {
                        prefetch(community, u);
                    }
                }
                tally_row(net, community, v as usize, tally);
                out.sums.extend(tally.sums());
                out.ends.push(out.sums.len() as u32);
            }
            out
        })
        .collect()
}

impl Moving<'_> {
    fn label(&self, v: usize) -> u32 {
        self.community[v].load(Relaxed)
    }

    /// Gain of `v` (strength `k`) joining community `c`, to which it has edge weight `to`,
    /// with `v` itself taken out of its own; in edge-weight units (ΔQ times m).
    fn gain(&self, v: usize, c: u32, to: f64) -> f64 {
        let k = self.net.strength[v];
        let mut total = self.total[c as usize];
        if c == self.label(v) {
            total -= k;
        }
        to - k * total * self.per_two_m
    }

    /// The best move of `v`, whose edge weight to each neighbouring community is `sums`, on
    /// the current strengths; `None` when staying is clearly better (ties are kept: the
    /// coin that may take them is thrown by the caller).
    fn plan(&self, v: usize, sums: impl Iterator<Item = (u32, f64)>) -> Option<Plan> {
        let k = self.net.strength[v];
        let old = self.label(v);
        let mut to_old = 0.0;
        let mut best = None;
        let mut to_best = 0.0;
        let mut best_gain = f64::NEG_INFINITY;
        for (c, to) in sums {
            if c == old {
                to_old = to;
            } else {
                let g = self.gain(v, c, to);
                if g > best_gain {
                    (best, to_best, best_gain) = (Some(c), to, g);
                }
            }
        }
        // Alone with `v` gone, its community is the empty one: no other empty one is better.
        if self.size[old as usize] > 1 && 0.0 > best_gain {
            (best, to_best, best_gain) = (None, 0.0, 0.0);
        }
        (best_gain >= self.gain(v, old, to_old) - MARGIN * k).then_some(Plan { best, to_best, to_old })
    }

    /// Carries out the moves of a chunk's nodes one by one, in queue order, each on the
    /// partition as it stands: a node tallied on a partition a neighbour of it has left
    /// since (a neighbour moved in `round` or the round before, while it was tallied) is
    /// tallied again first.
    fn carry_out(&mut self, chunk: &[u32], tallied: &[Tallied], round: u32) {
        let net = self.net;
        let sums = |i: usize| tallied[i / TALLY_RUN].of(i % TALLY_RUN);
        for (i, &v) in chunk.iter().enumerate() {
            // This waits on memory as tallying does, on one thread: ask ahead for what a
            // later node reads.
            if let Some(&ahead) = chunk.get(i + AHEAD) {
                prefetch(&self.mark, ahead as usize);
                for &(c, _) in sums(i + AHEAD) {
                    prefetch(&self.total, c as usize);
                }
            }
            let v = v as usize;
            // Still in the queue until now, as far as its neighbours' moves are concerned.
            self.mark[v] &= !QUEUED;
            let plan = if self.mark[v] + 1 >= round {
                let mut tally = std::mem::take(&mut self.tally);
                tally_row(net, self.community, v, &mut tally);
                let plan = self.plan(v, tally.sums());
                self.tally = tally;
                plan
            } else {
                self.plan(v, sums(i).iter().copied())
            };
            let Some(Plan { best, to_best, to_old }) = plan else { continue };
            let k = net.strength[v];
            let old = self.label(v);
            let stay = self.gain(v, old, to_old);
            let gain = best.map_or(0.0, |c| self.gain(v, c, to_best));
            let target = if gain > stay + MARGIN * k {
                // While `v` shares its community, at most `n - 1` labels are in use, so an
                // empty one is always at hand; falling back to `old` only keeps this free
                // of panics.
                best.or_else(|| self.empty.pop()).unwrap_or(old)
            } else if let (Some(c), false) = (best, self.drifted[v]) {
                // A neighbouring community as good as this one: a coin decides, once per
                // node, so the search can cross a plateau to a better partition behind it.
                self.drifted[v] = true;
                if self.rng.next() & 1 == 1 {
                    c
                } else {
                    old
                }
            } else {
                old
            };
            if target == old {
                continue;
            }
            self.total[old as usize] -= k;
            self.size[old as usize] -= 1;
            self.total[target as usize] += k;
            self.size[target as usize] += 1;
            self.community[v].store(target, Relaxed);
            if self.size[old as usize] == 0 {
                self.empty.push(old);
            }
            for (u, _) in net.edges(v) {
                let queued = self.mark[u] & QUEUED;
                self.mark[u] = queued | round;
                if queued == 0 && self.label(u) != target {
                    self.mark[u] |= QUEUED;
                    self.queue.push_back(u as u32);
                }
            }
        }
    }
}

/// Fast local moving (Traag et al., Algorithm A.2): moves nodes between communities
/// while some move raises modularity. Labels must be in `0..n`.
///
/// Nodes leave the queue [`CHUNK`] at a time. Each round, one thread carries out the
/// moves of a chunk one by one, in queue order, while the other threads tally the next
/// chunk: the edge weight of each of its nodes to each neighbouring community, the part
/// that reads every edge end at random places in memory. A node is then moved on the
/// partition as it stands when its turn comes, with the best gain on the current
/// strengths, as in the sequential algorithm; its tally is made again first if a
/// neighbour moved after it may have been read. So every move raises modularity (or ties,
/// once per node), and the result is the same for any number of threads.
fn move_nodes_fast(net: &Network, community: &mut [u32], rng: &mut SplitMix64) {
    let n = net.len();
    let mut total = vec![0.0; n];
    let mut size = vec![0u32; n];
    for v in 0..n {
        total[community[v] as usize] += net.strength[v];
        size[community[v] as usize] += 1;
    }
    let labels: Vec<AtomicU32> = community.iter().map(|&c| AtomicU32::new(c)).collect();
    let queue = rng.permutation(n).into_iter().map(|v| v as u32).collect();
    let mut state = Moving {
        net,
        community: &labels,
        empty: (0..n as u32).filter(|&c| size[c as usize] == 0).collect(),
        total,
        size,
        per_two_m: 1.0 / net.two_m,
        queue,
        mark: vec![QUEUED; n],
        drifted: vec![false; n],
        rng,
        tally: RowTally::default(),
    };
    // Rounds count from 2, so that a mark of 0 is older than the round before any.
    let mut round = 1;
    let mut chunk: Vec<u32> = Vec::new();
    let mut tallied = Vec::new();
    loop {
        if chunk.is_empty() {
            // At the start, and when the queue had run dry before the last chunk's moves
            // queued more: this chunk is tallied with nothing to overlap.
            if state.queue.is_empty() {
                break;
            }
            chunk = state.queue.drain(..CHUNK.min(state.queue.len())).collect();
            tallied = tally_chunk(net, &labels, &chunk);
        }
        round += 1;
        let next: Vec<u32> = state.queue.drain(..CHUNK.min(state.queue.len())).collect();
        let (_, next_tallied) =
            rayon::join(|| state.carry_out(&chunk, &tallied, round), || tally_chunk(net, &labels, &next));
        (chunk, tallied) = (next, next_tallied);
    }
    for (c, label) in community.iter_mut().zip(labels) {
        *c = label.into_inner();
    }
}

/// Refinement (Traag et al., Algorithm A.2, `RefinePartition`): splits every community
/// into well-connected sub-communities, built by merging singletons along edges. Returns
/// the sub-community of every node, labelled by one of its nodes.
///
/// Communities are refined independently, in parallel, each with a generator drawn from
/// `seed` and its label, so that the result does not depend on the number of threads.
fn refine(net: &Network, community: &[u32], count: usize, seed: u64) -> Vec<u32> {
    let (start, nodes) = members(community, count);
    // Every node's position among the members of its community.
    let mut local = vec![0u32; net.len()];
    for c in 0..count {
        for (i, &v) in nodes[start[c]..start[c + 1]].iter().enumerate() {
            local[v as usize] = i as u32;
        }
    }
    let subs: Vec<Vec<u32>> = (0..count)
        .into_par_iter()
        .map(|c| {
            let rng = SplitMix64(SplitMix64(seed ^ c as u64).next());
            refine_community(net, community, &local, &nodes[start[c]..start[c + 1]], rng)
        })
        .collect();
    let mut sub = vec![0; net.len()];
    for (c, local_sub) in subs.iter().enumerate() {
        let inside = &nodes[start[c]..start[c + 1]];
        for (&v, &s) in inside.iter().zip(local_sub) {
            sub[v as usize] = inside[s as usize];
        }
    }
    sub
}

/// Refinement of one community, `nodes`: the sub-community of each, by position in
/// `nodes` (`local` gives every node's position in its community).
fn refine_community(net: &Network, community: &[u32], local: &[u32], nodes: &[u32], mut rng: SplitMix64) -> Vec<u32> {
    let n = nodes.len();
    let mut sub: Vec<u32> = (0..n as u32).collect();
    if n == 1 {
        return sub;
    }
    let two_m = net.two_m;
    let c = community[nodes[0] as usize];
    let mut sub_total: Vec<f64> = nodes.iter().map(|&v| net.strength[v as usize]).collect();
    let whole: f64 = sub_total.iter().sum();
    let mut sub_size = vec![1u32; n];
    // Weight between each sub-community and the rest of its community; for a singleton,
    // the node's weight to the rest of its community.
    let mut sub_outside: Vec<f64> = nodes
        .iter()
        .map(|&v| net.edges(v as usize).filter(|&(u, _)| community[u] == c).map(|(_, w)| w).sum())
        .collect();
    let inside = sub_outside.clone();
    let mut tally = Tally::new(n);
    let mut candidates: Vec<(usize, f64)> = Vec::new();
    for i in rng.permutation(n) {
        let own = sub[i] as usize;
        if sub_size[own] != 1 {
            continue;
        }
        let v = nodes[i] as usize;
        let k = net.strength[v];
        // Only nodes well tied to their community are merged (the paper's condition for
        // well-connected communities); a loosely tied one stays a sub-community of its
        // own, free to leave the community at the next level.
        if inside[i] < k * (whole - k) / two_m {
            continue;
        }
        for (u, w) in net.edges(v) {
            if community[u] == c {
                tally.add(sub[local[u] as usize] as usize, w);
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
        // Gains are in units of edge weight (ΔQ times m), as θ is in the reference
        // implementation; the weights are exp(gain / θ), scaled by the best one so that
        // they cannot overflow.
        let mut cumulative = 0.0;
        for c in candidates.iter_mut() {
            cumulative += ((c.1 - best) / THETA).exp();
            c.1 = cumulative;
        }
        let r = rng.unit() * cumulative;
        let chosen = candidates.iter().find(|c| r < c.1).map_or(candidates[candidates.len() - 1].0, |c| c.0);
        if chosen != own {
            sub_outside[chosen] += inside[i] - 2.0 * tally.to[chosen];
            sub_total[chosen] += k;
            sub_size[chosen] += 1;
            sub_size[own] = 0;
            sub[i] = chosen as u32;
        }
        tally.clear();
    }
    sub
}

/// Scratch space to sum one node's edge weight to each neighbouring community: an
/// open-addressing table sized to the node's degree, so that it stays in the first-level
/// cache (a table indexed by community would be read at random, and each thread would need
/// its own copy of it).
#[derive(Default)]
struct RowTally {
    /// Community and weight; the first `capacity` slots are in use, [`RowTally::FREE`] marks
    /// an empty one.
    slots: Vec<(u32, f64)>,
    capacity: usize,
    /// Slots filled, in order of first appearance.
    filled: Vec<usize>,
}

/// Rows up to this long are summed in a list rather than a hash table.
const LINEAR_TALLY: usize = 16;

impl RowTally {
    const FREE: u32 = u32::MAX;

    /// Sums the weights of `ends` (community, weight), at most `degree` of them, by community.
    fn fill(&mut self, ends: impl Iterator<Item = (u32, f64)>, degree: usize) {
        for &i in &self.filled {
            self.slots[i].0 = Self::FREE;
        }
        self.filled.clear();
        self.capacity = (2 * degree).next_power_of_two().max(2);
        if self.slots.len() < self.capacity {
            self.slots.resize(self.capacity, (Self::FREE, 0.0));
        }
        if degree <= LINEAR_TALLY {
            // Few ends: a list searched from the start costs less than hashing.
            for (c, w) in ends {
                let found = self.filled.iter().position(|&i| self.slots[i].0 == c);
                match found {
                    Some(i) => self.slots[i].1 += w,
                    None => {
                        let i = self.filled.len();
                        self.slots[i] = (c, w);
                        self.filled.push(i);
                    }
                }
            }
            return;
        }
        let mask = self.capacity - 1;
        let shift = 64 - self.capacity.trailing_zeros();
        for (c, w) in ends {
            // Fibonacci hashing: labels of neighbouring communities are often close together.
            let mut i = ((c as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize;
            loop {
                let slot = &mut self.slots[i];
                if slot.0 == c {
                    slot.1 += w;
                    break;
                }
                if slot.0 == Self::FREE {
                    *slot = (c, w);
                    self.filled.push(i);
                    break;
                }
                i = (i + 1) & mask;
            }
        }
    }

    /// The communities met and their weights, in order of first appearance.
    fn sums(&self) -> impl Iterator<Item = (u32, f64)> + '_ {
        self.filled.iter().map(|&i| self.slots[i])
    }
}

/// Scratch space to sum a node's edge weight to each neighbouring sub-community.
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
