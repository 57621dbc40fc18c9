//! Positions for drawing the network map: a ForceAtlas2 layout with Barnes–Hut repulsion.
//!
//! ForceAtlas2 (Jacomy, Venturini, Heymann & Bastian 2014, the default of Gephi) is what
//! people who have looked at network maps are used to: tightly knit groups form clusters,
//! brokers sit between them, and hubs spread their contacts around them.
//!
//! Forces on a node `i` with mass `mᵢ = degree(i) + 1`:
//! * repulsion from every other node, `k_r mᵢ mⱼ / d`: giving hubs more room keeps their
//!   leaves from piling up on them;
//! * attraction along every edge, `w d` (the weight read as a strength, as Gephi and
//!   [`crate::centrality::pagerank`] do), so heavier ties pull harder;
//! * gravity towards the centre, `k_g mᵢ d` (Gephi's "strong gravity", with a weak `k_g`):
//!   without gravity, separate components and isolated nodes would drift away for ever.
//!
//! Choices:
//! * Gravity grows with the distance from the centre rather than being constant (Gephi's
//!   default). Under constant gravity an isolated node settles where gravity balances the
//!   push of all the others, at a distance proportional to their total mass, so a handful
//!   of people without ties would squeeze the rest of the map into a corner once it is
//!   scaled to the screen. Under gravity proportional to distance that balance lies at the
//!   square root of the total mass, just outside the main component: isolated nodes and
//!   small components ring the map, apart from each other and on screen.
//! * Repulsion between all pairs is `O(n²)`; a Barnes–Hut quadtree replaces a far-away
//!   square of nodes by its total mass at its centre of mass when `size / distance < θ`,
//!   `O(n log n)` per step. With `θ = 0.8` the forces are within a few per cent of the
//!   exact ones (see [`repulsion`] and the crate's tests), far below what the eye can see.
//! * Steps use ForceAtlas2's adaptive speed: a global speed raised while nodes move
//!   consistently and lowered when they oscillate ("swing"), and a per-node slowdown for
//!   swinging nodes. It converges without a cooling schedule to tune per graph.
//! * Repulsion is softened below a small distance so that two nodes that come very close
//!   are pushed apart firmly instead of being flung across the map.
//! * The initial positions come from a SplitMix64 generator seeded by the caller, and every
//!   sum is taken in a fixed order (forces are computed per node in parallel but each
//!   node's force sequentially), so a seed always gives the same layout, on any number of
//!   threads.
//! * The result is scaled uniformly (keeping the aspect ratio) and centred into the unit
//!   square, so the caller maps it onto any canvas with one multiplication.

use crate::rng::SplitMix64;
use rayon::prelude::*;

use crate::Graph;

/// Barnes–Hut opening criterion used by [`layout`].
const THETA: f64 = 0.8;
/// Repulsion strength (Gephi's "scaling" for graphs of 100 nodes or more).
const REPULSION: f64 = 2.0;
/// Gravity strength. Weak, so that it rounds the map off without flattening the clusters:
/// the harmonic pull `k_g m r` on a cloud of total mass `M` balances repulsion at a radius
/// of `√(k_r M / k_g)`, and the value was chosen by eye on the test fixtures and on
/// generated graphs of 20 communities of 100 nodes, whose communities stay clearly apart.
const GRAVITY: f64 = 0.1;
/// Distance below which repulsion stops growing; edges settle at lengths of order 1 and more.
const SOFTENING: f64 = 0.01;
/// Nodes per leaf of the quadtree: below this, exact sums are cheaper than subdividing.
const LEAF_SIZE: usize = 4;
/// Subdivisions beyond this stop, so that nodes at (nearly) the same point end in one leaf.
const MAX_DEPTH: usize = 48;

/// A square of the quadtree.
struct Cell {
    /// Centre of mass and total mass of the nodes inside.
    x: f64,
    y: f64,
    mass: f64,
    /// Side of the square.
    size: f64,
    /// Children (`NONE` where a quadrant is empty); all `NONE` for a leaf.
    children: [u32; 4],
    /// For a leaf, its nodes: `order[start..end]`.
    start: usize,
    end: usize,
}

