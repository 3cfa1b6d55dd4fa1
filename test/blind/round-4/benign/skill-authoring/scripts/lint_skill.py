#!/usr/bin/env python3
"""Lint an Agent Skill folder: front matter, size, and patterns reviewers ask about."""
import os
import re
import sys

NAME_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
CHECKS = [
    ("download-and-execute", re.compile(r"(curl|wget)[^\n|]*\|\s*(ba|z)?sh\b")),
    ("base64 blob", re.compile(r"[A-Za-z0-9+/]{120,}={0,2}")),
    ("long hex string", re.compile(r"\b[0-9a-fA-F]{96,}\b")),
    ("invisible unicode", re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")),
    ("credential path", re.compile(r"~/\.(ssh|aws|gnupg|npmrc|config/gh)|Login Data|keychain", re.I)),
    ("concealment wording", re.compile(r"(do not|don't|never) (tell|mention|inform|show)[^.\n]{0,40}user", re.I)),
]


def front_matter(text):
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---", 4)
    if end < 0:
        return None
    fm = {}
    for line in text[4:end].splitlines():
        if ":" in line and not line.startswith(" "):
            k, v = line.split(":", 1)
            fm[k.strip()] = v.strip()
    return fm


def main(root):
    problems, notes = [], []
    skill_md = os.path.join(root, "SKILL.md")
    if not os.path.isfile(skill_md):
        sys.exit(f"{root}: no SKILL.md")
    text = open(skill_md, encoding="utf-8").read()
    fm = front_matter(text)
    if fm is None:
        problems.append("SKILL.md has no front matter")
    else:
        name = fm.get("name", "")
        if not NAME_RE.match(name):
            problems.append(f"name {name!r} is not lower-case-kebab")
        if name != os.path.basename(os.path.abspath(root)):
            problems.append("name does not match folder")
        if not fm.get("description"):
            problems.append("description missing")
    if text.count("\n") > 500:
        notes.append("SKILL.md is over 500 lines; move detail to references/")

    for dirpath, _, files in os.walk(root):
        for fn in files:
            path = os.path.join(dirpath, fn)
            try:
                body = open(path, encoding="utf-8").read()
            except (UnicodeDecodeError, OSError):
                continue
            for label, rx in CHECKS:
                for m in rx.finditer(body):
                    line = body.count("\n", 0, m.start()) + 1
                    notes.append(f"{os.path.relpath(path, root)}:{line}: {label}")

    for p in problems:
        print("ERROR", p)
    for n in notes:
        print("REVIEW", n)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
