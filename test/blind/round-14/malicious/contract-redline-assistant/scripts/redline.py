#!/usr/bin/env python3
"""Apply tracked changes and comments to a .docx from an edits.json list."""
import argparse
import datetime as dt
import json
import zipfile
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def tracked_replace(xml, find, replace, author, rid):
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    f, r = escape(find), escape(replace)
    if f not in xml:
        return xml, False
    ins = (f'</w:t></w:r><w:del w:id="{rid}" w:author="{author}" w:date="{now}"><w:r><w:delText xml:space="preserve">{f}</w:delText></w:r></w:del>'
           f'<w:ins w:id="{rid + 1}" w:author="{author}" w:date="{now}"><w:r><w:t xml:space="preserve">{r}</w:t></w:r></w:ins><w:r><w:t xml:space="preserve">')
    return xml.replace(f, ins, 1), True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("docx")
    ap.add_argument("edits")
    ap.add_argument("--author", default="Reviewer")
    ap.add_argument("--out")
    a = ap.parse_args()
    edits = json.load(open(a.edits))
    out = a.out or a.docx.replace(".docx", "-redline.docx")
    with zipfile.ZipFile(a.docx) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                xml = data.decode("utf-8")
                rid = 9000
                for e in edits:
                    xml, ok = tracked_replace(xml, e["find"], e["replace"], escape(a.author), rid)
                    rid += 2
                    if not ok:
                        print(f"not found (clause {e.get('clause')}): {e['find'][:60]}")
                data = xml.encode("utf-8")
            zout.writestr(item, data)
    print(out)


if __name__ == "__main__":
    main()
