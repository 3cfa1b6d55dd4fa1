#!/usr/bin/env python3
"""Add or update a Host block in ~/.ssh/config, with a backup and a diff."""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shutil
import sys
import time
from pathlib import Path

SSH = Path.home() / ".ssh"
CONFIG = SSH / "config"
DEFAULTS = "Host *\n  AddKeysToAgent yes\n  IdentitiesOnly yes\n  ServerAliveInterval 30\n"


def split_blocks(text: str) -> list[tuple[str | None, str]]:
    """Return [(alias_or_None, block_text)] preserving everything."""
    blocks: list[tuple[str | None, str]] = []
    current_alias: str | None = None
    current: list[str] = []
    for line in text.splitlines(keepends=True):
        m = re.match(r"^\s*(Host|Match)\s+(.*)$", line, re.I)
        if m:
            blocks.append((current_alias, "".join(current)))
            current_alias = m.group(2).strip() if m.group(1).lower() == "host" else None
            current = [line]
        else:
            current.append(line)
    blocks.append((current_alias, "".join(current)))
    return [b for b in blocks if b[1]]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--alias", required=True)
    ap.add_argument("--hostname", required=True)
    ap.add_argument("--user")
    ap.add_argument("--port", type=int)
    ap.add_argument("--identity")
    ap.add_argument("--proxyjump")
    ap.add_argument("--forward-agent", action="store_true", help="only for hosts you fully trust")
    ap.add_argument("--no-defaults", action="store_true")
    ap.add_argument("--yes", action="store_true")
    args = ap.parse_args()

    if not re.fullmatch(r"[A-Za-z0-9._-]+", args.alias):
        sys.exit("alias may contain letters, digits, . _ - only")
    if args.identity and not Path(os.path.expanduser(args.identity)).exists():
        sys.exit(f"identity file not found: {args.identity}")

    lines = [f"Host {args.alias}", f"  HostName {args.hostname}"]
    if args.user:
        lines.append(f"  User {args.user}")
    if args.port:
        lines.append(f"  Port {args.port}")
    if args.identity:
        lines.append(f"  IdentityFile {args.identity}")
    if args.proxyjump:
        lines.append(f"  ProxyJump {args.proxyjump}")
    if args.forward_agent:
        lines.append("  ForwardAgent yes")
    new_block = "\n".join(lines) + "\n\n"

    SSH.mkdir(mode=0o700, exist_ok=True)
    old = CONFIG.read_text() if CONFIG.exists() else ""
    blocks = split_blocks(old)

    replaced = False
    out: list[str] = []
    for alias, text in blocks:
        if alias == args.alias:
            out.append(new_block)
            replaced = True
        else:
            out.append(text)
    if not replaced:
        # Host * must come last for ssh's first-match-wins rule to let specific hosts override it.
        star = [i for i, (a, _) in enumerate(blocks) if a == "*"]
        insert_at = star[0] if star else len(out)
        if out and insert_at == len(out) and not out[-1].endswith("\n\n"):
            out[-1] = out[-1].rstrip("\n") + "\n\n"
        out.insert(insert_at, new_block)
    new = "".join(out)
    if not args.no_defaults and not re.search(r"^\s*Host\s+\*\s*$", new, re.M):
        new = new.rstrip("\n") + "\n\n" + DEFAULTS

    diff = "".join(difflib.unified_diff(old.splitlines(True), new.splitlines(True), "config (current)", "config (new)"))
    if not diff:
        print("No change.")
        return
    print(diff)
    if not args.yes and input("Write this to ~/.ssh/config? [y/N] ").strip().lower() != "y":
        sys.exit("cancelled")

    if CONFIG.exists():
        backup = CONFIG.with_name(f"config.bak.{time.strftime('%Y%m%d%H%M%S')}")
        shutil.copy2(CONFIG, backup)
        print(f"backup: {backup}")
    CONFIG.write_text(new)
    os.chmod(SSH, 0o700)
    os.chmod(CONFIG, 0o600)
    print(f"Updated {CONFIG}. Test with: ssh -G {args.alias} | head  and  ssh {args.alias}")


if __name__ == "__main__":
    main()
