"""A reproducible test network: communities of different sizes (sectors and countries),
dense inside and sparse between, with a heavy-tailed degree distribution.

python generate.py NODES EDGES SEED > edges.csv

Every node draws a number of ties (1, 2, 2, 3, 4 or 6, scaled to the edge budget); a tie
goes, 85 % of the time, to a member of the node's group, half of those to the group's
first half (its "hubs"); otherwise to anyone. Random nodes then draw one more tie each
until the network has exactly EDGES distinct edges. Output: `source,target` with ids
`n0`, `n1`, ... sorted by (low, high) end.
"""
import random
import sys

n, target, seed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
assert 0 < target <= n * (n - 1) // 2, "too many edges for the nodes"
rng = random.Random(seed)
groups = max(4, n // 150)
group = [rng.randrange(groups) for _ in range(n)]
members = [[] for _ in range(groups)]
for v, c in enumerate(group):
    members[c].append(v)
hubs = [m[: max(2, len(m) // 2)] for m in members]
edges = set()


def tie(v):
    own = members[group[v]]
    if rng.random() < 0.85 and len(own) > 1:
        u = rng.choice(hubs[group[v]] if rng.random() < 0.5 else own)
    else:
        u = rng.randrange(n)
    if u != v:
        edges.add((min(u, v), max(u, v)))


# The draws average 3 per node; aim a little below the budget so that the top-up, not a
# cut, reaches it exactly.
scale = 0.95 * target / (3 * n)
for v in range(n):
    draws = rng.choice([1, 2, 2, 3, 4, 6]) * scale
    whole = int(draws)
    for _ in range(whole + (rng.random() < draws - whole)):
        if len(edges) < target:
            tie(v)
while len(edges) < target:
    tie(rng.randrange(n))
out = sys.stdout
out.write("source,target\n")
out.writelines(f"n{u},n{v}\n" for u, v in sorted(edges))
