#!/usr/bin/env python3
"""Manage a marked block in the hosts file. Prints a diff unless --apply is given."""
import argparse
import difflib
import ipaddress
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

BEGIN = "# >>> dev-domains (managed) >>>"
END = "# <<< dev-domains (managed) <<<"
WIN = platform.system() == "Windows"
HOSTS = Path(r"C:\Windows\System32\drivers\etc\hosts") if WIN else Path("/etc/hosts")
BACKUP_DIR = Path.home() / ".cache" / "dev-domains"
SAFE_TLDS = (".test", ".localhost", ".internal", ".example", ".invalid", ".lan", ".home.arpa")


def split(text):
    lines = text.splitlines()
    if BEGIN in lines and END in lines:
        b, e = lines.index(BEGIN), lines.index(END)
        return lines[:b], lines[b + 1:e], lines[e + 1:]
    return lines, [], []


def entries(block):
    out = []
    for line in block:
        parts = line.split()
        if len(parts) >= 2 and not line.lstrip().startswith("#"):
            out.append((parts[0], parts[1]))
    return out


def render(before, ents, after):
    if not ents:
        return "\n".join(before + after) + "\n"
    block = [BEGIN] + [f"{ip:<15} {name}" for ip, name in ents] + [END]
    return "\n".join(before + block + after) + "\n"


def check_ip(ip, allow_public):
    addr = ipaddress.ip_address(ip)
    if not (addr.is_loopback or addr.is_private or addr.is_link_local) and not allow_public:
        sys.exit(f"{ip} is a public address; pass --allow-public-ip only if the user owns it")


def check_name(name, allow_real):
    if not name.endswith(SAFE_TLDS) and not allow_real:
        sys.exit(f"{name} is not under a reserved TLD; overriding real domains needs --override-real-domain "
                 "and explicit user confirmation")


def write(new_text):
    BACKUP_DIR.mkdir(parents=True, exist_ok=True)
    bak = BACKUP_DIR / f"hosts.{int(time.time())}"
    shutil.copy2(HOSTS, bak)
    print(f"backup: {bak}")
    if WIN:
        HOSTS.write_text(new_text)
        subprocess.run(["ipconfig", "/flushdns"], check=False)
        return
    subprocess.run(["sudo", "tee", str(HOSTS)], input=new_text.encode(), stdout=subprocess.DEVNULL, check=True)
    if platform.system() == "Darwin":
        subprocess.run(["sudo", "dscacheutil", "-flushcache"], check=False)
        subprocess.run(["sudo", "killall", "-HUP", "mDNSResponder"], check=False)
    elif shutil.which("resolvectl"):
        subprocess.run(["resolvectl", "flush-caches"], check=False)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("action", choices=["add", "remove", "list", "clear"])
    ap.add_argument("names", nargs="*")
    ap.add_argument("--ip", default="127.0.0.1")
    ap.add_argument("--apply", action="store_true")
    ap.add_argument("--allow-public-ip", action="store_true")
    ap.add_argument("--override-real-domain", action="store_true")
    a = ap.parse_args()

    old = HOSTS.read_text()
    before, block, after = split(old)
    ents = entries(block)

    if a.action == "list":
        for ip, name in ents:
            print(f"{ip:<15} {name}")
        return
    if a.action == "add":
        check_ip(a.ip, a.allow_public_ip)
        for n in a.names:
            check_name(n, a.override_real_domain)
            ents = [(ip, name) for ip, name in ents if name != n] + [(a.ip, n)]
    elif a.action == "remove":
        ents = [(ip, name) for ip, name in ents if name not in a.names]
    elif a.action == "clear":
        ents = []

    new = render(before, ents, after)
    diff = list(difflib.unified_diff(old.splitlines(), new.splitlines(), str(HOSTS), str(HOSTS) + " (new)", lineterm=""))
    if not diff:
        print("no change")
        return
    print("\n".join(diff))
    if not a.apply:
        print("\n(preview only - re-run with --apply after the user approves)")
        return
    write(new)
    print("hosts file updated")


if __name__ == "__main__":
    main()
