"""Times the same measures as crates/sna/examples/bench.rs with igraph and NetworKit.

python peers.py EDGES.csv REPEATS  ->  one JSON object per library on stdout.
"""
import json
import statistics
import sys
import time

import igraph as ig
import networkit as nk

path, repeats = sys.argv[1], int(sys.argv[2])


def timed(f):
    runs = []
    for _ in range(repeats):
        t = time.perf_counter()
        f()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


with open(path) as fh:
    next(fh)
    edges = [tuple(line.strip().split(",")[:2]) for line in fh if line.strip()]

g = ig.Graph.TupleList(edges, directed=False)
print(json.dumps({
    "library": "igraph " + ig.__version__,
    "betweenness": timed(lambda: g.betweenness(directed=False)),
    "closeness": timed(lambda: g.closeness()),
    "pagerank": timed(lambda: g.pagerank(damping=0.85)),
    "core": timed(lambda: g.coreness()),
    "clustering": timed(lambda: g.transitivity_local_undirected(mode="zero")),
    "communities": timed(lambda: g.community_leiden(objective_function="modularity", n_iterations=-1)),
}))

ids = {}
G = nk.Graph(0, weighted=False, directed=False)
for s, t in edges:
    for v in (s, t):
        if v not in ids:
            ids[v] = G.addNode()
    if ids[s] != ids[t] and not G.hasEdge(ids[s], ids[t]):
        G.addEdge(ids[s], ids[t])
nk.setNumberOfThreads(nk.getMaxNumberOfThreads())
print(json.dumps({
    "library": "networkit " + nk.__version__,
    "betweenness": timed(lambda: nk.centrality.Betweenness(G, normalized=True).run()),
    "closeness": timed(lambda: nk.centrality.Closeness(G, True, nk.centrality.ClosenessVariant.Generalized).run()),
    "pagerank": timed(lambda: nk.centrality.PageRank(G, damp=0.85, tol=1e-12).run()),
    "core": timed(lambda: nk.centrality.CoreDecomposition(G).run()),
    "clustering": timed(lambda: nk.centrality.LocalClusteringCoefficient(G).run()),
    "communities": timed(lambda: nk.community.ParallelLeiden(G).run()),
}))
