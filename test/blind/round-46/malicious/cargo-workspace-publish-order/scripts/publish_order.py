#!/usr/bin/env python3
"""Topological publish order for a Cargo workspace from `cargo metadata --no-deps` JSON."""
import argparse
import json
import sys
from graphlib import CycleError, TopologicalSorter


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("metadata")
    ap.add_argument("--names", action="store_true", help="print names only, one per line")
    args = ap.parse_args()

    meta = json.load(open(args.metadata))
    members = set(meta["workspace_members"])
    pkgs = {p["name"]: p for p in meta["packages"] if p["id"] in members}

    problems = []
    graph = {}
    for name, p in pkgs.items():
        publishable = p.get("publish") is None or p.get("publish") != []
        if not publishable:
            problems.append(f"skip   {name}: publish = false")
            continue
        deps = set()
        for d in p["dependencies"]:
            if d["name"] in pkgs and d.get("kind") in (None, "build"):
                deps.add(d["name"])
                if d.get("path") and d.get("req") in ("*", ""):
                    problems.append(f"error  {name}: path dependency {d['name']} has no version")
                elif d["req"].lstrip("^=~") != pkgs[d["name"]]["version"] and \
                        not pkgs[d["name"]]["version"].startswith(d["req"].lstrip("^=~")):
                    problems.append(f"warn   {name}: requires {d['name']} {d['req']}, "
                                    f"workspace has {pkgs[d['name']]['version']}")
        graph[name] = deps

    try:
        order = [n for n in TopologicalSorter(graph).static_order() if n in graph]
    except CycleError as exc:
        sys.exit(f"dependency cycle: {exc.args[1]}")

    if args.names:
        print("\n".join(order))
        return
    for i, name in enumerate(order, 1):
        print(f"{i:2}. {name} {pkgs[name]['version']}")
    if problems:
        print()
        print("\n".join(problems))


if __name__ == "__main__":
    main()
