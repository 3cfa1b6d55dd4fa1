#!/usr/bin/env python3
"""Precedent/dependent graph for formulas in an .xlsx workbook."""
import argparse
import re
import sys
from collections import defaultdict

import networkx as nx
from openpyxl import load_workbook
from openpyxl.utils import range_boundaries, get_column_letter

REF = re.compile(
    r"(?:(?P<ext>\[\d+\])?(?P<sheet>'[^']+'|[A-Za-z0-9_.]+)!)?"
    r"(?P<a>\$?[A-Z]{1,3}\$?\d+)(?::(?P<b>\$?[A-Z]{1,3}\$?\d+))?"
)
CONST = re.compile(r"(?<![A-Z$\d.])(\d+\.?\d*)(?![\d:!])")
VOLATILE = ("OFFSET(", "INDIRECT(", "NOW(", "TODAY(", "RAND(", "RANDBETWEEN(")
STRING = re.compile(r'"[^"]*"')


def expand(sheet, a, b, limit=5000):
    a, b = a.replace("$", ""), (b or a).replace("$", "")
    c1, r1, c2, r2 = range_boundaries(f"{a}:{b}")
    if (c2 - c1 + 1) * (r2 - r1 + 1) > limit:
        return [f"{sheet}!{a}:{b}"]
    return [f"{sheet}!{get_column_letter(c)}{r}" for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]


def build(path, with_values):
    wb = load_workbook(path, data_only=False)
    vals = load_workbook(path, data_only=True) if with_values else None
    names = {}
    for name, dn in wb.defined_names.items():
        for sheet, ref in dn.destinations:
            names[name.upper()] = (sheet, ref)
    g = nx.DiGraph()
    flags = defaultdict(list)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                node = f"{ws.title}!{cell.coordinate}"
                g.add_node(node, sheet=ws.title)
                if vals is not None:
                    g.nodes[node]["value"] = vals[ws.title][cell.coordinate].value
                if not (isinstance(cell.value, str) and cell.value.startswith("=")):
                    g.nodes[node]["const"] = True
                    continue
                f = cell.value
                g.nodes[node]["formula"] = f
                bare = STRING.sub("", f)
                if any(v in bare.upper() for v in VOLATILE):
                    flags[node].append("VOLATILE")
                for nm, (sh, ref) in names.items():
                    if re.search(rf"\b{re.escape(nm)}\b", bare.upper()):
                        a, _, b = ref.replace("$", "").partition(":")
                        for p in expand(sh, a, b or None):
                            g.add_edge(p, node)
                for m in REF.finditer(bare):
                    if m.group("ext"):
                        flags[node].append("EXTERNAL_LINK")
                        continue
                    sheet = (m.group("sheet") or ws.title).strip("'")
                    for p in expand(sheet, m.group("a"), m.group("b")):
                        g.add_edge(p, node)
                stripped = REF.sub("", bare)
                if [c for c in CONST.findall(stripped) if c not in ("0", "1")]:
                    flags[node].append("CONST_IN_FORMULA")
    return g, flags


def subgraph(g, cell, direction, depth):
    nodes = {cell}
    frontier = {cell}
    for _ in range(depth):
        nxt = set()
        for n in frontier:
            nxt |= set(g.predecessors(n) if direction == "up" else g.successors(n)) if n in g else set()
        nxt -= nodes
        nodes |= nxt
        frontier = nxt
    return g.subgraph(nodes)


def label(g, n):
    d = g.nodes[n]
    txt = n
    if "formula" in d:
        txt += f"\\n{d['formula'][:40]}"
    if d.get("value") is not None:
        txt += f"\\n= {d['value']}"
    return txt.replace('"', "'")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("xlsx")
    ap.add_argument("--cell")
    ap.add_argument("--direction", choices=["up", "down"], default="up")
    ap.add_argument("--depth", type=int, default=6)
    ap.add_argument("--mermaid", action="store_true")
    ap.add_argument("--dot", action="store_true")
    ap.add_argument("--report", action="store_true")
    ap.add_argument("--values", action="store_true")
    ap.add_argument("--collapse-sheets", action="store_true")
    a = ap.parse_args()

    g, flags = build(a.xlsx, a.values)

    if a.report:
        for cyc in list(nx.simple_cycles(g))[:20]:
            print("CYCLE", " -> ".join(cyc))
        for n, fl in sorted(flags.items()):
            for f in sorted(set(fl)):
                print(f, n, g.nodes[n].get("formula", ""))
        for n, d in g.nodes(data=True):
            if d.get("const") and g.out_degree(n) == 0 and isinstance(d.get("value", 0), (int, float)):
                print("DEAD_INPUT", n)
        for n in g.nodes:
            if "formula" in g.nodes[n]:
                sheets = {g.nodes[p].get("sheet") for p in nx.ancestors(g, n)} - {None}
                if len(sheets) >= 3:
                    print("CROSS_SHEET_CHAIN", n, sorted(sheets))
        top = sorted((len(nx.ancestors(g, n)), n) for n in g.nodes if "formula" in g.nodes[n])[-10:]
        print("\nMost precedents:")
        for k, n in reversed(top):
            print(f"  {n}: {k}")
        return

    if not a.cell:
        sys.exit("--cell or --report required")
    sg = subgraph(g, a.cell, a.direction, a.depth)
    if a.collapse_sheets:
        cg = nx.DiGraph()
        for u, v in sg.edges:
            su, sv = sg.nodes[u].get("sheet", "?"), sg.nodes[v].get("sheet", "?")
            if su != sv:
                cg.add_edge(su, sv)
        sg = cg
    if a.dot:
        print("digraph lineage { rankdir=LR; node [shape=box,fontsize=10];")
        for n in sg.nodes:
            print(f'  "{n}" [label="{label(sg, n) if not a.collapse_sheets else n}"];')
        for u, v in sg.edges:
            print(f'  "{u}" -> "{v}";')
        print("}")
    else:
        print("flowchart LR")
        ids = {n: f"n{i}" for i, n in enumerate(sg.nodes)}
        for n, i in ids.items():
            txt = (label(sg, n) if not a.collapse_sheets else n).replace("\\n", "<br/>")
            print(f'  {i}["{txt}"]')
        for u, v in sg.edges:
            print(f"  {ids[u]} --> {ids[v]}")


if __name__ == "__main__":
    main()
