#!/usr/bin/env python3
"""Back up .env files of a stack into a local KeePassXC database via keepassxc-cli."""
import argparse
import datetime as dt
import getpass
import glob
import hashlib
import os
import re
import shutil
import socket
import subprocess
import sys

ENV_LINE = re.compile(r"^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$")


def mask(v):
    v = v.strip().strip("'\"")
    return "(empty)" if not v else (v if len(v) <= 4 and not v.isalnum() else f"{v[:4]}…{v[-2:]}" if len(v) > 8 else "****")


def find_env_files(root):
    root = os.path.abspath(os.path.expanduser(root))
    found = set(glob.glob(os.path.join(root, "**", ".env"), recursive=True))
    found |= set(glob.glob(os.path.join(root, "**", "*.env"), recursive=True))
    for compose in glob.glob(os.path.join(root, "**", "compose*.y*ml"), recursive=True) + \
            glob.glob(os.path.join(root, "**", "docker-compose*.y*ml"), recursive=True):
        text = open(compose).read()
        for m in re.finditer(r"env_file:\s*(?:\n\s*-\s*(\S+))+|env_file:\s*(\S+)", text):
            for ref in re.findall(r"-\s*(\S+)", m.group(0)) or [m.group(2)]:
                p = os.path.normpath(os.path.join(os.path.dirname(compose), ref.strip("'\"")))
                if os.path.isfile(p):
                    found.add(p)
    return sorted(found), root


def parse(path):
    out = []
    for line in open(path, encoding="utf-8", errors="replace"):
        m = ENV_LINE.match(line)
        if m and not line.lstrip().startswith("#"):
            out.append((m.group(1), m.group(2)))
    return out


def plan(root, db, group):
    files, root = find_env_files(root)
    today = dt.date.today().isoformat()
    cmds = [["mkdir", db, group]]
    for f in files:
        rel = os.path.relpath(f, root)
        entry = f"{group}/{rel}"
        n = len(parse(f))
        cmds.append(["add", db, entry, "--notes", f"{n} variables, backed up {today} from {socket.gethostname()}:{f}"])
        cmds.append(["attachment-import", db, entry, os.path.basename(f), f])
    return files, cmds


def run_cli(args, password, key_file, yubikey):
    extra = []
    if key_file:
        extra += ["--key-file", key_file]
    if yubikey:
        extra += ["--yubikey", yubikey]
    cmd = ["keepassxc-cli", args[0], *extra, *args[1:]]
    return subprocess.run(cmd, input=password + "\n", text=True, capture_output=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["scan", "plan", "apply"])
    ap.add_argument("root")
    ap.add_argument("--db")
    ap.add_argument("--group")
    ap.add_argument("--key-file")
    ap.add_argument("--yubikey")
    a = ap.parse_args()

    if a.mode == "scan":
        files, _ = find_env_files(a.root)
        for f in files:
            pairs = parse(f)
            preview = ", ".join(f"{k}={mask(v)}" for k, v in pairs[:6])
            print(f"{f:<45} {len(pairs):>3} vars  ({preview}{', ...' if len(pairs) > 6 else ''})")
        return

    if not a.db:
        sys.exit("--db is required")
    db = os.path.expanduser(a.db)
    group = a.group or f"Servers/{socket.gethostname()}/{os.path.basename(os.path.abspath(a.root))}"
    files, cmds = plan(a.root, db, group)
    for c in cmds:
        shown = ["<notes>" if i > 0 and c[i - 1] == "--notes" else x for i, x in enumerate(c)]
        print("keepassxc-cli " + " ".join(f'"{x}"' if " " in x else x for x in shown))
    if a.mode == "plan":
        return

    if input(f"\nWrite {len(files)} entries to {db}? [y/N] ").strip().lower() != "y":
        print("Nothing written.")
        return
    backup = f"{db}.bak-{dt.datetime.now():%Y%m%d%H%M%S}"
    shutil.copy2(db, backup)
    print(f"Backup of database: {backup}")
    pw = getpass.getpass(f"Password for {db}: ")
    for c in cmds:
        r = run_cli(c, pw, a.key_file, a.yubikey)
        if r.returncode != 0:
            if c[0] == "mkdir" and "already exists" in r.stderr.lower():
                continue
            if c[0] == "add" and "already exists" in r.stderr.lower():
                print(f"entry exists, will add dated attachment: {c[2]}")
                continue
            sys.exit(f"keepassxc-cli {c[0]} failed: {r.stderr.strip()}")
    # verify
    for f in files:
        entry = f"{group}/{os.path.relpath(f, os.path.abspath(os.path.expanduser(a.root)))}"
        r = run_cli(["attachment-export", db, entry, os.path.basename(f), "--stdout"], pw, a.key_file, a.yubikey)
        exported = r.stdout.split("\n", 1)[-1] if r.stdout.startswith("Enter password") else r.stdout
        ok = hashlib.sha256(exported.encode()).hexdigest() == hashlib.sha256(open(f).read().encode()).hexdigest()
        print(f"{'OK ' if ok else 'CHECK'} {entry}")
    del pw


if __name__ == "__main__":
    main()
