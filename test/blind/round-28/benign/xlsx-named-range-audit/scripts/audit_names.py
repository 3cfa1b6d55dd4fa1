#!/usr/bin/env python3
"""Inventory and audit defined names in an .xlsx workbook."""
import argparse
import csv
import re
import sys
import zipfile
from collections import Counter

from openpyxl import load_workbook

EXT_RE = re.compile(r"\[(\d+)\]")
SHEET_RE = re.compile(r"^'?(?P<sheet>[^'!]+)'?!")
INTERNAL_PREFIXES = ("_xlfn.", "_xleta.", "_xlpm.")


def external_targets(path):
    targets = {}
    with zipfile.ZipFile(path) as z:
        for n in z.namelist():
            m = re.match(r"xl/externalLinks/_rels/externalLink(\d+)\.xml\.rels", n)
            if m:
                t = re.search(rb'Target="([^"]+)"', z.read(n))
                targets[m.group(1)] = t.group(1).decode() if t else "?"
        risky = [n for n in z.namelist() if n.startswith(("xl/drawings/", "xl/pivotCache", "xl/vbaProject"))]
    return targets, risky


def iter_names(wb):
    for name, dn in wb.defined_names.items():
        yield name, "workbook", dn
    for ws in wb.worksheets:
        for name, dn in ws.defined_names.items():
            yield name, ws.title, dn


def classify(name, value, sheets):
    if name.startswith("_xlnm."):
        return "print"
    if value is None:
        return "broken"
    if "#REF!" in value:
        return "broken"
    if EXT_RE.search(value):
        return "external"
    m = SHEET_RE.match(value.lstrip("="))
    if m:
        return "ok" if m.group("sheet") in sheets else "missing-sheet"
    return "constant"


def formula_corpus(wb):
    texts = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value.startswith("="):
                    texts.append((f"{ws.title}!{c.coordinate}", c.value))
        for dv in ws.data_validations.dataValidation:
            for f in (dv.formula1, dv.formula2):
                if f:
                    texts.append((f"{ws.title}!DV", f))
        for rng, rules in ws.conditional_formatting._cf_rules.items():
            for r in rules:
                for f in r.formula or []:
                    texts.append((f"{ws.title}!CF", f))
    return texts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("workbook")
    ap.add_argument("--csv")
    ap.add_argument("--delete-status", default="")
    ap.add_argument("--only-unused", action="store_true")
    ap.add_argument("--out")
    args = ap.parse_args()

    targets, risky = external_targets(args.workbook)
    keep_vba = args.workbook.lower().endswith(".xlsm")
    wb = load_workbook(args.workbook, keep_vba=keep_vba)
    sheets = set(wb.sheetnames)
    corpus = formula_corpus(wb)

    rows = []
    for name, scope, dn in iter_names(wb):
        value = dn.attr_text
        status = classify(name, value, sheets)
        rx = re.compile(r"(?<![A-Za-z0-9_.])" + re.escape(name) + r"(?![A-Za-z0-9_(])", re.I)
        uses = [loc for loc, f in corpus if rx.search(f)]
        rows.append({
            "name": name, "scope": scope, "refers_to": value,
            "hidden": bool(getattr(dn, "hidden", False)), "status": status,
            "used_in_formulas": len(uses), "first_use": uses[0] if uses else "",
        })

    counts = Counter(r["status"] for r in rows)
    scopes = Counter(r["name"].lower() for r in rows)
    clashes = [n for n, c in scopes.items() if c > 1]
    print(f"defined names: {len(rows)} (workbook {sum(r['scope']=='workbook' for r in rows)}, "
          f"sheet-scoped {sum(r['scope']!='workbook' for r in rows)})")
    for st in ("broken", "missing-sheet", "external", "constant", "print"):
        print(f"  {st + ':':<15}{counts.get(st, 0)}")
    print(f"  {'unused:':<15}{sum(1 for r in rows if r['used_in_formulas']==0 and r['status']!='print')}")
    print(f"  {'hidden:':<15}{sum(r['hidden'] for r in rows)}")
    print(f"  {'scope clashes:':<15}{len(clashes)}")
    used_broken = [r for r in rows if r["status"] == "broken" and r["used_in_formulas"]]
    for r in used_broken[:20]:
        print(f"  ! broken and used: {r['name']} -> {r['refers_to']} (e.g. {r['first_use']})")
    for idx, tgt in sorted(targets.items()):
        print(f"  external link [{idx}] -> {tgt}")

    if args.csv:
        with open(args.csv, "w", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=list(rows[0].keys()) if rows else ["name"])
            w.writeheader()
            w.writerows(rows)
        print(f"inventory written to {args.csv}")

    if args.delete_status:
        if not args.out or args.out == args.workbook:
            sys.exit("--out must be a new file; the input is never overwritten")
        if risky:
            print("warning: workbook has drawings/pivots/VBA; openpyxl may drop features on save",
                  file=sys.stderr)
        wanted = set(args.delete_status.split(","))
        removed = 0
        for r in rows:
            if r["status"] not in wanted or r["name"].startswith(INTERNAL_PREFIXES):
                continue
            if args.only_unused and r["used_in_formulas"]:
                continue
            container = wb.defined_names if r["scope"] == "workbook" else wb[r["scope"]].defined_names
            if r["name"] in container:
                del container[r["name"]]
                removed += 1
        wb.save(args.out)
        print(f"removed {removed} names -> {args.out}")


if __name__ == "__main__":
    main()