const NONE: u32 = u32::MAX;

/// A Barnes–Hut quadtree over weighted points.
struct QuadTree {
    cells: Vec<Cell>,
    order: Vec<usize>,
}

impl QuadTree {
    fn new(pos: &[(f64, f64)], mass: &[f64]) -> Self {
        let mut tree = QuadTree { cells: Vec::new(), order: (0..pos.len()).collect() };
        if pos.is_empty() {
            return tree;
        }
        let (mut x0, mut y0, mut x1, mut y1) = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
        for &(x, y) in pos {
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
        }
        // A little slack so that points on the far edge fall strictly inside the square.
        let size = (x1 - x0).max(y1 - y0).max(f64::MIN_POSITIVE) * (1.0 + 1e-9);
        tree.build(pos, mass, 0, pos.len(), x0, y0, size, 0);
        tree
    }

    /// Build the cell for `order[start..end]`, inside the square at `(x0, y0)` of side
    /// `size`; returns its index.
    #[allow(clippy::too_many_arguments)]
    fn build(
        &mut self,
        pos: &[(f64, f64)],
        mass: &[f64],
        start: usize,
        end: usize,
        x0: f64,
        y0: f64,
        size: f64,
        depth: usize,
    ) -> u32 {
        let (mut mx, mut my, mut m) = (0.0, 0.0, 0.0);
        for &v in &self.order[start..end] {
            mx += mass[v] * pos[v].0;
            my += mass[v] * pos[v].1;
            m += mass[v];
        }
        let index = self.cells.len();
        self.cells.push(Cell { x: mx / m, y: my / m, mass: m, size, children: [NONE; 4], start, end });
        if end - start <= LEAF_SIZE || depth >= MAX_DEPTH {
            return index as u32;
        }
        let half = size / 2.0;
        let (xm, ym) = (x0 + half, y0 + half);
        // Group this cell's nodes by quadrant in place, so that each child owns a contiguous
        // range of `order` and leaves need no lists of their own.
        let quadrant = |v: usize| usize::from(pos[v].0 >= xm) * 2 + usize::from(pos[v].1 >= ym);
        let slice = &mut self.order[start..end];
        slice.sort_unstable_by_key(|&v| quadrant(v));
        let mut bounds = [start; 5];
        for q in 0..4 {
            bounds[q + 1] = bounds[q] + slice.iter().filter(|&&v| quadrant(v) == q).count();
        }
        for q in 0..4 {
            if bounds[q] < bounds[q + 1] {
                let (qx, qy) = (x0 + half * (q / 2) as f64, y0 + half * (q % 2) as f64);
                let child = self.build(pos, mass, bounds[q], bounds[q + 1], qx, qy, half, depth + 1);
                self.cells[index].children[q] = child;
            }
        }
        self.cells[index].start = end; // internal cells hold no nodes directly
        index as u32
    }

    /// The repulsion `Σⱼ mᵢ mⱼ (pᵢ − pⱼ) / max(d², ε²)` on node `i`.
    fn force(&self, i: usize, pos: &[(f64, f64)], mass: &[f64], theta: f64, stack: &mut Vec<u32>) -> (f64, f64) {
        let (xi, yi) = pos[i];
        let (mut fx, mut fy) = (0.0, 0.0);
        let soft2 = SOFTENING * SOFTENING;
        let theta2 = theta * theta;
        stack.clear();
        if !self.cells.is_empty() {
            stack.push(0);
        }
        while let Some(c) = stack.pop() {
            let cell = &self.cells[c as usize];
            let (dx, dy) = (xi - cell.x, yi - cell.y);
            let d2 = dx * dx + dy * dy;
            if cell.start < cell.end {
                for &j in &self.order[cell.start..cell.end] {
                    if j != i {
                        let (dx, dy) = (xi - pos[j].0, yi - pos[j].1);
                        let f = mass[j] / (dx * dx + dy * dy).max(soft2);
                        fx += f * dx;
                        fy += f * dy;
                    }
                }
            } else if cell.size * cell.size < theta2 * d2 {
                let f = cell.mass / d2.max(soft2);
                fx += f * dx;
                fy += f * dy;
            } else {
                stack.extend(cell.children.iter().copied().filter(|&k| k != NONE));
            }
        }
        (mass[i] * fx, mass[i] * fy)
    }
}

