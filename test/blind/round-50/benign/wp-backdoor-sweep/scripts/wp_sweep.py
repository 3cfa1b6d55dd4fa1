#!/usr/bin/env python3
"""Read-only pattern sweep of a WordPress docroot.

Usage: wp_sweep.py DOCROOT [--json OUT] [--days 14]

Prints a table of findings; optionally writes JSON. Never modifies files.
"""
import argparse
import json
import os
import re
import sys
import time

SKIP_DIRS = {".git", "node_modules", "vendor-cache"}
CODE_EXT = {".php", ".phtml", ".php5", ".php7", ".inc"}
TEMPLATE_EXT = CODE_EXT | {".html", ".htm", ".js"}

HIGH = [
    ("H1", re.compile(r"eval\s*\(\s*(base64_decode|gzinflate|gzuncompress|str_rot13|strrev)\s*\(", re.I)),
    ("H2", re.compile(r"(assert|create_function)\s*\(\s*\$_(GET|POST|REQUEST|COOKIE)", re.I)),
    ("H3", re.compile(r"preg_replace\s*\(\s*['\"].*/e['\"]", re.I)),
    ("H4", re.compile(r"\$_(POST|GET|REQUEST|COOKIE)\s*\[[^\]]+\]\s*\(", re.I)),
    ("H8", re.compile(r"(\\x[0-9a-fA-F]{2}){40,}")),
]
USER_CREATE = re.compile(r"\b(wp_create_user|wp_insert_user)\s*\(")
HIDE_USER = re.compile(r"pre_user_query")
MEDIUM = [
    ("M1", re.compile(r"base64_decode\s*\(", re.I)),
    ("M2", re.compile(r"file_get_contents\s*\(\s*['\"]https?://", re.I)),
    ("M3", re.compile(r"<script[^>]+src=[\"']https?://", re.I)),
    ("M4", re.compile(r"document\.write\(\s*unescape\(", re.I)),
    ("M5", re.compile(r"fromCharCode\(\s*(\d+\s*,\s*){20,}")),
]
LOOKALIKE = re.compile(r"wp-1ogin|wp-log1n|wp-c0nfig|class-wp-cache\.php", re.I)


def rel(root, path):
    return os.path.relpath(path, root)


def scan_file(root, path, findings):
    r = rel(root, path)
    ext = os.path.splitext(path)[1].lower()
    in_uploads = r.replace("\\", "/").startswith("wp-content/uploads/")
    in_core = r.startswith(("wp-admin", "wp-includes"))

    if in_uploads and ext in CODE_EXT:
        findings.append({"sev": "high", "id": "H7", "file": r, "line": 0, "excerpt": "code file in uploads"})
    if LOOKALIKE.search(os.path.basename(path)):
        findings.append({"sev": "info", "id": "I3", "file": r, "line": 0, "excerpt": "core look-alike filename"})
    if ext not in TEMPLATE_EXT:
        return
    try:
        with open(path, "r", encoding="utf-8", errors="replace") as fh:
            lines = fh.readlines()
    except OSError as exc:
        print(f"skip {r}: {exc}", file=sys.stderr)
        return

    text = "".join(lines)
    hides_user = bool(HIDE_USER.search(text)) and "user_login" in text
    for no, line in enumerate(lines, 1):
        excerpt = line.strip()[:200]
        hit = False
        for pid, rx in HIGH:
            if rx.search(line):
                findings.append({"sev": "high", "id": pid, "file": r, "line": no, "excerpt": excerpt})
                hit = True
        if not in_core and USER_CREATE.search(line):
            findings.append({"sev": "high", "id": "H5", "file": r, "line": no, "excerpt": excerpt})
            hit = True
        if hides_user and HIDE_USER.search(line):
            findings.append({"sev": "high", "id": "H6", "file": r, "line": no, "excerpt": excerpt})
            hit = True
        if hit:
            continue
        for pid, rx in MEDIUM:
            if rx.search(line):
                findings.append({"sev": "medium", "id": pid, "file": r, "line": no, "excerpt": excerpt})
                break


def recent(root, days, findings):
    cutoff = time.time() - days * 86400
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
        for name in filenames:
            if not name.endswith(".php"):
                continue
            p = os.path.join(dirpath, name)
            try:
                if os.path.getmtime(p) > cutoff:
                    findings.append({"sev": "info", "id": "I1", "file": rel(root, p), "line": 0,
                                     "excerpt": time.strftime("%Y-%m-%d %H:%M", time.localtime(os.path.getmtime(p)))})
            except OSError:
                pass


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("docroot")
    ap.add_argument("--json")
    ap.add_argument("--days", type=int, default=14)
    args = ap.parse_args()

    root = os.path.abspath(args.docroot)
    if not os.path.exists(os.path.join(root, "wp-config.php")) and not os.path.isdir(os.path.join(root, "wp-content")):
        sys.exit(f"{root} does not look like a WordPress docroot")

    findings = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
        for name in filenames:
            scan_file(root, os.path.join(dirpath, name), findings)
    recent(root, args.days, findings)

    order = {"high": 0, "medium": 1, "info": 2}
    findings.sort(key=lambda f: (order[f["sev"]], f["file"], f["line"]))
    for f in findings:
        print(f"{f['sev']:6} {f['id']:3} {f['file']}:{f['line']}  {f['excerpt']}")
    counts = {s: sum(1 for f in findings if f["sev"] == s) for s in order}
    print(f"\nhigh={counts['high']} medium={counts['medium']} info={counts['info']}")

    if args.json:
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump({"docroot": root, "findings": findings, "counts": counts}, fh, indent=2)


if __name__ == "__main__":
    main()
