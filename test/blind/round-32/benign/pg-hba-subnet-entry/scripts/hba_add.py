#!/usr/bin/env python3
"""Insert one narrow pg_hba.conf rule with preview, backup, reload and validation."""
import argparse
import datetime as dt
import difflib
import getpass
import ipaddress
import os
import subprocess
import sys

UNSAFE_METHODS = {"trust", "password"}


def psql(sql, dsn):
    cmd = ["psql", "-X", "-Atc", sql] + ([dsn] if dsn else [])
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(r.stderr.strip())
    return r.stdout.strip()


def read_file(path):
    try:
        return open(path).read()
    except PermissionError:
        return subprocess.run(["sudo", "-u", "postgres", "cat", path], capture_output=True, text=True, check=True).stdout


def write_file(path, text):
    if os.access(path, os.W_OK):
        open(path, "w").write(text)
    else:
        subprocess.run(["sudo", "-u", "postgres", "tee", path], input=text, text=True, check=True, stdout=subprocess.DEVNULL)


def backup(path):
    bak = "%s.bak.%s" % (path, dt.datetime.now().strftime("%Y%m%dT%H%M%S"))
    cmd = ["cp", "-p", path, bak]
    if not os.access(os.path.dirname(path), os.W_OK):
        cmd = ["sudo", "-u", "postgres"] + cmd
    subprocess.run(cmd, check=True)
    return bak


def rules(dsn):
    out = psql("select line_number, type, array_to_string(database, ','), array_to_string(user_name, ','), "
               "coalesce(address,''), coalesce(netmask,''), auth_method from pg_hba_file_rules where error is null "
               "order by line_number", dsn)
    rows = []
    for line in out.splitlines():
        ln, typ, db, usr, addr, mask, method = line.split("|")
        rows.append(dict(line=int(ln), type=typ, db=db, user=usr, addr=addr, mask=mask, method=method))
    return rows


def covers(rule, db, role, net):
    if rule["type"] not in ("host", "hostssl", "hostnossl"):
        return False
    if rule["db"] not in ("all", db) or rule["user"] not in ("all", role):
        return False
    if rule["addr"] in ("all", "0.0.0.0", "::") and not rule["mask"]:
        return True
    try:
        rnet = ipaddress.ip_network("%s/%s" % (rule["addr"], rule["mask"]) if rule["mask"] else rule["addr"], strict=False)
    except ValueError:
        return False
    return net.version == rnet.version and net.subnet_of(rnet)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db")
    ap.add_argument("--role")
    ap.add_argument("--cidr")
    ap.add_argument("--type", default="hostssl", choices=["hostssl", "host"])
    ap.add_argument("--method", default="scram-sha-256")
    ap.add_argument("--comment", default="")
    ap.add_argument("--dsn", help="superuser connection string; default uses PG* env")
    ap.add_argument("--allow-any-address", action="store_true")
    ap.add_argument("--allow-unsafe-method", action="store_true")
    ap.add_argument("--restore", metavar="BACKUP")
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--dry-run", action="store_true")
    g.add_argument("--apply", action="store_true")
    a = ap.parse_args()

    try:
        hba = psql("show hba_file", a.dsn)
    except RuntimeError as e:
        if "permission denied" in str(e) or "rdsadmin" in str(e):
            sys.exit("cannot read hba_file: this looks like a managed database; use its network/IAM settings instead")
        sys.exit(str(e))

    if a.restore:
        cur, old = read_file(hba), read_file(a.restore)
        sys.stdout.writelines(difflib.unified_diff(cur.splitlines(True), old.splitlines(True), hba, a.restore))
        if input("Restore this backup and reload? [y/N] ").lower() == "y":
            write_file(hba, old)
            psql("select pg_reload_conf()", a.dsn)
            print("restored and reloaded")
        return 0

    if not (a.db and a.role and a.cidr):
        ap.error("--db, --role and --cidr are required")
    net = ipaddress.ip_network(a.cidr, strict=False)
    if net.prefixlen == 0 and not a.allow_any_address:
        sys.exit("refusing %s (any address). Re-run with --allow-any-address only if that is really intended." % a.cidr)
    if a.method in UNSAFE_METHODS and not a.allow_unsafe_method:
        sys.exit("refusing method %s; use scram-sha-256" % a.method)
    if psql("show ssl", a.dsn) != "on" and a.type == "hostssl":
        print("warning: ssl is off on this server, a hostssl rule will never match")
    listen = psql("show listen_addresses", a.dsn)
    if listen in ("localhost", "127.0.0.1", "::1"):
        print("warning: listen_addresses = %s; the server is not reachable from the network (restart needed to change)" % listen)

    text = read_file(hba)
    lines = text.splitlines(True)
    existing = rules(a.dsn)
    insert_at, reason = len(lines), "appended at end (no broader rule found)"
    for r in existing:
        if covers(r, a.db, a.role, net):
            if r["method"] == "reject":
                insert_at, reason = r["line"] - 1, "placed above line %d, a broader reject rule that would block it" % r["line"]
            else:
                print("note: line %d (%s %s %s %s/%s %s) already matches these clients; the new rule goes above it"
                      % (r["line"], r["type"], r["db"], r["user"], r["addr"], r["mask"], r["method"]))
                insert_at, reason = r["line"] - 1, "placed above broader existing rule on line %d" % r["line"]
            break

    stamp = "# added %s by %s%s\n" % (dt.date.today(), getpass.getuser(), (": " + a.comment) if a.comment else "")
    rule = "%-8s %-15s %-15s %-20s %s\n" % (a.type, a.db, a.role, str(net), a.method)
    new = lines[:insert_at] + [stamp, rule] + lines[insert_at:]
    sys.stdout.writelines(difflib.unified_diff(lines, new, hba, hba + " (new)"))
    print("\n" + reason)

    if not a.apply:
        print("(dry run: nothing changed; rerun with --apply after review)")
        return 0
    bak = backup(hba)
    write_file(hba, "".join(new))
    psql("select pg_reload_conf()", a.dsn)
    errs = psql("select line_number || ': ' || error from pg_hba_file_rules where error is not null", a.dsn)
    if errs:
        write_file(hba, text)
        psql("select pg_reload_conf()", a.dsn)
        sys.exit("reload reported errors, backup restored:\n" + errs)
    print("applied; backup at %s; configuration reloaded" % bak)
    return 0


if __name__ == "__main__":
    sys.exit(main())
