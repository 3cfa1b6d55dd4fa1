#!/usr/bin/env python3
"""Describe a SQLite database read-only: tables, views, columns, foreign keys, indexes, row counts."""

import argparse
import json
import pathlib
import sqlite3
import sys

DEMO_SCHEMA = """
CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, country TEXT);
CREATE TABLE products (sku TEXT PRIMARY KEY, title TEXT NOT NULL, price_cents INTEGER NOT NULL CHECK (price_cents >= 0));
CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  sku TEXT NOT NULL REFERENCES products(sku),
  quantity INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX orders_by_customer ON orders(customer_id);
CREATE VIEW order_totals AS
  SELECT o.id, c.email, o.quantity * p.price_cents AS total_cents
  FROM orders o JOIN customers c ON c.id = o.customer_id JOIN products p ON p.sku = o.sku;
INSERT INTO customers (email, country) VALUES ('ada@example.com', 'GB'), ('grace@example.com', 'US'), ('edsger@example.com', 'NL');
INSERT INTO products VALUES ('MUG-01', 'Enamel mug', 1200), ('TEE-02', 'Logo tee', 2500);
INSERT INTO orders (customer_id, sku, quantity) VALUES (1, 'MUG-01', 2), (2, 'TEE-02', 1), (1, 'TEE-02', 3), (3, 'MUG-01', 1);
"""


def quote(name):
    return '"' + name.replace('"', '""') + '"'


def describe(connection, only_table=None):
    objects = connection.execute(
        "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY type, name"
    ).fetchall()
    report = {"tables": [], "views": []}
    for kind, name in objects:
        if only_table and name != only_table:
            continue
        columns = []
        foreign = {row[3]: f"{row[2]}.{row[4]}" for row in connection.execute(f"PRAGMA foreign_key_list({quote(name)})")}
        unique = set()
        indexes = []
        if kind == "table":
            for _, index_name, is_unique, origin, _ in connection.execute(f"PRAGMA index_list({quote(name)})"):
                indexed = [row[2] for row in connection.execute(f"PRAGMA index_info({quote(index_name)})")]
                if is_unique and origin == "u" and len(indexed) == 1:
                    unique.add(indexed[0])
                if origin == "c":
                    indexes.append({"name": index_name, "columns": indexed, "unique": bool(is_unique)})
        for _, column, declared, not_null, default, primary in connection.execute(f"PRAGMA table_info({quote(name)})"):
            constraints = []
            if primary:
                constraints.append("primary key")
            if not_null:
                constraints.append("not null")
            if column in unique:
                constraints.append("unique")
            if default is not None:
                constraints.append(f"default {default}")
            columns.append({"name": column, "type": declared or "ANY", "constraints": constraints, "references": foreign.get(column)})
        entry = {"name": name, "columns": columns}
        if kind == "table":
            entry["rows"] = connection.execute(f"SELECT count(*) FROM {quote(name)}").fetchone()[0]
            entry["indexes"] = indexes
            if only_table:
                cursor = connection.execute(f"SELECT * FROM {quote(name)} LIMIT 5")
                entry["sample"] = [list(row) for row in cursor]
            report["tables"].append(entry)
        else:
            report["views"].append(entry)
    return report


def plural(count, word):
    return f"{count} {word}{'' if count == 1 else 'es' if word.endswith('x') else 's'}"


def print_report(label, report):
    index_count = sum(len(table["indexes"]) for table in report["tables"])
    print(f"{label}: {plural(len(report['tables']), 'table')}, {plural(len(report['views']), 'view')}, {plural(index_count, 'index')}")
    for kind, entries in (("table", report["tables"]), ("view", report["views"])):
        for entry in entries:
            rows = f" ({entry['rows']} rows)" if "rows" in entry else ""
            print(f"{kind} {entry['name']}{rows}")
            width = max([len(c["name"]) for c in entry["columns"]] + [4])
            for column in entry["columns"]:
                detail = ", ".join(column["constraints"])
                if column["references"]:
                    detail += f"{' ' if detail else ''}-> {column['references']}"
                print(f"  {column['name']:<{width}}  {column['type']:<8} {detail}".rstrip())
            for index in entry.get("indexes", []):
                print(f"  {'unique ' if index['unique'] else ''}index {index['name']} ({', '.join(index['columns'])})")
            for row in entry.get("sample", []):
                print(f"  sample: {row}")


def main(argv=None):
    parser = argparse.ArgumentParser(description="Describe a SQLite database read-only.")
    parser.add_argument("database", nargs="?", help="SQLite database file")
    parser.add_argument("--table", help="describe one table and show sample rows")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--demo", action="store_true", help="describe a small in-memory demo database")
    args = parser.parse_args(argv)
    if args.demo:
        connection = sqlite3.connect(":memory:")
        connection.executescript(DEMO_SCHEMA)
        label = "demo shop (in memory)"
    elif args.database:
        path = pathlib.Path(args.database)
        if not path.is_file():
            print(f"error: {args.database} is not a file. Give the path of a SQLite database, or --demo.", file=sys.stderr)
            return 2
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        label = args.database
    else:
        parser.error("give a database file, or --demo")
    try:
        report = describe(connection, args.table)
    except sqlite3.DatabaseError as error:
        print(f"error: {label} cannot be read as a SQLite database ({error}).", file=sys.stderr)
        return 1
    finally:
        connection.close()
    if args.table and not report["tables"] and not report["views"]:
        print(f"error: {label} has no table or view named {args.table!r}. Run without --table to list them.", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report, indent=2, default=str))
    else:
        print_report(label, report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
