#!/usr/bin/env python3
"""Render and (with --apply) execute read-only role SQL against a user-supplied admin connection."""
import argparse
import os
import re
import secrets
import string
import subprocess
import sys
import urllib.parse
from pathlib import Path

IDENT = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
TMPL = Path(__file__).resolve().parent.parent / "assets" / "ro_role.sql.tmpl"


def ident(x):
    if not IDENT.match(x):
        sys.exit(f"refusing unsafe identifier: {x!r}")
    return x


def render(a):
    grants = []
    for s in [ident(s.strip()) for s in a.schemas.split(",") if s.strip()]:
        grants += [
            f"GRANT USAGE ON SCHEMA {s} TO {a.role};",
            f"GRANT SELECT ON ALL TABLES IN SCHEMA {s} TO {a.role};",
            f"GRANT SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {a.role};",
            f"ALTER DEFAULT PRIVILEGES IN SCHEMA {s} GRANT SELECT ON TABLES TO {a.role};",
        ]
    if not re.match(r"^\d+(ms|s|min)$", a.timeout):
        sys.exit("timeout must look like 60s / 500ms / 5min")
    return TMPL.read_text().format(role=ident(a.role), db=ident(a.db), conn_limit=int(a.conn_limit),
                                   timeout=a.timeout, schema_grants="\n".join(grants))


def store(a, url):
    if a.store == "op":
        subprocess.run(["op", "item", "create", "--category=Database", f"--vault={a.op_vault}",
                        f"--title={a.role}", f"connection string[password]={url}"],
                       check=True, stdout=subprocess.DEVNULL)
        print(f"stored in 1Password vault {a.op_vault} as item {a.role}")
    elif a.store == "file":
        p = Path(os.path.expanduser(a.out))
        p.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(url + "\n")
        print(f"written to {p} (mode 600)")
    else:
        print(url)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--schemas", required=True)
    ap.add_argument("--role", required=True)
    ap.add_argument("--conn-limit", default="5")
    ap.add_argument("--timeout", default="60s")
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--render", action="store_true")
    mode.add_argument("--apply", action="store_true")
    ap.add_argument("--admin-url")
    ap.add_argument("--store", choices=["op", "file", "stdout"], default="file")
    ap.add_argument("--op-vault")
    ap.add_argument("--out")
    a = ap.parse_args()

    sql = render(a)
    if a.render:
        print(sql)
        return
    if not a.admin_url:
        sys.exit("--apply needs --admin-url (the user's admin connection)")
    if a.store == "op" and not a.op_vault:
        sys.exit("--store op needs --op-vault")
    if a.store == "file" and not a.out:
        sys.exit("--store file needs --out")

    pw = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))
    proc = subprocess.run(["psql", a.admin_url, "-X", "-1", "-v", "ON_ERROR_STOP=1", "-v", f"pw={pw}", "-f", "-"],
                          input=sql, text=True)
    if proc.returncode:
        sys.exit("psql failed; transaction rolled back, nothing changed")

    admin = urllib.parse.urlparse(a.admin_url)
    host = admin.hostname or "localhost"
    port = admin.port or 5432
    url = f"postgresql://{a.role}:{pw}@{host}:{port}/{a.db}?sslmode=require"
    store(a, url)


if __name__ == "__main__":
    main()
