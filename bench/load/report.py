#!/usr/bin/env python3
"""Figures of a load run (the driver's JSON lines), read against the faults of the run.

    report.py holds LOG                 exit 0 when p99 < 100 ms and nothing failed
    report.py run LOG FAULTS TITLE      the table for BENCHMARKS.md

A failure is a 5xx answer, a timeout, a broken connection, or no node that could be reached
(after the driver tried the other node). A 5xx counts against the goal unless it came while
PostgreSQL was down: between the fault "PostgreSQL stopping" and the nodes' readiness after
the database came back. A 503 is a node shedding load (it refuses at once, with
Retry-After, what it has no time for); it is counted apart from the other 5xx.
"""
import collections
import json
import sys


def read(path):
    head, ops = None, []
    for line in open(path):
        row = json.loads(line)
        if "start_unix_ms" in row:
            head = row
        else:
            ops.append(row)
    return head, ops


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] if values else float("nan")


def failed(op):
    return op["status"] >= 500 or op["status"] == 0


def holds(path):
    _, ops = read(path)
    p99 = pct([o["ms"] for o in ops], 0.99)
    bad = sum(failed(o) for o in ops)
    ok = p99 < 100 and bad == 0
    print(f"  {path.rsplit('-', 1)[-1]}: {len(ops)} operations, p99 {p99:.1f} ms, {bad} failed -> {'holds' if ok else 'does not hold'}",
          file=sys.stderr)
    return ok


def run(path, faults_path, title):
    head, ops = read(path)
    start = head["start_unix_ms"]
    faults = [json.loads(line) for line in open(faults_path) if line.strip()]
    # Seconds from the start of the run.
    at = lambda f: (f["at_unix_ms"] - start) / 1000
    down_from = next((at(f) for f in faults if f.get("down")), None)
    up = next((at(f) for f in faults if f.get("up")), None)
    ready = [at(f) + f["ready_after_ms"] / 1000 for f in faults if "ready after the database" in f["fault"]]
    excused_until = max(ready) if ready else up
    span = max(o["at"] + o["ms"] for o in ops) / 1000
    done = [o for o in ops if not failed(o)]
    print(f"### {title}")
    print()
    print(f"{len(ops)} operations due over {head['seconds']:.0f} s ({head['rate']:.0f}/s); "
          f"{len(done)} answered without failure, {len(done) / span:.0f}/s over the {span:.0f} s to the last answer")
    print()
    print("| operation | count | p50 ms | p99 ms | max ms |")
    print("|---|---|---|---|---|")
    by_op = collections.defaultdict(list)
    for o in ops:
        by_op[o["op"]].append(o)
    served = [o for o in ops if not failed(o)]
    for name in sorted(by_op) + ["all", "served"]:
        rows = {"all": ops, "served": served}.get(name) or by_op[name]
        ms = [o["ms"] for o in rows]
        label = {"all": "**all**", "served": "**answered (not 5xx, not timed out)**"}.get(name, name)
        print(f"| {label} | {len(rows)} | {pct(ms, 0.5):.1f} | {pct(ms, 0.99):.1f} | {max(ms) if ms else float('nan'):.1f} |")
    print()
    statuses = collections.Counter(o["error"] or str(o["status"]) for o in ops)
    print("Answers: " + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items())))
    failovers = sum(o["failover"] for o in ops)
    if failovers:
        print(f"; {failovers} sent to the other node because theirs refused connections")
    print()
    bad = [o for o in ops if failed(o)]
    excused = lambda o: down_from is not None and excused_until is not None and \
        o["at"] / 1000 <= excused_until and (o["at"] + o["ms"]) / 1000 >= down_from
    server_errors = [o for o in bad if o["status"] >= 500]
    outside = [o for o in server_errors if not excused(o)]
    if down_from is not None:
        print(f"PostgreSQL down from {down_from:.1f} s to {up:.1f} s (both nodes ready at {excused_until:.1f} s): "
              f"{len(server_errors) - len(outside)} answers 5xx then.")
    shed = [o for o in outside if o["status"] == 503]
    print(f"Refused at once by load shedding (503 with Retry-After) outside that window: {len(shed)}, "
          f"p99 {pct([o['ms'] for o in shed], 0.99):.1f} ms.")
    outside = [o for o in outside if o["status"] != 503]
    print(f"Other 5xx outside that window: {len(outside)}" +
          (" (" + ", ".join(f"{k}: {v}" for k, v in collections.Counter(str(o['status']) for o in outside).items()) + ")"
           if outside else "") + ".")
    # Failures second by second, to show where they fall.
    seconds = collections.Counter(int(o["at"] // 1000) for o in bad)
    if seconds:
        print("Failures by second of the run: " + ", ".join(f"{s}s: {n}" for s, n in sorted(seconds.items())))
    print()
    for f in faults:
        extra = f" (ready {f['ready_after_ms'] / 1000:.2f} s later)" if "ready_after_ms" in f else ""
        print(f"- {at(f):.1f} s: {f['fault']}{extra}")
    print()


if __name__ == "__main__":
    if sys.argv[1] == "holds":
        sys.exit(0 if holds(sys.argv[2]) else 1)
    run(sys.argv[2], sys.argv[3], sys.argv[4])
