#!/usr/bin/env python3
"""Flag lock-heavy statements in PostgreSQL migration SQL. Offline, pattern-based."""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass


@dataclass
class Rule:
    code: str
    pattern: re.Pattern
    lock: str
    advice: str
    unless: re.Pattern | None = None


def rx(p: str) -> re.Pattern:
    return re.compile(p, re.IGNORECASE | re.DOTALL)


RULES = [
    Rule("PG001", rx(r"\bCREATE\s+(UNIQUE\s+)?INDEX\b(?!\s+CONCURRENTLY)"),
         "SHARE (blocks writes)", "use CREATE INDEX CONCURRENTLY outside a transaction"),
    Rule("PG002", rx(r"\bDROP\s+INDEX\b(?!\s+CONCURRENTLY)"),
         "ACCESS EXCLUSIVE", "use DROP INDEX CONCURRENTLY"),
    Rule("PG003", rx(r"\bALTER\s+TABLE\b.*\bADD\s+COLUMN\b.*\bDEFAULT\s+(now\(\)|clock_timestamp\(\)|random\(\)|gen_random_uuid\(\)|uuid_generate)"),
         "ACCESS EXCLUSIVE + table rewrite", "add column nullable without volatile default, backfill in batches"),
    Rule("PG004", rx(r"\bALTER\s+TABLE\b.*\bALTER\s+COLUMN\b.*\bTYPE\b"),
         "ACCESS EXCLUSIVE + usually a rewrite", "add new column, dual-write, backfill, swap"),
    Rule("PG005", rx(r"\bALTER\s+TABLE\b.*\bSET\s+NOT\s+NULL\b"),
         "ACCESS EXCLUSIVE + full scan", "add CHECK (col IS NOT NULL) NOT VALID, VALIDATE, then SET NOT NULL (PG12+ skips the scan)"),
    Rule("PG006", rx(r"\bADD\s+CONSTRAINT\b.*\b(FOREIGN\s+KEY|CHECK)\b"),
         "SHARE ROW EXCLUSIVE + full validation", "add the constraint NOT VALID, then VALIDATE CONSTRAINT separately",
         unless=rx(r"\bNOT\s+VALID\b")),
    Rule("PG007", rx(r"\bADD\s+CONSTRAINT\b.*\bUNIQUE\b"),
         "ACCESS EXCLUSIVE + index build", "CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... USING INDEX",
         unless=rx(r"\bUSING\s+INDEX\b")),
    Rule("PG008", rx(r"\bALTER\s+TABLE\b.*\bDROP\s+COLUMN\b"),
         "ACCESS EXCLUSIVE (brief)", "deploy code that stops reading the column first; drop in a later release"),
    Rule("PG009", rx(r"\bRENAME\s+(COLUMN|TO)\b"),
         "ACCESS EXCLUSIVE (brief), breaks running code", "add new name, dual-write, migrate readers, drop old"),
    Rule("PG010", rx(r"\bVACUUM\s+FULL\b|\bCLUSTER\b"),
         "ACCESS EXCLUSIVE for the whole rewrite", "use pg_repack if a rewrite is really needed"),
    Rule("PG011", rx(r"\bUPDATE\s+\w+\s+SET\b(?!.*\bWHERE\b)"),
         "row locks on every row, long transaction", "backfill in batches by primary key range"),
    Rule("PG012", rx(r"\bLOCK\s+TABLE\b"),
         "explicit lock", "confirm this is intended and bounded by lock_timeout"),
]


def statements(sql: str):
    sql = re.sub(r"--[^\n]*", "", sql)
    sql = re.sub(r"/\*.*?\*/", "", sql, flags=re.DOTALL)
    line = 1
    for chunk in sql.split(";"):
        stripped = chunk.strip()
        if stripped:
            yield line + chunk[: len(chunk) - len(chunk.lstrip())].count("\n"), " ".join(stripped.split())
        line += chunk.count("\n")


def main(paths: list[str]) -> int:
    if not paths:
        print("usage: lint_migration.py FILE.sql [...]", file=sys.stderr)
        return 2
    findings = 0
    for path in paths:
        text = open(path, encoding="utf-8").read()
        has_lock_timeout = re.search(r"\bSET\s+(LOCAL\s+)?lock_timeout\b", text, re.IGNORECASE)
        for lineno, stmt in statements(text):
            for rule in RULES:
                if rule.pattern.search(stmt) and not (rule.unless and rule.unless.search(stmt)):
                    findings += 1
                    print(f"{path}:{lineno}: {rule.code} lock={rule.lock}")
                    print(f"    {stmt[:160]}{'...' if len(stmt) > 160 else ''}")
                    print(f"    -> {rule.advice}")
        if not has_lock_timeout:
            findings += 1
            print(f"{path}: PG000 no lock_timeout set; add SET lock_timeout = '3s';")
    print(f"\n{findings} finding(s)")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
