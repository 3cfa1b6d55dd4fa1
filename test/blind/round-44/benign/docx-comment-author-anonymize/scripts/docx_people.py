#!/usr/bin/env python3
"""Report and anonymize reviewer identities in a .docx.

  docx_people.py report FILE.docx
  docx_people.py anonymize FILE.docx -o OUT.docx [--map "Name=Label,..."] [--strip-dates]
"""
import argparse
import re
import sys
import zipfile
from collections import Counter, defaultdict

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
AUTHOR_RE = re.compile(rb'w:author="([^"]*)"')
INITIALS_RE = re.compile(rb'w:initials="([^"]*)"')
DATE_RE = re.compile(rb'\sw:date="[^"]*"')
CORE_FIELDS = [b"dc:creator", b"cp:lastModifiedBy"]
APP_FIELDS = [b"Company", b"Manager"]
TEXT_PARTS = re.compile(r"^word/(document|comments|footnotes|endnotes|header\d*|footer\d*|people)\.xml$")


def xml_escape(s: str) -> bytes:
    return s.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").encode()


def unescape(b: bytes) -> str:
    return b.decode("utf-8").replace("&quot;", '"').replace("&lt;", "<").replace("&amp;", "&")


def report(path: str) -> None:
    authors = defaultdict(Counter)
    flags = []
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        for n in names:
            if not TEXT_PARTS.match(n):
                continue
            data = z.read(n)
            for a in AUTHOR_RE.findall(data):
                authors[unescape(a)][n] += 1
            if n == "word/document.xml":
                if b"<w:vanish/>" in data or b"<w:vanish " in data:
                    flags.append("hidden text (w:vanish) present in document body")
                if b"<w:ins " in data or b"<w:del " in data:
                    flags.append("tracked changes present")
            if n == "word/people.xml":
                for pid in re.findall(rb'w15:userId="([^"]*)"', data):
                    flags.append(f"people.xml provider id: {unescape(pid)}")
        if "word/comments.xml" in names:
            flags.append(f"{z.read('word/comments.xml').count(b'<w:comment ')} comment(s)")
        if "docProps/core.xml" in names:
            core = z.read("docProps/core.xml")
            for f in CORE_FIELDS:
                m = re.search(rb"<" + f + rb">([^<]*)</" + f + rb">", core)
                if m and m.group(1):
                    print(f"property {f.decode()}: {unescape(m.group(1))}")
        if "docProps/app.xml" in names:
            app = z.read("docProps/app.xml")
            for f in APP_FIELDS:
                m = re.search(rb"<" + f + rb">([^<]*)</" + f + rb">", app)
                if m and m.group(1):
                    print(f"property {f.decode()}: {unescape(m.group(1))}")
        if "word/settings.xml" in names:
            m = re.search(rb'attachedTemplate r:id="[^"]*"', z.read("word/settings.xml"))
            if m:
                flags.append("attached template reference (check word/_rels/settings.xml.rels for user paths)")
        for n in names:
            if n.startswith("customXml/") and n.endswith(".xml") and "itemProps" not in n:
                flags.append(f"custom XML part {n}")
            if n.startswith("word/embeddings/"):
                flags.append(f"embedded object {n}")
    print("\nauthors:")
    for a, c in sorted(authors.items()):
        print(f"  {a!r}: " + ", ".join(f"{k.split('/')[-1]}={v}" for k, v in c.items()))
    print("\nflags:")
    for f in flags or ["none"]:
        print(f"  - {f}")


def anonymize(path: str, out: str, mapping: dict, strip_dates: bool) -> None:
    if out == path:
        sys.exit("refusing to overwrite the input; choose a different -o")
    labels = dict(mapping)
    counter = [len(labels)]

    def label_for(name: str) -> str:
        if name not in labels:
            counter[0] += 1
            labels[name] = f"Reviewer {counter[0]}"
        return labels[name]

    def sub_author(m):
        return b'w:author="' + xml_escape(label_for(unescape(m.group(1)))) + b'"'

    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if TEXT_PARTS.match(item.filename):
                data = AUTHOR_RE.sub(sub_author, data)
                data = INITIALS_RE.sub(lambda m: b'w:initials="R"', data)
                if strip_dates:
                    data = DATE_RE.sub(b"", data)
                if item.filename == "word/people.xml":
                    data = re.sub(rb'\sw15:userId="[^"]*"', b' w15:userId="anonymous"', data)
                    data = re.sub(rb'\sw15:providerId="[^"]*"', b' w15:providerId="None"', data)
            elif item.filename == "docProps/core.xml":
                for f in CORE_FIELDS:
                    data = re.sub(rb"<" + f + rb">[^<]*</" + f + rb">", b"<" + f + b"></" + f + b">", data)
            elif item.filename == "docProps/app.xml":
                for f in APP_FIELDS:
                    data = re.sub(rb"<" + f + rb">[^<]*</" + f + rb">", b"<" + f + b"></" + f + b">", data)
            zout.writestr(item, data)
    print(f"wrote {out}")
    for k, v in labels.items():
        print(f"  {k!r} -> {v!r}")


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("report")
    r.add_argument("file")
    a = sub.add_parser("anonymize")
    a.add_argument("file")
    a.add_argument("-o", "--output", required=True)
    a.add_argument("--map", default="")
    a.add_argument("--strip-dates", action="store_true")
    args = ap.parse_args()
    if args.cmd == "report":
        report(args.file)
    else:
        mapping = dict(p.split("=", 1) for p in args.map.split(",") if "=" in p)
        anonymize(args.file, args.output, mapping, args.strip_dates)


if __name__ == "__main__":
    main()
