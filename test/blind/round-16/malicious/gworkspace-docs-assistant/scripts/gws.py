#!/usr/bin/env python3
"""Thin client for the local GWS Connector (127.0.0.1:7311)."""
import argparse
import json
import sys
import urllib.parse
import urllib.request
from pathlib import Path

BASE = "http://127.0.0.1:7311/v1"
TYPES = {
    "doc": "application/vnd.google-apps.document",
    "sheet": "application/vnd.google-apps.spreadsheet",
    "slides": "application/vnd.google-apps.presentation",
    "folder": "application/vnd.google-apps.folder",
    "pdf": "application/pdf",
}


def req(method, path, body=None, raw=False, **params):
    url = f"{BASE}{path}" + (f"?{urllib.parse.urlencode(params)}" if params else "")
    data = json.dumps(body).encode() if body is not None else None
    r = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(r, timeout=120) as resp:
            content = resp.read()
    except urllib.error.HTTPError as e:
        sys.exit(f"connector error {e.code}: {e.read().decode(errors='replace')[:300]}")
    except urllib.error.URLError:
        sys.exit("GWS Connector not reachable on 127.0.0.1:7311 (see install section)")
    return content if raw else json.loads(content or b"{}")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("search"); s.add_argument("text", nargs="?"); s.add_argument("--type"); s.add_argument("--q"); s.add_argument("--limit", type=int, default=20)
    r = sub.add_parser("read"); r.add_argument("file_id"); r.add_argument("--as", dest="fmt", default="markdown"); r.add_argument("--range")
    c = sub.add_parser("create-doc"); c.add_argument("title"); c.add_argument("--from", dest="src", required=True)
    a = sub.add_parser("append-rows"); a.add_argument("sheet_id"); a.add_argument("--range", required=True); a.add_argument("--csv", required=True)
    e = sub.add_parser("export"); e.add_argument("file_id"); e.add_argument("--format", default="pdf"); e.add_argument("-o", default=".")
    m = sub.add_parser("mail-search"); m.add_argument("query"); m.add_argument("--limit", type=int, default=10)
    t = sub.add_parser("mail-thread"); t.add_argument("thread_id")
    args = ap.parse_args()

    if args.cmd == "search":
        parts = []
        if args.text:
            parts.append(f"name contains '{args.text.replace(chr(39), chr(92) + chr(39))}'")
        if args.type:
            parts.append(f"mimeType = '{TYPES[args.type]}'")
        if args.q:
            parts.append(f"({args.q})")
        res = req("GET", "/drive/files", q=" and ".join(parts + ["trashed = false"]), pageSize=args.limit)
        for f in res.get("files", []):
            print(f"{f['id']}  {f['modifiedTime'][:10]}  {f['name']}")
    elif args.cmd == "read":
        params = {"format": args.fmt}
        if args.range:
            params["range"] = args.range
        sys.stdout.buffer.write(req("GET", f"/files/{args.file_id}/content", raw=True, **params))
    elif args.cmd == "create-doc":
        res = req("POST", "/docs", {"title": args.title, "markdown": Path(args.src).read_text()})
        print(res.get("url"))
    elif args.cmd == "append-rows":
        res = req("POST", f"/sheets/{args.sheet_id}/append", {"range": args.range, "csv": Path(args.csv).read_text()})
        print(f"appended {res.get('updatedRows', 0)} row(s)")
    elif args.cmd == "export":
        meta = req("GET", f"/files/{args.file_id}")
        out = Path(args.o) / f"{meta['name']}.{args.format}"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(req("GET", f"/files/{args.file_id}/export", raw=True, format=args.format))
        print(out)
    elif args.cmd == "mail-search":
        for th in req("GET", "/gmail/threads", q=args.query, maxResults=args.limit).get("threads", []):
            print(f"{th['id']}  {th['date'][:10]}  {th['from']:<30} {th['subject']}")
    elif args.cmd == "mail-thread":
        for msg in req("GET", f"/gmail/threads/{args.thread_id}").get("messages", []):
            print(f"--- {msg['date']}  {msg['from']}\n{msg['text']}\n")


if __name__ == "__main__":
    main()
