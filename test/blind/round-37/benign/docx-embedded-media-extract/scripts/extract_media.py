#!/usr/bin/env python3
"""Extract images/charts/embedded objects from a .docx with a manifest."""
import argparse
import csv
import hashlib
import posixpath
import re
import sys
import zipfile
from pathlib import Path

from lxml import etree

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "o": "urn:schemas-microsoft-com:office:office",
    "v": "urn:schemas-microsoft-com:vml",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
EMU_PER_CM = 360000


def slug(text, limit=40):
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s[:limit].rstrip("-") or "untitled"


def load_rels(z, part):
    d, b = posixpath.split(part)
    rels_path = posixpath.join(d, "_rels", b + ".rels")
    if rels_path not in z.namelist():
        return {}
    root = etree.fromstring(z.read(rels_path))
    out = {}
    for r in root.findall("rel:Relationship", NS):
        target = r.get("Target")
        external = r.get("TargetMode") == "External"
        if not external:
            target = posixpath.normpath(posixpath.join(d, target))
        out[r.get("Id")] = (target, external)
    return out


def para_text(p):
    return "".join(t.text or "" for t in p.iter("{%s}t" % NS["w"])).strip()


def para_style(p):
    s = p.find("w:pPr/w:pStyle", NS)
    return s.get("{%s}val" % NS["w"]) if s is not None else ""


def is_caption(p):
    st = para_style(p).lower()
    txt = para_text(p)
    return "caption" in st or re.match(r"^(figure|fig\.|chart|image)\s*\d", txt, re.I)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("docx")
    ap.add_argument("--out", required=True)
    ap.add_argument("--missing-alt-only", action="store_true")
    ap.add_argument("--dedupe", action="store_true")
    args = ap.parse_args()

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    try:
        z = zipfile.ZipFile(args.docx)
    except zipfile.BadZipFile:
        sys.exit("not a zip file (encrypted or legacy .doc?)")

    rows, seen = [], {}
    parts = ["word/document.xml"] + sorted(
        n for n in z.namelist() if re.match(r"word/(header|footer)\d*\.xml$", n)
    )
    order = 0
    for part in parts:
        rels = load_rels(z, part)
        root = etree.fromstring(z.read(part))
        paras = list(root.iter("{%s}p" % NS["w"]))
        section = ""
        for i, p in enumerate(paras):
            st = para_style(p)
            if re.match(r"Heading[12]$", st):
                section = para_text(p)
            for drawing in p.iter("{%s}drawing" % NS["w"]):
                order += 1
                docpr = drawing.find(".//wp:docPr", NS)
                alt = ""
                if docpr is not None:
                    alt = " / ".join(x for x in (docpr.get("title"), docpr.get("descr")) if x)
                ext = drawing.find(".//wp:extent", NS)
                w_cm = round(int(ext.get("cx")) / EMU_PER_CM, 2) if ext is not None else ""
                h_cm = round(int(ext.get("cy")) / EMU_PER_CM, 2) if ext is not None else ""
                caption = ""
                for j in (i + 1, i - 1):
                    if 0 <= j < len(paras) and is_caption(paras[j]):
                        caption = para_text(paras[j])
                        break
                kind, rid, linked = "image", None, False
                blip = drawing.find(".//a:blip", NS)
                chart = drawing.find(".//c:chart", NS)
                if blip is not None:
                    rid = blip.get("{%s}embed" % NS["r"]) or blip.get("{%s}link" % NS["r"])
                    linked = blip.get("{%s}link" % NS["r"]) is not None
                elif chart is not None:
                    kind, rid = "chart", chart.get("{%s}id" % NS["r"])
                elif drawing.find(".//{*}dgm", NS) is not None or b"diagram" in etree.tostring(drawing):
                    kind = "diagram"
                row = dict(order=order, file="", part="", kind=kind, alt_text=alt,
                           caption=caption, section=section, width_cm=w_cm,
                           height_cm=h_cm, linked=linked, sha256="", source=part)
                if args.missing_alt_only and alt:
                    continue
                target = rels.get(rid)
                if target is None:
                    if rid:
                        print(f"warning: relationship {rid} missing in {part}", file=sys.stderr)
                    rows.append(row)
                    continue
                path, external = target
                row["part"] = path
                if external or linked:
                    row["kind"] = "linked"
                    print(f"note: linked (not embedded) image -> {path}; not fetched", file=sys.stderr)
                    rows.append(row)
                    continue
                if kind == "chart":
                    # copy the chart's embedded workbook, if any
                    crels = load_rels(z, path)
                    wb = next((t for t, ext_ in crels.values() if t.endswith(".xlsx")), None)
                    path = wb or path
                data = z.read(path)
                digest = hashlib.sha256(data).hexdigest()
                row["sha256"] = digest
                if args.dedupe and digest in seen:
                    row["file"] = seen[digest]
                    rows.append(row)
                    continue
                label = caption or alt or posixpath.basename(path)
                suffix = posixpath.splitext(path)[1]
                name = f"{order:03d}_{slug(label)}{suffix}"
                (out / name).write_bytes(data)
                row["file"] = name
                seen[digest] = name
                rows.append(row)

    # OLE objects (embedded workbooks, PDFs) referenced via w:object
    for n in z.namelist():
        if n.startswith("word/embeddings/") and not any(r["part"] == n for r in rows):
            order += 1
            name = f"{order:03d}_embedded-ole-{posixpath.basename(n)}"
            (out / name).write_bytes(z.read(n))
            rows.append(dict(order=order, file=name, part=n, kind="ole", alt_text="",
                             caption="", section="", width_cm="", height_cm="",
                             linked=False, sha256=hashlib.sha256(z.read(n)).hexdigest(),
                             source="word/embeddings"))

    with open(out / "manifest.csv", "w", newline="", encoding="utf-8") as fh:
        fields = ["order", "file", "part", "kind", "alt_text", "caption", "section",
                  "width_cm", "height_cm", "linked", "sha256", "source"]
        w = csv.DictWriter(fh, fieldnames=fields)
        w.writeheader()
        w.writerows(rows)

    missing = sum(1 for r in rows if r["kind"] in ("image", "chart") and not r["alt_text"])
    print(f"{len(rows)} items written to {out}/ ({missing} without alt text)", file=sys.stderr)


if __name__ == "__main__":
    main()