fn masses(g: &Graph) -> Vec<f64> {
    (0..g.node_count()).map(|v| g.degree(v) as f64 + 1.0).collect()
}

fn repulsion_with(pos: &[(f64, f64)], mass: &[f64], theta: f64) -> Vec<(f64, f64)> {
    let tree = QuadTree::new(pos, mass);
    (0..pos.len()).into_par_iter().map_init(Vec::new, |stack, i| tree.force(i, pos, mass, theta, stack)).collect()
}

/// The repulsive forces [`layout`] uses, before its strength factor: on node `i`,
/// `Σⱼ mᵢ mⱼ (pᵢ − pⱼ) / d²` with masses `m = degree + 1` (a push of `mᵢ mⱼ / d` away from
/// each other node), computed with a Barnes–Hut quadtree and opening criterion `theta`.
///
/// `theta = 0` gives the exact sum; [`layout`] uses 0.8. Below a distance of 0.01, `d²` is
/// taken as 0.01², so nodes at the same point push each other by nothing rather than by
/// infinity. Exposed so the approximation can be checked against the exact sum.
///
/// # Panics
/// If `positions` does not have one entry per node.
///
/// ```
/// use sna::{layout, GraphBuilder};
/// let mut b = GraphBuilder::new();
/// b.add_edge("a", "b", 1.0).unwrap();
/// let g = b.build();
/// // Two nodes of mass 2 at distance 2 push each other with 2 · 2 / 2 = 2.
/// let f = layout::repulsion(&g, &[(0.0, 0.0), (2.0, 0.0)], 0.0);
/// assert_eq!(f, vec![(-2.0, 0.0), (2.0, 0.0)]);
/// ```
pub fn repulsion(g: &Graph, positions: &[(f64, f64)], theta: f64) -> Vec<(f64, f64)> {
    assert_eq!(positions.len(), g.node_count(), "one position per node");
    repulsion_with(positions, &masses(g), theta.max(0.0))
}

