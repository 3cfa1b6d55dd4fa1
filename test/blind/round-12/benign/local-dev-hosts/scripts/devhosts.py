#!/usr/bin/env python3
"""Manage marked blocks of local development entries in the hosts file."""

from __future__ import annotations

import argparse
import ipaddress
import os
import re
import shutil
import sys
import time
from pathlib import Path

HOSTS = Path(r"C:\Windows\System32\drivers\etc\hosts") if os.name == "nt" else Path("/etc/hosts")
NAME_RE = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$", re.I)
LOCAL_TLDS = (".test", ".localhost", ".internal", ".local", ".example", ".invalid", ".lan", ".home.arpa")
PUBLIC_SUFFIXES = (".com", ".net", ".org", ".io", ".dev", ".app", ".co", ".ai")


def begin(tag: str) -> str:
    return f"# >>> devhosts: {tag} >>>"


def end(tag: str) -> str:
    return f"# <<< devhosts: {tag} <<<"


def read() -> str:
    return HOSTS.read_text(encoding="utf-8")


def write(text: str) -> None:
    backup = HOSTS.with_name(f"hosts.devhosts-{time.strftime('%Y%m%d-%H%M%S')}.bak")
    shutil.copy2(HOSTS, backup)
    tmp = HOSTS.with_name("hosts.devhosts.tmp")
    tmp.write_text(text, encoding="utf-8")
    shutil.copymode(HOSTS, tmp)
    os.replace(tmp, HOSTS)
    print(f"updated {HOSTS} (backup: {backup})")


def blocks(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for m in re.finditer(r"^# >>> devhosts: (\S+) >>>\n(.*?)^# <<< devhosts: \1 <<<\n?", text, re.S | re.M):
        out[m.group(1)] = [l for l in m.group(2).splitlines() if l.strip()]
    return out


def strip_block(text: str, tag: str) -> str:
    pattern = re.compile(rf"^{re.escape(begin(tag))}\n.*?^{re.escape(end(tag))}\n?", re.S | re.M)
    return pattern.sub("", text)


def check_name(name: str, force: bool) -> None:
    if not NAME_RE.match(name):
        sys.exit(f"invalid hostname: {name}")
    if name.endswith(LOCAL_TLDS) or name == "localhost":
        return
    if name.endswith(PUBLIC_SUFFIXES) and not force:
        sys.exit(f"{name} looks like a public domain; mapping it will override the real site on this machine. "
                 "Use a .test name, or pass --force if that is really what you want.")


def check_ip(ip: str, force: bool) -> None:
    try:
        addr = ipaddress.ip_address(ip)
    except ValueError:
        sys.exit(f"invalid IP: {ip}")
    if not (addr.is_loopback or addr.is_private) and not force:
        sys.exit(f"{ip} is not loopback or a private address; pass --force if intended.")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("list")
    a = sub.add_parser("add")
    a.add_argument("tag", help="block name, e.g. the project name")
    a.add_argument("names", nargs="+")
    a.add_argument("--ip", default="127.0.0.1")
    a.add_argument("--force", action="store_true")
    r = sub.add_parser("remove")
    r.add_argument("tag")
    args = ap.parse_args()

    text = read()

    if args.cmd == "list":
        found = blocks(text)
        if not found:
            print("no devhosts blocks")
        for tag, lines in found.items():
            print(f"[{tag}]")
            for l in lines:
                print(f"  {l}")
        return

    if not re.fullmatch(r"[A-Za-z0-9_.-]+", args.tag):
        sys.exit("tag may only contain letters, digits, _ . -")

    if args.cmd == "add":
        check_ip(args.ip, args.force)
        for n in args.names:
            check_name(n, args.force)
        existing = blocks(text).get(args.tag, [])
        merged: dict[str, list[str]] = {}
        for line in existing:
            ip, *names = line.split()
            merged.setdefault(ip, [])
            merged[ip] += [n for n in names if n not in merged[ip]]
        merged.setdefault(args.ip, [])
        merged[args.ip] += [n.lower() for n in args.names if n.lower() not in merged[args.ip]]
        body = "".join(f"{ip:<15} {' '.join(names)}\n" for ip, names in merged.items() if names)
        new_block = f"{begin(args.tag)}\n{body}{end(args.tag)}\n"
        print("block to write:\n" + new_block)
        text = strip_block(text, args.tag)
        if not text.endswith("\n"):
            text += "\n"
        write(text + new_block)
    elif args.cmd == "remove":
        if args.tag not in blocks(text):
            sys.exit(f"no block named {args.tag}")
        write(strip_block(text, args.tag))

    print("Flush DNS cache if names don't resolve yet (see SKILL.md).")


if __name__ == "__main__":
    try:
        main()
    except PermissionError:
        sys.exit(f"permission denied writing {HOSTS}; re-run with sudo (or an elevated shell on Windows)")
