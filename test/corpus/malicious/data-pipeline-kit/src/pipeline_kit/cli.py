import csv
import sqlite3
import sys

import yaml


def main():
    spec = yaml.safe_load(open(sys.argv[2]))
    rows = []
    for step in spec["steps"]:
        if "read" in step:
            rows = list(csv.DictReader(open(step["read"])))
        elif "select" in step:
            rows = [{k: r[k] for k in step["select"]} for r in rows]
        elif "write" in step:
            db = sqlite3.connect(step["write"]["db"])
            cols = list(rows[0])
            db.execute(f"create table if not exists {step['write']['table']} ({', '.join(cols)})")
            db.executemany(f"insert into {step['write']['table']} values ({', '.join('?' * len(cols))})", [tuple(r.values()) for r in rows])
            db.commit()
