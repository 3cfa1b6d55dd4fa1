#!/usr/bin/env python3
"""Harvest TODO-style markers with git blame context; optionally open GitHub issues via gh."""
from __future__ import annotations

import argparse
import concurrent.futures as cf
import fnmatch
import json
import re
import subprocess
import sys
import time
from collections import Counter

MARKER_RE = re.compile(r"\b(TODO|FIXME|HACK|XXX|BUG)\b(?:\s*[\(\[]([^)\]]+)[\)\]])?\s*:?\s*(.*)")
SECURITY_RE = re.compile(r"auth|password|passwd|token|secret|sanitiz|escape|inject|verify|tls|ssl|cert|csrf|xss|permission|crypt", re.I)
TICKET_RE = re.compile(r"\b([A-Z][A-Z0-9]+-\d+|#\d+)\b")
COMMENT_LEAD = re.compile(r"^\s*(#|//|/\*|\*|--|;|<!--)\s?")


def git(*args: str) -> str:
    return subprocess.run(["git", *args], check=True, capture_output=True, text=True).stdout


def parse_since(s: str | None) -> float | None:
    if not s:
        return None
    m = re.fullmatch(r"(\d+)([dwmy])", s)
    if not m:
        sys.exit("--since like 90d, 12w, 6m, 1y")
    n, unit = int(m.group(1)), m.group(2)
    days = n * {"d": 1, "w": 7, "m": 30, "y": 365}[unit]
    return time.time() - days * 86400


def harvest(paths, excludes):
    cmd = ["grep", "-n", "-I", "-E", r"\b(TODO|FIXME|HACK|XXX|BUG)\b", "--", *(paths or ["."])]
    try:
        out = git(*cmd)
    except subprocess.CalledProcessError as e:
        if e.returncode == 1:
            return []
        raise
    items = []
    for line in out.splitlines():
        try:
            path, lineno, text = line.split(":", 2)
        except ValueError:
            continue
        if any(fnmatch.fnmatch(path, pat) for pat in excludes):
            continue
        m = MARKER_RE.search(text)
        if not m:
            continue
        kind, owner, body = m.groups()
        items.append({"path": path, "line": int(lineno), "kind": kind, "owner": owner or "",
                      "text": body.strip().rstrip("*/").strip(), "raw": text.strip()[:200]})
    return items


def add_continuations(items):
    cache = {}
    for it in items:
        lines = cache.setdefault(it["path"], open(it["path"], encoding="utf-8", errors="replace").read().splitlines())
        extra = []
        for nxt in lines[it["line"]:it["line"] + 4]:
            if COMMENT_LEAD.match(nxt) and not MARKER_RE.search(nxt):
                t = COMMENT_LEAD.sub("", nxt).strip().rstrip("*/").strip()
                if t:
                    extra.append(t)
                    continue
            break
        if extra:
            it["text"] = (it["text"] + " " + " ".join(extra)).strip()


def blame(it):
    try:
        out = git("blame", "--porcelain", "-L", f"{it['line']},{it['line']}", "--", it["path"])
    except subprocess.CalledProcessError:
        return it
    info = {}
    for ln in out.splitlines():
        if " " in ln:
            k, v = ln.split(" ", 1)
            info[k] = v
    it["commit"] = out.split(" ", 1)[0]
    it["author"] = info.get("author", "")
    it["author_mail"] = info.get("author-mail", "").strip("<>")
    it["time"] = int(info.get("author-time", "0"))
    it["summary"] = info.get("summary", "")
    return it


def flags(it, now):
    f = []
    if it.get("time") and now - it["time"] > 365 * 86400:
        f.append("stale")
    if SECURITY_RE.search(it["text"]):
        f.append("security-ish")
    if TICKET_RE.search(it["text"]) or TICKET_RE.search(it["owner"]):
        f.append("has-ticket")
    if re.search(r"(^|/)(tests?|spec|__tests__)/|_test\.|\.test\.|\.spec\.", it["path"]):
        f.append("in-test")
    it["flags"] = f


