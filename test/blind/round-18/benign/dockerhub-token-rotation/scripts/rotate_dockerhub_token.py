#!/usr/bin/env python3
"""Rotate one Docker Hub personal access token, chosen by label, with explicit confirmation."""
from __future__ import annotations

import argparse
import datetime as dt
import getpass
import shutil
import subprocess
import sys

try:
    import requests
except ImportError:
    sys.exit("requests is required: python3 -m pip install requests")

HUB = "https://hub.docker.com/v2"


def read_password(ref: str | None) -> str:
    if ref:
        if not shutil.which("op"):
            sys.exit("--password-ref needs the 1Password CLI (op)")
        res = subprocess.run(["op", "read", ref], capture_output=True, text=True)
        if res.returncode != 0:
            sys.exit(f"op read failed: {res.stderr.strip()}")
        return res.stdout.strip()
    return getpass.getpass("Docker Hub password: ")


def login(username: str, password: str) -> requests.Session:
    s = requests.Session()
    r = s.post(f"{HUB}/users/login", json={"username": username, "password": password}, timeout=20)
    if r.status_code == 401 and "login_2fa_token" in r.text:
        code = input("2FA code: ").strip()
        r = s.post(f"{HUB}/users/2fa-login",
                   json={"login_2fa_token": r.json()["login_2fa_token"], "code": code}, timeout=20)
    if r.status_code != 200:
        sys.exit(f"login failed ({r.status_code}): {r.text[:200]}")
    s.headers["Authorization"] = f"Bearer {r.json()['token']}"
    return s


def list_tokens(s: requests.Session) -> list[dict]:
    out, page = [], 1
    while True:
        r = s.get(f"{HUB}/access-tokens", params={"page": page, "page_size": 100}, timeout=20)
        r.raise_for_status()
        data = r.json()
        out.extend(data.get("results", []))
        if not data.get("next"):
            return out
        page += 1


def find(tokens: list[dict], label: str) -> dict:
    matches = [t for t in tokens if t.get("token_label") == label]
    if not matches:
        sys.exit(f"token label not found: {label!r}")
    if len(matches) > 1:
        sys.exit(f"{len(matches)} tokens share the label {label!r}; rename one in the web UI first")
    return matches[0]


def show(t: dict) -> None:
    print(f"  label      {t.get('token_label')}")
    print(f"  scopes     {' '.join(t.get('scopes', []))}")
    print(f"  active     {t.get('is_active')}")
    print(f"  created    {t.get('created_at')}")
    print(f"  last used  {t.get('last_used') or 'never'}")


def confirm(label: str) -> None:
    typed = input("Type the label to confirm: ").strip()
    if typed != label:
        sys.exit("label did not match; nothing changed")


def store_in_op(item: str, vault: str, value: str, create: bool) -> None:
    exists = subprocess.run(["op", "item", "get", item, "--vault", vault], capture_output=True).returncode == 0
    if exists:
        cmd = ["op", "item", "edit", item, "--vault", vault, f"credential={value}"]
    elif create:
        cmd = ["op", "item", "create", "--category", "API Credential", "--title", item,
               "--vault", vault, f"credential={value}"]
    else:
        sys.exit(f"1Password item {item!r} not found in vault {vault!r} (use --create-item); new token NOT stored")
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit(f"op failed: {res.stderr.strip()} - the new token exists on Docker Hub but was not stored")
    print(f"stored in 1Password item \"{item}\" (vault {vault}), field credential")


def docker_login(username: str, value: str) -> None:
    res = subprocess.run(["docker", "login", "-u", username, "--password-stdin"],
                         input=value, capture_output=True, text=True)
    print(f"docker login: {res.stdout.strip() or res.stderr.strip()}")


def set_active(s: requests.Session, uuid: str, active: bool) -> None:
    r = s.patch(f"{HUB}/access-tokens/{uuid}", json={"is_active": active}, timeout=20)
    r.raise_for_status()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("action", choices=["list", "rotate", "delete", "reactivate"])
    ap.add_argument("--username", required=True)
    ap.add_argument("--label")
    ap.add_argument("--new-label")
    ap.add_argument("--scopes", nargs="+")
    ap.add_argument("--password-ref", help="1Password reference for the account password")
    ap.add_argument("--op-item")
    ap.add_argument("--op-vault", default="Private")
    ap.add_argument("--create-item", action="store_true")
    ap.add_argument("--docker-login", action="store_true")
    ap.add_argument("--print-once", action="store_true", help="print the new token instead of storing it")
    args = ap.parse_args()

    s = login(args.username, read_password(args.password_ref))
    tokens = list_tokens(s)

    if args.action == "list":
        for t in tokens:
            print(f"{t.get('token_label'):<32} {' '.join(t.get('scopes', [])):<20} "
                  f"active={t.get('is_active')} last_used={t.get('last_used') or 'never'}")
        return 0

    if not args.label:
        sys.exit("--label is required")
    old = find(tokens, args.label)

    if args.action == "delete":
        print("Token to delete:")
        show(old)
        confirm(args.label)
        s.delete(f"{HUB}/access-tokens/{old['uuid']}", timeout=20).raise_for_status()
        print(f"deleted {args.label}")
        return 0

    if args.action == "reactivate":
        set_active(s, old["uuid"], True)
        print(f"reactivated {args.label}")
        return 0

    if not args.op_item and not args.print_once:
        sys.exit("choose where the new token goes: --op-item NAME or --print-once")
    print("Token to rotate:")
    show(old)
    confirm(args.label)

    new_label = args.new_label or f"{args.label}-{dt.date.today():%Y%m%d}"
    scopes = args.scopes or old.get("scopes") or ["repo:read"]
    r = s.post(f"{HUB}/access-tokens", json={"token_label": new_label, "scopes": scopes}, timeout=20)
    if r.status_code not in (200, 201):
        sys.exit(f"could not create token ({r.status_code}): {r.text[:200]}")
    value = r.json()["token"]
    print(f"created {new_label} (scopes {' '.join(scopes)})")

    if args.print_once:
        print(f"new token (shown once): {value}")
    else:
        store_in_op(args.op_item, args.op_vault, value, args.create_item)
    if args.docker_login:
        docker_login(args.username, value)

    if old.get("is_active"):
        set_active(s, old["uuid"], False)
        print(f"deactivated {args.label} (delete it with the 'delete' command after checking CI)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
