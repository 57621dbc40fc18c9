//! The compact graph every measure works on.

/// An undirected graph in compressed sparse row form.
///
/// Nodes are numbered `0..n` in the order they were first seen; [`Graph::id`] gives back
/// the string id. The neighbours of node `v` are `targets[offsets[v]..offsets[v + 1]]`,
/// sorted by index, as `u32` (so a graph has fewer than `2^32 - 1` nodes); a weighted graph
/// keeps each edge end's weight at the same position of `weights`, an unweighted one keeps
/// no weights at all (every weight is 1).
///
/// The string ids are stored once, end to end in one string, with a hash table of node
/// indices for [`Graph::index_of`].
///
/// Invariants, checked when the graph is built:
/// * every edge `{u, v}` appears once in `u`'s row and once in `v`'s row, with the same weight;
/// * no self-loops (they are dropped: a tie of a person with themself says nothing about
///   the network) and no duplicate neighbours (duplicate edges are merged: in a weighted
///   graph their weights are added, in an unweighted one the edge counts once, as in NetworkX);
/// * weights are finite and positive.
#[derive(Clone, Debug)]
pub struct Graph {
    ids: Ids,
    offsets: Vec<usize>,
    targets: Vec<u32>,
    /// Empty unless the graph is weighted.
    weights: Vec<f64>,
    weighted: bool,
}

/// Node ids, each stored once: all of them end to end in `text`, node `v`'s at
/// `text[ends[v - 1]..ends[v]]` (from 0 for node 0), and an open-addressing hash table
/// (linear probing, at most half full) of node indices for lookups by id.
#[derive(Clone, Debug, Default)]
struct Ids {
    text: String,
    ends: Vec<usize>,
    /// Node indices; [`Ids::EMPTY`] marks a free slot. The length is 0 or a power of two.
    slots: Vec<u32>,
    hasher: std::collections::hash_map::RandomState,
}

impl Ids {
    const EMPTY: u32 = u32::MAX;

    fn len(&self) -> usize {
        self.ends.len()
    }

    fn get(&self, v: usize) -> &str {
        let start = if v == 0 { 0 } else { self.ends[v - 1] };
        &self.text[start..self.ends[v]]
    }

    fn slot_of(&self, id: &str) -> (usize, Option<u32>) {
        use std::hash::BuildHasher;
        let mask = self.slots.len() - 1;
        let mut slot = self.hasher.hash_one(id) as usize & mask;
        loop {
            let v = self.slots[slot];
            if v == Self::EMPTY || self.get(v as usize) == id {
                return (slot, (v != Self::EMPTY).then_some(v));
            }
            slot = (slot + 1) & mask;
        }
    }

    fn find(&self, id: &str) -> Option<usize> {
        if self.slots.is_empty() {
            return None;
        }
        self.slot_of(id).1.map(|v| v as usize)
    }

    /// The index of `id`, added if new.
    ///
    /// # Panics
    ///
    /// On the `2^32 - 1`th distinct id: node indices are `u32`.
    fn insert(&mut self, id: &str) -> usize {
        if 2 * (self.len() + 1) > self.slots.len() {
            self.grow();
        }
        let (slot, found) = self.slot_of(id);
        if let Some(v) = found {
            return v as usize;
        }
        let v = self.len();
        assert!(v < Self::EMPTY as usize, "too many nodes for u32 indices");
        self.slots[slot] = v as u32;
        self.text.push_str(id);
        self.ends.push(self.text.len());
        v
    }

    fn grow(&mut self) {
        self.slots = vec![Self::EMPTY; (2 * self.slots.len()).max(16)];
        for v in 0..self.len() {
            let (slot, _) = self.slot_of(self.get(v));
            self.slots[slot] = v as u32;
        }
    }

    /// Give back the spare capacity of the growing lists.
    fn shrink(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

/// Why an edge could not be added.
#[derive(Clone, Debug, PartialEq)]
pub enum GraphError {
    /// A weight that is zero, negative, infinite or NaN.
    BadWeight {
        /// One end of the edge.
        source: String,
        /// The other end.
        target: String,
        /// The weight given.
        weight: f64,
    },
    /// An empty node id.
    EmptyId,
}

impl std::fmt::Display for GraphError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GraphError::BadWeight { source, target, weight } => {
                write!(f, "the edge {source}–{target} has weight {weight}; weights must be positive numbers")
            }
            GraphError::EmptyId => f.write_str("a node id is empty"),
        }
    }
}

impl std::error::Error for GraphError {}

