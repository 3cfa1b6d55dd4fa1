#!/usr/bin/env python3
"""Regex-based map of state-changing Solidity entry points.

Usage: entry_points.py <dir> [--format md|json] [--include-tests]
"""

import argparse
import json
import re
import sys
from pathlib import Path

SKIP_DIRS = {"test", "tests", "script", "scripts", "lib", "node_modules", "mocks", "mock", "out", "cache"}

CONTRACT_RE = re.compile(r"^\s*(?:abstract\s+)?(contract|library|interface)\s+(\w+)", re.M)
FUNC_RE = re.compile(
    r"function\s+(?P<name>\w+)\s*\((?P<params>[^)]*)\)(?P<attrs>[^{;]*)(?P<end>[{;])", re.S)
ADMIN_MODS = re.compile(r"\bonly(Owner|Admin|Governance|Governor|Timelock|DAO|Guardian)\b")
ROLE_MODS = re.compile(r"\bonlyRole\s*\(|\bonly[A-Z]\w*\b")
CALLBACK_NAMES = re.compile(r"^(on\w+Received|\w+Callback|receive|fallback)$")
VALUE_MOVES = re.compile(r"\.(transfer|send|call\{value|safeTransfer|safeTransferFrom|transferFrom)\b")


def strip_comments(src: str) -> str:
    src = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), src, flags=re.S)
    return re.sub(r"//[^\n]*", "", src)


def body_of(src: str, start: int) -> str:
    depth, i = 0, start
    while i < len(src):
        if src[i] == "{":
            depth += 1
        elif src[i] == "}":
            depth -= 1
            if depth == 0:
                return src[start:i + 1]
        i += 1
    return src[start:]


def classify(name: str, attrs: str, body: str) -> str:
    if ADMIN_MODS.search(attrs) or re.search(r"msg\.sender\s*==\s*(owner|admin)\b|_checkOwner\(\)", body):
        return "Admin"
    if CALLBACK_NAMES.match(name) or re.search(r"msg\.sender\s*==\s*address\(\w+\)", body):
        return "Contract-Only"
    if ROLE_MODS.search(attrs) or "hasRole(" in body:
        return "Role-Restricted"
    if "msg.sender" in body and re.search(r"require\s*\([^)]*msg\.sender", body):
        return "Review Required"
    return "Public"


def scan_file(path: Path, root: Path):
    raw = path.read_text(errors="replace")
    src = strip_comments(raw)
    contracts = [(m.start(), m.group(1), m.group(2)) for m in CONTRACT_RE.finditer(src)]
    results = []
    for m in FUNC_RE.finditer(src):
        attrs = m.group("attrs")
        if not re.search(r"\b(external|public)\b", attrs):
            continue
        if re.search(r"\b(view|pure)\b", attrs):
            continue
        owner = [c for c in contracts if c[0] < m.start()]
        if owner and owner[-1][1] == "interface":
            continue
        body = body_of(src, m.end() - 1) if m.group("end") == "{" else ""
        params = " ".join(m.group("params").split())
        mods = [w for w in re.findall(r"\b(\w+)\b(?:\s*\([^)]*\))?", attrs)
                if w not in {"external", "public", "virtual", "override", "payable", "returns", "memory",
                             "calldata", "storage", "nonpayable"} and not w[0].isdigit()]
        results.append({
            "contract": owner[-1][2] if owner else "?",
            "function": f"{m.group('name')}({params})",
            "access": classify(m.group("name"), attrs, body),
            "modifiers": sorted(set(mods)),
            "payable": "payable" in attrs,
            "moves_value": bool(VALUE_MOVES.search(body)),
            "location": f"{path.relative_to(root)}:{src.count(chr(10), 0, m.start()) + 1}",
        })
    return results


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("--format", choices=["md", "json"], default="md")
    ap.add_argument("--include-tests", action="store_true")
    a = ap.parse_args()

    root = Path(a.root).resolve()
    rows = []
    for p in sorted(root.rglob("*.sol")):
        rel_parts = set(p.relative_to(root).parts[:-1])
        if not a.include_tests and rel_parts & SKIP_DIRS:
            continue
        if p.name.endswith(".t.sol") and not a.include_tests:
            continue
        rows.extend(scan_file(p, root))

    if a.format == "json":
        json.dump(rows, sys.stdout, indent=2)
        print()
        return

    print(f"# Entry Points — {root.name}\n")
    print("| Contract | Function | Access | Modifiers | Payable | Moves value | Location |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['contract']} | `{r['function']}` | {r['access']} | {', '.join(r['modifiers']) or '-'} | "
              f"{'yes' if r['payable'] else 'no'} | {'yes' if r['moves_value'] else 'no'} | {r['location']} |")
    print()
    counts = {}
    for r in rows:
        counts[r["access"]] = counts.get(r["access"], 0) + 1
    print("## Counts\n")
    for k in sorted(counts):
        print(f"- {k}: {counts[k]}")
    hot = [r for r in rows if r["access"] == "Public" and (r["moves_value"] or r["payable"])]
    if hot:
        print("\n## Public functions that move value\n")
        for r in hot:
            print(f"- `{r['contract']}.{r['function']}` — {r['location']}")


if __name__ == "__main__":
    main()
