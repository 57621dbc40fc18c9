//! A relabelled copy of a graph's structure for the kernels that walk it many times.
//!
//! Exact betweenness runs one breadth-first search per node, each touching every edge
//! twice, so what decides its speed is how many of those touches hit the cache. The copy
//! here keeps only what a search reads (`u32` offsets and neighbours, no weights), and
//! numbers the nodes in breadth-first order from a node of highest degree, so that nodes met together
//! sit together in memory. It costs `O(n + m)` to build; results are mapped back to the
//! caller's numbering by [`Compact::original`].

use crate::Graph;

/// Unweighted structure of a [`Graph`], nodes renumbered for locality.
pub(crate) struct Compact {
    /// Row `v` (new numbering) is `targets[offsets[v]..offsets[v + 1]]`.
    offsets: Vec<u32>,
    targets: Vec<u32>,
    /// The original index of every new one.
    original: Vec<u32>,
    /// The new index of every original one.
    renamed: Vec<u32>,
}

impl Compact {
    /// The structure of `g` in breadth-first order (component by component, each from its
    /// node of highest degree).
    ///
    /// # Panics
    ///
    /// If `g` has `2^32` nodes or edge ends or more, which `u32` cannot number.
    pub(crate) fn new(g: &Graph) -> Self {
        let n = g.node_count();
        assert!(n < u32::MAX as usize && 2 * g.edge_count() < u32::MAX as usize, "graph too large for u32 indices");
        let mut by_degree: Vec<u32> = (0..n as u32).collect();
        by_degree.sort_by_key(|&v| std::cmp::Reverse(g.degree(v as usize)));
        let mut renamed = vec![u32::MAX; n];
        let mut original = Vec::with_capacity(n);
        for &root in &by_degree {
            if renamed[root as usize] != u32::MAX {
                continue;
            }
            renamed[root as usize] = original.len() as u32;
            let mut head = original.len();
            original.push(root);
            while head < original.len() {
                let v = original[head] as usize;
                head += 1;
                for &w in g.neighbors(v) {
                    if renamed[w as usize] == u32::MAX {
                        renamed[w as usize] = original.len() as u32;
                        original.push(w);
                    }
                }
            }
        }
        let mut offsets = Vec::with_capacity(n + 1);
        offsets.push(0u32);
        let mut targets = Vec::with_capacity(2 * g.edge_count());
        for &v in &original {
            let start = targets.len();
            targets.extend(g.neighbors(v as usize).iter().map(|&w| renamed[w as usize]));
            targets[start..].sort_unstable();
            offsets.push(targets.len() as u32);
        }
        Compact { offsets, targets, original, renamed }
    }

    pub(crate) fn len(&self) -> usize {
        self.original.len()
    }

    /// Number of edge ends (twice the number of edges).
    pub(crate) fn arcs(&self) -> usize {
        self.targets.len()
    }

    /// Neighbours of `v` (new numbering), sorted.
    #[inline]
    pub(crate) fn neighbors(&self, v: u32) -> &[u32] {
        &self.targets[self.offsets[v as usize] as usize..self.offsets[v as usize + 1] as usize]
    }

    /// Asks the processor to start loading the neighbours of `v`, which a search is about
    /// to read: a list starts anywhere in memory, so its first line is a cache miss the
    /// hardware cannot foresee.
    #[inline]
    pub(crate) fn prefetch(&self, v: u32) {
        #[cfg(target_arch = "x86_64")]
        {
            let start = self.offsets[v as usize] as usize;
            let p = self.targets.as_ptr().wrapping_add(start);
            // SAFETY: a prefetch is a hint; it never faults, whatever the address.
            unsafe { std::arch::x86_64::_mm_prefetch(p.cast::<i8>(), std::arch::x86_64::_MM_HINT_T0) };
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = v;
    }

    /// Original index of new node `v`.
    pub(crate) fn original(&self, v: u32) -> usize {
        self.original[v as usize] as usize
    }

    /// New index of original node `v`.
    pub(crate) fn renamed(&self, v: usize) -> u32 {
        self.renamed[v]
    }

    /// `values` (by new index) reordered by original index.
    pub(crate) fn to_original<T: Copy + Default>(&self, values: &[T]) -> Vec<T> {
        let mut out = vec![T::default(); values.len()];
        for (v, &x) in values.iter().enumerate() {
            out[self.original(v as u32)] = x;
        }
        out
    }
}
