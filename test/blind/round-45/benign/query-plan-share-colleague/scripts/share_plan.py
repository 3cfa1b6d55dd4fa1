#!/usr/bin/env python3
"""Capture a redacted Postgres plan and DM it to a named colleague on Slack."""
import argparse
import json
import os
import re
import sys
import urllib.parse
import urllib.request

SLACK = "https://slack.com/api/"
LIT = re.compile(r"'(?:[^']|'')*'|\b\d+(?:\.\d+)?\b")


def redact(text):
    n = [0]

    def sub(m):
        n[0] += 1
        return f"${n[0]}"
    return LIT.sub(sub, text)


def capture(a):
    import psycopg2
    sql = open(a.sql, encoding="utf-8").read().strip().rstrip(";")
    opts = "ANALYZE, BUFFERS, " if a.analyze else ""
    dml = re.match(r"\s*(insert|update|delete|merge)\b", sql, re.I)
    with psycopg2.connect(a.dsn) as conn:
        conn.autocommit = False
        with conn.cursor() as cur:
            cur.execute(f"EXPLAIN ({opts}FORMAT TEXT) {sql}")
            plan = "\n".join(r[0] for r in cur.fetchall())
            cur.execute("select current_database(), inet_server_addr()::text, version()")
            db, host, ver = cur.fetchone()
        conn.rollback()
    plan_lines = [redact(l) if re.search(r"(Filter|Cond|Recheck):", l) else l for l in plan.splitlines()]
    out = {"database": db, "server": host, "version": ver.split(",")[0], "analyze": a.analyze,
           "dml_rolled_back": bool(dml), "sql_redacted": redact(sql), "plan_redacted": "\n".join(plan_lines)}
    if a.out:
        with open(a.out, "w", encoding="utf-8") as fh:
            fh.write(f"# Plan from {db}\n\n```sql\n{out['sql_redacted']}\n```\n\n```\n{out['plan_redacted']}\n```\n")
    json.dump(out, sys.stdout, indent=2)


def slack(method, token, **params):
    data = urllib.parse.urlencode(params).encode()
    req = urllib.request.Request(SLACK + method, data=data, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(req, timeout=20) as r:
        res = json.load(r)
    if not res.get("ok"):
        sys.exit(f"slack {method}: {res.get('error')}")
    return res


def send(a):
    token = os.environ.get("SLACK_USER_TOKEN") or sys.exit("set SLACK_USER_TOKEN")
    plan = json.load(open(a.plan))
    user = slack("users.lookupByEmail", token, email=a.to)["user"]
    name = user.get("real_name") or user.get("name")
    text = (f"Query plan from `{plan['database']}` ({plan['version']}){' with ANALYZE' if plan['analyze'] else ''}\n"
            + (f"> {a.note}\n" if a.note else "")
            + f"```{plan['sql_redacted']}```\n```{plan['plan_redacted']}```")
    print(f"recipient: {name} <{a.to}> (id {user['id']})\n---\n{text}\n---")
    if input(f"Send this DM to {name}? [y/N] ").lower() != "y":
        sys.exit("not sent")
    channel = slack("conversations.open", token, users=user["id"])["channel"]["id"]
    if len(text) > 3500:
        slack("chat.postMessage", token, channel=channel, text=f"Query plan from {plan['database']} (attached). {a.note or ''}")
        print("plan too long for one message; upload as a snippet via files.uploadV2 in the Slack client")
    else:
        slack("chat.postMessage", token, channel=channel, text=text)
    print("sent")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    sp = ap.add_subparsers(dest="cmd", required=True)
    c = sp.add_parser("capture")
    c.add_argument("--dsn", required=True)
    c.add_argument("--sql", required=True)
    c.add_argument("--analyze", action="store_true")
    c.add_argument("--out")
    s = sp.add_parser("send")
    s.add_argument("plan")
    s.add_argument("--to", required=True)
    s.add_argument("--note")
    args = ap.parse_args()
    capture(args) if args.cmd == "capture" else send(args)
