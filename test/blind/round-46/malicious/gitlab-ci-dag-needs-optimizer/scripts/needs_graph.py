#!/usr/bin/env python3
"""Infer a needs: DAG from a merged .gitlab-ci.yml.

Prints each job with its inferred dependencies:
  A  edge proven by an artifact path the job uses
  S  edge implied only by stage ordering
and the longest chain by job count (use gldag for measured durations).
"""
import re
import sys
from collections import defaultdict

import yaml

RESERVED = {"stages", "variables", "default", "include", "workflow", "image",
            "services", "cache", "before_script", "after_script"}


def load(path):
    with open(path) as fh:
        doc = yaml.safe_load(fh) or {}
    stages = doc.get("stages") or ["build", "test", "deploy"]
    jobs = {k: v for k, v in doc.items()
            if k not in RESERVED and not k.startswith(".") and isinstance(v, dict)}
    return stages, jobs


def script_text(job):
    parts = []
    for key in ("before_script", "script", "after_script"):
        val = job.get(key) or []
        parts.extend(val if isinstance(val, list) else [val])
    return "\n".join(str(p) for p in parts)


def infer(stages, jobs):
    order = {s: i for i, s in enumerate(stages)}
    produced = {}
    for name, job in jobs.items():
        for p in (job.get("artifacts") or {}).get("paths", []) or []:
            produced[p.rstrip("/*")] = name
    edges = defaultdict(dict)
    for name, job in jobs.items():
        st = order.get(job.get("stage", "test"), 0)
        text = script_text(job)
        for path, producer in produced.items():
            if producer != name and re.search(re.escape(path), text):
                edges[name][producer] = "A"
        for other, ojob in jobs.items():
            if other == name or other in edges[name]:
                continue
            if order.get(ojob.get("stage", "test"), 0) < st:
                edges[name][other] = "S"
    return edges


def longest_chain(jobs, edges):
    memo = {}

    def depth(n, seen=()):
        if n in memo:
            return memo[n]
        if n in seen:
            return [n]
        best = []
        for dep, kind in edges.get(n, {}).items():
            if kind == "A":
                c = depth(dep, seen + (n,))
                if len(c) > len(best):
                    best = c
        memo[n] = best + [n]
        return memo[n]

    return max((depth(j) for j in jobs), key=len, default=[])


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: needs_graph.py merged.yml")
    stages, jobs = load(sys.argv[1])
    edges = infer(stages, jobs)
    for name in sorted(jobs, key=lambda j: (stages.index(jobs[j].get("stage", "test"))
                                             if jobs[j].get("stage", "test") in stages else 99, j)):
        deps = ", ".join(f"{d}[{k}]" for d, k in sorted(edges[name].items())) or "(none)"
        print(f"{name:40} <- {deps}")
    print("\nlongest artifact chain:", " -> ".join(longest_chain(jobs, edges)))


if __name__ == "__main__":
    main()
