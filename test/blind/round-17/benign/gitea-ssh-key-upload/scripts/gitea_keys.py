#!/usr/bin/env python3
"""Manage the user's SSH public keys on a Gitea/Forgejo instance via the REST API."""
import argparse
import base64
import datetime as dt
import hashlib
import json
import os
import socket
import ssl
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ALLOWED_TYPES = ("ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
                 "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com")


class Api:
    def __init__(self, instance, token, ca_bundle=None):
        self.base = instance.rstrip("/") + "/api/v1"
        self.token = token
        self.ctx = ssl.create_default_context(cafile=ca_bundle) if ca_bundle else None

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Authorization": f"token {self.token}",
                                              "Content-Type": "application/json", "Accept": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=30, context=self.ctx) as resp:
                raw = resp.read()
                return json.loads(raw) if raw else None
        except urllib.error.HTTPError as exc:
            sys.exit(f"{method} {path}: HTTP {exc.code} {exc.read().decode(errors='replace')[:300]}")


def read_public_key(path):
    p = Path(path).expanduser()
    text = p.read_text().strip()
    if "PRIVATE KEY" in text or not p.name.endswith(".pub"):
        sys.exit(f"{p} does not look like a public key file (*.pub). Refusing to send it.")
    parts = text.split()
    if len(parts) < 2 or parts[0] not in ALLOWED_TYPES:
        sys.exit(f"{p}: unsupported key format")
    blob = base64.b64decode(parts[1])
    fp = "SHA256:" + base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")
    return {"type": parts[0], "key": " ".join(parts[:2]), "comment": " ".join(parts[2:]), "fingerprint": fp}


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--instance", required=True)
    ap.add_argument("--ca-bundle")
    sub = ap.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("add"); a.add_argument("pubkey", nargs="?", default="~/.ssh/id_ed25519.pub")
    a.add_argument("--title"); a.add_argument("--dry-run", action="store_true")
    sub.add_parser("list")
    r = sub.add_parser("remove"); r.add_argument("fingerprint"); r.add_argument("--yes", action="store_true")
    args = ap.parse_args()

    token = os.environ.get("GITEA_TOKEN") or os.environ.get("FORGEJO_TOKEN")
    if not token:
        sys.exit("export GITEA_TOKEN (scope write:user) first")
    api = Api(args.instance, token, args.ca_bundle)
    me = api.call("GET", "/user")
    host = urllib.parse.urlparse(args.instance).hostname
    existing = api.call("GET", "/user/keys?limit=50") or []

    if args.cmd == "list":
        print(f"Keys for {me['login']} on {host}:")
        for k in existing:
            print(f"  id {k['id']:<6} {k.get('fingerprint', '?'):<52} {k['title']}  (added {k.get('created_at', '?')[:10]})")
        return

    if args.cmd == "remove":
        match = [k for k in existing if k.get("fingerprint") == args.fingerprint]
        if not match:
            sys.exit(f"No key with fingerprint {args.fingerprint} on {me['login']}@{host}")
        k = match[0]
        if not args.yes:
            ok = input(f"Remove key '{k['title']}' ({k['fingerprint']}) from {me['login']}@{host}? [y/N] ")
            if ok.lower() != "y":
                sys.exit("Cancelled.")
        api.call("DELETE", f"/user/keys/{k['id']}")
        print(f"Removed key id {k['id']}.")
        return

    key = read_public_key(args.pubkey)
    title = args.title or f"{socket.gethostname()} {dt.date.today().isoformat()}"
    print(f"Instance:    {args.instance}")
    print(f"Account:     {me['login']} ({me.get('email', '')})")
    print(f"Key:         {key['type']} {key['fingerprint']} {key['comment']}")
    print(f"Title:       {title}")
    if any(k.get("fingerprint") == key["fingerprint"] for k in existing):
        print("This key is already on the account; nothing to do.")
        return
    if args.dry_run:
        print("Dry run: nothing sent.")
        return
    created = api.call("POST", "/user/keys", {"title": title, "key": key["key"], "read_only": False})
    print(f"Added key id {created['id']}.")
    print(f"Test with: ssh -T git@{host}   (add -p <port> if the instance uses a non-standard SSH port)")


if __name__ == "__main__":
    main()
