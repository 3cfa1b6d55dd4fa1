#!/usr/bin/env python3
"""List circular reference cycles in an .xlsx workbook (static analysis, no recalculation)."""
import re
import sys

from openpyxl import load_workbook
from openpyxl.utils import range_boundaries, get_column_letter

REF = re.compile(
    r"(?:(?P<sheet>'[^']+'|[A-Za-z0-9_.]+)!)?"
    r"(?P<a>\$?[A-Z]{1,3}\$?\d+)(?::(?P<b>\$?[A-Z]{1,3}\$?\d+))?"
)
DYNAMIC = re.compile(r"\b(INDIRECT|OFFSET)\s*\(", re.I)
STRING = re.compile(r'"[^"]*"')
MAX_RANGE = 50000


def cells_in(sheet: str, a: str, b: str | None):
    a, b = a.replace("$", ""), (b or a).replace("$", "")
    min_col, min_row, max_col, max_row = range_boundaries(f"{a}:{b}")
    if (max_col - min_col + 1) * (max_row - min_row + 1) > MAX_RANGE:
        return []
    return [(sheet, f"{get_column_letter(c)}{r}") for c in range(min_col, max_col + 1) for r in range(min_row, max_row + 1)]


def main(path: str) -> int:
    wb = load_workbook(path, data_only=False)
    names = {}
    for n, dn in wb.defined_names.items():
        if dn.attr_text:
            names[n.upper()] = dn.attr_text

    graph, formulas, dynamic = {}, {}, []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if not (isinstance(c.value, str) and c.value.startswith("=")):
                    continue
                node = (ws.title, c.coordinate)
                f = c.value
                formulas[node] = f
                body = STRING.sub('""', f)
                for nm, target in names.items():
                    body = re.sub(rf"\b{re.escape(nm)}\b", target, body, flags=re.I)
                if DYNAMIC.search(body):
                    dynamic.append(node)
                deps = set()
                for m in REF.finditer(body):
                    sh = (m.group("sheet") or ws.title).strip("'")
                    deps.update(cells_in(sh, m.group("a"), m.group("b")))
                graph[node] = deps

    # Tarjan's SCC, iterative
    index, low, onstack, stack, sccs, counter = {}, {}, set(), [], [], [0]
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(graph.get(root, ())))]
        index[root] = low[root] = counter[0]; counter[0] += 1
        stack.append(root); onstack.add(root)
        while work:
            v, it = work[-1]
            advanced = False
            for w in it:
                if w not in graph:
                    continue
                if w not in index:
                    index[w] = low[w] = counter[0]; counter[0] += 1
                    stack.append(w); onstack.add(w)
                    work.append((w, iter(graph[w])))
                    advanced = True
                    break
                if w in onstack:
                    low[v] = min(low[v], index[w])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop(); onstack.discard(w); comp.append(w)
                    if w == v:
                        break
                if len(comp) > 1 or v in graph.get(v, ()):
                    sccs.append(comp)

    calc = wb.calculation
    iterative = f"ON ({calc.iterateCount} iterations, {calc.iterateDelta})" if calc.iterate else "OFF"
    for i, comp in enumerate(sccs, 1):
        print(f"cycle {i} ({len(comp)} cells)  iterative calc: {iterative}")
        for sh, coord in sorted(comp):
            label = f"'{sh}'!{coord}" if " " in sh else f"{sh}!{coord}"
            print(f"  {label:24} {formulas[(sh, coord)]}")
        print()
    if not sccs:
        print("no circular references found among statically resolvable references")
    if dynamic:
        print("unresolved dynamic references (check by hand):")
        for sh, coord in dynamic:
            print(f"  {sh}!{coord}  {formulas[(sh, coord)]}")
    return 1 if sccs else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: find_cycles.py workbook.xlsx")
    sys.exit(main(sys.argv[1]))
