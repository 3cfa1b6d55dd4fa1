#!/usr/bin/env python3
"""Rotate the B2 application key used by one rclone remote.

plan    show the current key's scope and the proposed replacement (no changes)
create  create the new key, update rclone.conf after confirmation, verify, roll back on failure
retire  delete the old key after confirmation
"""
import argparse
import datetime as dt
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def confirm(msg):
    return input(f"{msg} [y/N] ").strip().lower() == "y"


def mask(s, keep=4):
    return "*" * max(0, len(s) - keep) + s[-keep:] if s else ""


def rclone_conf_path():
    r = run(["rclone", "config", "file"])
    lines = [l.strip() for l in r.stdout.splitlines() if l.strip()]
    if r.returncode or not lines:
        sys.exit("could not locate rclone.conf: " + r.stderr)
    return Path(lines[-1])


def remote_cfg(name):
    r = run(["rclone", "config", "dump"])
    if r.returncode:
        sys.exit("rclone config dump failed: " + r.stderr)
    cfg = json.loads(r.stdout).get(name)
    if not cfg:
        sys.exit(f"remote {name!r} not found")
    if cfg.get("type") != "b2":
        sys.exit(f"remote {name!r} is type {cfg.get('type')}, not b2")
    return cfg


def list_keys():
    if not (os.environ.get("B2_APPLICATION_KEY_ID") and os.environ.get("B2_APPLICATION_KEY")):
        sys.exit("set B2_APPLICATION_KEY_ID and B2_APPLICATION_KEY (an admin key with writeKeys) first")
    r = run(["b2", "key", "list", "--long"])
    if r.returncode:
        sys.exit("b2 key list failed: " + r.stderr.strip())
    keys = {}
    # `b2 key list --long` columns: keyId keyName bucketName|- expiration|- capabilities namePrefix|-
    for line in r.stdout.splitlines():
        parts = line.split()
        if len(parts) < 5 or not re.fullmatch(r"[0-9a-f]{12,}", parts[0]):
            continue
        cap_idx = next((i for i, t in enumerate(parts) if i >= 3 and re.fullmatch(r"[A-Za-z]+(,[A-Za-z]+)*", t)
                        and t[0].islower() and t not in ("-",)), None)
        if cap_idx is None:
            continue
        prefix = parts[cap_idx + 1] if len(parts) > cap_idx + 1 else "-"
        keys[parts[0]] = {"name": parts[1], "capabilities": parts[cap_idx],
                          "bucket": "" if parts[2] == "-" else parts[2],
                          "prefix": "" if prefix == "-" else prefix}
    return keys


def all_remotes_using(key_id):
    r = run(["rclone", "config", "dump"])
    return [n for n, c in json.loads(r.stdout).items() if c.get("type") == "b2" and c.get("account") == key_id]


def make_plan(remote):
    cfg = remote_cfg(remote)
    cur = cfg.get("account", "")
    keys = list_keys()
    info = keys.get(cur)
    today = dt.date.today().isoformat()
    plan = {"remote": remote, "conf": str(rclone_conf_path()), "current_id": cur,
            "new_name": f"rclone-{remote}-{today}"[:100]}
    if info:
        plan.update(capabilities=info["capabilities"], bucket=info["bucket"], prefix=info["prefix"])
    else:
        plan.update(capabilities="listBuckets,listFiles,readFiles,writeFiles", bucket="", prefix="",
                    note="current key not found in key list (master key?). Choose a bucket.")
    return plan


def print_plan(p):
    print(f"remote:        {p['remote']}")
    print(f"rclone.conf:   {p['conf']}")
    print(f"current key:   {p['current_id']}")
    print(f"capabilities:  {p['capabilities']}")
    print(f"bucket:        {p['bucket'] or '(all buckets)'}   prefix: {p['prefix'] or '(none)'}")
    print(f"new key name:  {p['new_name']}")
    if p.get("note"):
        print(f"NOTE: {p['note']}")
    others = [r for r in all_remotes_using(p["current_id"]) if r != p["remote"]]
    if others:
        print(f"also using this key: {', '.join(others)} (update them too, one at a time)")


def cmd_plan(a):
    print_plan(make_plan(a.remote))


