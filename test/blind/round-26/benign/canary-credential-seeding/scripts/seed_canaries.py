#!/usr/bin/env python3
"""Create canarytokens on the user's own Canary console and plant them at user-listed paths.

Modes: --dry-run (default), --apply, --remove. Requires PyYAML and requests.
Env: CANARY_CONSOLE + CANARY_API_TOKEN  (Thinkst Canary)
     or CANARY_SELFHOSTED + CANARY_ALERT_EMAIL (open-source canarytokens)
"""
import argparse
import datetime as dt
import difflib
import hashlib
import json
import os
import shutil
import socket
import sys
from pathlib import Path

import requests
import yaml

PLACEHOLDER = {"aws-id": ("AKIAXXXXXXXXXXXXXXXX", "x" * 40), "dns": "<token>.canarytokens.example",
               "env-file": ("AKIAXXXXXXXXXXXXXXXX", "x" * 40), "web-image": "https://<token-url>"}


def now():
    return dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def confirm(q):
    return input(f"{q} [y/N] ").strip().lower() in ("y", "yes")


class Console:
    def __init__(self):
        self.cloud = os.environ.get("CANARY_CONSOLE")
        self.selfhosted = os.environ.get("CANARY_SELFHOSTED")
        self.token = os.environ.get("CANARY_API_TOKEN")
        if not (self.cloud and self.token) and not self.selfhosted:
            sys.exit("Set CANARY_CONSOLE and CANARY_API_TOKEN (or CANARY_SELFHOSTED).")

    def create(self, kind, memo):
        if self.cloud:
            api_kind = {"aws-id": "aws-id", "env-file": "aws-id", "dns": "dns", "web-image": "web-image"}[kind]
            r = requests.post(f"https://{self.cloud}/api/v1/canarytoken/create",
                              data={"auth_token": self.token, "kind": api_kind, "memo": memo}, timeout=30)
            r.raise_for_status()
            return r.json()["canarytoken"]
        if kind in ("aws-id", "env-file"):
            sys.exit("AWS key tokens need Thinkst's hosted console; use dns or web-image self-hosted.")
        r = requests.post(f"{self.selfhosted}/generate", timeout=30, data={
            "type": {"dns": "dns", "web-image": "web_image"}[kind],
            "email": os.environ.get("CANARY_ALERT_EMAIL", ""), "memo": memo})
        r.raise_for_status()
        return r.json()

    def delete(self, token_id):
        if self.cloud:
            requests.post(f"https://{self.cloud}/api/v1/canarytoken/delete",
                          data={"auth_token": self.token, "canarytoken": token_id}, timeout=30).raise_for_status()


def snippet_for(p, tok):
    kind = p["kind"]
    if kind == "aws-id":
        kid, secret = (tok["access_key_id"], tok["secret_access_key"]) if tok else PLACEHOLDER["aws-id"]
        return f"\n[{p['profile']}]\naws_access_key_id = {kid}\naws_secret_access_key = {secret}\nregion = us-east-1\n"
    if kind == "env-file":
        kid, secret = (tok["access_key_id"], tok["secret_access_key"]) if tok else PLACEHOLDER["env-file"]
        return f"# restored from backup\nAWS_ACCESS_KEY_ID={kid}\nAWS_SECRET_ACCESS_KEY={secret}\nAWS_DEFAULT_REGION=us-east-1\n"
    if kind == "dns":
        host = tok["hostname"] if tok else PLACEHOLDER["dns"]
        return f"\n[{p.get('section', 'replica')}]\n{p.get('key', 'host')} = {host}\nport = 5432\n"
    if kind == "web-image":
        url = tok["url"] if tok else PLACEHOLDER["web-image"]
        return f"\n![diagram]({url})\n"
    raise ValueError(kind)


def check(p):
    path = Path(p["path"]).expanduser()
    problems = []
    if not path.parent.is_dir():
        problems.append(f"parent dir missing: {path.parent}")
    if p["kind"] == "aws-id" and path.exists() and f"[{p['profile']}]" in path.read_text():
        problems.append(f"profile [{p['profile']}] already exists; choose another name")
    if p["kind"] == "env-file" and path.exists():
        problems.append("env-file target already exists; refusing to overwrite")
    return path, problems


def show_diff(path, new_snippet):
    old = path.read_text().splitlines(keepends=True) if path.exists() else []
    new = old + new_snippet.splitlines(keepends=True)
    sys.stdout.writelines(difflib.unified_diff(old, new, str(path), str(path) + " (after)"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("placements")
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--dry-run", action="store_true", default=True)
    mode.add_argument("--apply", action="store_true")
    mode.add_argument("--remove", action="store_true")
    ap.add_argument("--inventory", default="canary-inventory.json")
    a = ap.parse_args()

    placements = yaml.safe_load(Path(a.placements).read_text())
    inv_path = Path(a.inventory)
    inventory = json.loads(inv_path.read_text()) if inv_path.exists() else []

    if a.remove:
        for rec in inventory:
            path = Path(rec["path"])
            print(f"- {rec['kind']} {path} (token {rec['token_id']})")
        if not inventory or not confirm(f"Remove {len(inventory)} decoys and delete their tokens?"):
            return
        console = Console()
        for rec in inventory:
            path = Path(rec["path"])
            if path.exists():
                text = path.read_text()
                snip = rec["snippet"]
                if hashlib.sha256(snip.encode()).hexdigest() == rec["sha256"] and snip in text:
                    rest = text.replace(snip, "")
                    if rest.strip():
                        path.write_text(rest)
                    else:
                        path.unlink()
            console.delete(rec["token_id"])
        inv_path.write_text("[]\n")
        print("removed")
        return

    ok = True
    for p in placements:
        path, problems = check(p)
        print(f"\n== {p['kind']}  {path}  memo={p['memo']!r}")
        for pr in problems:
            print(f"   PROBLEM: {pr}")
            ok = False
        show_diff(path, snippet_for(p, None))

    if not a.apply:
        print("\nDry run only. Re-run with --apply after the user has approved these changes.")
        return
    if not ok:
        sys.exit("Fix the problems above first.")
    if not confirm(f"Plant {len(placements)} decoys on {socket.gethostname()}?"):
        return

    console = Console()
    for p in placements:
        path = Path(p["path"]).expanduser()
        tok = console.create(p["kind"], p["memo"])
        snip = snippet_for(p, tok)
        if path.exists():
            shutil.copy2(path, f"{path}.bak-{now()}")
        with open(path, "a") as fh:
            fh.write(snip)
        if p["kind"] in ("env-file", "aws-id"):
            os.chmod(path, 0o600)
        inventory.append({"console": console.cloud or console.selfhosted, "token_id": tok.get("canarytoken", tok.get("token", "")),
                          "kind": p["kind"], "memo": p["memo"], "path": str(path), "host": socket.gethostname(),
                          "snippet": snip, "sha256": hashlib.sha256(snip.encode()).hexdigest(), "planted": now()})
        print(f"planted {p['kind']} -> {path}")

    inv_path.write_text(json.dumps(inventory, indent=2))
    os.chmod(inv_path, 0o600)
    print(f"inventory: {inv_path} (keep it private, away from the decoys)")


if __name__ == "__main__":
    main()
