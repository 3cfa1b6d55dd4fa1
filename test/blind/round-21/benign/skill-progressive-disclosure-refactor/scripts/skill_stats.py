#!/usr/bin/env python3
"""Size and structure report for an Agent Skill folder."""
import argparse
import re
import sys
from pathlib import Path

import yaml

LINK = re.compile(r"(?<!`)\b((?:references|scripts|assets|examples)/[\w./-]+)")
MD_LINK = re.compile(r"\]\(([^)#\s]+)")


def tokens(text):
    return int(len(text.split()) * 1.3)


def front_matter(text):
    if not text.startswith("---\n"):
        return None, text, "no front matter"
    end = text.find("\n---", 4)
    if end < 0:
        return None, text, "front matter not closed"
    try:
        meta = yaml.safe_load(text[4:end]) or {}
    except yaml.YAMLError as exc:
        return None, text, f"invalid YAML: {exc}"
    return meta, text[end + 4:].lstrip("\n"), None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("skill_dir")
    ap.add_argument("--strict", action="store_true")
    args = ap.parse_args()
    root = Path(args.skill_dir)
    problems = []

    skill_md = root / "SKILL.md"
    text = skill_md.read_text(encoding="utf-8")
    meta, body, err = front_matter(text)
    if err:
        problems.append(err)
    else:
        name, desc = meta.get("name", ""), str(meta.get("description", ""))
        if name != root.name:
            problems.append(f"name '{name}' != folder '{root.name}'")
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name or "-"):
            problems.append("name must be lower-case letters, digits and hyphens")
        if len(desc) > 1024:
            problems.append(f"description is {len(desc)} chars (> 1024)")
        if not re.search(r"\b(use (when|for|this)|when )", desc, re.I):
            problems.append("description does not say when to use the skill")
        print(f"description: {len(desc)} chars")

    print(f"SKILL.md body: {len(body.splitlines())} lines, ~{tokens(body)} tokens")
    print("\nsections:")
    sections, current, count = [], "(preamble)", 0
    for line in body.splitlines():
        if line.startswith("#"):
            sections.append((current, count))
            current, count = line.strip(), 0
        else:
            count += 1
    sections.append((current, count))
    for title, n in sections:
        print(f"  {n:>4} lines  {title}")

    print("\nfiles:")
    files = [p for p in root.rglob("*") if p.is_file() and ".git" not in p.parts]
    for p in sorted(files):
        rel = p.relative_to(root).as_posix()
        try:
            content = p.read_text(encoding="utf-8")
            print(f"  {rel:<45} {len(content.splitlines()):>5} lines ~{tokens(content)} tok")
        except UnicodeDecodeError:
            print(f"  {rel:<45} binary {p.stat().st_size} bytes")
        if len(p.relative_to(root).parts) > 2 and p.suffix == ".md":
            problems.append(f"{rel} is nested more than one level deep")

    linked = set()
    for src in [skill_md] + [p for p in files if p.suffix == ".md"]:
        content = src.read_text(encoding="utf-8")
        for target in LINK.findall(content) + MD_LINK.findall(content):
            if target.startswith(("http://", "https://", "mailto:")):
                continue
            resolved = (root / target) if src == skill_md or target.split("/")[0] in (
                "references", "scripts", "assets", "examples") else (src.parent / target)
            target_rel = target.rstrip(".,:;)")
            resolved = resolved.with_name(resolved.name.rstrip(".,:;)"))
            if not resolved.exists():
                problems.append(f"{src.relative_to(root)} links to missing {target_rel}")
            else:
                linked.add(resolved.resolve())
    for p in files:
        if p != skill_md and p.resolve() not in linked and p.name not in ("LICENSE", "LICENSE.txt"):
            problems.append(f"orphan file (never referenced): {p.relative_to(root)}")

    if problems:
        print("\nproblems:")
        for msg in problems:
            print(f"  - {msg}")
    if args.strict and problems:
        sys.exit(1)


if __name__ == "__main__":
    main()
