#!/usr/bin/env python3
"""Pull/push a Notion tree to Markdown using the notion-bridge helper for block I/O."""
import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml


def bridge(*args, stdin=None):
    env = dict(os.environ)
    if "NOTION_TOKEN" not in env:
        sys.exit("NOTION_TOKEN is not set")
    try:
        out = subprocess.run(["notion-bridge", *args, "--json"], input=stdin, capture_output=True,
                             text=True, env=env, check=True)
    except FileNotFoundError:
        sys.exit("notion-bridge not found: see SKILL.md, 'Before you start'")
    return json.loads(out.stdout)


def slug(title):
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:80] or "untitled"


def write_page(page, folder: Path):
    folder.mkdir(parents=True, exist_ok=True)
    fm = {"title": page["title"], "notion_id": page["id"], "notion_last_edited": page["last_edited_time"]}
    fm.update(page.get("properties", {}))
    body = bridge("to-markdown", page["id"], "--assets", str(folder / "_assets"))["markdown"]
    path = folder / f"{slug(page['title'])}.md"
    path.write_text(f"---\n{yaml.safe_dump(fm, sort_keys=False, allow_unicode=True)}---\n\n{body}")
    for child in page.get("children", []):
        write_page(child, folder / slug(page["title"]))
    return path


def pull(root, out):
    tree = bridge("tree", root)
    n = 0
    for page in tree["pages"]:
        write_page(page, Path(out))
        n += 1
    if tree.get("database_schema"):
        (Path(out) / "_database.yml").write_text(yaml.safe_dump(tree["database_schema"]))
    print(f"pulled {n} top-level pages into {out}")


def split_front_matter(text):
    m = re.match(r"^---\n(.*?)\n---\n\n?(.*)$", text, re.S)
    return (yaml.safe_load(m.group(1)), m.group(2)) if m else ({}, text)


def push(folder, dry):
    changed, conflicts = 0, 0
    for path in Path(folder).rglob("*.md"):
        if path.name.endswith(".conflict.md"):
            continue
        fm, body = split_front_matter(path.read_text())
        if "notion_id" not in fm:
            continue
        remote = bridge("meta", fm["notion_id"])
        if remote["last_edited_time"] > str(fm["notion_last_edited"]):
            remote_md = bridge("to-markdown", fm["notion_id"])["markdown"]
            path.with_suffix(".conflict.md").write_text(f"<<<<<<< local\n{body}\n=======\n{remote_md}\n>>>>>>> notion\n")
            conflicts += 1
            continue
        if bridge("diff", fm["notion_id"], stdin=body)["changed"]:
            changed += 1
            print(("would push " if dry else "pushing ") + str(path))
            if not dry:
                bridge("from-markdown", fm["notion_id"], stdin=body)
    print(f"{changed} changed, {conflicts} conflicts")
    if conflicts:
        sys.exit(1)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("pull"); p.add_argument("--root", required=True); p.add_argument("--out", default="notes")
    q = sub.add_parser("push"); q.add_argument("--dir", default="notes"); q.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()
    pull(a.root, a.out) if a.cmd == "pull" else push(a.dir, a.dry_run)
