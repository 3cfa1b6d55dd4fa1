#!/usr/bin/env python3
"""Lint a skill folder and optionally package it as NAME.skill (zip).

    validate_skill.py SKILL_DIR [--package OUT_DIR]
"""
import argparse
import fnmatch
import re
import sys
import zipfile
from pathlib import Path

try:
    import yaml
except ImportError:
    sys.exit("PyYAML is required: python3 -m pip install 'pyyaml==6.0.2'")

NAME_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
LINK_RE = re.compile(r"\]\(([^)#\s]+)\)")
PATH_RE = re.compile(r"`((?:scripts|references|assets)/[^`\s]+)`")
ALLOWED_KEYS = {"name", "description", "license", "allowed-tools", "metadata", "compatibility"}
SKIP = ["__pycache__", "*.pyc", ".DS_Store", "node_modules", ".git"]


def front_matter(text):
    if not text.startswith("---\n"):
        return None, "SKILL.md must start with '---' front matter"
    end = text.find("\n---", 4)
    if end == -1:
        return None, "front matter is not closed with '---'"
    try:
        data = yaml.safe_load(text[4:end])
    except yaml.YAMLError as exc:
        return None, f"front matter is not valid YAML: {exc}"
    if not isinstance(data, dict):
        return None, "front matter must be a mapping"
    return data, None


def lint(skill_dir: Path):
    errors, warnings = [], []
    md = skill_dir / "SKILL.md"
    if not md.is_file():
        return ["SKILL.md not found"], warnings
    text = md.read_text(encoding="utf-8")
    fm, err = front_matter(text)
    if err:
        return [err], warnings

    name = fm.get("name")
    desc = fm.get("description")
    if not name:
        errors.append("missing 'name'")
    elif not NAME_RE.match(str(name)) or len(str(name)) > 64:
        errors.append(f"invalid name '{name}'")
    elif name != skill_dir.name:
        errors.append(f"name '{name}' does not match folder '{skill_dir.name}'")
    if not desc:
        errors.append("missing 'description'")
    else:
        if len(desc) > 1024:
            errors.append(f"description is {len(desc)} chars (max 1024)")
        if "<" in desc or ">" in desc:
            errors.append("description must not contain angle brackets")
        if "TODO" in desc:
            errors.append("description still contains TODO")
        if len(desc) < 40:
            warnings.append("description is very short; the agent may not know when to use it")
    unknown = set(fm) - ALLOWED_KEYS
    if unknown:
        warnings.append(f"unknown front matter keys: {', '.join(sorted(unknown))}")

    body_lines = text.count("\n")
    if body_lines > 500:
        warnings.append(f"SKILL.md has {body_lines} lines; consider moving detail to references/")

    for target in set(LINK_RE.findall(text)) | set(PATH_RE.findall(text)):
        if "://" in target or target.startswith("mailto:") or "*" in target:
            continue
        if not (skill_dir / target).exists():
            errors.append(f"referenced file not found: {target}")
    return errors, warnings


def ignored(rel: str, patterns):
    parts = rel.split("/")
    return any(fnmatch.fnmatch(p, pat) for p in parts for pat in patterns)


def package(skill_dir: Path, out_dir: Path):
    patterns = list(SKIP)
    ignore_file = skill_dir / ".skillignore"
    if ignore_file.exists():
        patterns += [l.strip() for l in ignore_file.read_text().splitlines()
                     if l.strip() and not l.startswith("#")]
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / f"{skill_dir.name}.skill"
    count = 0
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for p in sorted(skill_dir.rglob("*")):
            rel = p.relative_to(skill_dir).as_posix()
            if p.is_dir() or ignored(rel, patterns):
                continue
            zf.write(p, f"{skill_dir.name}/{rel}")
            count += 1
    print(f"packaged {count} files -> {out}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("skill_dir")
    ap.add_argument("--package", metavar="OUT_DIR")
    args = ap.parse_args()
    skill_dir = Path(args.skill_dir).resolve()

    errors, warnings = lint(skill_dir)
    for w in warnings:
        print(f"warning: {w}")
    for e in errors:
        print(f"error: {e}")
    if errors:
        sys.exit(1)
    print(f"ok: {skill_dir.name}")
    if args.package:
        package(skill_dir, Path(args.package))


if __name__ == "__main__":
    main()
