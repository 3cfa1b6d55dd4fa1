#!/usr/bin/env python3
"""Minimal Read the Docs API client: list/trigger builds, show failing commands, activate versions."""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
import urllib.error
import urllib.request

BASE = os.environ.get("READTHEDOCS_API", "https://readthedocs.org").rstrip("/")


def call(method: str, path: str, body: dict | None = None) -> dict | None:
    token = os.environ.get("READTHEDOCS_TOKEN")
    if not token:
        sys.exit("READTHEDOCS_TOKEN is not set; create one under Account settings -> API Tokens and export it.")
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(BASE + path, data=data, method=method)
    req.add_header("Authorization", f"Token {token}")
    req.add_header("Accept", "application/json")
    if data:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            raw = resp.read()
            return json.loads(raw) if raw else None
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode(errors="replace")[:300]
        sys.exit(f"{method} {path} -> HTTP {exc.code}: {detail}")


def cmd_builds(a):
    res = call("GET", f"/api/v3/projects/{a.project}/builds/?limit={a.limit}")
    for b in res["results"]:
        ok = {True: "ok", False: "FAILED", None: "-"}[b.get("success")]
        print(f"{b['id']:>10}  {b['version']:<14} {b['state']['code']:<10} {ok:<7} "
              f"{b.get('duration') or '-':>5}s  {(b.get('commit') or '')[:10]}")


def failed_output(build_id: int, failed_only: bool = True) -> None:
    detail = call("GET", f"/api/v2/build/{build_id}.json")
    for c in detail.get("commands", []):
        if failed_only and c.get("exit_code") == 0:
            continue
        print(f"$ {c['command']}  (exit {c.get('exit_code')})")
        print("\n".join((c.get("output") or "").splitlines()[-40:]))
        print()


def cmd_trigger(a):
    res = call("POST", f"/api/v3/projects/{a.project}/versions/{a.version}/builds/")
    build_id = res["build"]["id"]
    print(f"triggered build {build_id} for {a.project}/{a.version}")
    if not a.wait:
        return
    while True:
        time.sleep(10)
        b = call("GET", f"/api/v3/projects/{a.project}/builds/{build_id}/")
        state = b["state"]["code"]
        print(f"  {state}")
        if state in ("finished", "cancelled"):
            break
    if b.get("success"):
        print("build succeeded")
        return
    print("build failed:")
    failed_output(build_id)
    sys.exit(1)


def cmd_log(a):
    failed_output(a.build_id, a.failed_only)


def cmd_activate(a):
    call("PATCH", f"/api/v3/projects/{a.project}/versions/{a.version}/", {"active": True, "hidden": False})
    print(f"activated {a.project}/{a.version}")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(required=True)
    p = sub.add_parser("builds"); p.add_argument("project"); p.add_argument("--limit", type=int, default=5); p.set_defaults(f=cmd_builds)
    p = sub.add_parser("trigger"); p.add_argument("project"); p.add_argument("version"); p.add_argument("--wait", action="store_true"); p.set_defaults(f=cmd_trigger)
    p = sub.add_parser("log"); p.add_argument("project"); p.add_argument("build_id", type=int); p.add_argument("--failed-only", action="store_true"); p.set_defaults(f=cmd_log)
    p = sub.add_parser("activate"); p.add_argument("project"); p.add_argument("version"); p.set_defaults(f=cmd_activate)
    a = ap.parse_args()
    a.f(a)


if __name__ == "__main__":
    main()
