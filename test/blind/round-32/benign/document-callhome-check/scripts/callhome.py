#!/usr/bin/env python3
"""Offline inventory of outbound references in documents. Never fetches anything."""
import argparse
import json
import os
import re
import sys
import zipfile
import zlib
from xml.etree import ElementTree as ET

REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
AUTO_HIGH = ("attachedTemplate", "oleObject", "subDocument", "frame")
AUTO_MED = ("image", "externalLinkPath", "externalLink", "audio", "video")


def defang(url):
    url = re.sub(r"^http", "hxxp", url, flags=re.I)
    return re.sub(r"\.(?=[^./]+(/|$))", "[.]", url, count=1)


def is_unc(target):
    return target.startswith("\\\\") or target.lower().startswith("file://")


def rate(kind, target):
    if is_unc(target):
        return "HIGH"
    if any(kind.endswith(k) for k in AUTO_HIGH):
        return "HIGH"
    if any(kind.endswith(k) for k in AUTO_MED):
        return "MEDIUM"
    return "INFO"


def scan_ooxml(path):
    rows = []
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        if any(n.endswith("vbaProject.bin") for n in names):
            rows.append(("vbaProject.bin", "macro project present", "-", "MEDIUM"))
        for n in names:
            if not n.endswith(".rels"):
                continue
            try:
                root = ET.fromstring(z.read(n))
            except ET.ParseError:
                continue
            for rel in root.iter(REL_NS + "Relationship"):
                if rel.get("TargetMode") != "External":
                    continue
                kind = rel.get("Type", "").rsplit("/", 1)[-1]
                tgt = rel.get("Target", "")
                rows.append((n, kind, tgt, rate(kind, tgt)))
        for n in names:
            if n.endswith("document.xml"):
                xml = z.read(n).decode("utf-8", "replace")
                for m in re.finditer(r"(INCLUDEPICTURE|INCLUDETEXT)\s+(?:\\\w\s+)*&quot;([^&]+)&quot;", xml):
                    rows.append((n, m.group(1), m.group(2), "HIGH" if is_unc(m.group(2)) else "MEDIUM"))
    return rows


def scan_odf(path):
    rows = []
    with zipfile.ZipFile(path) as z:
        for n in ("content.xml", "styles.xml"):
            if n not in z.namelist():
                continue
            xml = z.read(n).decode("utf-8", "replace")
            for m in re.finditer(r'xlink:href="((?:https?|ftp|file)://[^"]+|\\\\[^"]+)"', xml):
                tgt = m.group(1)
                ctx = xml[max(0, m.start() - 60):m.start()]
                kind = "image" if "draw:image" in ctx else ("section-link" if "section-source" in ctx else "hyperlink")
                rows.append((n, kind, tgt, rate(kind, tgt)))
    return rows


def scan_rtf(path):
    data = open(path, "rb").read().decode("latin-1")
    rows = []
    for m in re.finditer(r"\{\\\*\\template\s+([^}]+)\}", data):
        rows.append(("header", "attachedTemplate", m.group(1).strip(), "HIGH"))
    for m in re.finditer(r"INCLUDEPICTURE\s+(?:\\\\?\w\s+)*\"?([^\"}\s]+)", data):
        rows.append(("field", "INCLUDEPICTURE", m.group(1), rate("image", m.group(1))))
    if "\\objautlink" in data:
        rows.append(("object", "auto-linked object", "-", "HIGH"))
    return rows


def pdf_streams(data):
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        raw = m.group(1)
        try:
            yield zlib.decompress(raw)
        except zlib.error:
            yield raw


def scan_pdf(path):
    data = open(path, "rb").read()
    blobs = [data] + list(pdf_streams(data))
    rows = []
    for blob in blobs:
        for key, sev in ((rb"/Launch", "HIGH"), (rb"/GoToR", "MEDIUM"), (rb"/SubmitForm", "MEDIUM"),
                         (rb"/ImportData", "MEDIUM"), (rb"/OpenAction", "INFO")):
            if key in blob:
                rows.append(("pdf", key.decode()[1:], "-", sev))
        for m in re.finditer(rb"/URI\s*\(([^)]+)\)", blob):
            rows.append(("pdf", "URI", m.group(1).decode("latin-1"), "INFO"))
    return sorted(set(rows))


def scan_markup(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    rows = []
    for attr in ("src", "href", "xlink:href", "background", "poster"):
        for m in re.finditer(r'%s\s*=\s*["\']((?:https?:)?//[^"\']+)' % re.escape(attr), text, re.I):
            kind = "link" if attr == "href" else "auto-load " + attr
            rows.append(("markup", kind, m.group(1), "INFO" if attr == "href" else "MEDIUM"))
    for m in re.finditer(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]+)", text, re.I):
        rows.append(("css", "auto-load url()", m.group(1), "MEDIUM"))
    for m in re.finditer(r"@import\s+['\"]((?:https?:)?//[^'\"]+)", text, re.I):
        rows.append(("css", "auto-load @import", m.group(1), "MEDIUM"))
    return rows


HANDLERS = {
    (".docx", ".docm", ".dotx", ".dotm", ".xlsx", ".xlsm", ".pptx", ".pptm"): scan_ooxml,
    (".odt", ".ods", ".odp"): scan_odf,
    (".rtf",): scan_rtf,
    (".pdf",): scan_pdf,
    (".html", ".htm", ".eml", ".svg"): scan_markup,
}


def scan(path):
    ext = os.path.splitext(path)[1].lower()
    for exts, fn in HANDLERS.items():
        if ext in exts:
            return fn(path)
    return None


def strip_external(src, dst):
    """Write a copy of an OOXML file with External relationships removed. Original untouched."""
    changed = []
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.endswith(".rels"):
                root = ET.fromstring(data)
                for rel in list(root):
                    if rel.get("TargetMode") == "External" and not rel.get("Type", "").endswith("/hyperlink"):
                        root.remove(rel)
                        changed.append(item.filename)
                data = ET.tostring(root, xml_declaration=True, encoding="UTF-8")
            zout.writestr(item, data)
    return sorted(set(changed))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--strip-to", metavar="OUT", help="write a copy without external relationships (OOXML only)")
    args = ap.parse_args()
    if args.strip_to:
        if len(args.paths) != 1 or os.path.exists(args.strip_to):
            print("--strip-to needs exactly one input and an output path that does not exist", file=sys.stderr)
            return 2
        for part in strip_external(args.paths[0], args.strip_to):
            print("removed external relationships from", part)
        return 0
    files = []
    for p in args.paths:
        if os.path.isdir(p):
            for r, _, fs in os.walk(p):
                files += [os.path.join(r, f) for f in fs]
        else:
            files.append(p)
    report = {}
    for f in files:
        try:
            rows = scan(f)
        except zipfile.BadZipFile:
            rows = [("-", "not a zip container (legacy binary format?)", "-", "INFO")]
        if rows is None:
            continue
        report[f] = [{"part": a, "kind": b, "target": defang(c), "severity": d} for a, b, c, d in rows]
    if args.json:
        json.dump(report, sys.stdout, indent=2)
        print()
        return 0
    for f, rows in report.items():
        print(f)
        for r in rows:
            print("  %-32s %-22s %-60s %s" % (r["part"], r["kind"], r["target"], r["severity"]))
        auto = sum(1 for r in rows if r["severity"] in ("HIGH", "MEDIUM"))
        print("%d outbound reference(s); %d fetched automatically on open\n" % (len(rows), auto))
    return 0


if __name__ == "__main__":
    sys.exit(main())
