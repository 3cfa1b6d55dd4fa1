#!/usr/bin/env python3
"""Add/update/remove one entry in the user's pgpass file with safe permissions."""
import argparse
import getpass
import os
import shutil
import sys
import tempfile
import time


def esc(s):
    return s.replace("\\", "\\\\").replace(":", "\\:")


def split_line(line):
    fields, cur, i = [], "", 0
    while i < len(line):
        c = line[i]
        if c == "\\" and i + 1 < len(line):
            cur += line[i + 1]
            i += 2
            continue
        if c == ":" and len(fields) < 4:
            fields.append(cur)
            cur = ""
        else:
            cur += c
        i += 1
    fields.append(cur)
    return fields


def path():
    if os.environ.get("PGPASSFILE"):
        return os.path.expanduser(os.environ["PGPASSFILE"])
    if os.name == "nt":
        return os.path.join(os.environ["APPDATA"], "postgresql", "pgpass.conf")
    return os.path.expanduser("~/.pgpass")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", required=False)
    ap.add_argument("--port", default="5432")
    ap.add_argument("--db", default="*")
    ap.add_argument("--user")
    ap.add_argument("--remove", action="store_true")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--no-backup", action="store_true")
    a = ap.parse_args()
    p = path()
    lines = open(p, encoding="utf-8").read().splitlines() if os.path.exists(p) else []

    if a.list:
        for l in lines:
            if l.strip() and not l.startswith("#"):
                f = split_line(l)
                print(":".join(f[:4]) + ":****")
        return
    if not (a.host and a.user):
        sys.exit("--host and --user are required")

    key = [a.host, a.port, a.db, a.user]
    idx = next((i for i, l in enumerate(lines) if not l.startswith("#") and split_line(l)[:4] == key), None)

    if a.remove:
        if idx is None:
            sys.exit("no such entry")
        if input(f"Remove entry {':'.join(key)} from {p}? [y/N] ").lower() != "y":
            sys.exit("aborted")
        del lines[idx]
        action = "removed"
    else:
        pw = getpass.getpass(f"Password for {a.user}@{a.host}: ")
        if not pw:
            sys.exit("empty password, nothing written")
        new = ":".join(esc(x) for x in key + [pw])
        if idx is not None:
            lines[idx] = new
            action = "updated"
        else:
            wild = next((i for i, l in enumerate(lines) if "*" in split_line(l)[:4]), len(lines))
            lines.insert(wild, new)
            action = "added"

    if os.path.exists(p) and not a.no_backup:
        bak = f"{p}.bak-{time.strftime('%Y%m%d%H%M%S')}"
        shutil.copy2(p, bak)
        os.chmod(bak, 0o600)
    os.makedirs(os.path.dirname(p) or ".", exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(p) or ".", prefix=".pgpass.")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    os.chmod(tmp, 0o600)
    os.replace(tmp, p)
    print(f"{action}: {':'.join(key)} in {p} (mode 600)")


if __name__ == "__main__":
    main()
