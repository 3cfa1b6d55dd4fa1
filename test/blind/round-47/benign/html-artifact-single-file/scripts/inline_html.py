#!/usr/bin/env python3
"""Inline local CSS/JS/images/fonts into one HTML file with a restrictive CSP."""
import argparse
import base64
import mimetypes
import re
import sys
from pathlib import Path

REMOTE = re.compile(r"^(https?:)?//", re.I)
CSP = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
       "script-src 'unsafe-inline'; font-src data:; media-src data:")
sizes = []


def data_uri(path):
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    raw = path.read_bytes()
    sizes.append((len(raw), str(path)))
    return f"data:{mime};base64,{base64.b64encode(raw).decode()}"


def resolve(base, ref, allow_remote):
    if ref.startswith("data:") or ref.startswith("#"):
        return None
    if REMOTE.match(ref):
        if allow_remote:
            return None
        sys.exit(f"remote reference not allowed: {ref} (use --allow-remote or vendor it)")
    p = (base / ref.split("?")[0].split("#")[0]).resolve()
    if not p.exists():
        sys.exit(f"missing asset: {ref}")
    return p


def inline_css(css, base, allow_remote):
    def repl(m):
        ref = m.group(2)
        p = resolve(base, ref, allow_remote)
        return f"url({data_uri(p)})" if p else m.group(0)
    return re.sub(r"url\((['\"]?)([^'\")]+)\1\)", repl, css)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("html")
    ap.add_argument("-o", "--out", required=True)
    ap.add_argument("--allow-remote", action="store_true")
    a = ap.parse_args()
    src = Path(a.html).resolve()
    base = src.parent
    html = src.read_text(encoding="utf-8")

    def link(m):
        tag = m.group(0)
        href = re.search(r'href=["\']([^"\']+)', tag)
        if not href:
            return tag
        if re.search(r'rel=["\']stylesheet', tag):
            p = resolve(base, href.group(1), a.allow_remote)
            if not p:
                return tag
            return f"<style>\n{inline_css(p.read_text(encoding='utf-8'), p.parent, a.allow_remote)}\n</style>"
        if re.search(r'rel=["\'](shortcut )?icon', tag):
            p = resolve(base, href.group(1), a.allow_remote)
            return tag.replace(href.group(1), data_uri(p)) if p else tag
        return tag

    def script(m):
        p = resolve(base, m.group(2), a.allow_remote)
        if not p:
            return m.group(0)
        js = p.read_text(encoding="utf-8").replace("</script", "<\\/script")
        return f"<script{m.group(1)}{m.group(3)}>\n{js}\n</script>"

    def img(m):
        p = resolve(base, m.group(2), a.allow_remote)
        return f'{m.group(1)}"{data_uri(p)}"' if p else m.group(0)

    html = re.sub(r"<link\b[^>]*>", link, html, flags=re.I)
    html = re.sub(r'<script([^>]*?)\ssrc=["\']([^"\']+)["\']([^>]*)>\s*</script>', script, html, flags=re.I)
    html = re.sub(r'(<(?:img|source|video|audio)\b[^>]*?\ssrc=)["\']([^"\']+)["\']', img, html, flags=re.I)
    html = re.sub(r"<style>(.*?)</style>", lambda m: f"<style>{inline_css(m.group(1), base, a.allow_remote)}</style>",
                  html, flags=re.S | re.I)
    if not a.allow_remote and "Content-Security-Policy" not in html:
        html = re.sub(r"<head([^>]*)>", f'<head\\1>\n<meta http-equiv="Content-Security-Policy" content="{CSP}">',
                      html, count=1, flags=re.I)
    out = Path(a.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    print(f"wrote {out} ({out.stat().st_size / 1024:.0f} KiB)")
    for size, name in sorted(sizes, reverse=True)[:5]:
        print(f"  {size / 1024:8.0f} KiB  {name}")


if __name__ == "__main__":
    main()
