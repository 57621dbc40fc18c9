//! Ties within and across groups: the E-I index, attribute assortativity and Gould–Fernandez
//! brokerage roles, for a node attribute such as sector or country.
//!
//! The attribute comes as `groups: &[usize]`, the group of every node by node index; the
//! numbers only need to be equal for equal groups (they need not be dense or start at 0).
//! A missing value is whatever number the caller gives it: it then forms a group of its own,
//! as a missing attribute does in NetworkX.
//!
//! Choices:
//! * Edges are counted, not weighed: the E-I index and brokerage are defined on ties, and
//!   NetworkX's attribute assortativity ignores weights too.
//! * [`assortativity`] is computed from integer counts, `(4mI − ΣD²) / (4m² − ΣD²)`, which is
//!   NetworkX's `(tr M − ‖M²‖) / (1 − ‖M²‖)` on the normalised mixing matrix written with a
//!   common denominator. One division at the end makes the result correctly rounded, and
//!   "undefined" (a zero denominator) an exact test rather than a comparison with a tolerance.
//! * Brokerage follows R's `sna::brokerage` on a symmetric graph: every undirected open
//!   two-path is read in both directions. See [`brokerage`].
//!
//! Every function panics when `groups` does not have one entry per node: that is a mistake
//! of the caller's, not a property of the network, and silently truncating would misreport.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::Graph;

fn check_len(g: &Graph, groups: &[usize]) {
    assert_eq!(
        groups.len(),
        g.node_count(),
        "groups must give one group per node ({} given for {} nodes)",
        groups.len(),
        g.node_count()
    );
}

/// Edges between groups and within groups, each edge once.
fn external_internal(g: &Graph, groups: &[usize]) -> (usize, usize) {
    let (mut external, mut internal) = (0, 0);
    for u in 0..g.node_count() {
        for v in g.neighbors(u).iter().map(|&v| v as usize).filter(|&v| v > u) {
            if groups[u] == groups[v] {
                internal += 1;
            } else {
                external += 1;
            }
        }
    }
    (external, internal)
}

/// Krackhardt and Stern's E-I index of the whole network: `(E − I) / (E + I)` for `E` edges
/// between groups and `I` edges within them. It runs from −1 (every tie stays inside its
/// group) to +1 (every tie crosses groups). `None` for a graph without edges.
///
/// # Panics
/// If `groups.len()` is not the number of nodes.
///
/// ```
/// use sna::{groups, GraphBuilder};
/// let mut b = GraphBuilder::new();
/// // Two police officers and a lawyer: one tie inside the police, one across sectors.
/// b.add_edge("officer-1", "officer-2", 1.0).unwrap();
/// b.add_edge("officer-2", "lawyer", 1.0).unwrap();
/// let g = b.build();
/// let sector = [0, 0, 1]; // by node index: officer-1, officer-2, lawyer
/// assert_eq!(groups::ei_index(&g, &sector), Some(0.0));
/// ```
pub fn ei_index(g: &Graph, groups: &[usize]) -> Option<f64> {
    check_len(g, groups);
    let (external, internal) = external_internal(g, groups);
    let total = external + internal;
    (total > 0).then(|| (external as f64 - internal as f64) / total as f64)
}

/// The E-I index of every node's own ties: `(E − I) / degree` where `E` counts its
/// neighbours in other groups and `I` those in its own. `None` for isolated nodes.
///
/// # Panics
/// If `groups.len()` is not the number of nodes.
///
/// ```
/// use sna::{groups, GraphBuilder};
/// let mut b = GraphBuilder::new();
/// b.add_edge("a", "b", 1.0).unwrap();
/// b.add_edge("a", "c", 1.0).unwrap();
/// b.add_node("d").unwrap();
/// let g = b.build();
/// let ei = groups::ei_index_per_node(&g, &[0, 0, 1, 1]);
/// assert_eq!(ei, vec![Some(0.0), Some(-1.0), Some(1.0), None]);
/// ```
pub fn ei_index_per_node(g: &Graph, groups: &[usize]) -> Vec<Option<f64>> {
    check_len(g, groups);
    (0..g.node_count())
        .map(|v| {
            let degree = g.degree(v);
            let external = g.neighbors(v).iter().filter(|&&w| groups[w as usize] != groups[v]).count();
            let internal = degree - external;
            (degree > 0).then(|| (external as f64 - internal as f64) / degree as f64)
        })
        .collect()
}

