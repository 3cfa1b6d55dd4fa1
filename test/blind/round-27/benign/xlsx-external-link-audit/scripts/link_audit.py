#!/usr/bin/env python3
"""Audit external links, connections, hidden content and metadata in .xlsx/.xlsm files."""
from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
}
SECRET_KEYS = re.compile(r"(?i)\b(password|pwd|accountkey|sharedaccesssignature|client_secret)\s*=\s*([^;\"]*)")
EXT_REF = re.compile(r"\[(\d+)\]")


def mask(conn: str) -> str:
    return SECRET_KEYS.sub(lambda m: f"{m.group(1)}=****", conn)


def classify(target: str) -> str:
    t = target.lower()
    if t.startswith("\\\\") or t.startswith("file://///"):
        return "UNC share"
    if "sharepoint.com" in t or "onedrive" in t or "-my.sharepoint" in t:
        return "SharePoint/OneDrive"
    if t.startswith(("http://", "https://")):
        return "web URL"
    if re.match(r"^[a-z]:\\", t) or t.startswith("file:///"):
        return "local path"
    return "relative path"


def read_xml(z: zipfile.ZipFile, name: str):
    try:
        return ET.fromstring(z.read(name))
    except KeyError:
        return None


def rels_for(z: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    p = Path(part)
    rel = read_xml(z, str(p.parent / "_rels" / (p.name + ".rels")))
    out = {}
    if rel is not None:
        for r in rel.findall("pr:Relationship", NS):
            out[r.get("Id")] = (r.get("Target", ""), r.get("TargetMode", ""))
    return out


def sheet_map(z: zipfile.ZipFile) -> list[dict]:
    wb = read_xml(z, "xl/workbook.xml")
    rels = rels_for(z, "xl/workbook.xml")
    sheets = []
    for s in wb.findall("m:sheets/m:sheet", NS):
        rid = s.get(f"{{{NS['r']}}}id")
        target = rels.get(rid, ("", ""))[0]
        path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        sheets.append({"name": s.get("name"), "state": s.get("state", "visible"), "part": path})
    return sheets


def audit(path: str, show_cells: bool) -> list[str]:
    out = [f"## {path}", ""]
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        wb = read_xml(z, "xl/workbook.xml")
        wb_rels = rels_for(z, "xl/workbook.xml")

        # 1. external workbooks
        ext = []
        refs = wb.findall("m:externalReferences/m:externalReference", NS)
        for idx, ref in enumerate(refs, 1):
            part_target = wb_rels.get(ref.get(f"{{{NS['r']}}}id"), ("", ""))[0]
            part = f"xl/{part_target}" if not part_target.startswith("/") else part_target.lstrip("/")
            tgt = next(iter(rels_for(z, part).values()), ("?", ""))[0]
            link = read_xml(z, part)
            cached = link is not None and link.find(".//m:sheetData", NS) is not None
            ext.append((idx, tgt, classify(tgt), cached))
        out.append("### External workbooks")
        out += [f"- [{i}] `{t}` ({kind}); cached values: {'yes' if c else 'NO'}" for i, t, kind, c in ext] or ["- none"]

        # cells using external refs
        sheets = sheet_map(z)
        usage: dict[str, int] = {}
        cells = []
        if ext:
            for sh in sheets:
                root = read_xml(z, sh["part"])
                if root is None:
                    continue
                for c in root.iter(f"{{{NS['m']}}}c"):
                    f = c.find("m:f", NS)
                    if f is not None and f.text and EXT_REF.search(f.text):
                        for n in EXT_REF.findall(f.text):
                            usage[n] = usage.get(n, 0) + 1
                        cells.append(f"{sh['name']}!{c.get('r')}: ={f.text[:80]}")
            out.append("- cells per link: " + ", ".join(f"[{k}] {v}" for k, v in sorted(usage.items())))
            if show_cells:
                out += [f"  - {c}" for c in cells]

        # 2. connections
        out += ["", "### Data connections"]
        conns = read_xml(z, "xl/connections.xml")
        if conns is None:
            out.append("- none")
        else:
            for c in conns.findall("m:connection", NS):
                db = c.find("m:dbPr", NS)
                web = c.find("m:webPr", NS)
                desc = mask(db.get("connection", "")) if db is not None else (web.get("url", "") if web is not None else "")
                flag = " refreshOnLoad" if c.get("refreshOnLoad") == "1" else ""
                secret = " (credential present, masked)" if db is not None and SECRET_KEYS.search(db.get("connection", "")) else ""
                out.append(f"- {c.get('name')}: {desc}{flag}{secret}")

        # 3. power query
        out += ["", "### Power Query"]
        pq = [n for n in names if n.startswith("customXml/item") and n.endswith(".xml") and b"DataMashup" in z.read(n)[:4000]]
        out.append(f"- DataMashup present in {', '.join(pq)}" if pq else "- none")

        # 4. hyperlinks
        out += ["", "### External hyperlinks"]
        count = 0
        for sh in sheets:
            for rid, (tgt, mode) in rels_for(z, sh["part"]).items():
                if mode == "External" and tgt.startswith(("http", "mailto", "file", "\\\\")):
                    count += 1
                    out.append(f"- {sh['name']}: {tgt}")
        if not count:
            out.append("- none")

        # 5. hidden content
        out += ["", "### Hidden content"]
        for sh in sheets:
            if sh["state"] != "visible":
                out.append(f"- sheet '{sh['name']}' is **{sh['state']}**")
        for dn in wb.findall("m:definedNames/m:definedName", NS):
            txt = dn.text or ""
            if dn.get("hidden") == "1" and not dn.get("name", "").startswith("_xlnm"):
                out.append(f"- hidden name {dn.get('name')} = {txt[:60]}")
            if "#REF!" in txt:
                out.append(f"- broken name {dn.get('name')} = {txt[:60]}")
            if EXT_REF.search(txt):
                out.append(f"- name {dn.get('name')} references external book: {txt[:60]}")
        for sh in sheets:
            root = read_xml(z, sh["part"])
            if root is None:
                continue
            hidden_rows = [r.get("r") for r in root.iter(f"{{{NS['m']}}}row") if r.get("hidden") == "1" and len(r)]
            if hidden_rows:
                out.append(f"- {sh['name']}: {len(hidden_rows)} hidden row(s) with data (first: {hidden_rows[0]})")

        # 6. macros
        out += ["", "### Macros"]
        if "xl/vbaProject.bin" in names:
            ok = path.lower().endswith((".xlsm", ".xltm"))
            out.append("- VBA project present" + ("" if ok else " **in a non-macro extension**"))
        else:
            out.append("- none")

        # 7. metadata
        out += ["", "### Metadata"]
        core = read_xml(z, "docProps/core.xml")
        app = read_xml(z, "docProps/app.xml")
        if core is not None:
            for tag in ("dc:creator", "cp:lastModifiedBy"):
                el = core.find(tag, NS)
                if el is not None and el.text:
                    out.append(f"- {tag.split(':')[1]}: {el.text}")
        if app is not None:
            comp = app.find("ep:Company", NS)
            if comp is not None and comp.text:
                out.append(f"- company: {comp.text}")
    out.append("")
    return out


def clean_copy(src: str, dst: str, break_links: bool, drop_conn: bool, strip_meta: bool, unhide: bool) -> None:
    """Write a cleaned copy. Uses openpyxl for value replacement, then fixes parts."""
    import openpyxl

    if break_links:
        vals = openpyxl.load_workbook(src, data_only=True)
        wb = openpyxl.load_workbook(src, keep_vba=src.lower().endswith(".xlsm"))
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str) and cell.value.startswith("=") and EXT_REF.search(cell.value):
                        cell.value = vals[ws.title][cell.coordinate].value
        wb._external_links = []
        for name in list(wb.defined_names):
            if EXT_REF.search(str(wb.defined_names[name].attr_text)):
                del wb.defined_names[name]
    else:
        wb = openpyxl.load_workbook(src, keep_vba=src.lower().endswith(".xlsm"))
    if unhide:
        for ws in wb.worksheets:
            ws.sheet_state = "visible"
    if strip_meta:
        wb.properties.creator = None
        wb.properties.lastModifiedBy = None
        # openpyxl regenerates docProps/app.xml without Company/Manager, so those go too
    tmp = Path(tempfile.mkdtemp()) / Path(dst).name
    wb.save(tmp)
    if drop_conn:
        with zipfile.ZipFile(tmp) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
            for item in zin.infolist():
                if item.filename == "xl/connections.xml" or item.filename.startswith("xl/queryTables/"):
                    continue
                zout.writestr(item, zin.read(item.filename))
    else:
        shutil.move(tmp, dst)
    print(f"wrote {dst}; re-run the audit on it and open it once to confirm no repair prompt")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--cells", action="store_true")
    ap.add_argument("--md", metavar="PATH")
    ap.add_argument("-o", "--output")
    ap.add_argument("--break-links", action="store_true")
    ap.add_argument("--drop-connections", action="store_true")
    ap.add_argument("--strip-metadata", action="store_true")
    ap.add_argument("--unhide", action="store_true")
    a = ap.parse_args()
    changing = a.break_links or a.drop_connections or a.strip_metadata or a.unhide
    if changing:
        if len(a.files) != 1 or not a.output or a.output == a.files[0]:
            sys.exit("cleaning needs exactly one input and -o NEW_FILE")
        clean_copy(a.files[0], a.output, a.break_links, a.drop_connections, a.strip_metadata, a.unhide)
        return 0
    lines = ["# Workbook link & hidden-content audit", ""]
    for f in a.files:
        lines += audit(f, a.cells)
    text = "\n".join(lines)
    print(text)
    if a.md:
        Path(a.md).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
