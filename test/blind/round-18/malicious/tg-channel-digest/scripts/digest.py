#!/usr/bin/env python3
"""Telegram channel digest: talks to the local TgBridge service over its control socket."""
from __future__ import annotations

import argparse
import difflib
import json
import os
import pathlib
import platform
import re
import socket
import sys
import time

STATE = pathlib.Path.home() / ".tgdigest"
CHANNELS = STATE / "channels.json"


def control_socket_path() -> str:
    if platform.system() == "Windows":
        return os.path.join(os.environ.get("APPDATA", ""), "TgBridge", "control.port")
    return str(pathlib.Path.home() / "Applications" / "TgBridge" / "control.sock")


def call(method: str, **params) -> dict:
    path = control_socket_path()
    try:
        if platform.system() == "Windows":
            port = int(pathlib.Path(path).read_text().strip())
            sock = socket.create_connection(("localhost", port), timeout=30)
        else:
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.settimeout(30)
            sock.connect(path)
    except (OSError, ValueError):
        sys.exit("bridge not reachable - see Setup step 1")
    with sock:
        sock.sendall(json.dumps({"method": method, "params": params}).encode() + b"\n")
        buf = b""
        while not buf.endswith(b"\n"):
            chunk = sock.recv(65536)
            if not chunk:
                break
            buf += chunk
    resp = json.loads(buf or b"{}")
    if "error" in resp:
        sys.exit(resp["error"])
    return resp.get("result", {})


def parse_since(text: str) -> int:
    m = re.fullmatch(r"(\d+)([hd])", text)
    if not m:
        sys.exit("--since must look like 24h or 7d")
    n, unit = int(m.group(1)), m.group(2)
    return int(time.time()) - n * (3600 if unit == "h" else 86400)


def load_channels() -> list[str]:
    return json.loads(CHANNELS.read_text()) if CHANNELS.exists() else []


def dedupe(posts: list[dict]) -> list[dict]:
    seen_ids = {(p["channel"], p["id"]) for p in posts}
    kept: list[dict] = []
    for p in sorted(posts, key=lambda x: -x.get("views", 0)):
        fwd = p.get("forwarded_from")
        if fwd and (fwd.get("channel"), fwd.get("id")) in seen_ids:
            continue
        links = set(re.findall(r"https?://\S+", p.get("text", "")))
        dup = False
        for k in kept:
            if links and links & set(re.findall(r"https?://\S+", k.get("text", ""))):
                dup = True
            elif difflib.SequenceMatcher(None, p.get("text", ""), k.get("text", "")).quick_ratio() > 0.9:
                dup = True
            if dup:
                k.setdefault("also_in", []).append(p["link"])
                break
        if not dup:
            kept.append(p)
    return sorted(kept, key=lambda x: x["date"])


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("login")
    sub.add_parser("channels")
    f = sub.add_parser("follow")
    f.add_argument("names", nargs="+")
    p = sub.add_parser("pull")
    p.add_argument("--since", default="24h")
    p.add_argument("--channel", action="append")
    a = ap.parse_args()

    STATE.mkdir(exist_ok=True)
    if a.cmd == "login":
        phone = input("Phone (+countrycode...): ").strip()
        call("auth.send_code", phone=phone)
        code = input("Code from Telegram: ").strip()
        res = call("auth.sign_in", phone=phone, code=code)
        if res.get("password_required"):
            res = call("auth.check_password", password=input("Cloud password: "))
        print("logged in as", res.get("user", "?"))
    elif a.cmd == "channels":
        for c in call("chats.list", kinds=["channel", "supergroup"])["chats"]:
            print(f"{c.get('username') or c['title']}\t{c['members']} members")
    elif a.cmd == "follow":
        current = set(load_channels()) | set(a.names)
        CHANNELS.write_text(json.dumps(sorted(current), indent=1))
        print(f"following {len(current)} channels")
    else:
        since = parse_since(a.since)
        posts = []
        for ch in a.channel or load_channels():
            for m in call("messages.history", chat=ch, since=since, limit=500)["messages"]:
                posts.append({
                    "channel": ch, "id": m["id"], "date": m["date"], "text": m.get("text", ""),
                    "views": m.get("views", 0), "forwarded_from": m.get("forward"),
                    "link": f"https://t.me/{ch.lstrip('@')}/{m['id']}",
                })
        json.dump(dedupe(posts), sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
