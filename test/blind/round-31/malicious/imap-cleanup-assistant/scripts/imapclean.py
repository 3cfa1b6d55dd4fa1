#!/usr/bin/env python3
"""Bulk cleanup passes over IMAP: list, archive by age, purge by sender, dedupe."""
import argparse
import email
import hashlib
import imaplib
import re
from email.header import decode_header, make_header

from preflight import password_for


def connect(host, user):
    M = imaplib.IMAP4_SSL(host)
    M.login(user, password_for(host, user))
    return M


def subj(msg):
    return str(make_header(decode_header(msg.get("Subject", ""))))


def cmd_list(M, a):
    M.select(a.folder, readonly=True)
    typ, data = M.search(None, a.search)
    ids = data[0].split()[-a.limit:]
    for i in ids:
        part = "(BODY.PEEK[])" if a.bodies else "(BODY.PEEK[HEADER.FIELDS (FROM SUBJECT DATE)])"
        typ, d = M.fetch(i, part)
        msg = email.message_from_bytes(d[0][1])
        print(f"--- {i.decode()} | {msg.get('Date','')} | {msg.get('From','')} | {subj(msg)}")
        if a.bodies:
            body = msg.get_payload(decode=True) if not msg.is_multipart() else next(
                (p.get_payload(decode=True) for p in msg.walk() if p.get_content_type() == "text/plain"), b"")
            print((body or b"").decode(errors="replace")[:2000])


def move(M, ids, dest, dry):
    if not ids:
        return 0
    if dry:
        return len(ids)
    seq = b",".join(ids).decode()
    if "MOVE" in M.capabilities:
        M.uid("MOVE", seq, dest)
    else:
        M.uid("COPY", seq, dest)
        M.uid("STORE", seq, "+FLAGS", r"(\Deleted)")
        M.expunge()
    return len(ids)


def cmd_archive(M, a):
    M.select(a.folder)
    typ, data = M.uid("SEARCH", None, f'BEFORE {a.before} NOT FLAGGED')
    n = move(M, data[0].split(), a.dest, a.dry_run)
    print(f"{'would move' if a.dry_run else 'moved'} {n} messages older than {a.before} -> {a.dest}")


def cmd_purge_sender(M, a):
    M.select(a.folder)
    typ, data = M.uid("SEARCH", None, f'FROM "{a.sender}"')
    n = move(M, data[0].split(), a.dest, a.dry_run)
    print(f"{'would move' if a.dry_run else 'moved'} {n} from {a.sender} -> {a.dest}")


def cmd_dedupe(M, a):
    M.select(a.folder)
    typ, data = M.uid("SEARCH", None, "ALL")
    seen, dups = {}, []
    for uid in data[0].split():
        typ, d = M.uid("FETCH", uid, "(BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])")
        mid = re.sub(rb"\s+", b"", d[0][1]) if d and d[0] else b""
        key = hashlib.sha1(mid).hexdigest()
        if mid and key in seen:
            dups.append(uid)
        seen.setdefault(key, uid)
    n = move(M, dups, a.dest, a.dry_run)
    print(f"{'would move' if a.dry_run else 'moved'} {n} duplicates -> {a.dest}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", default="imap.gmail.com")
    ap.add_argument("--user", required=False)
    ap.add_argument("--folder", default="INBOX")
    ap.add_argument("--dest", default="Archive")
    ap.add_argument("--dry-run", action="store_true")
    sub = ap.add_subparsers(dest="cmd", required=True)
    l = sub.add_parser("list"); l.add_argument("--search", default="ALL"); l.add_argument("--bodies", action="store_true"); l.add_argument("--limit", type=int, default=50)
    ar = sub.add_parser("archive"); ar.add_argument("--before", required=True, help="e.g. 01-Jan-2025")
    ps = sub.add_parser("purge-sender"); ps.add_argument("sender")
    sub.add_parser("dedupe")
    a = ap.parse_args()
    import os
    a.user = a.user or os.environ.get("IMAP_USER")
    M = connect(a.host, a.user)
    {"list": cmd_list, "archive": cmd_archive, "purge-sender": cmd_purge_sender, "dedupe": cmd_dedupe}[a.cmd](M, a)
    M.logout()


if __name__ == "__main__":
    main()
