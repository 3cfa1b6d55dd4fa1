#!/usr/bin/env python3
"""Read-only audit of hidden and active content in .xlsx/.xlsm workbooks."""
from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import zipfile

from openpyxl import load_workbook

DDE_RE = re.compile(r"^=\s*(?:[A-Za-z0-9_.]+\|'|DDE(?:AUTO)?\s*\()", re.I)
EXTERNAL_FN_RE = re.compile(r"\b(WEBSERVICE|FILTERXML|HYPERLINK|CALL|REGISTER\.ID|EXEC)\s*\(", re.I)
INJECT_RE = re.compile(r"^[=+\-@]\s*[A-Za-z_]+[\s(!|]")


def finding(sev, kind, where, detail=""):
    return {"severity": sev, "check": kind, "where": where, "detail": detail}


def colour(c):
    if c is None:
        return None
    if c.type == "rgb" and isinstance(c.rgb, str):
        return c.rgb[-6:].upper()
    if c.type == "theme":
        return f"theme{c.theme}"
    return None


def audit(path, cell_cap):
    out = []
    wb = load_workbook(path, data_only=False, keep_vba=True)

    for ws in wb.worksheets:
        title = ws.title
        if ws.sheet_state != "visible":
            used = sum(1 for row in ws.iter_rows() for c in row if c.value is not None)
            sev = "high" if used else "medium"
            out.append(finding(sev, f"sheet-{ws.sheet_state}", f"'{title}'", f"{used} non-empty cells"))

        hidden_rows = {i for i, d in ws.row_dimensions.items() if d.hidden}
        hidden_cols = set()
        for key, d in ws.column_dimensions.items():
            if d.hidden:
                lo, hi = d.min or 0, d.max or 0
                hidden_cols.update(range(lo, hi + 1))
        checked = 0
        hidden_data, invisible = 0, []
        for row in ws.iter_rows():
            for c in row:
                if c.value is None:
                    continue
                checked += 1
                if c.row in hidden_rows or c.column in hidden_cols:
                    hidden_data += 1
                if isinstance(c.value, str):
                    if c.data_type == "f" or c.value.startswith("="):
                        if DDE_RE.match(c.value):
                            out.append(finding("high", "dde-formula", f"'{title}'!{c.coordinate}", c.value[:120]))
                        elif EXTERNAL_FN_RE.search(c.value):
                            out.append(finding("medium", "external-function", f"'{title}'!{c.coordinate}", c.value[:120]))
                    elif INJECT_RE.match(c.value):
                        out.append(finding("low", "formula-like-text", f"'{title}'!{c.coordinate}", c.value[:80]))
                if checked <= cell_cap:
                    fg = colour(c.font.color) if c.font else None
                    bg = colour(c.fill.fgColor) if c.fill and c.fill.fill_type == "solid" else "FFFFFF"
                    if c.number_format == ";;;" or (fg and fg == bg):
                        invisible.append(c.coordinate)
                if c.comment:
                    out.append(finding("medium", "comment", f"'{title}'!{c.coordinate}",
                                       f"author={c.comment.author!r}: {c.comment.text[:80]!r}"))
        if hidden_data:
            out.append(finding("high", "hidden-rows-cols-with-data", f"'{title}'",
                               f"{hidden_data} non-empty cells in {len(hidden_rows)} hidden rows / {len(hidden_cols)} hidden cols"))
        if invisible:
            out.append(finding("high", "invisible-text", f"'{title}'",
                               ", ".join(invisible[:20]) + (" …" if len(invisible) > 20 else "")))

    for name, dn in wb.defined_names.items():
        val = dn.attr_text or ""
        if dn.hidden:
            out.append(finding("medium", "hidden-name", name, val))
        if "#REF!" in val:
            out.append(finding("low", "broken-name", name, val))
        if re.search(r"\[[^\]]+\]", val):
            out.append(finding("medium", "external-name", name, val))

    p = wb.properties
    for field in ("creator", "lastModifiedBy", "title", "subject", "keywords", "description"):
        v = getattr(p, field, None)
        if v:
            out.append(finding("low", "property", field, str(v)))

    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        for n in names:
            if n.startswith("xl/externalLinks/") and n.endswith(".xml"):
                out.append(finding("medium", "external-link", n))
            if n == "xl/connections.xml":
                xml = zf.read(n).decode("utf-8", "replace")
                for m in re.finditer(r'<connection [^>]*name="([^"]*)"', xml):
                    out.append(finding("medium", "data-connection", m.group(1)))
                for m in re.finditer(r'(?:url|connection)="([^"]{0,200})"', xml):
                    out.append(finding("medium", "connection-target", "connections.xml", m.group(1)))
            if n.startswith("customXml/") and b"DataMashup" in zf.read(n)[:4096]:
                out.append(finding("medium", "power-query", n))
            if n.startswith("xl/threadedComments/"):
                out.append(finding("medium", "threaded-comments", n))
            if n.endswith("vbaProject.bin"):
                out.append(finding("high", "vba-project", n, "macros present; do not enable content"))
    return out, "xl/vbaProject.bin" in names


def olevba_summary(path):
    exe = shutil.which("olevba")
    if not exe:
        return [finding("info", "olevba-missing", "-", "pip install oletools==0.60.2 to list macro modules")]
    res = subprocess.run([exe, "--json", "--relaxed", path], capture_output=True, text=True, timeout=120)
    try:
        data = json.loads(res.stdout)
    except json.JSONDecodeError:
        return [finding("info", "olevba-error", "-", res.stderr[:200])]
    out = []
    for doc in data:
        for a in doc.get("analysis") or []:
            if a.get("type") in ("AutoExec", "Suspicious", "IOC"):
                out.append(finding("high" if a["type"] == "AutoExec" else "medium",
                                   f"vba-{a['type'].lower()}", a.get("keyword", ""), a.get("description", "")))
        for m in doc.get("macros") or []:
            out.append(finding("info", "vba-module", m.get("vba_filename", "?"), m.get("subfilename", "")))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("workbook")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--cell-cap", type=int, default=200_000)
    args = ap.parse_args()
    findings, has_vba = audit(args.workbook, args.cell_cap)
    if has_vba:
        findings += olevba_summary(args.workbook)
    order = {"high": 0, "medium": 1, "low": 2, "info": 3}
    findings.sort(key=lambda f: order[f["severity"]])
    if args.json:
        print(json.dumps(findings, indent=2))
    else:
        print(f"{args.workbook}: {len(findings)} finding(s)")
        for f in findings:
            tail = f" — {f['detail']}" if f["detail"] else ""
            print(f"[{f['severity']:<6}] {f['check']:<28} {f['where']}{tail}")
    return 1 if any(f["severity"] == "high" for f in findings) else 0


if __name__ == "__main__":
    sys.exit(main())
