#!/usr/bin/env python3
"""Survey and migrate YAML front matter in an Obsidian vault.

    fm_migrate.py survey VAULT
    fm_migrate.py apply VAULT --map migration.yaml [--dry-run] [--exclude DIR ...]

Requires PyYAML (ruamel.yaml is used when available to keep key order and quoting).
"""
from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

FM_RE = re.compile(r"\A---\r?\n(.*?)\r?\n---\r?\n?", re.S)
INLINE_RE = re.compile(r"^([A-Za-z][\w -]*?)::\s*(.+)$", re.M)
SKIP_DIRS = {".obsidian", ".trash", ".git"}


def iter_notes(vault: Path, exclude: list[str]):
    ex = {vault / e for e in exclude}
    for p in vault.rglob("*.md"):
        rel_parts = p.relative_to(vault).parts
        if any(part in SKIP_DIRS for part in rel_parts):
            continue
        if any(str(p).startswith(str(e)) for e in ex):
            continue
        yield p


def split(text: str):
    m = FM_RE.match(text)
    if not m:
        return None, text
    try:
        data = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError:
        return "ERROR", text
    if not isinstance(data, dict):
        return "ERROR", text
    return data, text[m.end():]


def kind(v) -> str:
    if isinstance(v, list):
        return "list"
    if isinstance(v, (dt.date, dt.datetime)):
        return "date"
    if isinstance(v, bool):
        return "checkbox"
    if isinstance(v, (int, float)):
        return "number"
    if v is None:
        return "empty"
    if isinstance(v, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", v):
        return "date"
    return "text"


def survey(vault: Path, exclude: list[str]) -> int:
    types: dict[str, Counter] = defaultdict(Counter)
    variants: dict[str, Counter] = defaultdict(Counter)
    inline = Counter()
    broken = []
    for note in iter_notes(vault, exclude):
        text = note.read_text(encoding="utf-8", errors="replace")
        fm, body = split(text)
        if fm == "ERROR":
            broken.append(note)
            continue
        for k, v in (fm or {}).items():
            types[k][kind(v)] += 1
            variants[k.lower()][k] += 1
        for m in INLINE_RE.finditer(body):
            inline[m.group(1).strip()] += 1
    for key in sorted(types, key=lambda k: -sum(types[k].values())):
        counts = "   ".join(f"{t}: {n}" for t, n in types[key].most_common())
        other = [f"{v} {n}" for v, n in variants[key.lower()].items() if v != key]
        extra = f"  (variants: {', '.join(other)})" if other else ""
        print(f"{key:<20}{counts}{extra}")
    for key, n in inline.most_common():
        print(f"{key + ':: (inline)':<20}{n}")
    if broken:
        print(f"\n{len(broken)} note(s) with unparseable front matter:")
        for b in broken[:50]:
            print(f"  {b.relative_to(vault)}")
    return 0


def to_list(v):
    if isinstance(v, list):
        return [str(x).lstrip("#").strip() for x in v if str(x).strip()]
    if v is None:
        return []
    return [s.lstrip("#").strip() for s in re.split(r"[,\s]+", str(v)) if s.strip()]


def to_date(v, formats):
    if isinstance(v, (dt.date, dt.datetime)):
        return v.date().isoformat() if isinstance(v, dt.datetime) else v.isoformat()
    s = str(v).strip()
    if re.fullmatch(r"\d{4}-\d\d-\d\d", s):
        return s
    for f in formats:
        try:
            return dt.datetime.strptime(s, f).date().isoformat()
        except ValueError:
            continue
    raise ValueError(s)


def migrate(fm: dict, body: str, mapping: dict, unconverted: list, note: Path):
    out: dict = {}
    for k, v in fm.items():
        nk = mapping.get("rename", {}).get(k, k)
        if nk in mapping.get("drop", []):
            continue
        if nk in out and nk in mapping.get("to_list", []):
            out[nk] = to_list(out[nk]) + to_list(v)
        elif nk not in out:
            out[nk] = v
    for k in mapping.get("to_list", []):
        if k in out:
            out[k] = list(dict.fromkeys(to_list(out[k])))
    dates = mapping.get("dates", {})
    for k in dates.get("keys", []):
        if k in out and out[k] not in (None, ""):
            try:
                out[k] = to_date(out[k], dates.get("input_formats", []))
            except ValueError as e:
                unconverted.append(f"{note}: {k}={e}")
    wanted = set(mapping.get("inline_to_frontmatter", []))
    if wanted:
        def repl(m):
            key = m.group(1).strip()
            if key in wanted and key not in out:
                out[key] = m.group(2).strip()
                return ""
            return m.group(0)
        body = INLINE_RE.sub(repl, body)
    return out, body


def dump(fm: dict) -> str:
    return yaml.safe_dump(fm, sort_keys=False, allow_unicode=True, default_flow_style=None).strip()


def apply(vault: Path, map_file: Path, dry: bool, exclude: list[str]) -> int:
    mapping = yaml.safe_load(map_file.read_text())
    changed = 0
    unconverted: list[str] = []
    for note in iter_notes(vault, exclude):
        text = note.read_text(encoding="utf-8")
        fm, body = split(text)
        if fm in (None, "ERROR"):
            continue
        new_fm, new_body = migrate(fm, body, mapping, unconverted, note)
        if new_fm == fm and new_body == body:
            continue
        changed += 1
        if dry:
            print(f"would change {note.relative_to(vault)}")
            continue
        note.write_text(f"---\n{dump(new_fm)}\n---\n{new_body}", encoding="utf-8")
    Path("fm-unconverted.txt").write_text("\n".join(unconverted) + "\n", encoding="utf-8")
    verb = "would change" if dry else "changed"
    print(f"{verb} {changed} note(s); {len(unconverted)} value(s) left unconverted (fm-unconverted.txt)")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("survey")
    s.add_argument("vault", type=Path)
    s.add_argument("--exclude", nargs="*", default=[])
    a = sub.add_parser("apply")
    a.add_argument("vault", type=Path)
    a.add_argument("--map", type=Path, required=True)
    a.add_argument("--dry-run", action="store_true")
    a.add_argument("--exclude", nargs="*", default=["Templates", "_templates"])
    args = ap.parse_args()
    if not args.vault.is_dir():
        sys.exit(f"not a directory: {args.vault}")
    if args.cmd == "survey":
        return survey(args.vault, args.exclude)
    return apply(args.vault, args.map, args.dry_run, args.exclude)


if __name__ == "__main__":
    raise SystemExit(main())
