#!/usr/bin/env python3
"""Add, replace or remove one ~/.pgpass entry; password from a hidden prompt or a password manager."""
import argparse
import getpass
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path


def pgpass_path():
    if os.environ.get("PGPASSFILE"):
        return Path(os.environ["PGPASSFILE"])
    if os.name == "nt":
        return Path(os.environ["APPDATA"]) / "postgresql" / "pgpass.conf"
    return Path.home() / ".pgpass"


def esc(s):
    return s.replace("\\", "\\\\").replace(":", "\\:")


def split_line(line):
    fields, cur, i = [], [], 0
    while i < len(line):
        c = line[i]
        if c == "\\" and i + 1 < len(line):
            cur.append(line[i + 1])
            i += 2
            continue
        if c == ":" and len(fields) < 4:
            fields.append("".join(cur))
            cur = []
        else:
            cur.append(c)
        i += 1
    fields.append("".join(cur))
    return fields


def get_password(args):
    if args.from_op:
        return subprocess.run(["op", "read", "--no-newline", args.from_op], check=True,
                              capture_output=True, text=True).stdout
    if args.from_pass:
        out = subprocess.run(["pass", "show", args.from_pass], check=True, capture_output=True, text=True).stdout
        return out.splitlines()[0] if out else ""
    pw = getpass.getpass(f"Password for {args.user}@{args.host}: ")
    if not pw:
        sys.exit("empty password; nothing written")
    return pw


def write_atomic(path, lines):
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".pgpass-")
    try:
        os.fchmod(fd, 0o600) if hasattr(os, "fchmod") else None
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.writelines(l if l.endswith("\n") else l + "\n" for l in lines)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    if os.name == "nt" and shutil.which("icacls"):
        subprocess.run(["icacls", str(path), "/inheritance:r", "/grant:r", f"{os.environ.get('USERNAME')}:F"],
                       capture_output=True)


def add_service(name, host, port, db, user):
    path = Path(os.environ.get("PGSERVICEFILE", Path.home() / ".pg_service.conf"))
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if f"[{name}]" in text:
        print(f"service [{name}] already exists in {path}; left unchanged")
        return
    block = f"\n[{name}]\nhost={host}\nport={port}\ndbname={db}\nuser={user}\n"
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(block)
    print(f"added service [{name}] to {path}")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--host", required=True)
    ap.add_argument("--port", default="5432")
    ap.add_argument("--db", default="*")
    ap.add_argument("--user", required=True)
    ap.add_argument("--from-op")
    ap.add_argument("--from-pass")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--remove", action="store_true")
    ap.add_argument("--no-test", action="store_true")
    ap.add_argument("--service")
    args = ap.parse_args()

    path = pgpass_path()
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() and os.name != "nt" else None
    entries = sum(1 for l in lines if l.strip() and not l.lstrip().startswith("#"))
    print(f"file: {path} ({'exists, mode ' + format(mode, '04o') if mode is not None else 'new'}, {entries} entries)")

    key = [args.host, str(args.port), args.db, args.user]
    match_idx = None
    first_wild = None
    for i, l in enumerate(lines):
        if not l.strip() or l.lstrip().startswith("#"):
            continue
        f = split_line(l)
        if f[:4] == key:
            match_idx = i
        elif first_wild is None and "*" in f[:4]:
            first_wild = i

    if args.remove:
        if match_idx is None:
            print("no matching entry")
            return 0
        print(f"remove line {match_idx + 1}: {':'.join(map(esc, key))}:********")
        if not args.dry_run:
            del lines[match_idx]
            write_atomic(path, lines)
        return 0

    masked = ":".join(map(esc, key)) + ":********"
    action = f"replace line {match_idx + 1}" if match_idx is not None else "add"
    print(f"{action}: {masked}")
    if args.dry_run:
        return 0

    pw = get_password(args)
    new_line = ":".join(map(esc, key + [pw]))
    if match_idx is not None:
        lines[match_idx] = new_line
    elif first_wild is not None:
        lines.insert(first_wild, new_line)
    else:
        lines.append(new_line)
    write_atomic(path, lines)
    if mode is not None and mode & 0o077:
        print(f"fixed mode: {mode:04o} -> 0600 (libpq ignores .pgpass with looser permissions)")
    print(f"wrote {path}")

    if args.service:
        add_service(args.service, args.host, args.port, "postgres" if args.db == "*" else args.db, args.user)

    if not args.no_test and shutil.which("psql"):
        db = "postgres" if args.db == "*" else args.db
        conn = f"host={args.host} port={args.port} dbname={db} user={args.user} connect_timeout=10"
        r = subprocess.run(["psql", "-w", conn, "-c", "select current_user"], capture_output=True, text=True)
        print(r.stdout.strip() if r.returncode == 0 else f"connection test failed:\n{r.stderr.strip()}")
        return r.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