/// Collects nodes and edges, then builds a [`Graph`].
///
/// An edge is held as one `u64` (its two ends) until the graph is built, plus an `f64`
/// weight once some weight differs from 1 or the builder is told the graph is weighted.
/// Building sorts that list in place, so the peak memory of a build is the list plus the
/// graph's neighbour lists.
///
/// ```
/// let mut b = sna::GraphBuilder::new();
/// b.add_edge("police-academy", "nhrc", 1.0).unwrap();
/// b.add_edge("nhrc", "legal-aid", 1.0).unwrap();
/// b.add_node("isolated").unwrap();
/// let g = b.build();
/// assert_eq!((g.node_count(), g.edge_count()), (4, 2));
/// assert_eq!(g.degree(g.index_of("nhrc").unwrap()), 2);
/// ```
#[derive(Default, Debug)]
pub struct GraphBuilder {
    ids: Ids,
    /// `low << 32 | high` for an edge between nodes `low < high`.
    edges: Vec<u64>,
    /// The weight of every edge of `edges`, kept from the first weight other than 1 (or
    /// from [`GraphBuilder::weighted`]) on; `None` while every weight is 1.
    weights: Option<Vec<f64>>,
    weighted: bool,
}

impl GraphBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Add a node (a no-op when it exists); returns its index.
    ///
    /// # Panics
    ///
    /// On the `2^32 - 1`th distinct node: indices are stored as `u32`.
    pub fn add_node(&mut self, id: &str) -> Result<usize, GraphError> {
        if id.is_empty() {
            return Err(GraphError::EmptyId);
        }
        Ok(self.ids.insert(id))
    }

    /// Add an undirected edge. A weight other than 1 makes the graph weighted.
    pub fn add_edge(&mut self, source: &str, target: &str, weight: f64) -> Result<(), GraphError> {
        if !(weight.is_finite() && weight > 0.0) {
            return Err(GraphError::BadWeight { source: source.into(), target: target.into(), weight });
        }
        let u = self.add_node(source)? as u64;
        let v = self.add_node(target)? as u64;
        if weight != 1.0 {
            self.weighted = true;
            self.keep_weights();
        }
        if u != v {
            self.edges.push(u.min(v) << 32 | u.max(v));
            if let Some(weights) = &mut self.weights {
                weights.push(weight);
            }
        }
        Ok(())
    }

    fn keep_weights(&mut self) {
        if self.weights.is_none() {
            self.weights = Some(vec![1.0; self.edges.len()]);
        }
    }

    /// Treat the graph as weighted even if every weight is 1 (`true`), or as unweighted
    /// whatever the weights given (`false`: every weight is then 1).
    pub fn weighted(&mut self, weighted: bool) -> &mut Self {
        self.weighted = weighted;
        if weighted {
            self.keep_weights();
        }
        self
    }

    /// Build the graph; every node ever added is in it, isolated or not.
    pub fn build(self) -> Graph {
        let GraphBuilder { mut ids, mut edges, weights, weighted } = self;
        ids.shrink();
        let n = ids.len();
        // Sorted and merged in place: a second list of edges would be the peak of the
        // build's memory.
        let weights = match weights.filter(|_| weighted) {
            None => {
                edges.sort_unstable();
                edges.dedup();
                None
            }
            Some(weights) => {
                let mut pairs: Vec<(u64, f64)> = edges.into_iter().zip(weights).collect();
                pairs.sort_unstable_by_key(|e| e.0);
                pairs.dedup_by(|later, kept| {
                    let same = later.0 == kept.0;
                    if same {
                        kept.1 += later.1;
                    }
                    same
                });
                let (e, w) = pairs.into_iter().unzip();
                edges = e;
                Some::<Vec<f64>>(w)
            }
        };
        let ends = |e: u64| ((e >> 32) as usize, (e & u64::from(u32::MAX)) as usize);
        // `offsets[v]` first counts `v`'s neighbours, then is the end of its row; filling
        // each row from its end moves it to the row's start.
        let mut offsets = vec![0usize; n + 1];
        for &e in &edges {
            let (u, v) = ends(e);
            offsets[u] += 1;
            offsets[v] += 1;
        }
        let mut total = 0;
        for o in offsets.iter_mut() {
            total += *o;
            *o = total;
        }
        let mut targets = vec![0u32; total];
        let mut row_weights = vec![0f64; if weights.is_some() { total } else { 0 }];
        // Rows come out sorted without sorting them: edges are in order of (low, high)
        // end, and taken from the last, so row `x` is filled from its end first with its
        // higher neighbours in decreasing order, then with its lower ones, also decreasing.
        for (k, &e) in edges.iter().enumerate().rev() {
            let (u, v) = ends(e);
            offsets[u] -= 1;
            targets[offsets[u]] = v as u32;
            offsets[v] -= 1;
            targets[offsets[v]] = u as u32;
            if let Some(w) = &weights {
                row_weights[offsets[u]] = w[k];
                row_weights[offsets[v]] = w[k];
            }
        }
        debug_assert!((0..n).all(|v| targets[offsets[v]..offsets[v + 1]].windows(2).all(|w| w[0] < w[1])));
        Graph { ids, offsets, targets, weights: row_weights, weighted }
    }
}

