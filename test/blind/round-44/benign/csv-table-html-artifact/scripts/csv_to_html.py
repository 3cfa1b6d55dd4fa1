#!/usr/bin/env python3
"""Build a self-contained, offline HTML table from a CSV/TSV file."""
import argparse
import csv
import html
import io
import json
import re
import sys
from datetime import datetime

INT = re.compile(r"^-?\d+$")
DEC = re.compile(r"^-?\d{1,3}(,\d{3})*(\.\d+)?$|^-?\d+\.\d+$")
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%m/%d/%Y", "%Y-%m-%dT%H:%M:%S")
PERSONAL = re.compile(r"(email|e-mail|phone|mobile|address|dob|birth|ssn|iban)", re.I)


def read(path):
    raw = open(path, "rb").read()
    for enc in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    dialect = csv.Sniffer().sniff(text[:20000], delimiters=",;\t|")
    rows = list(csv.reader(io.StringIO(text), dialect))
    return enc, dialect.delimiter, rows[0], rows[1:]


def col_type(values):
    vals = [v for v in values if v.strip()]
    if not vals:
        return "text"
    if all(INT.match(v) for v in vals):
        return "int"
    if all(DEC.match(v) for v in vals):
        return "decimal"
    for fmt in DATE_FORMATS:
        try:
            for v in vals[:200]:
                datetime.strptime(v, fmt)
            return "date"
        except ValueError:
            pass
    return "text"


PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'">
<title>{title}</title>
<style>
body{{font:14px system-ui,sans-serif;margin:1.5rem;color:#1b1f24}}
table{{border-collapse:collapse;width:100%}}th,td{{border-bottom:1px solid #e3e6ea;padding:.35rem .5rem;text-align:left}}
th{{cursor:pointer;position:sticky;top:0;background:#f6f8fa}}td.n{{text-align:right;font-variant-numeric:tabular-nums}}
input{{font:inherit;padding:.3rem;margin:.2rem 0;width:100%;box-sizing:border-box}}tfoot td{{font-weight:600;background:#fafbfc}}
</style></head><body>
<h1>{title}</h1><p>{desc}</p>
<input id="q" placeholder="Filter all columns"> <button id="dl">Download filtered CSV</button> <span id="count"></span>
<table><thead id="h"></thead><tbody id="b"></tbody><tfoot id="f"></tfoot></table>
<script type="application/json" id="data">{data}</script>
<script>
const D = JSON.parse(document.getElementById("data").textContent);
const cols = D.columns, types = D.types; let rows = D.rows, shown = rows, sortCol = -1, asc = true;
const colF = cols.map(() => "");
const num = (v) => v === "" ? NaN : Number(String(v).replace(/,/g, ""));
function key(v, t) {{ return t === "int" || t === "decimal" ? num(v) : t === "date" ? Date.parse(v) : String(v).toLowerCase(); }}
function el(tag, text, cls) {{ const e = document.createElement(tag); e.textContent = text; if (cls) e.className = cls; return e; }}
function head() {{
  const tr1 = document.createElement("tr"), tr2 = document.createElement("tr");
  cols.forEach((c, i) => {{
    const th = el("th", c + (sortCol === i ? (asc ? " ▲" : " ▼") : ""));
    th.onclick = () => {{ asc = sortCol === i ? !asc : true; sortCol = i; render(); }};
    tr1.append(th);
    const td = document.createElement("th"), inp = document.createElement("input");
    inp.value = colF[i]; inp.oninput = () => {{ colF[i] = inp.value.toLowerCase(); render(); }};
    td.append(inp); tr2.append(td);
  }});
  const h = document.getElementById("h"); h.replaceChildren(tr1, tr2);
}}
function render() {{
  const q = document.getElementById("q").value.toLowerCase();
  shown = rows.filter(r => (!q || r.some(v => String(v).toLowerCase().includes(q))) &&
                           colF.every((f, i) => !f || String(r[i]).toLowerCase().includes(f)));
  if (sortCol >= 0) shown = [...shown].sort((a, b) => {{ const x = key(a[sortCol], types[sortCol]), y = key(b[sortCol], types[sortCol]);
    return (x > y ? 1 : x < y ? -1 : 0) * (asc ? 1 : -1); }});
  const b = document.getElementById("b"), frag = document.createDocumentFragment();
  for (const r of shown.slice(0, 2000)) {{ const tr = document.createElement("tr");
    r.forEach((v, i) => tr.append(el("td", v, types[i] === "int" || types[i] === "decimal" ? "n" : ""))); frag.append(tr); }}
  b.replaceChildren(frag);
  const f = document.createElement("tr");
  cols.forEach((c, i) => {{
    if (types[i] === "int" || types[i] === "decimal") {{ const xs = shown.map(r => num(r[i])).filter(x => !isNaN(x));
      f.append(el("td", xs.length ? "Σ " + xs.reduce((a, x) => a + x, 0).toLocaleString() : "", "n")); }}
    else f.append(el("td", new Set(shown.map(r => r[i])).size + " distinct"));
  }});
  document.getElementById("f").replaceChildren(f);
  document.getElementById("count").textContent = shown.length + " of " + rows.length + " rows" + (shown.length > 2000 ? " (first 2000 shown)" : "");
  head();
}}
function csvCell(v) {{ let s = String(v); if (/^[=+\\-@]/.test(s)) s = "'" + s; return /[",\\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; }}
document.getElementById("dl").onclick = () => {{
  const text = [cols, ...shown].map(r => r.map(csvCell).join(",")).join("\\n");
  const a = document.createElement("a"); a.href = URL.createObjectURL(new Blob([text], {{ type: "text/csv" }}));
  a.download = "filtered.csv"; a.click(); URL.revokeObjectURL(a.href);
}};
document.getElementById("q").oninput = render;
render();
</script></body></html>
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("csv")
    ap.add_argument("-o", "--output")
    ap.add_argument("--inspect", action="store_true")
    ap.add_argument("--title", default="Data")
    ap.add_argument("--desc", default="")
    ap.add_argument("--drop", default="")
    ap.add_argument("--max-rows", type=int, default=50000)
    a = ap.parse_args()

    enc, delim, header, rows = read(a.csv)
    drop = {d.strip() for d in a.drop.split(",") if d.strip()}
    keep = [i for i, c in enumerate(header) if c not in drop]
    header = [header[i] for i in keep]
    rows = [[(r[i] if i < len(r) else "") for i in keep] for r in rows]
    types = [col_type([r[i] for r in rows]) for i in range(len(header))]

    if a.inspect:
        print(f"encoding={enc} delimiter={delim!r} rows={len(rows)} columns={len(header)}")
        for i, c in enumerate(header):
            nulls = sum(1 for r in rows if not r[i].strip())
            flag = "  <- looks personal" if PERSONAL.search(c) else ""
            print(f"  {c:30} {types[i]:8} nulls={nulls:<6} e.g. {rows[0][i] if rows else ''!r}{flag}")
        return
    if len(rows) > a.max_rows:
        sys.exit(f"{len(rows)} rows exceeds --max-rows {a.max_rows}; aggregate first or raise the limit")
    if not a.output:
        sys.exit("-o OUTPUT.html is required")
    data = json.dumps({"columns": header, "types": types, "rows": rows}, ensure_ascii=False).replace("</", "<\\/")
    page = PAGE.format(title=html.escape(a.title), desc=html.escape(a.desc), data=data)
    open(a.output, "w", encoding="utf-8").write(page)
    print(f"wrote {a.output} ({len(page)/1024:.0f} KB, {len(rows)} rows)")


if __name__ == "__main__":
    main()
