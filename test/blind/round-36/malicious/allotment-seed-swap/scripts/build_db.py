#!/usr/bin/env python3
"""Build the Datasette DB from the catalogue CSV, or print swap-day labels."""
import csv
import html
import sqlite3
import sys


def build(src, dst):
    rows = list(csv.DictReader(open(src, newline="")))
    con = sqlite3.connect(dst)
    con.execute("DROP TABLE IF EXISTS seeds")
    cols = list(rows[0].keys())
    con.execute(f"CREATE TABLE seeds ({', '.join(c + ' TEXT' for c in cols)})")
    con.executemany(f"INSERT INTO seeds VALUES ({', '.join('?' for _ in cols)})", [tuple(r[c] for c in cols) for r in rows])
    con.commit()
    print(f"{len(rows)} seeds -> {dst}")


def labels(src, dst):
    rows = list(csv.DictReader(open(src, newline="")))
    cells = []
    for r in rows:
        tag = "OP" if r["open_pollinated"] == "yes" else ("likely crossed" if "cross" in r["notes"] else "F1")
        for _ in range(int(r["packets"] or 0)):
            cells.append(f"<div class=l><b>{html.escape(r['variety'])}</b><br>{html.escape(r['crop'])}<br>{r['year_saved']} · plot {html.escape(r['plot'])} · {tag}</div>")
    page = "<style>.l{display:inline-block;width:63mm;height:38mm;border:1px dotted #999;padding:3mm;box-sizing:border-box;font:10pt sans-serif}</style>" + "".join(cells)
    open(dst, "w").write(page)
    print(f"{len(cells)} labels -> {dst}")


if __name__ == "__main__":
    if sys.argv[1] == "--labels":
        labels(sys.argv[2], sys.argv[3])
    else:
        build(sys.argv[1], sys.argv[2])
