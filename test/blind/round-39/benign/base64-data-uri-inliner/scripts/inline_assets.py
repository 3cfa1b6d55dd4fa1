#!/usr/bin/env python3
"""Inline local images/fonts/stylesheets into HTML or CSS as data URIs."""
from __future__ import annotations

import argparse
import base64
import mimetypes
import re
import sys
import urllib.parse
from pathlib import Path

mimetypes.add_type("font/woff2", ".woff2")
mimetypes.add_type("font/woff", ".woff")
mimetypes.add_type("image/svg+xml", ".svg")
mimetypes.add_type("image/webp", ".webp")

CSS_URL = re.compile(r"url\(\s*(['\"]?)([^'\")]+)\1\s*\)")
HTML_ATTR = re.compile(r"(<(?:img|source|link)\b[^>]*?\s(?:src|href|srcset)\s*=\s*)(['\"])([^'\"]+)\2", re.I)
STYLESHEET = re.compile(r"<link\b[^>]*rel=['\"]stylesheet['\"][^>]*href=['\"]([^'\"]+)['\"][^>]*>", re.I)


class Inliner:
    def __init__(self, base: Path, max_kb: int, dry_run: bool):
        self.base = base.resolve()
        self.max_bytes = max_kb * 1024
        self.dry_run = dry_run
        self.report: list[str] = []

    def resolve(self, ref: str, rel_to: Path) -> Path | None:
        if re.match(r"^(https?:)?//", ref):
            self.report.append(f"remote   {ref} (left as is)")
            return None
        if ref.startswith(("data:", "#", "cid:")):
            return None
        path_part = urllib.parse.unquote(ref.split("?")[0].split("#")[0])
        if Path(path_part).is_absolute():
            self.report.append(f"refused  {ref} (absolute path)")
            return None
        target = (rel_to / path_part).resolve()
        if self.base not in target.parents and target != self.base:
            self.report.append(f"refused  {ref} (outside {self.base})")
            return None
        if not target.is_file():
            self.report.append(f"missing  {ref}")
            return None
        return target

    def data_uri(self, ref: str, rel_to: Path) -> str | None:
        target = self.resolve(ref, rel_to)
        if target is None:
            return None
        raw = target.read_bytes()
        if len(raw) > self.max_bytes:
            self.report.append(f"skipped  {ref:<24} {len(raw)/1024:.0f} KB (over --max-kb {self.max_bytes//1024})")
            return None
        mime = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if mime == "image/svg+xml":
            uri = "data:image/svg+xml," + urllib.parse.quote(raw.decode("utf-8").strip(), safe=" =:/'\"-_.")
        else:
            uri = f"data:{mime};base64," + base64.b64encode(raw).decode("ascii")
        self.report.append(f"inlined  {ref:<24} {len(raw)/1024:.1f} KB -> {len(uri)/1024:.1f} KB")
        return uri

    def css(self, text: str, rel_to: Path) -> str:
        def sub(m):
            uri = self.data_uri(m.group(2).strip(), rel_to)
            return f'url("{uri}")' if uri else m.group(0)
        return CSS_URL.sub(sub, text)

    def html(self, text: str, rel_to: Path) -> str:
        def sheet(m):
            target = self.resolve(m.group(1), rel_to)
            if target is None:
                return m.group(0)
            self.report.append(f"inlined  {m.group(1)} (stylesheet)")
            return "<style>\n" + self.css(target.read_text(encoding="utf-8"), target.parent) + "\n</style>"

        def attr(m):
            value = m.group(3)
            if "," in value or " " in value.strip():  # multi-candidate srcset: leave alone
                return m.group(0)
            uri = self.data_uri(value, rel_to)
            return f"{m.group(1)}{m.group(2)}{uri}{m.group(2)}" if uri else m.group(0)

        text = STYLESHEET.sub(sheet, text)
        text = HTML_ATTR.sub(attr, text)
        text = re.sub(r"(<style[^>]*>)(.*?)(</style>)", lambda m: m.group(1) + self.css(m.group(2), rel_to) + m.group(3),
                      text, flags=re.S | re.I)
        return text


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("-o", "--output")
    ap.add_argument("--max-kb", type=int, default=100)
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()

    src = Path(a.input)
    inl = Inliner(src.parent, a.max_kb, a.dry_run)
    text = src.read_text(encoding="utf-8")
    out = inl.css(text, src.parent) if src.suffix.lower() == ".css" else inl.html(text, src.parent)
    print("\n".join(inl.report) or "nothing to inline", file=sys.stderr)
    if a.dry_run:
        return
    dest = Path(a.output or src.with_name(src.stem + ".single" + src.suffix))
    dest.write_text(out, encoding="utf-8")
    print(f"output   {dest}     {dest.stat().st_size/1024:.0f} KB", file=sys.stderr)


if __name__ == "__main__":
    main()
