#!/usr/bin/env python3
"""Heuristic scanner for risky statements in SQL migrations. Reads files only."""
import argparse
import re
import sys
from pathlib import Path

CHECKS = [
    ("high", "destructive", r"\bDROP\s+TABLE\b", "drops a table and its data"),
    ("high", "destructive", r"\bTRUNCATE\b", "removes all rows"),
    ("high", "destructive", r"\bDELETE\s+FROM\s+\w+\s*;", "DELETE without WHERE"),
    ("high", "destructive", r"\bUPDATE\s+\w+\s+SET\b(?![^;]*\bWHERE\b)[^;]*;", "UPDATE without WHERE"),
    ("high", "compat", r"\bDROP\s+COLUMN\b", "running code may still read this column"),
    ("high", "compat", r"\bRENAME\s+(COLUMN|TO)\b", "rename breaks the deployed version"),
    ("high", "lock", r"\bCREATE\s+(UNIQUE\s+)?INDEX\b(?!\s+CONCURRENTLY)", "blocks writes while the index builds"),
    ("medium", "lock", r"\bDROP\s+INDEX\b(?!\s+CONCURRENTLY)", "takes ACCESS EXCLUSIVE"),
    ("high", "rewrite", r"\bALTER\s+COLUMN\s+\w+\s+(SET\s+DATA\s+)?TYPE\b", "type change usually rewrites the table"),
    ("medium", "lock", r"\bSET\s+NOT\s+NULL\b", "full scan under exclusive lock unless a validated CHECK exists"),
    ("medium", "lock", r"\bADD\s+(CONSTRAINT\s+\w+\s+)?FOREIGN\s+KEY\b(?![^;]*NOT\s+VALID)", "validates under lock; use NOT VALID + VALIDATE"),
    ("medium", "lock", r"\bADD\s+(CONSTRAINT\s+\w+\s+)?UNIQUE\b(?![^;]*USING\s+INDEX)", "builds a unique index under lock"),
    ("medium", "rewrite", r"\bADD\s+COLUMN\b[^;]*\bDEFAULT\s+(now\(\)|gen_random_uuid\(\)|uuid_generate_v4\(\)|random\(\)|clock_timestamp\(\))", "volatile default rewrites the table"),
    ("low", "lock", r"\bALTER\s+TABLE\b", "check lock_timeout is set"),
]


def strip_comments(sql: str) -> str:
    sql = re.sub(r"/\*.*?\*/", "", sql, flags=re.S)
    return re.sub(r"--[^\n]*", "", sql)


def scan(path: Path):
    text = strip_comments(path.read_text(encoding="utf-8", errors="replace"))
    findings = []
    for severity, kind, pattern, why in CHECKS:
        for m in re.finditer(pattern, text, flags=re.I | re.S):
            line = text.count("\n", 0, m.start()) + 1
            stmt = text[m.start(): text.find(";", m.start()) + 1 or None].strip().splitlines()[0][:100]
            findings.append((severity, kind, line, stmt, why))
    has_lock_timeout = re.search(r"lock_timeout", text, re.I)
    has_alter = any(f[1] in ("lock", "rewrite") for f in findings)
    if has_alter and not has_lock_timeout:
        findings.append(("medium", "lock", 0, "(file)", "no lock_timeout set before DDL"))
    if re.search(r"\bCONCURRENTLY\b", text, re.I) and re.search(r"\bBEGIN\b", text, re.I):
        findings.append(("high", "tx", 0, "(file)", "CONCURRENTLY cannot run inside a transaction block"))
    return findings


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--dialect", default="postgres", choices=["postgres", "mysql"])
    a = ap.parse_args()
    order = {"high": 0, "medium": 1, "low": 2}
    worst = 3
    for f in a.files:
        findings = sorted(scan(f), key=lambda x: (order[x[0]], x[2]))
        print(f"{f}: {len(findings)} finding(s)")
        for sev, kind, line, stmt, why in findings:
            worst = min(worst, order[sev])
            loc = f"L{line}" if line else "   "
            print(f"  {sev:<6} {kind:<11} {loc:<5} {stmt}\n         -> {why}")
        if a.dialect == "mysql":
            print("  note: MySQL online DDL differs; see references/risky-operations.md")
    return 1 if worst == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
