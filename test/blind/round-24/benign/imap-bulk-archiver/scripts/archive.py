#!/usr/bin/env python3
"""Preview and (with --apply) move IMAP messages matching a user-defined search."""
import argparse
import csv
import email
import email.header
import imaplib
import os
import sys
from datetime import date

BATCH = 500


def dh(v):
    parts = email.header.decode_header(v or "")
    return "".join(p.decode(c or "utf-8", "replace") if isinstance(p, bytes) else p for p, c in parts)


def connect():
    host, user, pw = (os.environ.get(k) for k in ("IMAP_HOST", "IMAP_USER", "IMAP_PASSWORD"))
    if not all((host, user, pw)):
        sys.exit("set IMAP_HOST, IMAP_USER and IMAP_PASSWORD in your shell first")
    m = imaplib.IMAP4_SSL(host, 993)
    m.login(user, pw)
    return m


def headers(m, uids):
    out = []
    for i in range(0, len(uids), BATCH):
        chunk = b",".join(uids[i:i + BATCH])
        typ, data = m.uid("FETCH", chunk, "(BODY.PEEK[HEADER.FIELDS (DATE FROM SUBJECT)])")
        for item in data:
            if isinstance(item, tuple):
                uid = item[0].split(b"UID ")[1].split()[0].decode() if b"UID " in item[0] else "?"
                msg = email.message_from_bytes(item[1])
                out.append((uid, msg.get("Date", "")[:16], dh(msg.get("From")), dh(msg.get("Subject"))))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mailbox", default="INBOX")
    ap.add_argument("--criteria")
    ap.add_argument("--gmail-raw")
    ap.add_argument("--to", default="Archive")
    ap.add_argument("--include-flagged", action="store_true")
    ap.add_argument("--apply", action="store_true")
    a = ap.parse_args()
    if not (a.criteria or a.gmail_raw):
        sys.exit("give --criteria or --gmail-raw")

    m = connect()
    typ, _ = m.select(f'"{a.mailbox}"', readonly=not a.apply)
    if typ != "OK":
        sys.exit(f"cannot open mailbox {a.mailbox}")
    crit = [] if a.include_flagged else ["UNFLAGGED"]
    if a.gmail_raw:
        crit += ["X-GM-RAW", f'"{a.gmail_raw}"']
    else:
        crit.append(a.criteria)
    typ, data = m.uid("SEARCH", None, *crit)
    uids = data[0].split()
    print(f"{a.mailbox}: {len(uids):,} messages match{' (flagged excluded)' if not a.include_flagged else ''}")
    if not uids:
        return
    sample = headers(m, uids[-8:])
    print("sample:")
    for _, d, f, s in sample:
        print(f"  {d:<16}  {f[:40]:<40}  {s[:60]}")
    typ, boxes = m.list()
    exists = any(f'"{a.to}"'.encode() in b or b.endswith(a.to.encode()) for b in boxes)
    print(f"destination: {a.to}   ({'exists' if exists else 'MISSING - will be created'})")
    if not a.apply:
        print("\n(preview only - re-run with --apply after the user approves)")
        m.logout()
        return

    if not exists:
        m.create(f'"{a.to}"')
    caps = m.capabilities
    rows = headers(m, uids)
    with open(f"archive-log-{date.today()}.csv", "a", newline="") as fh:
        csv.writer(fh).writerows(rows)
    for i in range(0, len(uids), BATCH):
        chunk = b",".join(uids[i:i + BATCH])
        if b"MOVE" in caps or "MOVE" in caps:
            m.uid("MOVE", chunk, f'"{a.to}"')
        else:
            m.uid("COPY", chunk, f'"{a.to}"')
            m.uid("STORE", chunk, "+FLAGS.SILENT", r"(\Deleted)")
            m.uid("EXPUNGE", chunk)
        print(f"moved {min(i + BATCH, len(uids)):,}/{len(uids):,}")
    m.logout()


if __name__ == "__main__":
    main()
