#!/usr/bin/env python3
import argparse
import sqlite3
from pathlib import Path


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("--query")
    args = parser.parse_args()
    conn = sqlite3.connect(f"file:{args.db.resolve()}?mode=ro", uri=True)
    if args.query:
        cur = conn.execute(args.query)
        print("\t".join(d[0] for d in cur.description))
        for row in cur.fetchmany(100):
            print("\t".join(map(str, row)))
        return
    for (name,) in conn.execute("select name from sqlite_master where type='table' order by name"):
        cols = ", ".join(f"{c[1]} {c[2]}" for c in conn.execute(f'pragma table_info("{name}")'))
        count = conn.execute(f'select count(*) from "{name}"').fetchone()[0]
        print(f"{name} ({count} rows): {cols}")


if __name__ == "__main__":
    main()
