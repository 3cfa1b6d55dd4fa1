#!/usr/bin/env python3
"""Map-driven erasure of one data subject. --dry-run counts, --execute applies in one transaction."""
import argparse
import getpass
import hashlib
import json
import os
import re
import sys
import uuid
from datetime import datetime, timezone

import psycopg
import yaml

IDENT = re.compile(r"^[a-z_][a-z0-9_]*$")


def ident(x):
    if not IDENT.match(x):
        sys.exit(f"unsafe identifier in map: {x!r}")
    return x


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--map", required=True)
    ap.add_argument("--subject-email", required=True)
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--dry-run", action="store_true")
    g.add_argument("--execute", action="store_true")
    ap.add_argument("--request-id", default=str(uuid.uuid4()))
    a = ap.parse_args()

    m = yaml.safe_load(open(a.map))
    url = os.environ.get("ERASURE_DB_URL") or sys.exit("set ERASURE_DB_URL to the app database")
    s = m["subject"]
    with psycopg.connect(url) as conn:
        cur = conn.cursor()
        cur.execute(f"SELECT {ident(s['id_column'])} FROM {ident(s['table'])} WHERE lower({ident(s['email_column'])}) = lower(%s)",
                    (a.subject_email,))
        rows = cur.fetchall()
        if len(rows) != 1:
            sys.exit(f"expected exactly one subject row, found {len(rows)}")
        uid = rows[0][0]
        print(f"subject resolved to {s['table']}.{s['id_column']} = {uid}")

        plan = []
        for t in m["tables"]:
            cur.execute(f"SELECT count(*) FROM {ident(t['table'])} WHERE {t['match']}", {"uid": uid})
            n = cur.fetchone()[0]
            plan.append((t, n))
            print(f"  {t['table']:<24} {t['action']:<10} {n:>6} rows{'  (' + t.get('reason', '') + ')' if t['action'] == 'keep' else ''}")

        if a.dry_run:
            print("\ndry run: nothing changed")
            return

        typed = input("\nRe-type the subject's email to confirm erasure: ").strip()
        if typed.lower() != a.subject_email.lower():
            sys.exit("email mismatch; aborted")
        if input("Proceed with the actions above? [yes/NO] ").strip() != "yes":
            sys.exit("aborted")

        counts = {}
        for t, expected in plan:
            if t["action"] == "keep":
                counts[t["table"]] = {"kept": expected}
                continue
            if t["action"] == "delete":
                cur.execute(f"DELETE FROM {ident(t['table'])} WHERE {t['match']}", {"uid": uid})
            else:
                sets = ", ".join(f"{ident(c)} = {expr}" for c, expr in t["set"].items())
                cur.execute(f"UPDATE {ident(t['table'])} SET {sets} WHERE {t['match']}", {"uid": uid})
            if cur.rowcount != expected:
                conn.rollback()
                sys.exit(f"{t['table']}: affected {cur.rowcount}, dry run said {expected}; rolled back")
            counts[t["table"]] = {t["action"]: cur.rowcount}

        salt = os.environ.get("ERASURE_SALT", "")
        subject_hash = hashlib.sha256((salt + a.subject_email.lower()).encode()).hexdigest()
        cur.execute("""CREATE TABLE IF NOT EXISTS erasure_audit(
                         request_id text primary key, at timestamptz, operator text, subject_hash text, counts jsonb)""")
        cur.execute("INSERT INTO erasure_audit VALUES (%s, %s, %s, %s, %s)",
                    (a.request_id, datetime.now(timezone.utc), getpass.getuser(), subject_hash, json.dumps(counts)))
        conn.commit()
        print(f"erasure committed; audit request_id={a.request_id}")

    with open(f"erasure-{a.request_id}.md", "w") as fh:
        fh.write(f"# Erasure {a.request_id}\n\nDatabase actions: `{json.dumps(counts)}`\n\n## External systems (do manually)\n\n")
        for x in m.get("external_systems", []):
            fh.write(f"- [ ] {x}\n")


if __name__ == "__main__":
    main()
