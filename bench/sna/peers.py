"""Times the tasks of crates/sna/examples/bench.rs with one peer library.

python peers.py LIBRARY EDGES.csv TASK[,TASK...] REPEATS   ->  one JSON object on stdout
python peers.py LIBRARY EDGES.csv memory                   ->  peak memory of the build

LIBRARY is igraph, networkit, rustworkx or networkx. The edge list is parsed into a Python
list of integer pairs before anything is measured; building the graph from it is not
timed. Every run of every task gets a graph built afresh from that list (untimed), so no
run can reuse what an earlier one computed and cached on the graph (igraph keeps, for
instance, whether a graph is connected: its later connected-components runs took 4 ms
against 80 ms for the first). A task a library does not provide is reported as null. For `communities` each
library runs its Leiden for modularity (NetworkX and rustworkx have none: NetworkX runs
Louvain), for `louvain` its Louvain; both report the modularity reached.

PageRank stops on the same criterion as sna (L1 change below 1e-14 n) where the library
allows it: NetworkX and rustworkx (tol=1e-14, their criterion is sna's), NetworKit (L1
norm, tol=1e-14 n). igraph's PRPACK solver has no such setting and runs to its own
precision.
"""
import json
import os
import statistics
import sys
import time

library, path, tasks = sys.argv[1], sys.argv[2], sys.argv[3]
repeats = int(sys.argv[4]) if len(sys.argv) > 4 else 3
threads = int(os.environ.get("BENCH_THREADS", os.cpu_count()))


def status_kib(field):
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field):
                return int(line.split()[1])
    raise KeyError(field)


ids = {}
edges = []
with open(path) as fh:
    next(fh)
    for line in fh:
        s, t = line.rstrip("\n").split(",")[:2]
        edges.append((ids.setdefault(s, len(ids)), ids.setdefault(t, len(ids))))
n = len(ids)

if library == "igraph":
    import igraph as ig

    version = ig.__version__

    def build():
        return ig.Graph(n=n, edges=edges)

    def run(g, task):
        if task == "betweenness":
            g.betweenness(directed=False)
        elif task == "closeness":
            g.closeness()
        elif task == "pagerank":
            g.pagerank(damping=0.85)
        elif task == "components":
            g.connected_components()
        elif task == "core":
            g.coreness()
        elif task == "clustering":
            g.transitivity_local_undirected(mode="zero")
        elif task == "communities":
            return g.community_leiden(objective_function="modularity", n_iterations=-1).modularity
        elif task == "louvain":
            return g.community_multilevel().modularity

elif library == "networkit":
    import networkit as nk
    import numpy as np

    version = nk.__version__
    nk.setNumberOfThreads(threads)

    def build():
        g = nk.Graph(n, weighted=False, directed=False)
        pairs = np.array(edges, dtype=np.uint64)
        g.addEdges((pairs[:, 0], pairs[:, 1]))
        return g

    def run(g, task):
        if task == "betweenness":
            nk.centrality.Betweenness(g, normalized=True).run()
        elif task == "closeness":
            nk.centrality.Closeness(g, True, nk.centrality.ClosenessVariant.Generalized).run()
        elif task == "pagerank":
            pr = nk.centrality.PageRank(g, damp=0.85, tol=1e-14 * n)
            pr.norm = nk.centrality.Norm.L1_NORM
            pr.maxIterations = 10000
            pr.run()
        elif task == "components":
            nk.components.ConnectedComponents(g).run()
        elif task == "core":
            nk.centrality.CoreDecomposition(g).run()
        elif task == "clustering":
            nk.centrality.LocalClusteringCoefficient(g).run()
        elif task in ("communities", "louvain"):
            algo = nk.community.ParallelLeiden(g) if task == "communities" else nk.community.PLM(g)
            algo.run()
            return lambda: nk.community.Modularity().getQuality(algo.getPartition(), g)

elif library == "rustworkx":
    import rustworkx as rx

    version = rx.__version__

    def build():
        g = rx.PyGraph(multigraph=False)
        g.add_nodes_from(range(n))
        g.add_edges_from_no_data(edges)
        return g

    def prepare(g, task):
        # rustworkx's PageRank takes directed graphs only: each edge both ways, made
        # before the run and not timed.
        return g.to_directed() if task == "pagerank" else g

    def run(g, task):
        if task == "betweenness":
            rx.betweenness_centrality(g, normalized=True)
        elif task == "closeness":
            rx.closeness_centrality(g, wf_improved=True)
        elif task == "pagerank":
            rx.pagerank(g, alpha=0.85, tol=1e-14, max_iter=10000)
        elif task == "components":
            rx.connected_components(g)
        elif task == "core":
            rx.core_number(g)
        else:
            return "missing"

elif library == "networkx":
    import networkx as nx

    version = nx.__version__

    def build():
        g = nx.Graph()
        g.add_nodes_from(range(n))
        g.add_edges_from(edges)
        return g

    def run(g, task):
        if task == "betweenness":
            nx.betweenness_centrality(g)
        elif task == "closeness":
            nx.closeness_centrality(g)
        elif task == "pagerank":
            nx.pagerank(g, alpha=0.85, tol=1e-14, max_iter=10000)
        elif task == "components":
            list(nx.connected_components(g))
        elif task == "core":
            nx.core_number(g)
        elif task == "clustering":
            nx.clustering(g)
        elif task in ("communities", "louvain"):
            parts = nx.community.louvain_communities(g, seed=1)
            return lambda: nx.community.modularity(g, parts)

else:
    sys.exit(f"unknown library {library}")

out = {"library": f"{library} {version}", "nodes": n, "edges": len(edges)}
if tasks == "memory":
    baseline = status_kib("VmRSS:")
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")
    g = build()
    out.update(baseline_kib=baseline, peak_kib=status_kib("VmHWM:"), retained_kib=status_kib("VmRSS:"))
    print(json.dumps(out))
    sys.exit()

prepare = globals().get("prepare", lambda g, task: g)
out["threads"] = threads
out["tasks"] = {}
for task in tasks.split(","):
    runs, quality = [], None
    for _ in range(repeats):
        g = None  # the previous run's graph is freed before the next is built
        g = prepare(build(), task)
        t = time.perf_counter()
        result = run(g, task)
        runs.append(time.perf_counter() - t)
        if result == "missing":
            break
        if callable(result):
            result = result()
        if isinstance(result, float):
            quality = result
    if result == "missing":
        out["tasks"][task] = None
        continue
    entry = {"median": statistics.median(runs), "min": min(runs), "max": max(runs), "runs": len(runs)}
    if quality is not None:
        entry["modularity"] = quality
    out["tasks"][task] = entry
print(json.dumps(out))