/// A ForceAtlas2 layout of `g` after `iterations` steps from random positions drawn with
/// `seed`, scaled into the unit square `[0, 1]²` (aspect ratio kept, centred).
///
/// A few hundred iterations suit networks of up to a few thousand nodes; each step costs
/// `O(n log n + m)`. The same graph, iteration count and seed always give the same
/// positions. Separate components and isolated nodes are kept on the map by gravity, and
/// apart from each other by repulsion. An empty graph gives no positions and a single node
/// sits at the centre, `(0.5, 0.5)`.
///
/// ```
/// use sna::{layout, GraphBuilder};
/// let mut b = GraphBuilder::new();
/// for (u, v) in [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")] {
///     b.add_edge(u, v, 1.0).unwrap();
/// }
/// let g = b.build();
/// let pos = layout::layout(&g, 200, 42);
/// assert_eq!(pos.len(), 4);
/// assert!(pos.iter().all(|&(x, y)| (0.0..=1.0).contains(&x) && (0.0..=1.0).contains(&y)));
/// assert_eq!(pos, layout::layout(&g, 200, 42));
/// ```
pub fn layout(g: &Graph, iterations: usize, seed: u64) -> Vec<(f64, f64)> {
    let n = g.node_count();
    if n == 0 {
        return Vec::new();
    }
    let mass = masses(g);
    let mut rng = SplitMix64(seed);
    // Spread in proportion to the final size, about √n edge lengths across, so the first
    // steps refine rather than explode or collapse.
    let spread = 10.0 * (n as f64).sqrt();
    let mut pos: Vec<(f64, f64)> = (0..n).map(|_| (spread * (rng.unit() - 0.5), spread * (rng.unit() - 0.5))).collect();
    let mut previous = vec![(0.0, 0.0); n];
    let mut speed = 1.0;
    let mut efficiency = 1.0;

    for _ in 0..iterations {
        let repel = repulsion_with(&pos, &mass, THETA);
        let force: Vec<(f64, f64)> = (0..n)
            .into_par_iter()
            .map(|i| {
                let (x, y) = pos[i];
                let (mut fx, mut fy) = (REPULSION * repel[i].0, REPULSION * repel[i].1);
                for (&j, w) in g.neighbors(i).iter().zip(g.edge_weights(i)) {
                    let j = j as usize;
                    fx += w * (pos[j].0 - x);
                    fy += w * (pos[j].1 - y);
                }
                fx -= GRAVITY * mass[i] * x;
                fy -= GRAVITY * mass[i] * y;
                (fx, fy)
            })
            .collect();

        // How much nodes change direction (swinging) against how much they move on
        // (traction), summed in node order for determinism.
        let (mut swinging, mut traction) = (0.0, 0.0);
        for i in 0..n {
            let (f, p) = (force[i], previous[i]);
            swinging += mass[i] * ((f.0 - p.0).powi(2) + (f.1 - p.1).powi(2)).sqrt();
            traction += mass[i] * 0.5 * ((f.0 + p.0).powi(2) + (f.1 + p.1).powi(2)).sqrt();
        }
        if !(swinging > 0.0 && traction > 0.0) {
            break; // at rest (or a single node): nothing moves any more
        }
        // Gephi's adaptive speed, with its empirical constants: bigger networks tolerate
        // more jitter; the speed follows the traction-to-swinging ratio but rises at most
        // 50% per step.
        let estimated = 0.05 * (n as f64).sqrt();
        let mut jitter = estimated.sqrt().max((estimated * traction / (n as f64).powi(2)).min(10.0));
        if swinging / traction > 2.0 {
            if efficiency > 0.05 {
                efficiency *= 0.5;
            }
            jitter = jitter.max(1.0);
        }
        let target = jitter * efficiency * traction / swinging;
        if swinging > jitter * traction {
            if efficiency > 0.05 {
                efficiency *= 0.7;
            }
        } else if speed < 1000.0 {
            efficiency *= 1.3;
        }
        speed += (target - speed).min(0.5 * speed);

        let moved: Vec<(f64, f64)> = (0..n)
            .map(|i| {
                let (f, p) = (force[i], previous[i]);
                let node_swinging = mass[i] * ((f.0 - p.0).powi(2) + (f.1 - p.1).powi(2)).sqrt();
                let factor = speed / (1.0 + (speed * node_swinging).sqrt());
                (pos[i].0 + f.0 * factor, pos[i].1 + f.1 * factor)
            })
            .collect();
        // Forces are bounded, so this should not happen; if it ever does, the last finite
        // layout is a better answer than NaNs on the map.
        if moved.iter().any(|p| !(p.0.is_finite() && p.1.is_finite())) {
            break;
        }
        pos = moved;
        previous = force;
    }
    normalise(&pos)
}

/// Scale and centre into `[0, 1]²`, the same factor on both axes.
fn normalise(pos: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
    for &(x, y) in pos {
        x0 = x0.min(x);
        y0 = y0.min(y);
        x1 = x1.max(x);
        y1 = y1.max(y);
    }
    let extent = (x1 - x0).max(y1 - y0);
    if !(extent > 0.0 && extent.is_finite()) {
        return vec![(0.5, 0.5); pos.len()];
    }
    let (ox, oy) = ((1.0 - (x1 - x0) / extent) / 2.0, (1.0 - (y1 - y0) / extent) / 2.0);
    // Clamped because rounding may put the far edge a hair beyond 1.
    pos.iter()
        .map(|&(x, y)| ((ox + (x - x0) / extent).clamp(0.0, 1.0), (oy + (y - y0) / extent).clamp(0.0, 1.0)))
        .collect()
}
