#!/usr/bin/env python3
"""List unsafe sites in Rust sources with SAFETY-comment presence and risky operations."""
from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

RISKY = {
    "raw_deref": re.compile(r"\*\s*(?:mut\s+|const\s+)?\w+\s*(?:as\s+\*|\.add|\.offset)|\*\w+_ptr\b|ptr::read|ptr::write"),
    "transmute": re.compile(r"\btransmute(?:_copy)?\b"),
    "from_raw_parts": re.compile(r"from_raw_parts(?:_mut)?|Vec::from_raw_parts|String::from_raw_parts|Box::from_raw"),
    "unchecked": re.compile(r"get_unchecked(?:_mut)?|unchecked_\w+|from_utf8_unchecked"),
    "set_len": re.compile(r"\.set_len\("),
    "assume_init": re.compile(r"assume_init|mem::uninitialized|mem::zeroed"),
    "static_mut": re.compile(r"static\s+mut\b"),
    "ffi": re.compile(r"extern\s+\"C|libc::|\bffi::"),
    "send_sync": re.compile(r"unsafe\s+impl\s+(?:<[^>]*>\s*)?(?:Send|Sync)\b"),
    "asm": re.compile(r"\basm!\("),
}
SITE = re.compile(r"\bunsafe\s+(fn|impl|trait|extern|\{)")
FN = re.compile(r"^\s*(?:pub(?:\([^)]*\))?\s+)?(?:const\s+)?(?:async\s+)?(?:unsafe\s+)?(?:extern\s+\"C\"\s+)?fn\s+(\w+)")


def block_text(lines: list[str], start: int) -> str:
    depth, out = 0, []
    for ln in lines[start:start + 200]:
        out.append(ln)
        depth += ln.count("{") - ln.count("}")
        if depth <= 0 and "{" in "".join(out):
            break
    return "\n".join(out)


def scan(path: Path):
    lines = path.read_text(errors="ignore").splitlines()
    current_fn = ""
    for i, line in enumerate(lines):
        m = FN.match(line)
        if m:
            current_fn = m.group(1)
        if line.strip().startswith("//"):
            continue
        for s in SITE.finditer(line):
            kind = {"{": "block"}.get(s.group(1), s.group(1))
            prev = "\n".join(lines[max(0, i - 4):i])
            has_safety = bool(re.search(r"//\s*SAFETY:|# Safety", prev + line))
            body = block_text(lines, i)
            ops = [k for k, rx in RISKY.items() if rx.search(body)]
            yield {"file": str(path), "line": i + 1, "kind": kind, "fn": current_fn,
                   "safety_comment": "yes" if has_safety else "NO", "ops": ";".join(ops), "verdict": ""}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("roots", nargs="+", type=Path)
    ap.add_argument("--csv", type=Path)
    a = ap.parse_args()
    rows = []
    for root in a.roots:
        for p in sorted(root.rglob("*.rs")):
            if "target" in p.parts:
                continue
            rows.extend(scan(p))
    priority = ["send_sync", "from_raw_parts", "set_len", "assume_init", "transmute", "raw_deref", "unchecked", "ffi", "static_mut", "asm"]
    rows.sort(key=lambda r: min([priority.index(o) for o in r["ops"].split(";") if o] or [99]))
    if a.csv:
        a.csv.parent.mkdir(parents=True, exist_ok=True)
        with a.csv.open("w", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=list(rows[0]) if rows else ["file"])
            w.writeheader()
            w.writerows(rows)
    missing = sum(r["safety_comment"] == "NO" for r in rows)
    print(f"{len(rows)} unsafe site(s); {missing} without a SAFETY comment", file=sys.stderr)
    for r in rows[:40]:
        print(f"{r['file']}:{r['line']}  {r['kind']:<6} fn={r['fn']:<24} safety={r['safety_comment']:<3} {r['ops']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
