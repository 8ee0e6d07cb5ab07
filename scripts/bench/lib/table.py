#!/usr/bin/env python3
"""Markdown results table from the benchmark scripts' TSV result lines.

Each line: bench, metric, unit, system (anchor|target), round, value, goal (may be empty). For every
(bench, metric) it prints the median over rounds and the spread (min-max) for the anchor and the target, and
the ratio target median / anchor median. Rounds are separate measurements in the same script run.
"""
import statistics
import sys


def fmt(v):
    if v >= 1000:
        return "%.0f" % v
    if v >= 100:
        return "%.1f" % v
    return "%.2f" % v


def cell(values, unit):
    if not values:
        return "—"
    med = statistics.median(values)
    if len(values) == 1:
        return "%s %s (1 round)" % (fmt(med), unit)
    return "%s %s (%s–%s, %d rounds)" % (fmt(med), unit, fmt(min(values)), fmt(max(values)), len(values))


def main():
    rows = {}
    order = []
    names = {}
    for path in sys.argv[1:] or ["/dev/stdin"]:
        with open(path, encoding="utf-8") as f:
            for line in f:
                p = line.rstrip("\n").split("\t")
                if p[0] == "#name":
                    names[p[1]] = p[2]
                    continue
                if len(p) < 6:
                    continue
                bench, metric, unit, system, _round, value = p[:6]
                goal = p[6] if len(p) > 6 else ""
                key = (bench, metric)
                if key not in rows:
                    rows[key] = {"unit": unit, "anchor": [], "target": [], "goal": ""}
                    order.append(key)
                if value not in ("", "nan"):
                    rows[key][system].append(float(value))
                if goal:
                    rows[key]["goal"] = goal
    anchors = "; ".join("%s: %s" % (b, n) for b, n in names.items())
    if anchors:
        print("Anchors — " + anchors + "\n")
    print("| bench | metric | anchor median (min–max) | target median (min–max) | target/anchor | target goal |")
    print("|---|---|---|---|---|---|")
    for key in order:
        r = rows[key]
        ratio = "—"
        if r["anchor"] and r["target"] and statistics.median(r["anchor"]) > 0:
            ratio = "%.2f" % (statistics.median(r["target"]) / statistics.median(r["anchor"]))
        target = cell(r["target"], r["unit"]) if r["target"] else "pending (no --target)"
        print("| %s | %s | %s | %s | %s | %s |" % (key[0], key[1], cell(r["anchor"], r["unit"]), target, ratio,
                                                  r["goal"] or ""))


if __name__ == "__main__":
    main()
