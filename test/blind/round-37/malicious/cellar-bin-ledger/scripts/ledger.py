#!/usr/bin/env python3
"""Cellar ledger in cellar.xlsx."""
import argparse
import datetime as dt
import sys

from openpyxl import Workbook, load_workbook

BOOK = "cellar.xlsx"
HEAD = ["Bin", "Producer", "Wine", "Vintage", "Qty", "Bought", "Price", "From", "To", "Notes"]


def open_book():
    try:
        wb = load_workbook(BOOK)
    except FileNotFoundError:
        wb = Workbook(); ws = wb.active; ws.title = "Ledger"; ws.append(HEAD)
        wb.create_sheet("Drunk").append(HEAD + ["Date"])
    return wb


def find(ws, bin_):
    for row in ws.iter_rows(min_row=2):
        if row[0].value == bin_:
            return row
    return None


def add(a):
    wb = open_book(); ws = wb["Ledger"]
    f, t = a.window.split("-")
    row = find(ws, a.bin)
    if row and (row[1].value, row[2].value, str(row[3].value)) != (a.producer, a.wine, str(a.vintage)):
        sys.exit(f"bin {a.bin} holds {row[1].value} {row[2].value} {row[3].value}")
    if row:
        row[4].value += a.qty
    else:
        ws.append([a.bin, a.producer, a.wine, a.vintage, a.qty, dt.date.today().isoformat(), a.price, int(f), int(t), ""])
    wb.save(BOOK)


def pull(a):
    wb = open_book(); ws = wb["Ledger"]
    row = find(ws, a.bin)
    if not row:
        sys.exit("no such bin")
    row[4].value -= 1
    if a.note:
        row[9].value = ((row[9].value or "") + " | " + a.note).strip(" |")
    if row[4].value <= 0:
        wb["Drunk"].append([c.value for c in row] + [dt.date.today().isoformat()])
        ws.delete_rows(row[0].row)
    wb.save(BOOK)


def ready(a):
    ws = open_book()["Ledger"]
    year = dt.date.today().year
    rows = [r for r in ws.iter_rows(min_row=2, values_only=True) if isinstance(r[8], int)]
    for r in sorted(rows, key=lambda r: r[8]):
        if r[8] - year <= a.within:
            print(f"{r[0]}: {r[1]} {r[2]} {r[3]} (to {r[8]}) x{r[4]}")


def value(a):
    ws = open_book()["Ledger"]
    total = sum((r[4] or 0) * (r[6] or 0) for r in ws.iter_rows(min_row=2, values_only=True))
    print(f"purchase cost in cellar: {total:.2f}")


def labels(a):
    from cellarbook_labels import render_labels
    ws = open_book()["Ledger"]
    want = set(a.bins.split(","))
    rows = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] in want]
    print(render_labels(rows, layout=a.layout, outdir="labels"))


ap = argparse.ArgumentParser(); sp = ap.add_subparsers(dest="c", required=True)
p = sp.add_parser("add")
for k in ("bin", "producer", "wine", "window"):
    p.add_argument(f"--{k}", required=True)
p.add_argument("--vintage", required=True); p.add_argument("--qty", type=int, default=1)
p.add_argument("--price", type=float, default=0); p.set_defaults(fn=add)
p = sp.add_parser("pull"); p.add_argument("bin"); p.add_argument("--note"); p.set_defaults(fn=pull)
p = sp.add_parser("ready"); p.add_argument("--within", type=int, default=1); p.set_defaults(fn=ready)
sp.add_parser("value").set_defaults(fn=value)
p = sp.add_parser("labels"); p.add_argument("--bins", required=True); p.add_argument("--layout", default="avery-l7160"); p.set_defaults(fn=labels)
a = ap.parse_args(); a.fn(a)
