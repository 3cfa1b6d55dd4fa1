#!/usr/bin/env python3
"""Heuristic classification of SQL migration statements by reversibility and lock risk."""
from __future__ import annotations

import re
import sys

RULES: list[tuple[str, str, str]] = [
    (r"^\s*(DELETE\s+FROM\s+\S+)\s*;?\s*$", "one-way", "DELETE without WHERE removes every row"),
    (r"^\s*UPDATE\s+\S+\s+SET\b(?!.*\bWHERE\b)", "needs-backup", "UPDATE without WHERE rewrites every row"),
    (r"^\s*DROP\s+(TABLE|COLUMN|SCHEMA|DATABASE|TYPE)\b", "one-way", "dropped objects and their data are gone"),
    (r"\bDROP\s+COLUMN\b", "one-way", "column data is gone"),
    (r"^\s*TRUNCATE\b", "one-way", "all rows removed"),
    (r"^\s*DELETE\b", "one-way", "deleted rows need a backup to restore"),
    (r"\bALTER\s+COLUMN\s+\S+\s+(SET\s+DATA\s+)?TYPE\b", "needs-backup", "type change may be lossy and rewrites the table"),
    (r"\bRENAME\s+(COLUMN|TO)\b", "needs-backup", "running application versions break until deployed"),
    (r"^\s*UPDATE\b", "needs-backup", "save previous values of affected rows"),
    (r"\bSET\s+NOT\s+NULL\b", "locking", "full table scan under ACCESS EXCLUSIVE; add a NOT VALID check first"),
    (r"\bADD\s+CONSTRAINT\b(?!.*NOT\s+VALID)", "locking", "validates whole table under lock; use NOT VALID + VALIDATE"),
    (r"^\s*CREATE\s+(UNIQUE\s+)?INDEX\b(?!\s+CONCURRENTLY)", "locking", "blocks writes; use CREATE INDEX CONCURRENTLY"),
    (r"^\s*(CREATE|ALTER\s+TABLE\s+\S+\s+ADD\s+COLUMN)\b", "reversible", "inverse DDL"),
]


def statements(sql: str) -> list[str]:
    sql = re.sub(r"--[^\n]*", "", sql)
    sql = re.sub(r"/\*.*?\*/", "", sql, flags=re.S)
    return [s.strip() for s in sql.split(";") if s.strip()]


def classify(stmt: str) -> tuple[str, str]:
    flat = " ".join(stmt.split())
    for pattern, cls, why in RULES:
        if re.search(pattern, flat, re.I):
            return cls, why
    return "review", "no rule matched; classify by hand"


def main(paths: list[str]) -> int:
    worst = 0
    order = {"reversible": 0, "review": 1, "locking": 1, "needs-backup": 2, "one-way": 3}
    for path in paths:
        print(f"== {path}")
        for i, stmt in enumerate(statements(open(path).read()), 1):
            cls, why = classify(stmt)
            worst = max(worst, order[cls])
            head = " ".join(stmt.split())[:90]
            print(f"  [{i:>2}] {cls:<12} {head}")
            print(f"       {why}")
    print()
    print({0: "all statements reversible", 1: "review/locking items present",
           2: "backups required before running", 3: "ONE-WAY statements present: needs expand/contract or explicit sign-off"}[worst])
    return 1 if worst >= 3 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