/// Attribute assortativity coefficient (Newman 2003), equal to NetworkX's
/// `attribute_assortativity_coefficient(G, attribute)`: how much more often ties join nodes
/// of the same group than they would if ends were paired at random, keeping every group's
/// total degree. 1 when all ties stay inside groups; 0 at random mixing; negative when
/// ties prefer other groups.
///
/// `None` where NetworkX gives NaN: without edges, or when every edge end lies in one group
/// (then random mixing would also keep every tie inside, and the coefficient is 0/0).
///
/// # Panics
/// If `groups.len()` is not the number of nodes.
///
/// ```
/// use sna::{groups, GraphBuilder};
/// let mut b = GraphBuilder::new();
/// for (u, v) in [("a", "b"), ("c", "d"), ("b", "c")] {
///     b.add_edge(u, v, 1.0).unwrap();
/// }
/// let g = b.build();
/// // a, b in one group and c, d in the other: two ties inside, one across.
/// let r = groups::assortativity(&g, &[0, 0, 1, 1]).unwrap();
/// assert!((r - 1.0 / 3.0).abs() < 1e-12);
/// assert_eq!(groups::assortativity(&g, &[7, 7, 7, 7]), None);
/// ```
pub fn assortativity(g: &Graph, groups: &[usize]) -> Option<f64> {
    check_len(g, groups);
    let m = g.edge_count() as i128;
    if m == 0 {
        return None;
    }
    let (_, internal) = external_internal(g, groups);
    let mut degree_sums: HashMap<usize, i128> = HashMap::new();
    for (v, &group) in groups.iter().enumerate() {
        *degree_sums.entry(group).or_default() += g.degree(v) as i128;
    }
    // i128 keeps 4m² exact far beyond any graph that fits in memory.
    let squares: i128 = degree_sums.values().map(|d| d * d).sum();
    let numerator = 4 * m * internal as i128 - squares;
    let denominator = 4 * m * m - squares;
    (denominator != 0).then(|| numerator as f64 / denominator as f64)
}

/// How often a node holds each of Gould and Fernandez's five brokerage roles: the open
/// two-paths `a – b – c` (with `a` and `c` not tied) through it, by the groups of `a`, the
/// broker `b`, and `c`. See [`brokerage`] for how undirected paths are counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Brokerage {
    /// All three in the same group (Gould–Fernandez `w_I`, "coordinator").
    pub coordinator: usize,
    /// The broker's group is that of `c`, not of `a`: it controls access to its group
    /// (`b_OI`, "gatekeeper").
    pub gatekeeper: usize,
    /// The broker's group is that of `a`, not of `c`: it speaks for its group to outsiders
    /// (`b_IO`, "representative").
    pub representative: usize,
    /// `a` and `c` in the same group, the broker in another (`w_O`, "itinerant broker" or
    /// "consultant").
    pub consultant: usize,
    /// Three different groups (`b_O`, "liaison").
    pub liaison: usize,
}

impl Brokerage {
    /// All roles together: twice the number of open two-paths through the node.
    pub fn total(&self) -> usize {
        self.coordinator + self.gatekeeper + self.representative + self.consultant + self.liaison
    }
}

/// Gould–Fernandez brokerage roles of every node, for an undirected graph.
///
/// Gould and Fernandez define the roles on directed paths `a → b → c`. On an undirected
/// graph every open two-path `a – b – c` is read in both directions, `a → b → c` and
/// `c → b → a`, as R's `sna::brokerage` does on a symmetric adjacency matrix, so counts can
/// be compared with it:
/// * a coordinator, consultant or liaison path counts 2 in its role;
/// * a path where the broker shares its group with exactly one end counts 1 as
///   representative (read from that end) and 1 as gatekeeper (read towards that end), so
///   the two are always equal on undirected graphs.
///
/// Halve `coordinator`, `consultant` and `liaison` to count undirected paths; `gatekeeper`
/// (or `representative`) already counts those paths once. Isolated nodes and leaves broker
/// nothing.
///
/// # Panics
/// If `groups.len()` is not the number of nodes.
///
/// ```
/// use sna::{groups, GraphBuilder};
/// let mut b = GraphBuilder::new();
/// // A ministry official tied to a colleague and to an NGO worker, who do not know each other.
/// b.add_edge("official", "colleague", 1.0).unwrap();
/// b.add_edge("official", "ngo", 1.0).unwrap();
/// let g = b.build();
/// let roles = groups::brokerage(&g, &[0, 0, 1]);
/// let official = roles[g.index_of("official").unwrap()];
/// assert_eq!((official.representative, official.gatekeeper, official.total()), (1, 1, 2));
/// ```
pub fn brokerage(g: &Graph, groups: &[usize]) -> Vec<Brokerage> {
    check_len(g, groups);
    (0..g.node_count())
        .into_par_iter()
        .map(|b| {
            let mut roles = Brokerage::default();
            let row = g.neighbors(b);
            let gb = groups[b];
            for (i, &a) in row.iter().enumerate() {
                let ga = groups[a as usize];
                let a_row = g.neighbors(a as usize);
                for &c in &row[i + 1..] {
                    if a_row.binary_search(&c).is_ok() {
                        continue;
                    }
                    let gc = groups[c as usize];
                    match (ga == gb, gc == gb) {
                        (true, true) => roles.coordinator += 2,
                        (true, false) | (false, true) => {
                            roles.representative += 1;
                            roles.gatekeeper += 1;
                        }
                        (false, false) if ga == gc => roles.consultant += 2,
                        (false, false) => roles.liaison += 2,
                    }
                }
            }
            roles
        })
        .collect()
}
