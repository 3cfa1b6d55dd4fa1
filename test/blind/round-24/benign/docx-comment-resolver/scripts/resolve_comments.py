#!/usr/bin/env python3
"""Mark agreed comments as resolved (w15:done) and emit a response table.

Writes a NEW .docx; the input is never modified.
"""
import argparse
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

import yaml  # PyYAML ships with most Python installs; pip install pyyaml if not
from lxml import etree

sys.path.insert(0, str(Path(__file__).parent))
from list_comments import NS, load, q  # noqa: E402

CT_EXT = "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"
REL_EXT = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"


def ensure_ext(parts: dict) -> etree._Element:
    if "word/commentsExtended.xml" in parts:
        return etree.fromstring(parts["word/commentsExtended.xml"])
    root = etree.Element(q("w15:commentsEx"), nsmap={"w15": NS["w15"]})
    ct = etree.fromstring(parts["[Content_Types].xml"])
    ov = etree.SubElement(ct, "{http://schemas.openxmlformats.org/package/2006/content-types}Override")
    ov.set("PartName", "/word/commentsExtended.xml")
    ov.set("ContentType", CT_EXT)
    parts["[Content_Types].xml"] = etree.tostring(ct, xml_declaration=True, encoding="UTF-8", standalone=True)
    rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    rid = f"rId{900 + len(rels)}"
    rel = etree.SubElement(rels, "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship")
    rel.set("Id", rid)
    rel.set("Type", REL_EXT)
    rel.set("Target", "commentsExtended.xml")
    parts["word/_rels/document.xml.rels"] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True)
    return root


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("docx")
    ap.add_argument("decisions", help="YAML mapping comment id -> {action, note}")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--response-table")
    ap.add_argument("--replace", action="append", default=[], help='"old=>new" single-run substitution')
    a = ap.parse_args()

    if Path(a.output).resolve() == Path(a.docx).resolve():
        sys.exit("refusing to overwrite the input; choose a different --output")

    decisions = {str(k): v for k, v in (yaml.safe_load(Path(a.decisions).read_text()) or {}).items()}
    rows = {r["id"]: r for r in load(a.docx)}

    with zipfile.ZipFile(a.docx) as z:
        parts = {n: z.read(n) for n in z.namelist()}

    com = etree.fromstring(parts["word/comments.xml"])
    ext = ensure_ext(parts)
    ext_by_para = {ce.get(q("w15:paraId")): ce for ce in ext.findall("w15:commentEx", NS)}

    resolved = 0
    for c in com.findall("w:comment", NS):
        cid = c.get(q("w:id"))
        d = decisions.get(cid)
        if not d or d.get("action") not in {"accept", "reply"}:
            continue
        para = c.findall("w:p", NS)[-1]
        pid = para.get(q("w14:paraId"))
        if not pid:
            print(f"comment {cid}: no w14:paraId (very old file?) — skipped", file=sys.stderr)
            continue
        ce = ext_by_para.get(pid)
        if ce is None:
            ce = etree.SubElement(ext, q("w15:commentEx"))
            ce.set(q("w15:paraId"), pid)
        ce.set(q("w15:done"), "1")
        resolved += 1
    parts["word/commentsExtended.xml"] = etree.tostring(ext, xml_declaration=True, encoding="UTF-8", standalone=True)

    if a.replace:
        doc = etree.fromstring(parts["word/document.xml"])
        for pair in a.replace:
            old, new = pair.split("=>", 1)
            hits = 0
            for t in doc.iter(q("w:t")):
                if t.text and old in t.text:
                    t.text = t.text.replace(old, new)
                    hits += 1
            print(f"replace {old!r}: {hits} run(s)", file=sys.stderr)
        parts["word/document.xml"] = etree.tostring(doc, xml_declaration=True, encoding="UTF-8", standalone=True)

    tmp = Path(tempfile.mkdtemp()) / "out.docx"
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as out:
        # [Content_Types].xml first, as Word expects
        for name in sorted(parts, key=lambda n: n != "[Content_Types].xml"):
            out.writestr(name, parts[name])
    shutil.move(tmp, a.output)

    if a.response_table:
        lines = ["| # | Reviewer | Comment | Response | Status |", "|---|----------|---------|----------|--------|"]
        for cid, r in rows.items():
            d = decisions.get(cid, {})
            status = {"accept": "Resolved", "reply": "Resolved (no change)", "defer": "Open"}.get(d.get("action"), "Open")
            lines.append(f"| {cid} | {r['author']} | {r['comment'][:60]} | {d.get('note', '')} | {status} |")
        Path(a.response_table).write_text("\n".join(lines) + "\n")
    print(f"resolved {resolved} comment(s) -> {a.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
