//! How the network holds together: components, k-cores, clustering, and Burt's structural
//! holes (constraint, effective size).

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
/// where every node has at least `k` neighbours (Batagelj & Zaveršnik's linear algorithm).
pub fn core_number(g: &Graph) -> Vec<usize> {
    let n = g.node_count();
    // `u32` throughout: a third of the memory traffic of `usize`, on arrays that the
    // neighbour loop reads at random.
    let mut degree: Vec<u32> = (0..n).map(|v| g.degree(v) as u32).collect();
    let max = degree.iter().copied().max().unwrap_or(0) as usize;
    let mut bins = vec![0u32; max + 1];
    for &d in &degree {
        bins[d as usize] += 1;
    }
    let mut start = 0;
    for b in bins.iter_mut() {
        let count = *b;
        *b = start;
        start += count;
    }
    let mut position = vec![0u32; n];
    let mut order = vec![0u32; n];
    for v in 0..n {
        let d = degree[v] as usize;
        position[v] = bins[d];
        order[bins[d] as usize] = v as u32;
        bins[d] += 1;
    }
    for d in (1..=max).rev() {
        bins[d] = bins[d - 1];
    }
    if max > 0 || n > 0 {
        bins[0] = 0;
    }
    for i in 0..n {
        let v = order[i] as usize;
        let dv = degree[v];
        for &u in g.neighbors(v) {
            let u = u as usize;
            let du = degree[u];
            if du > dv {
                let pu = position[u];
                let pw = bins[du as usize];
                let w = order[pw as usize];
                if u as u32 != w {
                    position[u] = pw;
                    order[pu as usize] = w;
                    position[w as usize] = pu;
                    order[pw as usize] = u as u32;
                }
                bins[du as usize] += 1;
                degree[u] = du - 1;
            }
        }
    }
    degree.into_iter().map(|d| d as usize).collect()
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
