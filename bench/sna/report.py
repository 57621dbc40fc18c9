"""Markdown tables from the JSON lines bench/sna/run collected.

python report.py RESULTS.jsonl

Times are medians in seconds, with the fastest and slowest run; a ratio is the peer's
median over sna's, so above 1 means sna is faster.
"""
import json
import sys

rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]


def section(name):
    found = [r for r in rows if r["section"] == name]
    ours = next(r for r in found if r["library"].startswith("sna"))
    return ours, [r for r in found if r is not ours]


def cell(entry, ours=None):
    if entry is None:
        return "not provided"
    text = f"{entry['median']:.4g} ({entry['min']:.4g}–{entry['max']:.4g}, {entry['runs']}×)"
    if "modularity" in entry:
        text += f", Q {entry['modularity']:.5f}"
    if ours is not None:
        text += f" → **{entry['median'] / ours['median']:.2f}**"
    return text


for name, title, tasks in [
    ("a", "Exact betweenness", ["betweenness"]),
    ("a2", "Exact betweenness, small graph", ["betweenness"]),
    ("b", "Large graph", ["pagerank", "components", "core", "communities", "louvain"]),
]:
    if not any(r["section"] == name for r in rows):
        continue
    ours, peers = section(name)
    print(f"\n{title}: {ours['nodes']:,} nodes, {ours['edges']:,} edges, {ours['threads']} threads\n")
    print("| task | " + " | ".join([ours["library"]] + [p["library"] for p in peers]) + " |")
    print("|---" * (len(peers) + 2) + "|")
    for task in tasks:
        mine = ours["tasks"].get(task) or ours["tasks"].get("communities" if task == "louvain" else task)
        line = f"| {task} | {cell(mine)} |"
        for p in peers:
            theirs = p["tasks"].get(task, "absent")
            line += " – |" if theirs == "absent" else f" {cell(theirs, mine)} |"
        print(line)

memory = [r for r in rows if r["section"] == "c"]
if memory:
    print(f"\nPeak memory of building the graph: {memory[0]['edges']:,} edges\n")
    print("| library | peak above baseline, MiB | bytes per edge | retained, bytes per edge |")
    print("|---|---|---|---|")
    for r in memory:
        peak = (r["peak_kib"] - r["baseline_kib"]) * 1024
        kept = (r["retained_kib"] - r["baseline_kib"]) * 1024
        print(f"| {r['library']} | {peak / 2**20:.1f} | {peak / r['edges']:.0f} | {kept / r['edges']:.0f} |")
