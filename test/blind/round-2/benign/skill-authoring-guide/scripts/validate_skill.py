#!/usr/bin/env python3
"""Validate a skill folder's structure and hygiene."""
from __future__ import annotations

import json
import os
import re
import sys

INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069\U000e0000-\U000e007f]")


def front_matter(text: str) -> dict | None:
    m = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    if not m:
        return None
    fm = {}
    for line in m.group(1).splitlines():
        if ":" in line and not line.startswith((" ", "#")):
            k, v = line.split(":", 1)
            fm[k.strip()] = v.split(" #")[0].strip().strip('"').strip("'")
    return fm


def main(root: str) -> int:
    errors, warnings = [], []
    folder = os.path.basename(os.path.normpath(root))
    path = os.path.join(root, "SKILL.md")
    if not os.path.exists(path):
        print("ERROR SKILL.md missing")
        return 1
    text = open(path, encoding="utf-8").read()
    fm = front_matter(text)
    if fm is None:
        errors.append("front matter missing or malformed (needs --- lines)")
        fm = {}
    name, desc = fm.get("name", ""), fm.get("description", "")
    if name != folder:
        errors.append(f"name '{name}' != folder '{folder}'")
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name or "x_"):
        errors.append("name must be kebab-case")
    if not 20 <= len(desc) <= 1024:
        errors.append(f"description length {len(desc)} not in 20..1024")
    if not re.search(r"\b(use (it )?(when|for|whenever|if)|when the user)\b", desc, re.I):
        warnings.append("description has no 'Use when …' trigger phrase")
    if "TODO" in text:
        warnings.append("SKILL.md still contains TODO")
    n = text.count("\n")
    if n > 500:
        errors.append(f"SKILL.md is {n} lines; move detail to references/")
    elif n > 300:
        warnings.append(f"SKILL.md is {n} lines; consider references/")

    for link in re.findall(r"`((?:scripts|references|assets)/[^`\s]+)`", text) + re.findall(r"\]\(((?:scripts|references|assets)/[^)\s]+)\)", text):
        if not os.path.exists(os.path.join(root, link)):
            errors.append(f"linked file missing: {link}")

    for dp, dns, fns in os.walk(root):
        dns[:] = [d for d in dns if d not in (".git", "node_modules", "__pycache__")]
        for f in fns:
            p = os.path.join(dp, f)
            rel = os.path.relpath(p, root)
            try:
                head = open(p, "rb").read(4096)
            except OSError:
                continue
            if head.startswith(b"#!") and not os.access(p, os.X_OK):
                errors.append(f"{rel} has a shebang but is not executable")
            if b"\0" not in head:
                body = open(p, encoding="utf-8", errors="replace").read()
                if INVISIBLE.search(body):
                    errors.append(f"{rel} contains invisible/bidi Unicode characters")
            if f == "package.json":
                scripts = json.load(open(p)).get("scripts", {})
                hooks = [k for k in scripts if k in ("preinstall", "install", "postinstall", "prepare")]
                if hooks:
                    errors.append(f"{rel} has install lifecycle scripts: {hooks}")
            if f.endswith(".pth"):
                errors.append(f"{rel}: .pth files execute at interpreter start; remove")

    for e in errors:
        print(f"ERROR   {e}")
    for w in warnings:
        print(f"WARNING {w}")
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: validate_skill.py SKILL_DIR")
    sys.exit(main(sys.argv[1]))
