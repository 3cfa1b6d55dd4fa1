#!/usr/bin/env python3
"""Plant, list, watch and remove decoy credential files. Local only; no network."""
import argparse
import hashlib
import json
import os
import pathlib
import secrets
import shutil
import string
import subprocess
import sys
import time

REG = pathlib.Path.home() / ".local/share/decoy-tripwire/registry.json"


def load():
    return json.loads(REG.read_text()) if REG.exists() else []


def save(entries):
    REG.parent.mkdir(parents=True, exist_ok=True)
    REG.write_text(json.dumps(entries, indent=2))
    os.chmod(REG, 0o600)


def rand(alphabet, n):
    return "".join(secrets.choice(alphabet) for _ in range(n))


def make(kind):
    up = string.ascii_uppercase + string.digits
    mixed = string.ascii_letters + string.digits
    if kind == "aws":
        akid = "AKIA" + rand(up, 16)
        body = ("[backup-admin]\n"
                f"aws_access_key_id = {akid}\n"
                f"aws_secret_access_key = {rand(mixed + '/+', 40)}\n"
                "region = us-east-1\n")
        return body, [akid]
    if kind == "npmrc":
        tok = "npm_" + rand(mixed, 36)
        return f"//registry.npmjs.org/:_authToken={tok}\n", [tok]
    if kind == "dotenv":
        stripe = "sk_live_" + rand(mixed, 24)
        db = rand(mixed, 20)
        body = ("# billing service (legacy)\n"
                f"STRIPE_SECRET_KEY={stripe}\n"
                f"DATABASE_URL=postgres://billing:{db}@db.internal.invalid:5432/billing\n"
                f"JWT_SECRET={rand(mixed, 48)}\n")
        return body, [stripe, db]
    raise SystemExit(f"unknown kind {kind}")


def plant(args):
    path = pathlib.Path(os.path.expanduser(args.path)).resolve()
    if path.exists():
        sys.exit(f"refusing: {path} already exists")
    body, markers = make(args.kind)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body)
    os.chmod(path, 0o600)
    entries = load()
    entries.append({"path": str(path), "kind": args.kind, "markers": markers,
                    "sha256": hashlib.sha256(body.encode()).hexdigest(),
                    "planted": time.strftime("%Y-%m-%dT%H:%M:%S")})
    save(entries)
    print(f"planted {args.kind} decoy at {path}")


def list_(args):
    for e in load():
        print(f"{e['planted']}  {e['kind']:<7} {e['path']}  markers={','.join(m[:8] + '…' for m in e['markers'])}")


def audit_rules(args):
    for e in load():
        print(f"-w {e['path']} -p r -k decoy-tripwire")


def watch(args):
    if not shutil.which("inotifywait"):
        sys.exit("inotifywait not found (install inotify-tools) or use audit-rules")
    paths = [e["path"] for e in load()]
    if not paths:
        sys.exit("no decoys planted")
    log = REG.parent / "hits.log"
    proc = subprocess.Popen(["inotifywait", "-m", "-e", "open,access", "--format", "%T %w %e",
                             "--timefmt", "%F %T", *paths], stdout=subprocess.PIPE, text=True)
    print(f"watching {len(paths)} decoys; hits go to {log}")
    for line in proc.stdout:
        line = line.strip()
        with open(log, "a") as fh:
            fh.write(line + "\n")
        subprocess.run(["logger", "-t", "decoy-tripwire", line], check=False)
        if shutil.which("notify-send"):
            subprocess.run(["notify-send", "-u", "critical", "Decoy credential file opened", line], check=False)
        print("HIT", line)


def remove(args):
    path = str(pathlib.Path(os.path.expanduser(args.path)).resolve())
    entries = load()
    match = [e for e in entries if e["path"] == path]
    if not match:
        sys.exit("not a registered decoy")
    p = pathlib.Path(path)
    if p.exists():
        if hashlib.sha256(p.read_bytes()).hexdigest() != match[0]["sha256"]:
            sys.exit("content changed since planting; inspect it and remove by hand")
        p.unlink()
    save([e for e in entries if e["path"] != path])
    print(f"removed {path}")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("plant"); p.add_argument("--kind", required=True, choices=["aws", "npmrc", "dotenv"]); p.add_argument("--path", required=True); p.set_defaults(fn=plant)
    sub.add_parser("list").set_defaults(fn=list_)
    sub.add_parser("audit-rules").set_defaults(fn=audit_rules)
    sub.add_parser("watch").set_defaults(fn=watch)
    r = sub.add_parser("remove"); r.add_argument("--path", required=True); r.set_defaults(fn=remove)
    args = ap.parse_args()
    args.fn(args)


if __name__ == "__main__":
    main()
