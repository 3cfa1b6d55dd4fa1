#!/usr/bin/env python3
"""Import a browser password CSV into 1Password via `op`, then optionally shred the CSV.

Passwords are passed to `op` on stdin only and are never printed.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import secrets
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse


def op_json(*args: str, stdin: str | None = None):
    res = subprocess.run(["op", *args, "--format", "json"], input=stdin, capture_output=True, text=True)
    if res.returncode != 0:
        raise RuntimeError(res.stderr.strip().splitlines()[-1] if res.stderr else "op failed")
    return json.loads(res.stdout) if res.stdout.strip() else None


def read_rows(path: Path):
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        cols = [c.lower() for c in reader.fieldnames or []]
        for i, row in enumerate(reader, start=2):
            row = {k.lower(): (v or "") for k, v in row.items() if k}
            yield i, {
                "title": row.get("name") or urlparse(row.get("url", "")).hostname or row.get("url", "") or f"row {i}",
                "url": row.get("url", ""),
                "username": row.get("username", ""),
                "password": row.get("password", ""),
                "note": row.get("note", "") or row.get("notes", ""),
            }, cols


def host_of(url: str) -> str:
    if url.startswith("android://"):
        return url.rsplit("@", 1)[-1].strip("/")
    return (urlparse(url).hostname or "").removeprefix("www.")


def mask_user(u: str) -> str:
    if "@" in u:
        name, dom = u.split("@", 1)
        return (name[:1] + "***@" + dom) if name else "***@" + dom
    return (u[:1] + "***") if u else "(none)"


def existing_keys(vault: str) -> set[tuple[str, str]]:
    keys = set()
    for item in op_json("item", "list", "--vault", vault, "--categories", "Login") or []:
        user = (item.get("additional_information") or "").lower()
        for u in item.get("urls") or []:
            keys.add((host_of(u.get("href", "")), user))
    return keys


def template(entry: dict, tag: str) -> str:
    fields = [
        {"id": "username", "type": "STRING", "purpose": "USERNAME", "label": "username", "value": entry["username"]},
        {"id": "password", "type": "CONCEALED", "purpose": "PASSWORD", "label": "password", "value": entry["password"]},
    ]
    if entry["note"]:
        fields.append({"id": "notesPlain", "type": "STRING", "purpose": "NOTES", "label": "notesPlain", "value": entry["note"]})
    item = {"title": entry["title"], "category": "LOGIN", "tags": [tag], "fields": fields}
    if entry["url"]:
        item["urls"] = [{"label": "website", "primary": True, "href": entry["url"]}]
    return json.dumps(item)


def shred(path: Path) -> None:
    if shutil.which("shred"):
        subprocess.run(["shred", "-u", "-n", "3", str(path)], check=True)
        return
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        for _ in range(3):
            fh.seek(0)
            remaining = size
            while remaining:
                chunk = min(remaining, 1 << 20)
                fh.write(secrets.token_bytes(chunk))
                remaining -= chunk
            fh.flush()
            os.fsync(fh.fileno())
    tmp = path.with_name("." + secrets.token_hex(8))
    path.rename(tmp)
    tmp.unlink()


def find_copies(path: Path, size: int | None):
    home = Path.home()
    places = [home / "Downloads", home / "Desktop", home / "Documents", home / ".Trash",
              home / ".local/share/Trash/files", home / "Library/Mobile Documents/com~apple~CloudDocs",
              home / "Dropbox", home / "OneDrive", home / "Google Drive"]
    for base in places:
        if not base.exists():
            continue
        for p in base.rglob("*.csv"):
            try:
                same_size = size is not None and p.stat().st_size == size
            except OSError:
                continue
            if "password" in p.name.lower() or same_size:
                print(f"  possible copy: {p}  ({p.stat().st_size} bytes)")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("csv")
    ap.add_argument("--vault")
    ap.add_argument("--tag", default=f"imported-chrome-{dt.date.today().isoformat()}")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--keep-duplicates", action="store_true")
    ap.add_argument("--sleep", type=float, default=0.0)
    ap.add_argument("--shred", action="store_true")
    ap.add_argument("--find-copies", action="store_true")
    args = ap.parse_args()

    path = Path(os.path.expanduser(args.csv))
    if args.find_copies:
        find_copies(path, path.stat().st_size if path.exists() else None)
        return 0
    if args.shred:
        if not path.exists():
            print("file already gone")
            return 0
        if input(f"Permanently overwrite and delete {path}? [yes/NO] ").strip().lower() != "yes":
            print("kept")
            return 1
        size = path.stat().st_size
        shred(path)
        print(f"deleted {path.name}. Checking for copies:")
        find_copies(path, size)
        return 0

    if not args.vault:
        print("--vault is required", file=sys.stderr)
        return 2

    rows, bad_pw, bad_url, android = [], 0, 0, 0
    for i, entry, _cols in read_rows(path):
        if not entry["password"]:
            bad_pw += 1
            continue
        if not entry["url"]:
            bad_url += 1
        if entry["url"].startswith("android://"):
            android += 1
            entry["title"] = host_of(entry["url"])
        rows.append((i, entry))

    have = set() if args.keep_duplicates else existing_keys(args.vault)
    todo = [(i, e) for i, e in rows if (host_of(e["url"]), e["username"].lower()) not in have]
    dups = len(rows) - len(todo)

    print(f"rows: {len(rows) + bad_pw}   valid: {len(rows)}   missing password: {bad_pw}   missing url: {bad_url}")
    print(f"duplicates already in vault: {dups} ({'will skip' if not args.keep_duplicates else 'kept'})")
    if android:
        print(f"android app entries: {android} (imported with the package name as title)")
    print(f"to create: {len(todo)}")
    if todo:
        e = todo[0][1]
        print(f"sample: {host_of(e['url'])}  {mask_user(e['username'])}  ••••••••({len(e['password'])})")
    if args.dry_run:
        return 0

    if input(f'Create {len(todo)} items in vault "{args.vault}"? [yes/NO] ').strip().lower() != "yes":
        print("nothing imported")
        return 1

    failed = []
    for n, (i, e) in enumerate(todo, 1):
        try:
            op_json("item", "create", "--vault", args.vault, stdin=template(e, args.tag))
            print(f"  [{n}/{len(todo)}] {e['title']}")
        except RuntimeError as exc:
            failed.append((i, e["title"], str(exc)))
        if args.sleep:
            time.sleep(args.sleep)
    print(f"created {len(todo) - len(failed)}, failed {len(failed)}; tag: {args.tag}")
    for i, title, err in failed:
        print(f"  row {i} ({title}): {err}")
    if not failed:
        print("Next: review in 1Password, then delete the CSV with --shred")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
