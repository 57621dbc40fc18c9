//! Social network analysis for Roundtable, on a compact graph.
//!
//! The design follows what coordinators of a network ask: who is central, who bridges
//! groups that do not otherwise talk, which communities exist, and whom to introduce to
//! whom. Everything here is a pure function of a [`Graph`]: no I/O, no database, no web.
//!
//! * The graph is undirected, stored in compressed sparse row form (see [`Graph`]) with
//!   `u32` neighbour indices ([`Graph::neighbors`] returns `&[u32]`), an `f64` weight per
//!   edge end only when the graph is weighted, and every string id stored once (one string
//!   holding them end to end, and a hash table of `u32` node indices). Self-loops are
//!   dropped and duplicate edges merged: weights added in a weighted graph, counted once in
//!   an unweighted one (as NetworkX does). On the 1,000,000-edge graph of `bench/sna`,
//!   building takes at its peak about 23 bytes per edge and keeps about 15.
//! * Measures follow the definitions and normalisations of NetworkX, so results can be
//!   checked against it: the crate's tests compare with NetworkX's output on reference graphs.
//! * Path-based measures (betweenness, closeness, harmonic) read a weight as a *distance*;
//!   PageRank and strength read it as a *strength* — NetworkX's conventions.
//! * The expensive kernels (betweenness, closeness, harmonic) run one source per task on
//!   rayon's thread pool; sums are then taken in an order that depends on the scheduling,
//!   so results agree across runs and thread counts to within rounding (about 1e-15).
//! * On unweighted graphs those kernels work on a private copy of the structure with nodes
//!   renumbered in breadth-first order (nodes met together sit together in memory), built
//!   in `O(n + m)` per call; results are mapped back to the caller's numbering.
//! * Exact betweenness (Brandes) is tuned for the shape of its inner loop, each idea kept
//!   because it measured faster on `bench/sna`: distances are stored modulo 255 in one byte
//!   (a node's neighbours are one step closer, level or one step farther, which the residue
//!   tells apart); the search writes each node's successors on shortest paths to a flat
//!   list without branching on the unpredictable "is this neighbour farther?", so that the
//!   accumulation reads only those; the accumulation pulls `(1 + δ) / σ` from successors, one
//!   division per node instead of one per edge. An `unsafe` block drops the bounds checks
//!   of that search loop, whose indices are valid by construction (see its `SAFETY` note);
//!   it gained about 10 %. The search asks the processor for the neighbour list of the
//!   node four places ahead in its queue (`_mm_prefetch` on x86-64, the crate's other
//!   `unsafe`, a hint that cannot fault): each list starts somewhere the hardware cannot
//!   foresee, and waiting for it cost about a sixth of the time. Batching several sources
//!   per search (the multi-source traversal of Then et al., 2015) was tried and was slower
//!   here.
//! * PageRank pulls rank per unit of strength from neighbours, in parallel over blocks of
//!   nodes, each node's sum taken in a fixed order.
//! * Core numbers are found by peeling level by level on all threads, with an atomic
//!   decrement per edge end; they are unique, so they do not depend on the scheduling.
//!
//! ```
//! use sna::{GraphBuilder, centrality};
//! let mut b = GraphBuilder::new();
//! for (u, v) in [("a", "b"), ("b", "c"), ("c", "d")] {
//!     b.add_edge(u, v, 1.0).unwrap();
//! }
//! let g = b.build();
//! let bc = centrality::betweenness(&g);
//! assert!((bc[g.index_of("b").unwrap()] - 2.0 / 3.0).abs() < 1e-12);
//! ```

#![deny(missing_docs)]

pub mod centrality;
pub mod cohesion;
pub mod communities;
mod compact;
mod graph;
pub mod groups;
pub mod layout;
pub mod recommend;
mod rng;

pub use graph::{Graph, GraphBuilder, GraphError};
