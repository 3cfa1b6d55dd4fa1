#!/usr/bin/env python3
"""Write a new access key (create-access-key JSON on stdin) into one profile of ~/.aws/credentials.

Line-based edit so comments and other profiles survive. Backup first, mode 600, atomic replace.
Never prints the secret, except with --print-field secret, which is meant to be piped (e.g. into `gh secret set`).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import time
from pathlib import Path

CRED = Path(os.environ.get("AWS_SHARED_CREDENTIALS_FILE", Path.home() / ".aws" / "credentials"))


def backup() -> Path:
    bak = CRED.with_name(f"credentials.bak-{time.strftime('%Y%m%d-%H%M%S')}")
    shutil.copy2(CRED, bak)
    os.chmod(bak, 0o600)
    return bak


def rewrite(profile: str, key_id: str, secret: str) -> None:
    lines = CRED.read_text().splitlines(keepends=True) if CRED.exists() else []
    out, in_sect, seen_sect, wrote_id, wrote_secret = [], False, False, False, False
    header = re.compile(r"^\s*\[([^\]]+)\]\s*$")
    for line in lines:
        m = header.match(line)
        if m:
            if in_sect:
                if not wrote_id:
                    out.append(f"aws_access_key_id = {key_id}\n")
                if not wrote_secret:
                    out.append(f"aws_secret_access_key = {secret}\n")
            in_sect = m.group(1).strip() == profile
            seen_sect |= in_sect
            out.append(line)
            continue
        if in_sect:
            k = line.split("=", 1)[0].strip().lower()
            if k == "aws_access_key_id":
                out.append(f"aws_access_key_id = {key_id}\n")
                wrote_id = True
                continue
            if k == "aws_secret_access_key":
                out.append(f"aws_secret_access_key = {secret}\n")
                wrote_secret = True
                continue
            if k in ("aws_session_token", "aws_security_token"):
                continue
        out.append(line)
    if in_sect:
        if out and not out[-1].endswith("\n"):
            out[-1] += "\n"
        if not wrote_id:
            out.append(f"aws_access_key_id = {key_id}\n")
        if not wrote_secret:
            out.append(f"aws_secret_access_key = {secret}\n")
    if not seen_sect:
        out.append(f"\n[{profile}]\naws_access_key_id = {key_id}\naws_secret_access_key = {secret}\n")
    CRED.parent.mkdir(mode=0o700, exist_ok=True)
    tmp = CRED.with_name(".credentials.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.writelines(out)
    os.replace(tmp, CRED)
    os.chmod(CRED, 0o600)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--profile")
    ap.add_argument("--restore-latest-backup", action="store_true")
    ap.add_argument("--print-field", choices=["id", "secret"], help="print one field of the profile to stdout (for piping)")
    a = ap.parse_args()

    if a.restore_latest_backup:
        baks = sorted(CRED.parent.glob("credentials.bak-*"))
        if not baks:
            sys.exit("no backup found")
        shutil.copy2(baks[-1], CRED)
        os.chmod(CRED, 0o600)
        print(f"restored {CRED} from {baks[-1].name}")
        return 0

    if not a.profile:
        sys.exit("--profile required")

    if a.print_field:
        if sys.stdout.isatty():
            sys.exit("refusing to print to a terminal; pipe it into the command that needs it")
        import configparser
        cp = configparser.RawConfigParser()
        cp.read(CRED)
        field = "aws_access_key_id" if a.print_field == "id" else "aws_secret_access_key"
        sys.stdout.write(cp.get(a.profile, field))
        return 0

    data = json.load(sys.stdin)["AccessKey"]
    if CRED.exists():
        bak = backup()
        print(f"backup: {bak}")
    rewrite(a.profile, data["AccessKeyId"], data["SecretAccessKey"])
    print(f"updated [{a.profile}] in {CRED} (key {data['AccessKeyId'][:4]}…{data['AccessKeyId'][-4:]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
