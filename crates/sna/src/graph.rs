//! The compact graph every measure works on.

use std::collections::HashMap;

/// An undirected graph in compressed sparse row form.
///
/// Nodes are numbered `0..n` in the order they were first seen; [`Graph::id`] gives back
/// the string id. The neighbours of node `v` are `targets[offsets[v]..offsets[v + 1]]`,
/// sorted by index, each with its weight at the same position of `weights`.
///
/// Invariants, checked when the graph is built:
/// * every edge `{u, v}` appears once in `u`'s row and once in `v`'s row, with the same weight;
/// * no self-loops (they are dropped: a tie of a person with themself says nothing about
///   the network) and no duplicate neighbours (duplicate edges are merged, their weights added);
/// * weights are finite and positive.
#[derive(Clone, Debug)]
pub struct Graph {
    ids: Vec<String>,
    index: HashMap<String, usize>,
    offsets: Vec<usize>,
    targets: Vec<usize>,
    weights: Vec<f64>,
    weighted: bool,
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
    ids: Vec<String>,
    index: HashMap<String, usize>,
    edges: Vec<(usize, usize, f64)>,
    weighted: bool,
}

impl GraphBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Add a node (a no-op when it exists); returns its index.
    pub fn add_node(&mut self, id: &str) -> Result<usize, GraphError> {
        if id.is_empty() {
            return Err(GraphError::EmptyId);
        }
        if let Some(&i) = self.index.get(id) {
            return Ok(i);
        }
        let i = self.ids.len();
        self.ids.push(id.to_string());
        self.index.insert(id.to_string(), i);
        Ok(i)
    }

    /// Add an undirected edge. A weight other than 1 makes the graph weighted.
    pub fn add_edge(&mut self, source: &str, target: &str, weight: f64) -> Result<(), GraphError> {
        if !(weight.is_finite() && weight > 0.0) {
            return Err(GraphError::BadWeight { source: source.into(), target: target.into(), weight });
        }
        let u = self.add_node(source)?;
        let v = self.add_node(target)?;
        if weight != 1.0 {
            self.weighted = true;
        }
        if u != v {
            self.edges.push((u.min(v), u.max(v), weight));
        }
        Ok(())
    }

    /// Treat the graph as weighted even if every weight is 1.
    pub fn weighted(&mut self, weighted: bool) -> &mut Self {
        self.weighted = weighted;
        self
    }

    /// Build the graph; every node ever added is in it, isolated or not.
    pub fn build(self) -> Graph {
        // Merged in place: a second list of edges would be the peak of the build's memory.
        let mut merged = self.edges;
        merged.sort_unstable_by_key(|e| (e.0, e.1));
        merged.dedup_by(|later, kept| {
            let same = later.0 == kept.0 && later.1 == kept.1;
            if same {
                kept.2 += later.2;
            }
            same
        });
        let n = self.ids.len();
        let mut degree = vec![0usize; n];
        for &(u, v, _) in &merged {
            degree[u] += 1;
            degree[v] += 1;
        }
        let mut offsets = vec![0usize; n + 1];
        for v in 0..n {
            offsets[v + 1] = offsets[v] + degree[v];
        }
        let mut fill = offsets.clone();
        let mut targets = vec![0usize; offsets[n]];
        let mut weights = vec![0f64; offsets[n]];
        for &(u, v, w) in &merged {
            targets[fill[u]] = v;
            weights[fill[u]] = w;
            fill[u] += 1;
            targets[fill[v]] = u;
            weights[fill[v]] = w;
            fill[v] += 1;
        }
        // Rows come out sorted without sorting them: edges are in order of (low, high) end,
        // so row `x` first receives its lower neighbours in increasing order (edges whose
        // high end is `x`), then its higher ones, also increasing.
        debug_assert!((0..n).all(|v| targets[offsets[v]..offsets[v + 1]].windows(2).all(|w| w[0] < w[1])));
        Graph { ids: self.ids, index: self.index, offsets, targets, weights, weighted: self.weighted }
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
        &self.ids[v]
    }

    /// All ids, by node index.
    pub fn ids(&self) -> &[String] {
        &self.ids
    }

    /// The index of the node with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// Neighbours of `v`, sorted.
    pub fn neighbors(&self, v: usize) -> &[usize] {
        &self.targets[self.offsets[v]..self.offsets[v + 1]]
    }

    /// Weights of `v`'s edges, in the order of [`Graph::neighbors`].
    pub fn edge_weights(&self, v: usize) -> &[f64] {
        &self.weights[self.offsets[v]..self.offsets[v + 1]]
    }

    /// Number of neighbours of `v`.
    pub fn degree(&self, v: usize) -> usize {
        self.offsets[v + 1] - self.offsets[v]
    }

    /// The whole structure: row offsets, neighbours and weights (see [`Graph`]).
    pub(crate) fn csr(&self) -> (&[usize], &[usize], &[f64]) {
        (&self.offsets, &self.targets, &self.weights)
    }

    /// Sum of the weights of `v`'s edges (its degree when unweighted).
    pub fn strength(&self, v: usize) -> f64 {
        self.edge_weights(v).iter().sum()
    }

    /// The weight of the edge `{u, v}`, if there is one.
    pub fn weight(&self, u: usize, v: usize) -> Option<f64> {
        let row = self.neighbors(u);
        row.binary_search(&v).ok().map(|k| self.edge_weights(u)[k])
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
