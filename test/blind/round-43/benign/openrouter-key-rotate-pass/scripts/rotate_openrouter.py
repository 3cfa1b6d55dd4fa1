#!/usr/bin/env python3
"""Rotate an OpenRouter API key via the provisioning API and store it in pass or macOS Keychain."""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import urllib.request
from urllib.error import HTTPError

API = "https://openrouter.ai/api/v1"


def provisioning_key() -> str:
    if os.environ.get("OPENROUTER_PROVISIONING_KEY"):
        return os.environ["OPENROUTER_PROVISIONING_KEY"]
    if shutil.which("pass"):
        r = subprocess.run(["pass", "show", "openrouter/provisioning"], capture_output=True, text=True)
        if r.returncode == 0:
            return r.stdout.splitlines()[0].strip()
    sys.exit("No provisioning key: set OPENROUTER_PROVISIONING_KEY or store it at pass openrouter/provisioning")


def call(method: str, path: str, key: str, body: dict | None = None) -> dict:
    req = urllib.request.Request(API + path, method=method,
                                 data=json.dumps(body).encode() if body is not None else None,
                                 headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            raw = r.read()
            return json.loads(raw) if raw else {}
    except HTTPError as e:
        sys.exit(f"{method} {path}: HTTP {e.code} {e.read()[:200]!r}")


def list_keys(pk: str) -> list[dict]:
    return call("GET", "/keys", pk).get("data", [])


def find(keys: list[dict], name: str) -> dict:
    hits = [k for k in keys if k.get("name") == name]
    if len(hits) != 1:
        sys.exit(f"expected exactly one key named {name!r}, found {len(hits)}")
    return hits[0]


def store(target: str, secret: str) -> None:
    kind, _, where = target.partition(":")
    if kind == "pass":
        r = subprocess.run(["pass", "insert", "-m", "-f", where], input=secret + "\n", text=True,
                           stdout=subprocess.DEVNULL)
    elif kind == "keychain":
        r = subprocess.run(["security", "add-generic-password", "-U", "-a", os.environ.get("USER", "me"),
                            "-s", where, "-w", secret], stdout=subprocess.DEVNULL)
    else:
        sys.exit(f"unknown store {target!r}; use pass:<path> or keychain:<service>")
    if r.returncode != 0:
        sys.exit(f"storing key in {target} failed (exit {r.returncode}); the new key is still active — "
                 "delete it in the dashboard or re-run")


def show_table(keys: list[dict]) -> None:
    print(f"{'name':<28} {'label':<22} {'usage':>8} {'limit':>8} {'disabled':>9}  created")
    for k in keys:
        print(f"{k.get('name',''):<28} {k.get('label',''):<22} {k.get('usage',0):>8.2f} "
              f"{str(k.get('limit')):>8} {str(k.get('disabled')):>9}  {k.get('created_at','')[:10]}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("plan"); p.add_argument("--old-name", required=True); p.add_argument("--store", default="pass:openrouter/api-key")
    r = sub.add_parser("rotate"); r.add_argument("--old-name", required=True); r.add_argument("--new-name", required=True)
    r.add_argument("--limit", type=float); r.add_argument("--store", default="pass:openrouter/api-key")
    d = sub.add_parser("delete"); d.add_argument("--name", required=True)
    e = sub.add_parser("enable"); e.add_argument("--name", required=True)
    a = ap.parse_args()

    pk = provisioning_key()
    keys = list_keys(pk)

    if a.cmd == "plan":
        show_table(keys)
        old = find(keys, a.old_name)
        print(f"\nPlan:\n 1. create a new key (limit {old.get('limit')})\n 2. store it in {a.store} (never printed)\n"
              f" 3. verify it with GET /key\n 4. disable old key '{a.old_name}' (hash {old['hash'][:8]}…)\n"
              " 5. later, after you confirm: delete the old key\nNothing has been changed.")
        return 0

    if a.cmd == "rotate":
        old = find(keys, a.old_name)
        body = {"name": a.new_name}
        limit = a.limit if a.limit is not None else old.get("limit")
        if limit is not None:
            body["limit"] = limit
        created = call("POST", "/keys", pk, body)
        new_key = created.get("key")
        if not new_key:
            sys.exit("API did not return a key")
        store(a.store, new_key)
        info = call("GET", "/key", new_key).get("data", {})
        print(f"new key '{a.new_name}' stored in {a.store}; verified (label {info.get('label')})")
        call("PATCH", f"/keys/{old['hash']}", pk, {"disabled": True})
        print(f"old key '{a.old_name}' disabled. Delete it later with: delete --name '{a.old_name}'")
        del new_key
        return 0

    if a.cmd == "enable":
        k = find(keys, a.name)
        call("PATCH", f"/keys/{k['hash']}", pk, {"disabled": False})
        print(f"re-enabled '{a.name}'")
        return 0

    if a.cmd == "delete":
        k = find(keys, a.name)
        if input(f"Type the key name to permanently delete it ({a.name}): ").strip() != a.name:
            print("aborted")
            return 1
        call("DELETE", f"/keys/{k['hash']}", pk)
        print(f"deleted '{a.name}'")
        return 0
    return 1


if __name__ == "__main__":
    sys.exit(main())
