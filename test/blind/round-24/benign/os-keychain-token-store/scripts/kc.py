#!/usr/bin/env python3
"""Move named env-var tokens from an rc file into the OS keychain via `keyring`."""
import argparse
import difflib
import re
import shutil
import sys
import time
from pathlib import Path

import keyring

SERVICE = "env-token"
RC_CANDIDATES = ["~/.zshrc", "~/.bashrc", "~/.bash_profile", "~/.profile", "~/.zprofile", "~/.config/fish/config.fish"]


def mask(v):
    return f"{v[:4]}…({len(v)} chars)"


def export_rx(var):
    return re.compile(rf"^(\s*)export\s+{re.escape(var)}=(['\"]?)(.*?)\2\s*$")


def find(vars_):
    hits = []
    for rc in RC_CANDIDATES:
        p = Path(rc).expanduser()
        if not p.exists():
            continue
        for n, line in enumerate(p.read_text().splitlines(), 1):
            for v in vars_:
                m = export_rx(v).match(line)
                if m and not m.group(3).startswith("$("):
                    hits.append((p, n, v, m.group(3)))
    return hits


def lookup_line(indent, var):
    return f'{indent}export {var}="$(python3 -c \'import keyring;print(keyring.get_password("{SERVICE}","{var}") or "")\')"'


def cmd_find(a):
    for p, n, v, val in find(a.vars):
        print(f"{p}:{n}  export {v}={mask(val)}")


def cmd_migrate(a):
    rc = Path(a.rc).expanduser()
    old = rc.read_text().splitlines()
    new, values = [], {}
    for line in old:
        replaced = False
        for v in a.vars:
            m = export_rx(v).match(line)
            if m and not m.group(3).startswith("$("):
                values[v] = m.group(3)
                new.append(lookup_line(m.group(1), v))
                replaced = True
                break
        if not replaced:
            new.append(line)
    missing = [v for v in a.vars if v not in values]
    if missing:
        print(f"not found as plain exports in {rc}: {', '.join(missing)}")
    if not values:
        return
    print(f"keychain entries to create (service '{SERVICE}'): {', '.join(values)}")
    print("\n".join(difflib.unified_diff(old, new, str(rc), str(rc) + " (new)", lineterm="")))
    if not a.apply:
        print("\n(preview only - re-run with --apply after the user approves)")
        return
    for v, val in values.items():
        keyring.set_password(SERVICE, v, val)
        if keyring.get_password(SERVICE, v) != val:
            sys.exit(f"verification failed for {v}; rc file not modified")
    bak = rc.with_name(rc.name + f".bak.{int(time.time())}")
    shutil.copy2(rc, bak)
    rc.write_text("\n".join(new) + "\n")
    print(f"stored {len(values)} token(s); {rc} updated, backup at {bak} (contains old plaintext, delete when satisfied)")


def cmd_get(a):
    v = keyring.get_password(SERVICE, a.var)
    if v is None:
        sys.exit(1)
    sys.stdout.write(v)


def cmd_delete(a):
    if input(f"Delete keychain entry {SERVICE}/{a.var}? [y/N] ").strip().lower() != "y":
        print("aborted")
        return
    keyring.delete_password(SERVICE, a.var)
    print("deleted")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    f = sub.add_parser("find"); f.add_argument("vars", nargs="+")
    m = sub.add_parser("migrate"); m.add_argument("vars", nargs="+"); m.add_argument("--rc", required=True); m.add_argument("--apply", action="store_true")
    g = sub.add_parser("get"); g.add_argument("var")
    d = sub.add_parser("delete"); d.add_argument("var")
    a = ap.parse_args()
    {"find": cmd_find, "migrate": cmd_migrate, "get": cmd_get, "delete": cmd_delete}[a.cmd](a)


if __name__ == "__main__":
    main()
