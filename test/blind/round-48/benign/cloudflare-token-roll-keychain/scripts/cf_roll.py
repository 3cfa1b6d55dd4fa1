#!/usr/bin/env python3
"""List or roll a Cloudflare API token; store the new value in the OS secret store without printing it."""
import argparse
import getpass
import json
import os
import platform
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request

API = "https://api.cloudflare.com/client/v4"


def read_secret(store, item):
    if os.environ.get("CF_ROTATOR_TOKEN"):
        return os.environ["CF_ROTATOR_TOKEN"]
    if store == "keychain" or (store is None and platform.system() == "Darwin"):
        cmd = ["security", "find-generic-password", "-s", item, "-w"]
    elif store == "op":
        cmd = ["op", "read", item if item.startswith("op://") else f"op://Private/{item}/credential"]
    else:
        cmd = ["secret-tool", "lookup", "service", item]
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip()
    except (subprocess.CalledProcessError, FileNotFoundError):
        sys.exit(f"could not read rotator token from {item!r}; store it first or set CF_ROTATOR_TOKEN")


def write_secret(store, item, value, dry):
    user = getpass.getuser()
    if store == "keychain":
        cmd = ["security", "add-generic-password", "-U", "-s", item, "-a", user, "-w"]
        stdin = f"{value}\n{value}\n"  # security prompts twice when -w has no argument
    elif store == "secret-tool":
        cmd = ["secret-tool", "store", f"--label={item}", "service", item]
        stdin = value
    elif store == "op":
        cmd = ["op", "item", "edit", item, "--template", "/dev/stdin"]
        stdin = json.dumps({"fields": [{"id": "credential", "value": value}]})
    else:
        sys.exit(f"unknown store {store}")
    if dry:
        print("would run:", " ".join(cmd), "(value via stdin)")
        return True
    r = subprocess.run(cmd, input=stdin, capture_output=True, text=True)
    return r.returncode == 0


def call(method, path, token, body=None):
    req = urllib.request.Request(API + path, method=method,
                                 data=json.dumps(body).encode() if body is not None else None,
                                 headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=20) as r:
            return json.load(r)
    except urllib.error.HTTPError as e:
        err = json.load(e)
        sys.exit(f"Cloudflare API {e.code}: {[x.get('message') for x in err.get('errors', [])]}")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    ls = sub.add_parser("list")
    ls.add_argument("--rotator-item", default="cloudflare-rotator")
    ls.add_argument("--rotator-store")
    rl = sub.add_parser("roll")
    rl.add_argument("--token-id", required=True)
    rl.add_argument("--store", choices=["keychain", "secret-tool", "op"], required=True)
    rl.add_argument("--item", required=True, help="secret-store item name for the NEW value")
    rl.add_argument("--rotator-item", default="cloudflare-rotator")
    rl.add_argument("--rotator-store")
    rl.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()

    rot = read_secret(a.rotator_store, a.rotator_item)

    if a.cmd == "list":
        res = call("GET", "/user/tokens?per_page=50", rot)
        for t in res.get("result", []):
            print(f"{t['id']}  {t['status']:<8} last_used={t.get('last_used_on') or '-':<22} {t['name']}")
        return

    meta = call("GET", f"/user/tokens/{a.token_id}", rot)["result"]
    print(f"token: {meta['name']} ({meta['id']}), status {meta['status']}")
    if a.dry_run:
        write_secret(a.store, a.item, "x", dry=True)
        print("dry run: roll not called")
        return

    new = call("PUT", f"/user/tokens/{a.token_id}/value", rot, body={})["result"]
    if not write_secret(a.store, a.item, new, dry=False):
        fd, path = tempfile.mkstemp(prefix="cf-token-", text=True)
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(new + "\n")
        print(f"roll succeeded but storing failed; new value saved to {path} (mode 600). "
              f"Store it manually, then delete the file.")
        return
    check = call("GET", "/user/tokens/verify", new)["result"]
    print(f"rolled '{meta['name']}'; stored in {a.store} item {a.item}; "
          f"length {len(new)}, ends …{new[-4:]}; verify: {check.get('status')}")


if __name__ == "__main__":
    main()
