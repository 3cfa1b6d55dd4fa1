#!/usr/bin/env python3
"""Triage a diff and estimate the blast radius of changed functions.

Read-only: runs `git diff`, `git ls-files` and `git grep` in the current repository.

Usage:
  blast_radius.py --base origin/main --head HEAD --triage
  blast_radius.py --base origin/main --head HEAD [--json]
"""
import argparse
import json
import re
import subprocess
import sys
from collections import defaultdict

HIGH_PATH = re.compile(
    r"(auth|login|session|token|crypto|cipher|sign|verify|password|permission|acl|rbac|oauth|jwt|"
    r"payment|billing|wallet|transfer|withdraw|vault|admin|\.github/workflows|Dockerfile|setup\.py|"
    r"package\.json|build\.rs|Makefile)",
    re.I,
)
LOW_PATH = re.compile(r"(^docs/|\.md$|^tests?/|_test\.|\.test\.|\.spec\.|^examples?/|\.snap$|\.svg$|\.png$)", re.I)
HIGH_CONTENT = re.compile(
    r"(require\(|assert|verify|authorize|is_admin|isAdmin|permission|hmac|compare_digest|timingSafeEqual|"
    r"\.call\{|delegatecall|selfdestruct|exec\(|eval\(|subprocess|shell=True|pickle\.loads|yaml\.load\()"
)

FUNC_DEF = [
    re.compile(r"^\s*(?:async\s+)?def\s+([A-Za-z_]\w*)\s*\("),                         # python
    re.compile(r"^\s*func\s+(?:\([^)]*\)\s*)?([A-Za-z_]\w*)\s*\("),                    # go
    re.compile(r"^\s*(?:export\s+)?(?:async\s+)?function\s+([A-Za-z_$][\w$]*)\s*\("),  # js/ts
    re.compile(r"^\s*(?:pub(?:\([^)]*\))?\s+)?(?:async\s+)?fn\s+([A-Za-z_]\w*)"),      # rust
    re.compile(r"^\s*function\s+([A-Za-z_]\w*)\s*\(.*\)\s*(?:external|public|internal|private)"),  # solidity
    re.compile(r"^\s*def\s+(?:self\.)?([a-z_]\w*[?!]?)"),                               # ruby
]
HUNK_FUNC = re.compile(r"^@@ [^@]+ @@\s*(.*)$")


def git(*args: str) -> str:
    return subprocess.run(["git", *args], check=True, capture_output=True, text=True).stdout


def changed_files(base: str, head: str) -> list[tuple[str, str]]:
    out = git("diff", "--name-status", f"{base}...{head}")
    rows = []
    for line in out.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            rows.append((parts[0][0], parts[-1]))
    return rows


def file_diff(base: str, head: str, path: str) -> str:
    return git("diff", "-U0", f"{base}...{head}", "--", path)


def risk_for(path: str, diff: str) -> tuple[str, str]:
    removed = [l[1:] for l in diff.splitlines() if l.startswith("-") and not l.startswith("---")]
    if any(HIGH_CONTENT.search(l) for l in removed):
        return "HIGH", "removes a check/sensitive call"
    if HIGH_PATH.search(path):
        return "HIGH", "sensitive path"
    if HIGH_CONTENT.search(diff):
        return "HIGH", "touches sensitive calls"
    if LOW_PATH.search(path):
        return "LOW", "docs/tests/assets"
    return "MEDIUM", "logic change"


def changed_functions(diff: str) -> set[str]:
    names = set()
    for line in diff.splitlines():
        m = HUNK_FUNC.match(line)
        candidates = []
        if m and m.group(1):
            candidates.append(m.group(1))
        if line.startswith(("+", "-")) and not line.startswith(("+++", "---")):
            candidates.append(line[1:])
        for c in candidates:
            for rx in FUNC_DEF:
                fm = rx.match(c)
                if fm:
                    names.add(fm.group(1))
                    break
    return {n for n in names if len(n) > 2 and n not in {"main", "init", "new", "get", "set", "run"}}


def callers(name: str, defined_in: str) -> list[str]:
    try:
        out = subprocess.run(
            ["git", "grep", "-l", "-w", "-E", rf"{re.escape(name)}\s*\("],
            capture_output=True, text=True,
        ).stdout
    except FileNotFoundError:
        return []
    return sorted(f for f in out.splitlines() if f and f != defined_in)


def size_class() -> str:
    n = len(git("ls-files").splitlines())
    if n < 20:
        return f"SMALL ({n} files) -> DEEP"
    if n <= 200:
        return f"MEDIUM ({n} files) -> FOCUSED"
    return f"LARGE ({n} files) -> SURGICAL"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", default="origin/main")
    ap.add_argument("--head", default="HEAD")
    ap.add_argument("--triage", action="store_true", help="only classify changed files by risk")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    try:
        files = changed_files(args.base, args.head)
    except subprocess.CalledProcessError as e:
        print(e.stderr.strip() or "git diff failed", file=sys.stderr)
        return 2

    report = {"size": size_class(), "files": [], "functions": []}
    funcs_by_file = defaultdict(set)

    for status, path in files:
        if status == "D":
            report["files"].append({"path": path, "status": "deleted", "risk": "MEDIUM", "why": "file removed"})
            continue
        d = file_diff(args.base, args.head, path)
        risk, why = risk_for(path, d)
        report["files"].append({"path": path, "status": status, "risk": risk, "why": why})
        if not args.triage:
            funcs_by_file[path] |= changed_functions(d)

    order = {"HIGH": 0, "MEDIUM": 1, "LOW": 2}
    report["files"].sort(key=lambda f: (order[f["risk"]], f["path"]))

    if not args.triage:
        for path, names in funcs_by_file.items():
            for name in sorted(names):
                c = callers(name, path)
                report["functions"].append({"function": name, "file": path, "callers": len(c), "caller_files": c[:15]})
        report["functions"].sort(key=lambda f: -f["callers"])

    if args.json:
        print(json.dumps(report, indent=2))
        return 0

    print(f"Codebase: {report['size']}\n")
    print(f"{'RISK':<7} {'ST':<3} FILE  (why)")
    for f in report["files"]:
        print(f"{f['risk']:<7} {f['status']:<3} {f['path']}  ({f['why']})")
    if report["functions"]:
        print("\nBlast radius (grep-based lower bound):")
        for f in report["functions"]:
            print(f"  {f['callers']:4d} callers  {f['function']}  [{f['file']}]")
            for cf in f["caller_files"][:5]:
                print(f"             - {cf}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