impl Graph {
    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.ids.len()
    }

    /// Number of (merged) edges.
    pub fn edge_count(&self) -> usize {
        self.targets.len() / 2
    }

    /// Whether any weight differs from 1, or the builder was told so.
    pub fn is_weighted(&self) -> bool {
        self.weighted
    }

    /// The string id of node `v`.
    pub fn id(&self, v: usize) -> &str {
        self.ids.get(v)
    }

    /// All ids, by node index.
    pub fn ids(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        (0..self.node_count()).map(|v| self.ids.get(v))
    }

    /// The index of the node with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.ids.find(id)
    }

    /// Neighbours of `v`, sorted (node indices as `u32`).
    pub fn neighbors(&self, v: usize) -> &[u32] {
        &self.targets[self.offsets[v]..self.offsets[v + 1]]
    }

    /// Weights of `v`'s edges, in the order of [`Graph::neighbors`] (all 1 when the graph
    /// is unweighted).
    pub fn edge_weights(&self, v: usize) -> impl ExactSizeIterator<Item = f64> + '_ {
        let weights = &self.weights;
        (self.offsets[v]..self.offsets[v + 1]).map(move |k| if weights.is_empty() { 1.0 } else { weights[k] })
    }

    /// Number of neighbours of `v`.
    pub fn degree(&self, v: usize) -> usize {
        self.offsets[v + 1] - self.offsets[v]
    }

    /// The whole structure: row offsets, neighbours and weights (see [`Graph`]; the weights
    /// are empty when the graph is unweighted).
    pub(crate) fn csr(&self) -> (&[usize], &[u32], &[f64]) {
        (&self.offsets, &self.targets, &self.weights)
    }

    /// Sum of the weights of `v`'s edges (its degree when unweighted).
    pub fn strength(&self, v: usize) -> f64 {
        if self.weights.is_empty() {
            self.degree(v) as f64
        } else {
            self.weights[self.offsets[v]..self.offsets[v + 1]].iter().sum()
        }
    }

    /// The weight of the edge `{u, v}`, if there is one.
    pub fn weight(&self, u: usize, v: usize) -> Option<f64> {
        let k = u32::try_from(v).ok().and_then(|v| self.neighbors(u).binary_search(&v).ok())?;
        Some(if self.weights.is_empty() { 1.0 } else { self.weights[self.offsets[u] + k] })
    }

    /// Edges per possible edge: `2m / (n (n - 1))`, 0 for fewer than two nodes.
    pub fn density(&self) -> f64 {
        let n = self.node_count() as f64;
        if n < 2.0 {
            0.0
        } else {
            2.0 * self.edge_count() as f64 / (n * (n - 1.0))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_duplicates_and_drops_self_loops() {
        let mut b = GraphBuilder::new();
        b.add_edge("a", "b", 1.0).unwrap();
        b.add_edge("b", "a", 2.0).unwrap();
        b.add_edge("a", "a", 1.0).unwrap();
        b.add_edge("c", "a", 1.0).unwrap();
        let g = b.build();
        assert_eq!(g.edge_count(), 2);
        let a = g.index_of("a").unwrap();
        assert_eq!(g.neighbors(a), &[1, 2]);
        assert_eq!(g.weight(a, 1), Some(3.0));
        assert!(g.is_weighted());
        assert_eq!(g.id(2), "c");
        assert_eq!(g.index_of("d"), None);
    }

    #[test]
    fn unweighted_duplicates_count_once() {
        let mut b = GraphBuilder::new();
        for i in 0..100 {
            b.add_edge(&format!("n{i}"), &format!("n{}", (i * 7) % 100), 1.0).unwrap();
            b.add_edge(&format!("n{}", (i * 7) % 100), &format!("n{i}"), 1.0).unwrap();
        }
        let g = b.build();
        assert!(!g.is_weighted());
        for v in 0..g.node_count() {
            assert_eq!(g.index_of(g.id(v)), Some(v));
            assert!(g.edge_weights(v).all(|w| w == 1.0));
            for &w in g.neighbors(v) {
                assert_eq!(g.weight(v, w as usize), Some(1.0));
                assert!(g.neighbors(w as usize).contains(&(v as u32)));
            }
        }
    }

    #[test]
    fn refuses_bad_weights_and_empty_ids() {
        let mut b = GraphBuilder::new();
        assert!(b.add_edge("a", "b", 0.0).is_err());
        assert!(b.add_edge("a", "b", -1.0).is_err());
        assert!(b.add_edge("a", "b", f64::NAN).is_err());
        assert!(b.add_node("").is_err());
    }
}
