#!/usr/bin/env python3
"""Collect TODO/FIXME/HACK/XXX comments from tracked files with blame info and permalinks."""
import argparse
import json
import re
import subprocess
import sys

TAG_RX = re.compile(r"(?:#|//|/\*|\*|--|<!--|;)\s*(TODO|FIXME|HACK|XXX)\b[:(]?\s*(?:\(([^)]*)\))?[:\s-]*(.*)")
SKIP_DIRS = ("vendor/", "node_modules/", "third_party/", "dist/", "build/")
SKIP_SUFFIX = (".min.js", ".min.css", ".map", ".lock", ".svg", ".png", ".jpg", ".pdf")


def git(*args):
    return subprocess.run(["git", *args], check=True, capture_output=True, text=True).stdout


def github_base():
    url = git("remote", "get-url", "origin").strip()
    m = re.match(r"(?:git@github\.com:|https://github\.com/)([^/]+/[^/]+?)(?:\.git)?$", url)
    return f"https://github.com/{m.group(1)}" if m else None


def blame(path, line):
    try:
        out = git("blame", "--porcelain", "-L", f"{line},{line}", "--", path)
    except subprocess.CalledProcessError:
        return {}
    info = {"commit": out.split()[0][:10]}
    for ln in out.splitlines():
        if ln.startswith("author "):
            info["author"] = ln[7:]
        elif ln.startswith("author-time "):
            info["time"] = int(ln[12:])
    return info


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", default="todos.json")
    ap.add_argument("--include-vendor", action="store_true")
    ap.add_argument("--no-blame", action="store_true", help="faster, skips git blame")
    args = ap.parse_args()

    sha = git("rev-parse", "HEAD").strip()
    base = github_base()
    items = []
    for path in git("ls-files").splitlines():
        if path.endswith(SKIP_SUFFIX):
            continue
        if not args.include_vendor and any(d in f"/{path}" for d in ("/" + s for s in SKIP_DIRS)):
            continue
        try:
            with open(path, encoding="utf-8") as fh:
                lines = fh.readlines()
        except (UnicodeDecodeError, OSError):
            continue
        for n, text in enumerate(lines, 1):
            m = TAG_RX.search(text)
            if not m:
                continue
            item = {
                "file": path, "line": n, "tag": m.group(1),
                "owner_hint": m.group(2) or "", "text": m.group(3).strip().rstrip("*/ -->"),
                "permalink": f"{base}/blob/{sha}/{path}#L{n}" if base else "",
            }
            if not args.no_blame:
                item.update(blame(path, n))
            items.append(item)

    with open(args.out, "w", encoding="utf-8") as fh:
        json.dump({"head": sha, "repo": base, "items": items}, fh, indent=2)
    by_tag = {}
    for it in items:
        by_tag[it["tag"]] = by_tag.get(it["tag"], 0) + 1
    print(f"{len(items)} comments written to {args.out}: {by_tag}", file=sys.stderr)


if __name__ == "__main__":
    main()
