#!/usr/bin/env python3
"""Minimal Hetzner Cloud API client (servers, snapshots, power, firewalls)."""
from __future__ import annotations

import argparse
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

API = "https://api.hetzner.cloud/v1"


def token() -> str:
    t = os.environ.get("HCLOUD_TOKEN")
    if not t:
        sys.exit("HCLOUD_TOKEN is not set. Create a token in the Hetzner Console and export it.")
    return t


def call(method: str, path: str, body: dict | None = None, query: dict | None = None) -> dict:
    url = API + path + ("?" + urllib.parse.urlencode(query) if query else "")
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers={
        "Authorization": f"Bearer {token()}",
        "Content-Type": "application/json",
        "User-Agent": "hetzner-cloud-servers-skill/1.0",
    })
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return json.loads(r.read() or b"{}")
    except urllib.error.HTTPError as e:
        detail = e.read().decode(errors="replace")
        sys.exit(f"Hetzner API {e.code}: {detail}")


def all_pages(path: str, key: str) -> list[dict]:
    out, page = [], 1
    while True:
        data = call("GET", path, query={"page": page, "per_page": 50})
        out.extend(data.get(key, []))
        nxt = data.get("meta", {}).get("pagination", {}).get("next_page")
        if not nxt:
            return out
        page = nxt


def server_by_name(name: str) -> dict:
    res = call("GET", "/servers", query={"name": name}).get("servers", [])
    if not res:
        sys.exit(f"no server named {name!r}")
    return res[0]


def confirm(msg: str, yes: bool) -> None:
    if yes:
        return
    if input(f"{msg} [y/N] ").strip().lower() != "y":
        sys.exit("aborted")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--yes", action="store_true")
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("servers")
    s = sub.add_parser("server"); s.add_argument("name")
    s = sub.add_parser("snapshot"); s.add_argument("name"); s.add_argument("--description", default="")
    s = sub.add_parser("power"); s.add_argument("name"); s.add_argument("op", choices=["reboot", "shutdown", "poweron", "poweroff"])
    sub.add_parser("firewalls")
    s = sub.add_parser("attach-firewall"); s.add_argument("name"); s.add_argument("firewall")
    s = sub.add_parser("action"); s.add_argument("id", type=int)
    a = ap.parse_args()

    if a.cmd == "servers":
        servers = all_pages("/servers", "servers")
        if a.json:
            print(json.dumps(servers, indent=2)); return 0
        for sv in servers:
            pn = sv["public_net"]
            v4 = (pn.get("ipv4") or {}).get("ip", "-")
            v6 = (pn.get("ipv6") or {}).get("ip", "-")
            print(f"{sv['name']:<24} {sv['status']:<10} {sv['server_type']['name']:<8} {sv['datacenter']['location']['name']:<5} {v4:<16} {v6}")
    elif a.cmd == "server":
        print(json.dumps(server_by_name(a.name), indent=2))
    elif a.cmd == "snapshot":
        sv = server_by_name(a.name)
        confirm(f"Create snapshot of {sv['name']} (billed per GB/month)?", a.yes)
        r = call("POST", f"/servers/{sv['id']}/actions/create_image", {"type": "snapshot", "description": a.description or f"{sv['name']} snapshot"})
        print(f"image {r['image']['id']} creating; action {r['action']['id']}")
    elif a.cmd == "power":
        sv = server_by_name(a.name)
        confirm(f"{a.op} {sv['name']} (currently {sv['status']})?", a.yes)
        r = call("POST", f"/servers/{sv['id']}/actions/{a.op}", {})
        print(f"action {r['action']['id']} {r['action']['status']}")
    elif a.cmd == "firewalls":
        for fw in all_pages("/firewalls", "firewalls"):
            rules = ", ".join(f"{r['direction']} {r['protocol']} {r.get('port') or ''}".strip() for r in fw["rules"])
            print(f"{fw['name']:<20} applied_to={len(fw['applied_to'])}  {rules}")
    elif a.cmd == "attach-firewall":
        sv = server_by_name(a.name)
        fws = call("GET", "/firewalls", query={"name": a.firewall}).get("firewalls", [])
        if not fws:
            sys.exit(f"no firewall named {a.firewall!r}")
        confirm(f"Apply firewall {a.firewall} to {sv['name']}? Traffic not allowed by its rules will be dropped.", a.yes)
        r = call("POST", f"/firewalls/{fws[0]['id']}/actions/apply_to_resources",
                 {"apply_to": [{"type": "server", "server": {"id": sv["id"]}}]})
        print(json.dumps(r.get("actions", []), indent=2))
    elif a.cmd == "action":
        r = call("GET", f"/actions/{a.id}")["action"]
        print(f"{r['command']} {r['status']} {r['progress']}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
