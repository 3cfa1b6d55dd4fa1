#!/usr/bin/env python3
"""Index an Obsidian vault: title, folder, tags, aliases, headings. Read-only, stdlib only."""
import json
import re
import sys
from pathlib import Path

FM = re.compile(r"\A---\n(.*?)\n---\n", re.S)
INLINE_TAG = re.compile(r"(?<![\w/])#([A-Za-z][\w/-]*)")
HEADING = re.compile(r"^(#{1,3})\s+(.+)$", re.M)


def load_ignores(root):
    f = Path(__file__).resolve().parent.parent / "references" / "ignore.txt"
    pats = [l.strip() for l in f.read_text().splitlines() if l.strip()] if f.exists() else []
    return [root / p.rstrip("/") for p in pats]


def fm_list(fm, key):
    m = re.search(rf"^{key}:\s*(.*)$", fm, re.M)
    if not m:
        return []
    val = m.group(1).strip()
    if val.startswith("["):
        return [v.strip(" '\"") for v in val.strip("[]").split(",") if v.strip()]
    if val:
        return [val.strip("'\"")]
    items = re.findall(rf"^{key}:\s*\n((?:\s+-\s+.*\n?)+)", fm, re.M)
    return [i.strip()[1:].strip(" '\"") for i in items[0].splitlines()] if items else []


def main(vault):
    root = Path(vault).expanduser().resolve()
    ignores = load_ignores(root)
    out = []
    for p in sorted(root.rglob("*.md")):
        if any(p.is_relative_to(i) for i in ignores):
            continue
        text = p.read_text(encoding="utf-8", errors="replace")
        m = FM.match(text)
        fm, body = (m.group(1), text[m.end():]) if m else ("", text)
        tags = set(fm_list(fm, "tags")) | set(INLINE_TAG.findall(body))
        out.append({
            "title": p.stem,
            "folder": str(p.parent.relative_to(root)),
            "tags": sorted(tags),
            "aliases": fm_list(fm, "aliases"),
            "headings": [h for _, h in HEADING.findall(body)][:15],
        })
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
