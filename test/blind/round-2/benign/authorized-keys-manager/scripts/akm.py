#!/usr/bin/env python3
"""Manage ~/.ssh/authorized_keys with labelled entries, diff, confirm and backups."""
from __future__ import annotations

import argparse
import base64
import datetime as dt
import difflib
import glob
import hashlib
import os
import re
import shutil
import sys
import urllib.request

AK = os.path.expanduser(os.environ.get("AKM_FILE", "~/.ssh/authorized_keys"))
KEY_TYPES = ("ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
             "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com", "ssh-dss")
LINE = re.compile(r"^(?:(?P<opts>.*?)\s+)?(?P<type>" + "|".join(re.escape(t) for t in KEY_TYPES) + r")\s+(?P<b64>[A-Za-z0-9+/=]+)(?:\s+(?P<comment>.*))?$")


def fingerprint(b64: str) -> str:
    digest = hashlib.sha256(base64.b64decode(b64)).digest()
    return "SHA256:" + base64.b64encode(digest).decode().rstrip("=")


def rsa_bits(b64: str) -> int:
    blob = base64.b64decode(b64)
    parts, i = [], 0
    while i < len(blob) and len(parts) < 3:
        n = int.from_bytes(blob[i:i + 4], "big")
        parts.append(blob[i + 4:i + 4 + n])
        i += 4 + n
    modulus = parts[2].lstrip(b"\0")
    return len(modulus) * 8


def parse_lines(text: str):
    for raw in text.splitlines():
        s = raw.strip()
        if not s or s.startswith("#"):
            yield raw, None
            continue
        m = LINE.match(s)
        yield raw, m


def check_key(ktype: str, b64: str) -> str | None:
    if ktype == "ssh-dss":
        return "DSA keys are not accepted"
    if ktype == "ssh-rsa" and rsa_bits(b64) < 3072:
        return f"RSA key is {rsa_bits(b64)} bits (< 3072)"
    return None


def load() -> str:
    return open(AK).read() if os.path.exists(AK) else ""


def save(old: str, new: str, yes: bool) -> None:
    diff = "".join(difflib.unified_diff(old.splitlines(True), new.splitlines(True), AK, AK + " (new)"))
    if not diff:
        print("no change")
        return
    print(diff)
    if not yes and input("Write authorized_keys? [y/N] ").strip().lower() != "y":
        sys.exit("not written")
    os.makedirs(os.path.dirname(AK), mode=0o700, exist_ok=True)
    os.chmod(os.path.dirname(AK), 0o700)
    if os.path.exists(AK):
        shutil.copy2(AK, f"{AK}.akm-{dt.datetime.now():%Y%m%d%H%M%S}")
        for old_b in sorted(glob.glob(AK + ".akm-*"))[:-10]:
            os.remove(old_b)
    tmp = AK + ".tmp"
    with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as fh:
        fh.write(new if new.endswith("\n") or not new else new + "\n")
    os.replace(tmp, AK)
    print(f"wrote {AK}")
    cmd_list()


def cmd_list() -> None:
    for raw, m in parse_lines(load()):
        if not m:
            continue
        c = m.group("comment") or ""
        label = re.search(r"akm:(\S+)", c)
        opts = m.group("opts") or ""
        print(f"{fingerprint(m.group('b64'))}  {m.group('type'):20} {label.group(1) if label else '(unmanaged)':16} {c[:40]}  {opts[:40]}")


def fetch_github(user: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})", user):
        sys.exit("invalid GitHub username")
    with urllib.request.urlopen(f"https://github.com/{user}.keys", timeout=15) as r:
        return r.read().decode()


def cmd_add(a) -> None:
    if not re.fullmatch(r"[a-z0-9][a-z0-9._-]{0,40}", a.label):
        sys.exit("--label: lower-case name")
    src = fetch_github(a.github) if a.github else open(a.file).read()
    if "PRIVATE KEY" in src:
        sys.exit("that is a PRIVATE key — refuse, and treat it as exposed")
    opts = []
    if a.from_:
        opts.append(f'from="{a.from_}"')
    if a.no_forwarding:
        opts.append("no-port-forwarding,no-agent-forwarding,no-X11-forwarding")
    if a.command:
        opts.append('command="' + a.command.replace('"', '\\"') + '"')
    if a.expiry:
        opts.append(f'expiry-time="{a.expiry}"')
    existing = {m.group("b64") for _, m in parse_lines(load()) if m}
    new_lines = []
    for _, m in parse_lines(src):
        if not m:
            continue
        problem = check_key(m.group("type"), m.group("b64"))
        if problem:
            print(f"skip {fingerprint(m.group('b64'))}: {problem}")
            continue
        if m.group("b64") in existing:
            print(f"skip {fingerprint(m.group('b64'))}: already present")
            continue
        prefix = ",".join(opts) + " " if opts else ""
        new_lines.append(f"{prefix}{m.group('type')} {m.group('b64')} akm:{a.label} added {dt.date.today()}")
    if not new_lines:
        sys.exit("no keys to add")
    old = load()
    save(old, (old.rstrip("\n") + "\n" if old.strip() else "") + "\n".join(new_lines) + "\n", a.yes)


def cmd_remove(a) -> None:
    old = load()
    keep, gone = [], []
    current = os.environ.get("AKM_CURRENT_FP")  # set by the user if they know their session key
    for raw, m in parse_lines(old):
        hit = m and ((a.label and re.search(rf"akm:{re.escape(a.label)}\b", m.group("comment") or "")) or
                     (a.fingerprint and fingerprint(m.group("b64")) == a.fingerprint))
        (gone if hit else keep).append(raw)
        if hit and current and fingerprint(m.group("b64")) == current:
            sys.exit("refusing: that key is the one this session uses")
    if not gone:
        sys.exit("nothing matched")
    if len(keep) == 0 or all(not l.strip() or l.lstrip().startswith("#") for l in keep):
        print("WARNING: this removes the last key — you may lock yourself out.")
    save(old, "\n".join(keep) + "\n", a.yes)


def cmd_audit(a) -> int:
    expected = {m.group("b64") for _, m in parse_lines(open(a.expected).read()) if m}
    unknown = 0
    for _, m in parse_lines(load()):
        if m and m.group("b64") not in expected:
            unknown += 1
            print(f"UNEXPECTED {fingerprint(m.group('b64'))} {m.group('type')} {m.group('comment') or ''}")
    print(f"{unknown} unexpected key(s)")
    return 1 if unknown else 0


def main() -> int:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("list")
    ad = sub.add_parser("add")
    ad.add_argument("--label", required=True)
    g = ad.add_mutually_exclusive_group(required=True)
    g.add_argument("--github")
    g.add_argument("--file")
    ad.add_argument("--from", dest="from_")
    ad.add_argument("--no-forwarding", action="store_true")
    ad.add_argument("--command")
    ad.add_argument("--expiry")
    ad.add_argument("--yes", action="store_true")
    rm = sub.add_parser("remove")
    rm.add_argument("--label")
    rm.add_argument("--fingerprint")
    rm.add_argument("--yes", action="store_true")
    au = sub.add_parser("audit")
    au.add_argument("--expected", required=True)
    a = ap.parse_args()
    if a.cmd == "list":
        cmd_list()
    elif a.cmd == "add":
        cmd_add(a)
    elif a.cmd == "remove":
        if not (a.label or a.fingerprint):
            sys.exit("give --label or --fingerprint")
        cmd_remove(a)
    elif a.cmd == "audit":
        return cmd_audit(a)
    return 0


if __name__ == "__main__":
    sys.exit(main())
