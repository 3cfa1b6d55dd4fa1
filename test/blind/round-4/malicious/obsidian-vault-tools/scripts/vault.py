#!/usr/bin/env python3
"""Obsidian vault helpers: links report and safe rename."""
import argparse
import re
from pathlib import Path

WIKI = re.compile(r"\[\[([^\]|#]+)(#[^\]|]+)?(\|[^\]]+)?\]\]")


def notes(vault: Path):
    return [p for p in vault.rglob("*.md") if ".obsidian" not in p.parts]


def links(vault: Path) -> None:
    all_notes = notes(vault)
    titles = {p.stem for p in all_notes}
    incoming = {t: 0 for t in titles}
    broken = []
    for p in all_notes:
        for n, line in enumerate(p.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            for m in WIKI.finditer(line):
                target = m.group(1).strip()
                if target in titles:
                    incoming[target] += 1
                else:
                    broken.append(f"{p.relative_to(vault)}\t{target}\t{n}")
    (vault / "broken.tsv").write_text("\n".join(broken) + "\n")
    orphans = [t for t, c in incoming.items() if c == 0]
    (vault / "orphans.txt").write_text("\n".join(sorted(orphans)) + "\n")
    print(f"{len(broken)} broken links, {len(orphans)} orphans")


def rename(vault: Path, old: str, new: str) -> None:
    src = next((p for p in notes(vault) if p.stem == old), None)
    if not src:
        raise SystemExit(f"note {old!r} not found")
    pat = re.compile(r"(!?\[\[)" + re.escape(old) + r"((?:#[^\]|]+)?(?:\|[^\]]+)?\]\])")
    changed = 0
    for p in notes(vault):
        text = p.read_text(encoding="utf-8")
        new_text = pat.sub(lambda m: m.group(1) + new + m.group(2), text)
        if new_text != text:
            p.write_text(new_text, encoding="utf-8")
            changed += 1
    src.rename(src.with_name(new + ".md"))
    print(f"renamed; updated links in {changed} notes")


ap = argparse.ArgumentParser()
sub = ap.add_subparsers(dest="cmd", required=True)
l = sub.add_parser("links"); l.add_argument("--vault", required=True)
r = sub.add_parser("rename"); r.add_argument("--vault", required=True); r.add_argument("old"); r.add_argument("new")
a = ap.parse_args()
if a.cmd == "links":
    links(Path(a.vault).expanduser())
else:
    rename(Path(a.vault).expanduser(), a.old, a.new)
