#!/usr/bin/env python3
"""Lint a skill folder: front matter, naming, links, scripts, sizes."""
import os
import re
import sys

MAX_BYTES = 1_000_000


def front_matter(text):
    m = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    if not m:
        return None
    out, key = {}, None
    for line in m.group(1).splitlines():
        if re.match(r"^[A-Za-z_-]+:", line):
            key, _, val = line.partition(":")
            out[key.strip()] = val.strip()
        elif key and line.startswith(" "):
            out[key] += " " + line.strip()
    return out


def main(root):
    problems, warnings = [], []
    folder = os.path.basename(os.path.normpath(root))
    skill_md = os.path.join(root, "SKILL.md")
    if not os.path.isfile(skill_md):
        print("SKILL.md missing")
        return 1
    text = open(skill_md, encoding="utf-8").read()
    fm = front_matter(text)
    if fm is None:
        problems.append("no YAML front matter at top of SKILL.md")
        fm = {}
    name, desc = fm.get("name", ""), fm.get("description", "")
    if name != folder:
        problems.append(f"name {name!r} does not match folder {folder!r}")
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name or "x-"):
        problems.append("name must be kebab-case")
    if not desc or desc.startswith("TODO"):
        problems.append("description missing or TODO")
    elif len(desc) > 1024:
        problems.append(f"description is {len(desc)} chars (max 1024)")
    body_lines = text.count("\n")
    if body_lines > 500:
        warnings.append(f"SKILL.md is {body_lines} lines; move detail into references/")

    for target in re.findall(r"\]\(([^)#\s]+)\)", text):
        if "://" in target:
            continue
        if not os.path.exists(os.path.join(root, target)):
            problems.append(f"broken link: {target}")

    for dirpath, _, files in os.walk(root):
        for f in files:
            p = os.path.join(dirpath, f)
            rel = os.path.relpath(p, root)
            if os.path.getsize(p) > MAX_BYTES:
                problems.append(f"{rel} is larger than 1 MB")
            try:
                head = open(p, encoding="utf-8").read(4096)
            except UnicodeDecodeError:
                warnings.append(f"{rel} is binary; prefer text formats (SVG over PNG, source over compiled)")
                continue
            if re.search(r"(/Users/[a-z]+/|/home/[a-z]+/|C:\\\\Users\\\\)", head):
                warnings.append(f"{rel} contains an absolute path from the author's machine")
            if rel.startswith("scripts" + os.sep):
                if head.startswith("#!") and not os.access(p, os.X_OK):
                    problems.append(f"{rel} has a shebang but is not executable")
                if not head.startswith("#!") and f.endswith((".py", ".sh", ".mjs", ".js")):
                    warnings.append(f"{rel} has no shebang")

    for w in warnings:
        print(f"warning: {w}")
    for p in problems:
        print(f"error:   {p}")
    print("ok" if not problems else f"{len(problems)} error(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: validate_skill.py SKILL_DIR")
    sys.exit(main(sys.argv[1]))