def summary(items):
    now = time.time()
    kinds = Counter(i["kind"] for i in items)
    ages = Counter("lt3m" if now - i.get("time", now) < 90 * 86400 else "lt1y" if now - i.get("time", now) < 365 * 86400 else "older" for i in items)
    dirs = Counter("/".join(i["path"].split("/")[:2]) for i in items)
    fl = Counter(f for i in items for f in i["flags"])
    return (f"{len(items)} markers · " + " · ".join(f"{n} {k}" for k, n in kinds.most_common()) + "\n"
            f"age: {ages['lt3m']} < 3 months · {ages['lt1y']} < 1 year · {ages['older']} older\n"
            f"security-ish: {fl['security-ish']} · with ticket: {fl['has-ticket']} · in tests: {fl['in-test']}\n"
            "top dirs: " + ", ".join(f"{d} ({n})" for d, n in dirs.most_common(5)))


def to_md(items, head):
    out = ["# TODO harvest", "", f"Commit: `{head}`", "", "```", summary(items), "```", ""]
    order = {"security-ish": 0}
    items = sorted(items, key=lambda i: (0 if "security-ish" in i["flags"] else 1,
                                         {"FIXME": 0, "HACK": 1, "XXX": 1, "BUG": 0, "TODO": 2}[i["kind"]],
                                         i.get("time", 0)))
    out += ["| Kind | Location | Text | Age | Author | Flags |", "| --- | --- | --- | --- | --- | --- |"]
    now = time.time()
    for i in items:
        age = f"{int((now - i['time']) / 86400)}d" if i.get("time") else "?"
        text = i["text"].replace("|", "\\|")[:120]
        out.append(f"| {i['kind']} | {i['path']}:{i['line']} | {text} | {age} | {i.get('author', '')} | {', '.join(i['flags'])} |")
    return "\n".join(out)


def repo_slug():
    out = subprocess.run(["gh", "repo", "view", "--json", "nameWithOwner", "-q", ".nameWithOwner"],
                         capture_output=True, text=True)
    return out.stdout.strip() if out.returncode == 0 else None


def issues(selected_path, create):
    items = json.load(open(selected_path))
    head = git("rev-parse", "HEAD").strip()
    slug = repo_slug()
    if create and not slug:
        sys.exit("gh cannot see this repository; run `gh auth status` and check the remote")
    if create:
        subprocess.run(["gh", "label", "create", "tech-debt", "--color", "C5DEF5",
                        "--description", "Harvested TODO/FIXME markers"], capture_output=True)
    for it in items:
        title = f"{it['kind']}: {it['text'][:80] or 'untitled marker'} ({it['path'].split('/')[-1]})"
        link = f"https://github.com/{slug}/blob/{head}/{it['path']}#L{it['line']}" if slug else f"{it['path']}:{it['line']}"
        body = (f"Harvested from `{it['path']}:{it['line']}`\n\n> {it['raw']}\n\n{link}\n\n"
                f"Added in {it.get('commit', '?')[:10]} ({it.get('summary', '')}).")
        if create:
            subprocess.run(["gh", "issue", "create", "--title", title, "--body", body, "--label", "tech-debt"], check=True)
        else:
            print(f"--- would create: {title}\n{body}\n")
    if not create:
        print(f"dry run: {len(items)} issue(s). Re-run with --create after the user approves.")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--paths", nargs="*")
    ap.add_argument("--exclude", action="append", default=[])
    ap.add_argument("--no-blame", action="store_true")
    ap.add_argument("--jobs", type=int, default=4)
    ap.add_argument("--since")
    ap.add_argument("--out")
    ap.add_argument("--md", action="store_true")
    ap.add_argument("--issues-from")
    ap.add_argument("--create", action="store_true")
    args = ap.parse_args()

    if args.issues_from:
        return issues(args.issues_from, args.create)

    items = harvest(args.paths, args.exclude)
    add_continuations(items)
    if not args.no_blame:
        with cf.ThreadPoolExecutor(max_workers=args.jobs) as ex:
            items = list(ex.map(blame, items))
    now = time.time()
    for it in items:
        flags(it, now)
    cutoff = parse_since(args.since)
    if cutoff:
        items = [i for i in items if i.get("time", now) >= cutoff]
    head = git("rev-parse", "HEAD").strip()
    if args.out:
        json.dump(items, open(args.out, "w"), indent=2)
        print(f"wrote {args.out} ({len(items)} markers)", file=sys.stderr)
    if args.md:
        print(to_md(items, head))
    elif not args.out:
        print(summary(items))


if __name__ == "__main__":
    sys.exit(main())
