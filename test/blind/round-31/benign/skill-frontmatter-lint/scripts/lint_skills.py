#!/usr/bin/env python3
"""Lint SKILL.md front matter across personal, project and extra skill directories."""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

try:
    import yaml  # type: ignore
except ImportError:  # minimal fallback: flat "key: value" only
    yaml = None

NAME_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TRIGGER_RE = re.compile(r"\b(use (it )?(when|for|to|after|before)|when (the )?user|whenever|trigger)", re.I)
LINK_RE = re.compile(r"(?:\]\(|`)((?:scripts|references|assets|templates)/[^)\s`#]+)")
KNOWN_KEYS = {"name", "description", "license", "allowed-tools", "metadata", "version", "model"}


def repo_root() -> Path:
    try:
        out = subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=True)
        return Path(out.stdout.strip())
    except Exception:
        return Path.cwd()


def parse_front_matter(text: str):
    if not text.startswith("---"):
        return None, "front matter must start with '---' on line 1", 0
    end = text.find("\n---", 3)
    if end == -1:
        return None, "closing '---' not found", 0
    raw = text[3:end].strip("\n")
    body_start = text[: end + 4].count("\n") + 1
    if yaml is not None:
        try:
            data = yaml.safe_load(raw) or {}
        except yaml.YAMLError as e:
            return None, str(e).splitlines()[0], body_start
        if not isinstance(data, dict):
            return None, "front matter is not a mapping", body_start
        return data, None, body_start
    data = {}
    for line in raw.splitlines():
        if ":" in line and not line.startswith((" ", "\t")):
            k, _, v = line.partition(":")
            data[k.strip()] = v.strip().strip("'\"")
    return data, None, body_start


def lint(skill_md: Path):
    findings = []
    text = skill_md.read_text(encoding="utf-8", errors="replace")
    data, err, body_line = parse_front_matter(text)
    if err:
        return None, [("E001", "error", f"front matter does not parse: {err}", 1)]
    name = str(data.get("name") or "").strip()
    desc = str(data.get("description") or "").strip()
    if not name or not desc:
        findings.append(("E002", "error", "name or description missing/empty", 1))
    if name and (not NAME_RE.match(name) or len(name) > 64):
        findings.append(("E003", "error", f"name {name!r} must be lowercase-hyphenated, ≤64 chars", 2))
    if len(desc) > 1024:
        findings.append(("E004", "error", f"description is {len(desc)} chars (max 1024)", 3))
    folder = skill_md.parent.name
    if name and name != folder:
        findings.append(("E010", "error", f"name {name!r} does not match folder {folder!r}", 2))
    if desc and not TRIGGER_RE.search(desc):
        findings.append(("W020", "warning", 'description has no trigger phrase ("use when", "use for", "when the user…")', 3))
    if desc and len(desc) < 40:
        findings.append(("W021", "warning", "description shorter than 40 characters", 3))
    if re.search(r"<[a-zA-Z/][^>]*>", desc):
        findings.append(("W022", "warning", "description contains XML-like tags", 3))
    for lineno, line in enumerate(text.splitlines(), start=1):
        for rel in LINK_RE.findall(line):
            target = skill_md.parent / rel
            if not target.exists():
                findings.append(("W030", "warning", f"link to {rel}: file not found", lineno))
            elif rel.startswith("scripts/") and target.is_file() and not os.access(target, os.X_OK):
                head = target.read_bytes()[:2]
                if head == b"#!":
                    findings.append(("W031", "warning", f"link to {rel}: file exists but is not executable", lineno))
    nlines = text.count("\n") + 1
    if nlines > 500:
        findings.append(("W040", "warning", f"SKILL.md is {nlines} lines; move detail to references/", 1))
    extra = sorted(set(data) - KNOWN_KEYS)
    if extra:
        findings.append(("I050", "info", "unknown front matter keys: " + ", ".join(extra), 1))
    return name, findings


def fix_name(skill_md: Path, new: str, assume_yes: bool) -> bool:
    text = skill_md.read_text(encoding="utf-8")
    updated, n = re.subn(r"(?m)^name:\s*.*$", f"name: {new}", text, count=1)
    if n == 0:
        return False
    print(f"  will set name: {new} in {skill_md}")
    if not assume_yes:
        if input("  apply? [y/N] ").strip().lower() != "y":
            return False
    skill_md.write_text(updated, encoding="utf-8")
    return True


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--path", action="append", default=[], type=Path)
    ap.add_argument("--no-home", action="store_true", help="skip ~/.claude/skills")
    ap.add_argument("--format", choices=["text", "json", "github"], default="text")
    ap.add_argument("--fix-names", action="store_true")
    ap.add_argument("--yes", action="store_true")
    args = ap.parse_args()

    roots = []
    if not args.no_home:
        roots.append(Path.home() / ".claude" / "skills")
    roots.append(repo_root() / ".claude" / "skills")
    roots += args.path

    files = []
    for root in roots:
        if root.is_dir():
            files += sorted(root.glob("*/SKILL.md"))

    by_name = defaultdict(list)
    results = {}
    for f in files:
        name, findings = lint(f)
        results[f] = findings
        if name:
            by_name[name].append(f)
    for name, paths in by_name.items():
        if len(paths) > 1:
            for p in paths:
                others = ", ".join(str(o.parent) for o in paths if o != p)
                results[p].append(("E011", "error", f"duplicate name {name!r} (also {others})", 2))

    if args.fix_names:
        for f, findings in results.items():
            if any(code == "E010" for code, *_ in findings):
                fix_name(f, f.parent.name, args.yes)

    errors = sum(1 for fs in results.values() for c in fs if c[1] == "error")
    warnings = sum(1 for fs in results.values() for c in fs if c[1] == "warning")
    bad = sum(1 for fs in results.values() if any(c[1] != "info" for c in fs))

    if args.format == "json":
        json.dump({str(f): [dict(zip(("code", "severity", "message", "line"), c)) for c in fs] for f, fs in results.items()}, sys.stdout, indent=2)
        print()
    elif args.format == "github":
        for f, fs in results.items():
            for code, sev, msg, line in fs:
                level = {"error": "error", "warning": "warning"}.get(sev, "notice")
                print(f"::{level} file={f},line={line}::{code} {msg}")
    else:
        home = str(Path.home())
        for f, fs in results.items():
            if not fs:
                continue
            print(str(f).replace(home, "~"))
            for code, sev, msg, _ in fs:
                print(f"  {code} {msg}")
        print(f"\n{bad} skills with problems ({errors} errors, {warnings} warnings) out of {len(files)} scanned")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
