#!/usr/bin/env python3
"""List external references in xlsx/xlsm/ods files by reading the zip parts. Never opens Office."""
import argparse
import csv
import os
import re
import sys
import zipfile
from xml.etree import ElementTree as ET

FUNCS = re.compile(r"\b(WEBSERVICE|FILTERXML|HYPERLINK|IMAGE|RTD|CALL|REGISTER\.ID|SQL\.REQUEST)\s*\(", re.I)
EXTREF = re.compile(r"'?(\\\\[^'\]]+|[A-Za-z]:\\[^'\]]+|https?://[^'\]]+)?\[[^\]]+\][^'!]*'?!|\[\d+\][A-Za-z0-9_ ]+!")
DDE = re.compile(r"[A-Za-z0-9_.]+\|'[^']*'!", re.I)
URL = re.compile(r"(https?|file|ftp)://[^\s\"'<>)]+|\\\\[A-Za-z0-9_.\-]+\\[^\s\"'<>]+", re.I)
NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def sheet_names(z):
    names = {}
    try:
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        rid_to_target = {r.get("Id"): r.get("Target") for r in rels}
        for s in wb.iter(NS_MAIN + "sheet"):
            rid = s.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
            t = rid_to_target.get(rid, "")
            names["xl/" + t.lstrip("/").replace("xl/", "")] = s.get("name")
    except KeyError:
        pass
    return names


def scan_xlsx(path):
    out = []
    with zipfile.ZipFile(path) as z:
        parts = z.namelist()
        names = sheet_names(z)
        if "xl/workbook.xml" in parts and b'fullCalcOnLoad="1"' in z.read("xl/workbook.xml"):
            out.append(("workbook", "-", "fullCalcOnLoad", "recalculates on open"))
        for p in parts:
            if p.startswith("xl/worksheets/sheet") and p.endswith(".xml"):
                root = ET.fromstring(z.read(p))
                for c in root.iter(NS_MAIN + "c"):
                    f = c.find(NS_MAIN + "f")
                    if f is None or not f.text:
                        continue
                    t = f.text
                    for label, rx in (("function", FUNCS), ("external ref", EXTREF), ("DDE", DDE)):
                        if rx.search(t):
                            out.append((names.get(p, p), c.get("r"), label, t[:300]))
            elif p.startswith("xl/externalLinks/_rels/") or (p.endswith(".rels") and "External" in z.read(p).decode("utf-8", "replace")):
                for r in ET.fromstring(z.read(p)):
                    if r.get("TargetMode") == "External":
                        out.append((p, "-", "external relationship", f"{r.get('Type', '').rsplit('/', 1)[-1]} -> {r.get('Target')}"))
            elif p == "xl/connections.xml":
                for conn in ET.fromstring(z.read(p)):
                    desc = " ".join(f"{k}={v}" for k, v in conn.attrib.items() if k in ("name", "type", "refreshOnLoad"))
                    for child in conn.iter():
                        for k in ("connection", "url", "command"):
                            if child.get(k):
                                val = re.sub(r"(?i)(password|pwd)=[^;]*", r"\1=***", child.get(k))
                                desc += f" {k}={val[:200]}"
                    out.append((p, "-", "data connection", desc))
            elif p.startswith("customXml/item") or "DataMashup" in p:
                data = z.read(p)
                for m in re.finditer(rb"Web\.Contents\(\s*\"([^\"]+)\"", data):
                    out.append((p, "-", "Power Query Web.Contents", m.group(1).decode("utf-8", "replace")))
                if b"DataMashup" in data:
                    out.append((p, "-", "Power Query package", "present (base64 DataMashup); inspect in Excel on a VM or with a DataMashup parser"))
            elif p.startswith("xl/webextensions/"):
                out.append((p, "-", "web add-in", "Office add-in reference"))
            elif p == "xl/vbaProject.bin":
                out.append((p, "-", "macros", "VBA project present; use a macro triage tool"))
    return out


def scan_ods(path):
    out = []
    with zipfile.ZipFile(path) as z:
        content = z.read("content.xml").decode("utf-8", "replace")
        for m in re.finditer(r'table:formula="([^"]+)"', content):
            f = m.group(1)
            if FUNCS.search(f) or "DDE(" in f.upper() or URL.search(f):
                out.append(("content.xml", "-", "formula", f[:300]))
        for m in re.finditer(r'xlink:href="([^"]+)"', content):
            if URL.search(m.group(1)):
                out.append(("content.xml", "-", "link", m.group(1)))
    return out


def targets(p):
    if os.path.isfile(p):
        yield p
    else:
        for d, _, fs in os.walk(p):
            for f in fs:
                if f.lower().endswith((".xlsx", ".xlsm", ".ods")):
                    yield os.path.join(d, f)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    ap.add_argument("--csv")
    ap.add_argument("--list-only", action="store_true", help="alias for default behaviour; kept for scripts")
    a = ap.parse_args()
    rows = []
    for f in targets(a.path):
        try:
            items = scan_ods(f) if f.lower().endswith(".ods") else scan_xlsx(f)
        except (zipfile.BadZipFile, KeyError, ET.ParseError) as e:
            print(f"{f}: cannot parse ({e})", file=sys.stderr)
            continue
        for where, cell, kind, detail in items:
            hosts = ", ".join(sorted({m.group(0).split('/')[2] if '://' in m.group(0) else m.group(0).split('\\')[2] for m in URL.finditer(detail)}))
            rows.append([f, where, cell, kind, detail, hosts])
    if a.csv:
        with open(a.csv, "w", newline="") as fh:
            csv.writer(fh).writerows([["file", "part/sheet", "cell", "kind", "detail", "hosts"]] + rows)
    for r in rows:
        print(f"{r[0]} | {r[1]}!{r[2]} | {r[3]} | {r[4]} | {r[5]}")
    print(f"{len(rows)} external item(s)", file=sys.stderr)


if __name__ == "__main__":
    main()
