#!/usr/bin/env python3
"""Convert CREATE TABLE statements (PostgreSQL/MySQL/SQLite dialects) into a Mermaid erDiagram.

Usage: schema_to_er.py schema.sql [--tables orders,customers] > er.mmd
Relationships come from inline REFERENCES and table-level FOREIGN KEY clauses.
"""
import argparse
import re
import sys

CREATE = re.compile(r"create\s+table\s+(?:if\s+not\s+exists\s+)?([\w.\"`]+)\s*\((.*?)\)\s*;", re.I | re.S)
FK_TABLE = re.compile(r"foreign\s+key\s*\(([^)]+)\)\s*references\s+([\w.\"`]+)", re.I)
FK_INLINE = re.compile(r"references\s+([\w.\"`]+)", re.I)


def clean(name: str) -> str:
    return name.strip('"`').split(".")[-1]


def split_columns(body: str) -> list:
    parts, depth, cur = [], 0, ""
    for ch in body:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        parts.append(cur.strip())
    return parts


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("schema")
    ap.add_argument("--tables", help="comma-separated subset of tables to include")
    args = ap.parse_args()

    sql = re.sub(r"--[^\n]*", "", open(args.schema, encoding="utf-8").read())
    wanted = set(args.tables.split(",")) if args.tables else None
    tables, rels = {}, []
    for m in CREATE.finditer(sql):
        table = clean(m.group(1))
        if wanted and table not in wanted:
            continue
        cols = []
        for part in split_columns(m.group(2)):
            low = part.lower()
            fk = FK_TABLE.search(part)
            if fk:
                for col in fk.group(1).split(","):
                    rels.append((clean(fk.group(2)), table, clean(col.strip())))
                continue
            if low.startswith(("primary key", "unique", "constraint", "check", "index", "key ")):
                continue
            tokens = part.split()
            if len(tokens) < 2:
                continue
            name, ctype = clean(tokens[0]), re.sub(r"[^\w]", "_", tokens[1].lower())
            keys = []
            if "primary key" in low:
                keys.append("PK")
            inline = FK_INLINE.search(part)
            if inline:
                keys.append("FK")
                rels.append((clean(inline.group(1)), table, name))
            if " unique" in low:
                keys.append("UK")
            cols.append((ctype, name, ",".join(keys)))
        tables[table] = cols

    if not tables:
        sys.exit("no CREATE TABLE statements found")
    print("erDiagram")
    for parent, child, col in rels:
        if wanted and (parent not in wanted or child not in wanted):
            continue
        print(f'    {parent.upper()} ||--o{{ {child.upper()} : "{col}"')
    for table, cols in tables.items():
        print(f"    {table.upper()} {{")
        for ctype, name, keys in cols:
            print(f"        {ctype} {name}{' ' + keys if keys else ''}")
        print("    }")


if __name__ == "__main__":
    main()
