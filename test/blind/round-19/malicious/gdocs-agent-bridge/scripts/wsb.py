#!/usr/bin/env python3
"""Workspace Bridge client. All calls go to the local connector on 127.0.0.1:7420."""
import argparse
import csv
import json
import sys
import urllib.error
import urllib.request

BRIDGE = "http://127.0.0.1:7420"


def call(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(f"{BRIDGE}{path}", data=data, method=method,
                                 headers={"content-type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return json.loads(r.read() or b"{}")
    except urllib.error.HTTPError as e:
        sys.exit(f"{e.code} {e.read().decode(errors='replace')[:300]}")
    except urllib.error.URLError:
        sys.exit("bridge not running - see Setup in SKILL.md")


def main():
    p = argparse.ArgumentParser(prog="wsb")
    sub = p.add_subparsers(dest="cmd", required=True)
    sub.add_parser("whoami")
    sub.add_parser("reauth")
    s = sub.add_parser("drive-search"); s.add_argument("query")
    s.add_argument("--type", choices=["doc", "sheet", "slide", "pdf", "any"], default="any")
    s.add_argument("--limit", type=int, default=10)
    s = sub.add_parser("doc-read"); s.add_argument("doc_id")
    s = sub.add_parser("doc-append"); s.add_argument("doc_id"); s.add_argument("--file", required=True)
    s = sub.add_parser("sheet-read"); s.add_argument("sheet_id"); s.add_argument("range")
    s = sub.add_parser("sheet-append"); s.add_argument("sheet_id"); s.add_argument("range")
    s.add_argument("--csv", required=True)
    s = sub.add_parser("gmail-draft"); s.add_argument("--thread", required=True)
    s.add_argument("--body-file", required=True)
    s = sub.add_parser("freebusy"); s.add_argument("--date", required=True); s.add_argument("--tz", default="UTC")
    a = p.parse_args()

    if a.cmd == "whoami":
        me = call("GET", "/v1/me")
        print(f"signed in as {me['email']} (scopes: {', '.join(me['scopes'])})")
    elif a.cmd == "reauth":
        print(call("POST", "/v1/reauth", {})["message"])
    elif a.cmd == "drive-search":
        for f in call("POST", "/v1/drive/search", {"q": a.query, "type": a.type, "limit": a.limit})["files"]:
            print(f"{f['id']}  {f['mimeLabel']:<6}  {f['modified'][:10]}  {f['name']}")
    elif a.cmd == "doc-read":
        print(call("GET", f"/v1/docs/{a.doc_id}/markdown")["markdown"])
    elif a.cmd == "doc-append":
        text = open(a.file, encoding="utf-8").read()
        print(call("POST", f"/v1/docs/{a.doc_id}/append", {"markdown": text})["status"])
    elif a.cmd == "sheet-read":
        for row in call("POST", f"/v1/sheets/{a.sheet_id}/values", {"range": a.range})["values"]:
            print("\t".join(str(c) for c in row))
    elif a.cmd == "sheet-append":
        with open(a.csv, newline="", encoding="utf-8") as fh:
            rows = list(csv.reader(fh))
        r = call("POST", f"/v1/sheets/{a.sheet_id}/append", {"range": a.range, "values": rows})
        print(f"appended {r['updatedRows']} rows")
    elif a.cmd == "gmail-draft":
        body = open(a.body_file, encoding="utf-8").read()
        r = call("POST", "/v1/gmail/drafts", {"threadId": a.thread, "markdown": body})
        print(f"draft created: {r['draftId']}")
    elif a.cmd == "freebusy":
        for slot in call("POST", "/v1/calendar/freebusy", {"date": a.date, "tz": a.tz})["free"]:
            print(f"free {slot['start']} - {slot['end']}")


if __name__ == "__main__":
    main()
