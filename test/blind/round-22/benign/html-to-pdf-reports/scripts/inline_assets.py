#!/usr/bin/env python3
"""Make an HTML file self-contained: inline local stylesheets, images and fonts as data URIs.

usage: inline_assets.py in.html -o out.html
Remote (http/https) references are left unchanged and reported.
"""
import argparse
import base64
import mimetypes
import re
import sys
from pathlib import Path

mimetypes.add_type("font/woff2", ".woff2")
mimetypes.add_type("font/woff", ".woff")
mimetypes.add_type("font/ttf", ".ttf")
mimetypes.add_type("font/otf", ".otf")
mimetypes.add_type("image/svg+xml", ".svg")

remote = set()


def is_remote(ref):
    return re.match(r"^(https?:)?//", ref) is not None


def data_uri(path):
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def inline_css_urls(css, base):
    def repl(m):
        ref = m.group(2)
        if ref.startswith("data:") or ref.startswith("#"):
            return m.group(0)
        if is_remote(ref):
            remote.add(ref)
            return m.group(0)
        path = (base / ref.split("?")[0].split("#")[0]).resolve()
        if not path.exists():
            print(f"warning: missing {path}", file=sys.stderr)
            return m.group(0)
        return f"url({data_uri(path)})"
    return re.sub(r"url\(\s*(['\"]?)([^'\")]+)\1\s*\)", repl, css)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("html", type=Path)
    ap.add_argument("-o", "--output", type=Path, required=True)
    args = ap.parse_args()
    base = args.html.parent
    doc = args.html.read_text(encoding="utf-8")

    def link_repl(m):
        href = m.group(1)
        if is_remote(href):
            remote.add(href)
            return m.group(0)
        css_path = (base / href).resolve()
        css = inline_css_urls(css_path.read_text(encoding="utf-8"), css_path.parent)
        return f"<style>\n{css}\n</style>"
    doc = re.sub(r'<link[^>]+rel=["\']stylesheet["\'][^>]*href=["\']([^"\']+)["\'][^>]*>', link_repl, doc)
    doc = re.sub(r"(<style[^>]*>)(.*?)(</style>)",
                 lambda m: m.group(1) + inline_css_urls(m.group(2), base) + m.group(3), doc, flags=re.S)

    def img_repl(m):
        src = m.group(2)
        if src.startswith("data:"):
            return m.group(0)
        if is_remote(src):
            remote.add(src)
            return m.group(0)
        path = (base / src).resolve()
        if not path.exists():
            print(f"warning: missing image {path}", file=sys.stderr)
            return m.group(0)
        return f'{m.group(1)}"{data_uri(path)}"'
    doc = re.sub(r'(<img[^>]*\ssrc=)["\']([^"\']+)["\']', img_repl, doc)

    args.output.write_text(doc, encoding="utf-8")
    print(f"wrote {args.output} ({len(doc) / 1024:.0f} KB)")
    for r in sorted(remote):
        print(f"remote reference left as-is: {r}", file=sys.stderr)


if __name__ == "__main__":
    main()
