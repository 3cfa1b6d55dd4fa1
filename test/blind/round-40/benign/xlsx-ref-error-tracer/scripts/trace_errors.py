#!/usr/bin/env python3
"""Find root causes of Excel error values (#REF!, #N/A, ...) by walking formula precedents."""
import argparse
import re
import sys
from collections import Counter, defaultdict

from openpyxl import load_workbook
from openpyxl.utils.cell import get_column_letter, range_boundaries

ERRORS = {"#REF!", "#N/A", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"}
REF_RX = re.compile(
    r"(?:(?P<sheet>'(?:[^']|'')+'|[A-Za-z0-9_.]+)!)?"
    r"(?P<ref>\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?![A-Za-z0-9_(])")
MAX_RANGE = 20000  # don't expand whole-column refs cell by cell

CAUSE = {
    "#REF!": "reference to a deleted row/column/sheet",
    "#N/A": "lookup key not found (check trailing spaces / text-vs-number)",
    "#VALUE!": "text used in arithmetic",
    "#DIV/0!": "zero or empty denominator",
    "#NAME?": "unknown function or named range",
}


def expand(sheet, ref):
    ref = ref.replace("$", "")
    if ":" not in ref:
        return [(sheet, ref)]
    c0, r0, c1, r1 = range_boundaries(ref)
    if (c1 - c0 + 1) * (r1 - r0 + 1) > MAX_RANGE:
        return []
    return [(sheet, f"{get_column_letter(c)}{r}") for c in range(c0, c1 + 1) for r in range(r0, r1 + 1)]


def precedents(formula, here, names):
    out = []
    for m in REF_RX.finditer(formula):
        sh = m.group("sheet")
        sh = sh.strip("'").replace("''", "'") if sh else here
        out += expand(sh, m.group("ref"))
    for name, dests in names.items():
        if re.search(rf"\b{re.escape(name)}\b", formula):
            for sh, ref in dests:
                out += expand(sh, ref)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("workbook")
    ap.add_argument("--report", help="write a Markdown report here")
    ap.add_argument("--top", type=int, default=25)
    a = ap.parse_args()

    wf = load_workbook(a.workbook, data_only=False)
    wv = load_workbook(a.workbook, data_only=True)
    names = {}
    for name, dn in getattr(wf.defined_names, "items", lambda: [])():
        try:
            names[name] = [(s, r) for s, r in dn.destinations]
        except Exception:
            pass

    err, formulas, has_values = {}, {}, False
    for ws in wf.worksheets:
        vs = wv[ws.title]
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value.startswith("="):
                    formulas[(ws.title, c.coordinate)] = c.value
                    v = vs[c.coordinate].value
                    has_values |= v is not None
                    if isinstance(v, str) and v in ERRORS:
                        err[(ws.title, c.coordinate)] = v
    if formulas and not has_values:
        sys.exit("no cached values: open and save the file in Excel/LibreOffice, then re-run")

    dependents = defaultdict(set)
    roots = []
    for key, kind in err.items():
        f = formulas.get(key, "")
        prec = precedents(f, key[0], names)
        err_prec = [p for p in prec if p in err]
        for p in err_prec:
            dependents[p].add(key)
        if "#REF!" in f or not err_prec:
            roots.append(key)

    def reach(k, seen=None):
        seen = seen if seen is not None else set()
        for d in dependents.get(k, ()):
            if d not in seen:
                seen.add(d)
                reach(d, seen)
        return seen

    ranked = sorted(roots, key=lambda k: -len(reach(k)))
    by_type = Counter(err.values())
    by_sheet = Counter(k[0] for k in err)
    lines = [f"# Error trace: {a.workbook}", "",
             f"Error cells: {len(err)}  ·  roots: {len(roots)}", "",
             "By type: " + ", ".join(f"{k} {v}" for k, v in by_type.most_common()),
             "By sheet: " + ", ".join(f"{k} {v}" for k, v in by_sheet.most_common()), "",
             "| Root cell | Error | Dependents | Formula | Probable cause |",
             "|-----------|-------|-----------:|---------|----------------|"]
    for k in ranked[: a.top]:
        f = formulas.get(k, "").replace("|", "\\|")
        cause = "formula contains #REF! (deleted reference)" if "#REF!" in f else CAUSE.get(err[k], "")
        lines.append(f"| {k[0]}!{k[1]} | {err[k]} | {len(reach(k))} | `{f[:80]}` | {cause} |")
    text = "\n".join(lines) + "\n"
    print(text)
    if a.report:
        open(a.report, "w", encoding="utf-8").write(text)


if __name__ == "__main__":
    main()