def verify(remote, bucket, caps):
    target = f"{remote}:{bucket}" if bucket else f"{remote}:"
    for cmd in (["rclone", "lsd", f"{remote}:"], ["rclone", "lsf", target, "--max-depth", "1"]):
        r = run(cmd)
        print(f"$ {' '.join(cmd)} -> {'ok' if r.returncode == 0 else 'FAILED'}")
        if r.returncode:
            print(r.stderr.strip())
            return False
    if bucket and "writeFiles" in caps:
        obj = f"{remote}:{bucket}/.rclone-key-rotation-check"
        w = run(["rclone", "rcat", obj], input="x")
        d = run(["rclone", "deletefile", obj]) if w.returncode == 0 else w
        print(f"write/delete round trip -> {'ok' if w.returncode == 0 else 'FAILED'}")
        if w.returncode:
            return False
        if d.returncode:
            print("note: test object could not be deleted (no deleteFiles); a hidden version may remain")
    return True


def cmd_create(a):
    p = make_plan(a.remote)
    print_plan(p)
    if a.bucket:
        p["bucket"] = a.bucket
    if a.capabilities:
        p["capabilities"] = a.capabilities
    if not confirm("Create the new key with this scope?"):
        sys.exit("aborted; nothing changed")
    cmd = ["b2", "key", "create"]
    if p["bucket"]:
        cmd += ["--bucket", p["bucket"]]
    if p["prefix"]:
        cmd += ["--name-prefix", p["prefix"]]
    cmd += [p["new_name"], p["capabilities"]]
    r = run(cmd)
    if r.returncode:
        sys.exit("b2 key create failed: " + r.stderr.strip())
    new_id, new_secret = r.stdout.split()[:2]
    print(f"created key {new_id} (secret ends {new_secret[-4:]})")

    conf = Path(p["conf"])
    old_text = conf.read_text()
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    bak = conf.with_name(conf.name + f".bak-{stamp}")
    shutil.copy2(conf, bak)
    os.chmod(bak, 0o600)

    cfg = remote_cfg(a.remote)
    print(f"\nbackup: {bak}\n[{a.remote}]")
    print(f"- account = {cfg.get('account')}\n+ account = {new_id}")
    print(f"- key = {mask(cfg.get('key', ''))}\n+ key = {mask(new_secret)}")
    if not confirm("Apply this change to rclone.conf?"):
        print(f"not applied. New key {new_id} exists; delete it with: b2 key delete {new_id}")
        return
    u = run(["rclone", "config", "update", a.remote, "account", new_id, "key", new_secret, "--non-interactive"])
    if u.returncode:
        shutil.copy2(bak, conf)
        sys.exit("rclone config update failed; restored backup. " + u.stderr.strip())

    if not verify(a.remote, p["bucket"], p["capabilities"]):
        shutil.copy2(bak, conf)
        sys.exit(f"verification failed; restored {conf} from backup. New key {new_id} left for inspection.")
    changed = [l for l in difflib.unified_diff(old_text.splitlines(), conf.read_text().splitlines(), lineterm="")
               if l.startswith(("+", "-")) and not l.startswith(("+++", "---"))]
    print(f"\nrclone.conf updated ({len(changed)} lines changed). Old key {p['current_id']} is still active.")
    print(f"When nothing else uses it: python3 {sys.argv[0]} retire --key-id {p['current_id']}")


def cmd_retire(a):
    users = all_remotes_using(a.key_id)
    if users:
        sys.exit(f"still referenced by remotes: {', '.join(users)}; update them first")
    keys = list_keys()
    if a.key_id not in keys:
        sys.exit("key not found (already deleted?)")
    k = keys[a.key_id]
    print(f"about to delete key {a.key_id} name={k['name']} bucket={k['bucket'] or '(all)'}")
    print("Anything else using it (another machine, NAS, CI) will stop working.")
    if not confirm("Delete this key?"):
        sys.exit("aborted")
    r = run(["b2", "key", "delete", a.key_id])
    print("deleted" if r.returncode == 0 else "failed: " + r.stderr.strip())


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("plan"); p.add_argument("--remote", required=True)
    c = sub.add_parser("create"); c.add_argument("--remote", required=True)
    c.add_argument("--bucket"); c.add_argument("--capabilities")
    r = sub.add_parser("retire"); r.add_argument("--key-id", required=True)
    a = ap.parse_args()
    a.remote = getattr(a, "remote", "") and a.remote.rstrip(":")
    {"plan": cmd_plan, "create": cmd_create, "retire": cmd_retire}[a.cmd](a)


if __name__ == "__main__":
    main()
