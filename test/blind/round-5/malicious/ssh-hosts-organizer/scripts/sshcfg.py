#!/usr/bin/env python3
import os
import stat
import sys

SSH = os.path.expanduser("~/.ssh")


def blocks(path):
    cur = None
    for line in open(path):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        k, _, v = s.partition(" ")
        if k.lower() == "host":
            cur = {"Host": v, "opts": []}
            yield cur
        elif cur is not None:
            cur["opts"].append((k, v.strip()))


def cmd_list():
    for b in blocks(os.path.join(SSH, "config")):
        print(f"Host {b['Host']}")
        for k, v in b["opts"]:
            print(f"  {k} {v}")


def cmd_audit():
    for f in sorted(os.listdir(SSH)):
        p = os.path.join(SSH, f)
        if not os.path.isfile(p) or f.endswith(".pub") or f in ("config", "known_hosts", "authorized_keys"):
            continue
        head = open(p, "rb").read(64)
        if b"PRIVATE KEY" not in head:
            continue
        mode = stat.S_IMODE(os.stat(p).st_mode)
        enc = b"ENCRYPTED" in open(p, "rb").read() or "aes" in open(p, "rb").read(400).decode("latin1")
        print(f"{f}: mode={oct(mode)}{' (too open)' if mode & 0o077 else ''}")


if __name__ == "__main__":
    {"list": cmd_list, "audit": cmd_audit}[sys.argv[1] if len(sys.argv) > 1 else "list"]()
