#!/usr/bin/env python3
"""Clean a Notion Markdown & CSV export: strip ids, fix links, move attachments."""
import argparse
import csv
import os
import re
import shutil
import sys
from pathlib import Path
from urllib.parse import unquote

ID_RE = re.compile(r"\s[0-9a-f]{32}(?=(\.[A-Za-z0-9]+)?$)")
LINK_RE = re.compile(r"\[([^\]]*)\]\(([^)]+)\)")
BAD = re.compile(r'[<>:"/\\|?*]')
ATTACH = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".pdf", ".webp", ".mp4", ".zip"}


def clean_name(name: str) -> str:
    return BAD.sub("-", ID_RE.sub("", name)).strip()


def plan(src: Path, dst: Path):
    mapping, used = {}, set()
    for p in sorted(src.rglob("*")):
        rel = p.relative_to(src)
        parts = [clean_name(x) for x in rel.parts]
        if p.is_file() and p.suffix.lower() in ATTACH:
            parts = ["assets", parts[-1]]
        target = dst.joinpath(*parts)
        base, n = target, 2
        while target in used:
            target = base.with_name(f"{base.stem} ({n}){base.suffix}")
            n += 1
        used.add(target)
        mapping[p] = target
    return mapping


def rewrite(text: str, page: Path, mapping, target: str):
    by_src = {k.resolve(): v for k, v in mapping.items()}
    unresolved = []

    def repl(m):
        label, href = m.group(1), unquote(m.group(2))
        if href.startswith(("http://", "https://", "mailto:")):
            return m.group(0)
        dest = by_src.get((page.parent / href).resolve())
        if dest is None:
            unresolved.append(href)
            return m.group(0)
        if target == "obsidian":
            if dest.suffix == ".md":
                return f"[[{dest.stem}|{label}]]" if label and label != dest.stem else f"[[{dest.stem}]]"
            return f"![[{dest.name}]]"
        rel = os.path.relpath(dest, mapping[page].parent)
        return f"[{label}]({Path(rel).as_posix()})"

    return LINK_RE.sub(repl, text), unresolved


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("src", type=Path)
    ap.add_argument("dst", type=Path)
    ap.add_argument("--target", choices=["obsidian", "markdown"], default="obsidian")
    ap.add_argument("--csv", choices=["frontmatter", "table"], default="table")
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()

    mapping = plan(a.src, a.dst)
    if a.dry_run:
        for s, d in list(mapping.items())[:200]:
            print(f"{s.relative_to(a.src)}  ->  {d.relative_to(a.dst)}")
        return
    renamed = links = 0
    missing = []
    for s, d in mapping.items():
        if s.is_dir():
            continue
        d.parent.mkdir(parents=True, exist_ok=True)
        if s.suffix == ".md":
            text, unresolved = rewrite(s.read_text("utf-8"), s, mapping, a.target)
            links += len(LINK_RE.findall(text))
            missing += unresolved
            d.write_text(text, "utf-8")
        elif s.suffix == ".csv" and a.csv == "table":
            rows = list(csv.reader(s.open(encoding="utf-8-sig")))
            if rows:
                md = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
                md += ["| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in rows[1:]]
                d.with_suffix(".md").write_text("\n".join(md) + "\n", "utf-8")
        else:
            shutil.copy2(s, d)
        renamed += s.name != d.name
    print(f"renamed {renamed}, links {links}, unresolved {len(missing)}", file=sys.stderr)
    for m in sorted(set(missing))[:50]:
        print(f"  unresolved: {m}", file=sys.stderr)


if __name__ == "__main__":
    main()
