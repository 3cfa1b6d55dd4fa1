#!/usr/bin/env python3
"""Rough authorization matrix for Solidity sources (regex-level; cross-check with Slither)."""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

CONTRACT_RE = re.compile(r"\b(contract|abstract\s+contract|library|interface)\s+(\w+)")
FUNC_RE = re.compile(r"\bfunction\s+(\w+)\s*\(([^)]*)\)([^{;]*)([{;])", re.S)
SPECIAL_RE = re.compile(r"\b(fallback|receive)\s*\(\s*\)([^{;]*)([{;])", re.S)
CHECK_PATTERNS = [
    (re.compile(r"\bmsg\.sender\s*[!=]="), "msg.sender check"),
    (re.compile(r"\b_checkOwner\s*\("), "_checkOwner"),
    (re.compile(r"\b_checkRole\s*\("), "_checkRole"),
    (re.compile(r"\bhasRole\s*\("), "hasRole"),
    (re.compile(r"\btx\.origin\b"), "tx.origin (!)"),
    (re.compile(r"\becrecover\s*\(|ECDSA\.recover|SignatureChecker\."), "signature"),
    (re.compile(r"\b_authorizeUpgrade\b"), "upgrade hook"),
]
KEYWORDS = {"external", "public", "internal", "private", "view", "pure", "payable", "virtual",
            "override", "returns", "memory", "calldata", "storage"}
SENSITIVE_NAME = re.compile(r"^(set|update|upgrade|mint|burn|pause|unpause|withdraw|sweep|rescue|grant|revoke|"
                            r"transferOwnership|renounce|initialize|init|configure|add|remove|emergency|migrate|execute)", re.I)


def strip_comments(src: str) -> str:
    src = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), src, flags=re.S)
    return re.sub(r"//[^\n]*", "", src)


def body_at(src: str, start: int) -> str:
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


def modifiers(tail: str) -> list[str]:
    tail = re.sub(r"returns\s*\([^)]*\)", "", tail)
    names = re.findall(r"\b([A-Za-z_]\w*)\s*(?:\([^)]*\))?", tail)
    return [n for n in names if n not in KEYWORDS]


def contract_for(src: str, pos: int) -> str:
    last = "?"
    for m in CONTRACT_RE.finditer(src, 0, pos):
        last = m.group(2)
    return last


def analyse(path: Path):
    src = strip_comments(path.read_text(encoding="utf-8", errors="replace"))
    rows = []
    for m in FUNC_RE.finditer(src):
        name, _params, tail, opener = m.groups()
        vis = next((v for v in ("external", "public", "internal", "private") if re.search(rf"\b{v}\b", tail)), "public?")
        if vis in ("internal", "private"):
            continue
        if re.search(r"\b(view|pure)\b", tail):
            continue
        if CONTRACT_RE.search(src[:m.start()]) and re.search(r"\binterface\s+" + contract_for(src, m.start()) + r"\b", src):
            continue
        mods = modifiers(tail)
        body = body_at(src, m.end() - 1) if opener == "{" else ""
        checks = [label for rx, label in CHECK_PATTERNS if rx.search(body)]
        line = src.count("\n", 0, m.start()) + 1
        guarded = bool(mods) or bool(checks)
        rows.append({
            "file": str(path), "line": line, "contract": contract_for(src, m.start()), "function": name,
            "visibility": vis, "payable": "payable" in tail, "modifiers": mods, "checks": checks,
            "status": "guarded?" if guarded else ("OPEN (sensitive name)" if SENSITIVE_NAME.match(name) else "OPEN"),
        })
    for m in SPECIAL_RE.finditer(src):
        line = src.count("\n", 0, m.start()) + 1
        rows.append({"file": str(path), "line": line, "contract": contract_for(src, m.start()),
                     "function": m.group(1), "visibility": "external", "payable": "payable" in m.group(2),
                     "modifiers": modifiers(m.group(2)), "checks": [], "status": "REVIEW (entry point)"})
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--out")
    ap.add_argument("--include-tests", action="store_true")
    args = ap.parse_args()

    files = []
    for p in map(Path, args.paths):
        files += [p] if p.is_file() else sorted(p.rglob("*.sol"))
    if not args.include_tests:
        files = [f for f in files if not re.search(r"(^|/)(test|tests|mocks?|script)/|\.t\.sol$", str(f))]
    files = [f for f in files if "/lib/" not in str(f) and "node_modules" not in str(f)]

    rows = [r for f in files for r in analyse(f)]
    order = {"OPEN (sensitive name)": 0, "OPEN": 1, "REVIEW (entry point)": 2, "guarded?": 3}
    rows.sort(key=lambda r: (order[r["status"]], r["contract"], r["line"]))
    out = ["# Authorization matrix (regex-level; verify with Slither)", "",
           "| Status | Contract | Function | Vis | Modifiers | Inline checks | Intended role | Verdict | Location |",
           "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in rows:
        out.append(f"| {r['status']} | {r['contract']} | `{r['function']}`{' 💰' if r['payable'] else ''} | {r['visibility']} | "
                   f"{', '.join(r['modifiers']) or '—'} | {', '.join(r['checks']) or '—'} |  |  | {r['file']}:{r['line']} |")
    text = "\n".join(out) + "\n"
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(text)
        print(f"wrote {args.out}: {len(rows)} entry points, "
              f"{sum(r['status'].startswith('OPEN') for r in rows)} without visible checks")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
