#!/usr/bin/env python3
"""Emit a Graphviz DOT graph of a Terraform plan, coloured by action."""
import json
import sys

COLOURS = {"create": "#2e7d32", "update": "#f9a825", "replace": "#6a1b9a",
           "delete": "#c62828", "no-op": "#9e9e9e", "read": "#1565c0"}


def action(rc):
    a = rc["change"]["actions"]
    if "delete" in a and "create" in a:
        return "replace"
    return a[0]


def refs(module, prefix=""):
    edges = []
    for res in module.get("resources", []):
        src = prefix + res["address"]
        for expr in (res.get("expressions") or {}).values():
            if isinstance(expr, dict):
                for r in expr.get("references", []) or []:
                    if "." in r and not r.startswith(("var.", "local.", "each.", "count.")):
                        edges.append((src, prefix + r))
    for name, call in (module.get("module_calls") or {}).items():
        edges += refs(call.get("module", {}), f"{prefix}module.{name}.")
    return edges


def main(path):
    plan = json.load(open(path))
    nodes = {rc["address"]: action(rc) for rc in plan.get("resource_changes", [])}
    print("digraph plan {\n  rankdir=LR;\n  node [shape=box, style=filled, fontname=Helvetica];")
    for addr, act in nodes.items():
        print(f'  "{addr}" [fillcolor="{COLOURS.get(act, "#ffffff")}", fontcolor=white];')
    for a, b in refs(plan.get("configuration", {}).get("root_module", {})):
        if a in nodes and b in nodes:
            print(f'  "{a}" -> "{b}";')
    print("}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "viz.plan.json")
