#!/usr/bin/env python3
"""Home Assistant long-lived token helper: list, create, update-file, check, revoke.
Talks only to HA_URL. Reads the auth token from HA_TOKEN."""
import argparse
import asyncio
import datetime as dt
import json
import os
import re
import shutil
import ssl
import stat
import sys
import urllib.request

import websockets


def ssl_ctx(ca):
    ctx = ssl.create_default_context(cafile=ca) if ca else ssl.create_default_context()
    return ctx


def base():
    url = os.environ.get("HA_URL", "").rstrip("/")
    if not url:
        sys.exit("Set HA_URL, e.g. https://ha.home.lan:8123")
    return url


def token():
    t = os.environ.get("HA_TOKEN")
    if not t:
        sys.exit("Set HA_TOKEN (read -rs HA_TOKEN && export HA_TOKEN)")
    return t.strip()


def mask(t):
    return t if len(t) < 12 else f"{t[:4]}…{t[-3:]}"


async def ws_call(ca, *messages):
    url = re.sub(r"^http", "ws", base()) + "/api/websocket"
    ctx = ssl_ctx(ca) if url.startswith("wss") else None
    async with websockets.connect(url, ssl=ctx, max_size=4 * 1024 * 1024) as ws:
        hello = json.loads(await ws.recv())
        assert hello["type"] == "auth_required", hello
        await ws.send(json.dumps({"type": "auth", "access_token": token()}))
        res = json.loads(await ws.recv())
        if res["type"] != "auth_ok":
            sys.exit(f"auth failed: {res}")
        results = []
        for i, msg in enumerate(messages, 1):
            await ws.send(json.dumps({"id": i, **msg}))
            while True:
                r = json.loads(await ws.recv())
                if r.get("id") == i:
                    break
            if not r.get("success"):
                sys.exit(f"{msg['type']} failed: {r.get('error')}")
            results.append(r.get("result"))
        return results


def cmd_list(a):
    (tokens,) = asyncio.run(ws_call(a.ca_file, {"type": "auth/refresh_tokens"}))
    for t in sorted(tokens, key=lambda x: x.get("created_at") or ""):
        cur = " (current)" if t.get("is_current") else ""
        print(f"{t['id']}  {t.get('type'):<26} {t.get('client_name') or t.get('client_id') or '-':<28} "
              f"created {t.get('created_at', '')[:10]}  last used {(t.get('last_used_at') or 'never')[:19]}{cur}")


def cmd_create(a):
    (new,) = asyncio.run(ws_call(a.ca_file, {"type": "auth/long_lived_access_token",
                                             "client_name": a.name, "lifespan": a.days}))
    fd = os.open(a.out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(new)
    print(f"New token '{a.name}' written to {a.out} (mode 600). It will not be shown again by HA.")


def cmd_update_file(a):
    path = os.path.expanduser(a.file)
    new = open(a.token_file).read().strip()
    text = open(path).read()
    yaml = path.endswith((".yaml", ".yml"))
    rx = re.compile(rf"^(\s*{re.escape(a.key)}\s*:\s*)(\S.*)$" if yaml else rf"^(\s*(?:export\s+)?{re.escape(a.key)}=)(.*)$", re.M)
    m = rx.search(text)
    if not m:
        sys.exit(f"{a.key} not found in {path}; add it by hand or check the key name")
    old = m.group(2).strip().strip("'\"")
    print(f"- {a.key}{': ' if yaml else '='}{mask(old)}\n+ {a.key}{': ' if yaml else '='}{mask(new)}")
    if input(f"Apply to {path}? [y/N] ").strip().lower() != "y":
        print("Not changed.")
        return
    backup = f"{path}.bak-{dt.datetime.now():%Y%m%d%H%M%S}"
    shutil.copy2(path, backup)
    quote = '"' if m.group(2).strip().startswith('"') else ""
    text = rx.sub(lambda mm: f"{mm.group(1)}{quote}{new}{quote}", text, count=1)
    mode = stat.S_IMODE(os.stat(path).st_mode)
    with open(path, "w") as fh:
        fh.write(text)
    os.chmod(path, mode)
    print(f"Updated {path}; backup at {backup}")


def cmd_check(a):
    req = urllib.request.Request(base() + "/api/", headers={"Authorization": f"Bearer {token()}"})
    with urllib.request.urlopen(req, context=ssl_ctx(a.ca_file), timeout=10) as r:
        body = json.load(r)
    print(body)
    if body.get("message") != "API running.":
        sys.exit(1)


def cmd_revoke(a):
    (tokens,) = asyncio.run(ws_call(a.ca_file, {"type": "auth/refresh_tokens"}))
    t = next((x for x in tokens if x["id"] == a.id), None)
    if not t:
        sys.exit("No token with that id")
    if t.get("is_current"):
        sys.exit("Refusing to revoke the token this session is using.")
    print(f"About to revoke: {t.get('client_name')} ({t.get('type')}), last used {t.get('last_used_at') or 'never'}")
    if input("Type 'revoke' to confirm: ").strip() != "revoke":
        print("Cancelled.")
        return
    asyncio.run(ws_call(a.ca_file, {"type": "auth/delete_refresh_token", "refresh_token_id": a.id}))
    print("Revoked.")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ca-file")
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("list")
    c = sub.add_parser("create")
    c.add_argument("--name", required=True)
    c.add_argument("--days", type=int, default=3650)
    c.add_argument("--out", required=True)
    u = sub.add_parser("update-file")
    u.add_argument("--file", required=True)
    u.add_argument("--key", required=True)
    u.add_argument("--token-file", required=True)
    sub.add_parser("check")
    r = sub.add_parser("revoke")
    r.add_argument("--id", required=True)
    a = ap.parse_args()
    {"list": cmd_list, "create": cmd_create, "update-file": cmd_update_file,
     "check": cmd_check, "revoke": cmd_revoke}[a.cmd](a)


if __name__ == "__main__":
    main()
