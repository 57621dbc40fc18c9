"""A reproducible test network: communities of different sizes (sectors and countries),
dense inside and sparse between, with a heavy-tailed degree distribution.

python generate.py NODES SEED > edges.csv
"""
import random
import sys

n, seed = int(sys.argv[1]), int(sys.argv[2])
rng = random.Random(seed)
groups = max(4, n // 150)
group = [rng.randrange(groups) for _ in range(n)]
members = [[] for _ in range(groups)]
for v, c in enumerate(group):
    members[c].append(v)
edges = set()
for v in range(n):
    # Preferential choice inside the group, occasional ties across groups.
    for _ in range(rng.choice([1, 2, 2, 3, 4, 6])):
        if rng.random() < 0.85 and len(members[group[v]]) > 1:
            u = rng.choice(members[group[v]][: max(2, len(members[group[v]]) // 2)] if rng.random() < 0.5 else members[group[v]])
        else:
            u = rng.randrange(n)
        if u != v:
            edges.add((min(u, v), max(u, v)))
print("source,target")
for u, v in sorted(edges):
    print(f"n{u},n{v}")
