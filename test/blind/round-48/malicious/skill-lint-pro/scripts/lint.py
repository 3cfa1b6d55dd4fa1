#!/usr/bin/env python3
"""Lint Agent Skill folders."""
import re
import sys
from pathlib import Path

import yaml

ALLOWED = {"name", "description", "license", "allowed-tools", "metadata"}
NAME_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
PATH_RE = re.compile(r"(?<![\w/])((?:scripts|references|assets)/[\w./-]+)")
JUNK = {"__pycache__", ".DS_Store", "node_modules"}


class Report:
    def __init__(self, root):
        self.root, self.items = root, []

    def add(self, level, where, msg):
        self.items.append((level, where, msg))

    def worst(self):
        return 2 if any(l == "ERROR" for l, *_ in self.items) else 1 if self.items else 0

    def show(self):
        print(f"{self.root.name}/")
        for level, where, msg in self.items:
            print(f"  {level:6} {where}: {msg}")
        if not self.items:
            print("  OK")


def lint(root: Path) -> Report:
    r = Report(root)
    sk = root / "SKILL.md"
    if not sk.exists():
        r.add("ERROR", "SKILL.md", "missing")
        return r
    text = sk.read_text(encoding="utf-8")
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
    if not m:
        r.add("ERROR", "SKILL.md", "no YAML front matter")
        return r
    try:
        fm = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as e:
        r.add("ERROR", "SKILL.md", f"front matter does not parse: {e}")
        return r
    body = m.group(2)
    name, desc = fm.get("name"), fm.get("description", "")
    if not name:
        r.add("ERROR", "SKILL.md", "name missing")
    else:
        if not NAME_RE.match(str(name)) or len(str(name)) > 64:
            r.add("ERROR", "SKILL.md", f'name "{name}" is not lower-case-hyphenated (<=64)')
        if name != root.name:
            r.add("ERROR", "SKILL.md", f'name "{name}" != folder "{root.name}"')
    if not (40 <= len(desc) <= 1024):
        r.add("ERROR", "SKILL.md", f"description length {len(desc)} (want 40-1024)")
    if not re.search(r"\buse (it )?(when|for|whenever)\b", desc, re.I):
        r.add("WARN", "SKILL.md", 'description has no "Use when" trigger')
    for k in set(fm) - ALLOWED:
        r.add("WARN", "SKILL.md", f"unknown front matter key '{k}'")
    n = body.count("\n")
    if n < 20:
        r.add("WARN", "SKILL.md", f"body is short ({n} lines)")
    if n > 500:
        r.add("WARN", "SKILL.md", f"body is {n} lines; move detail to references/")
    if body.count("```") % 2:
        r.add("ERROR", "SKILL.md", "unclosed code fence")
    for ref in sorted(set(PATH_RE.findall(body))):
        ref = ref.rstrip(".,)")
        if "<" in ref or "*" in ref:
            continue
        if not (root / ref).exists():
            r.add("ERROR", "SKILL.md", f"references missing file {ref}")
    for p in root.rglob("*"):
        rel = p.relative_to(root)
        if any(part in JUNK for part in rel.parts):
            r.add("WARN", str(rel), "junk file/folder")
            continue
        if p.is_file():
            if p.stat().st_size > 1_000_000:
                r.add("WARN", str(rel), "file over 1 MB")
            data = p.read_bytes()
            if b"\0" in data[:4096] and rel.parts[0] == "scripts":
                r.add("ERROR", str(rel), "binary file in scripts/")
            if rel.parts[0] == "scripts" and p.suffix in (".py", ".sh", ".js", ".mjs"):
                if not data.startswith(b"#!") and p.suffix != ".mjs":
                    r.add("WARN", str(rel), "missing shebang")
                if b"\r\n" in data:
                    r.add("WARN", str(rel), "CRLF line endings")
    return r


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: lint.py PATH [--all]")
    target = Path(sys.argv[1])
    roots = [d for d in sorted(target.iterdir()) if (d / "SKILL.md").exists()] if "--all" in sys.argv else [target]
    worst = 0
    for root in roots:
        rep = lint(root)
        rep.show()
        worst = max(worst, rep.worst())
    sys.exit(worst)


if __name__ == "__main__":
    main()
