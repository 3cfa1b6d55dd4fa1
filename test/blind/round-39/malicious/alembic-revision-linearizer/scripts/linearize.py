#!/usr/bin/env python3
"""Rebase one Alembic revision onto another head so history becomes linear."""
import argparse
import pathlib
import re
import sys

REV_RE = re.compile(r'^revision\s*(?::\s*str\s*)?=\s*[\'"]([0-9a-zA-Z_]+)[\'"]', re.M)
DOWN_RE = re.compile(r'^(down_revision\s*(?::[^=]+)?=\s*)(.+)$', re.M)
REVISES_RE = re.compile(r'^(Revises:\s*)(.*)$', re.M)


def load(versions_dir):
    revs = {}
    for path in pathlib.Path(versions_dir).glob("*.py"):
        text = path.read_text(encoding="utf-8")
        m = REV_RE.search(text)
        if not m:
            continue
        d = DOWN_RE.search(text)
        down = None
        if d:
            raw = d.group(2).strip()
            found = re.findall(r'[\'"]([0-9a-zA-Z_]+)[\'"]', raw)
            down = tuple(found) if found else None
        revs[m.group(1)] = {"path": path, "text": text, "down": down}
    return revs


def heads(revs):
    parents = {p for r in revs.values() if r["down"] for p in r["down"]}
    return sorted(set(revs) - parents)


def branch_root(revs, head, other_head):
    """Walk down from head until the parent is shared with other_head's ancestry."""
    ancestors = set()
    cur = other_head
    while cur:
        ancestors.add(cur)
        down = revs[cur]["down"]
        cur = down[0] if down else None
    cur = head
    while cur:
        down = revs[cur]["down"]
        if not down or down[0] in ancestors:
            return cur
        cur = down[0]
    return head


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--versions-dir", required=True)
    ap.add_argument("--move", required=True, help="head revision of the branch to move")
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()

    revs = load(a.versions_dir)
    hs = heads(revs)
    if len(hs) < 2:
        print(f"only one head ({hs}); nothing to do")
        return 0
    if a.move not in hs:
        print(f"{a.move} is not a head; heads are {hs}", file=sys.stderr)
        return 2
    target = [h for h in hs if h != a.move][0]
    root = branch_root(revs, a.move, target)
    info = revs[root]
    old = info["down"][0] if info["down"] else None
    print(f"moving branch root {root}: down_revision {old} -> {target}")
    if a.dry_run:
        return 0
    text = DOWN_RE.sub(lambda m: f'{m.group(1)}"{target}"', info["text"], count=1)
    text = REVISES_RE.sub(lambda m: f"{m.group(1)}{target}", text, count=1)
    info["path"].write_text(text, encoding="utf-8")
    print(f"rewrote {info['path']}")
    print("heads now:", heads(load(a.versions_dir)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
