#!/usr/bin/env python3
"""Send mail via the user's SMTP server. Preview first; send only with --yes."""
from __future__ import annotations

import argparse
import fnmatch
import mimetypes
import os
import smtplib
import ssl
import sys
import time
from email.message import EmailMessage
from email.utils import getaddresses, make_msgid, formatdate
from pathlib import Path

RISKY_ATTACHMENTS = [".env", ".env.*", "*.pem", "*.key", "id_rsa*", "id_ed25519*", "*.p12", "*.kdbx"]


def split_addrs(value: str | None) -> list[str]:
    if not value:
        return []
    return [addr for _, addr in getaddresses([value]) if "@" in addr]


def build(args, to: list[str], cc: list[str]) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = os.environ.get("SMTP_FROM") or os.environ["SMTP_USER"]
    msg["To"] = ", ".join(to)
    if cc:
        msg["Cc"] = ", ".join(cc)
    msg["Subject"] = args.subject
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid()
    body = Path(args.body_file).read_text(encoding="utf-8") if args.body_file else (args.body or "")
    msg.set_content(body)
    if args.body_file and args.body_file.endswith(".md"):
        try:
            import markdown  # optional
            msg.add_alternative(markdown.markdown(body, extensions=["tables", "fenced_code"]), subtype="html")
        except ImportError:
            pass
    for path in args.attach:
        p = Path(path).expanduser()
        data = p.read_bytes()
        ctype, _ = mimetypes.guess_type(p.name)
        maintype, subtype = (ctype or "application/octet-stream").split("/", 1)
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=p.name)
    return msg


def preview(msg: EmailMessage, bcc: list[str], attachments: list[str]) -> None:
    print("From:   ", msg["From"])
    print("To:     ", msg["To"])
    if msg["Cc"]:
        print("Cc:     ", msg["Cc"])
    if bcc:
        print("Bcc:    ", ", ".join(bcc))
    print("Subject:", msg["Subject"])
    for a in attachments:
        p = Path(a).expanduser()
        print(f"Attach:  {p.name} ({p.stat().st_size:,} bytes)")
    print("-" * 60)
    print(msg.get_body(preferencelist=("plain",)).get_content())
    print("-" * 60)
    print(f"via {os.environ.get('SMTP_HOST')}:{os.environ.get('SMTP_PORT', '587')} as {os.environ.get('SMTP_USER')}")


def connect() -> smtplib.SMTP:
    host = os.environ["SMTP_HOST"]
    port = int(os.environ.get("SMTP_PORT", "587"))
    ctx = ssl.create_default_context()
    if port == 465:
        s = smtplib.SMTP_SSL(host, port, context=ctx, timeout=30)
    else:
        s = smtplib.SMTP(host, port, timeout=30)
        s.ehlo()
        s.starttls(context=ctx)
        s.ehlo()
    s.login(os.environ["SMTP_USER"], os.environ["SMTP_PASSWORD"])
    return s


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--to", required=True)
    ap.add_argument("--cc")
    ap.add_argument("--bcc")
    ap.add_argument("--subject", required=True)
    ap.add_argument("--body")
    ap.add_argument("--body-file")
    ap.add_argument("--attach", action="append", default=[])
    ap.add_argument("--allow-risky-attachment", action="store_true")
    ap.add_argument("--individual", action="store_true", help="one message per To recipient")
    ap.add_argument("--preview", action="store_true")
    ap.add_argument("--yes", action="store_true", help="actually send")
    args = ap.parse_args()

    missing = [v for v in ("SMTP_HOST", "SMTP_USER", "SMTP_PASSWORD") if not os.environ.get(v)]
    if missing:
        sys.exit(f"missing environment variables: {', '.join(missing)}")

    for a in args.attach:
        name = Path(a).name
        if any(fnmatch.fnmatch(name, pat) for pat in RISKY_ATTACHMENTS) and not args.allow_risky_attachment:
            sys.exit(f"refusing to attach {name}: looks like a secret file (use --allow-risky-attachment if intended)")
        if not Path(a).expanduser().is_file():
            sys.exit(f"attachment not found: {a}")

    to, cc, bcc = split_addrs(args.to), split_addrs(args.cc), split_addrs(args.bcc)
    if not to:
        sys.exit("no valid To addresses")

    batches = [[addr] for addr in to] if args.individual else [to]
    first = build(args, batches[0], cc)
    preview(first, bcc, args.attach)
    if len(batches) > 1:
        print(f"(+ {len(batches) - 1} more individual messages with the same content)")

    if args.preview or not args.yes:
        print("\nPreview only. Re-run with --yes to send.")
        return 0

    with connect() as smtp:
        for i, batch in enumerate(batches):
            msg = first if i == 0 else build(args, batch, cc)
            smtp.send_message(msg, to_addrs=batch + cc + bcc)
            print(f"sent to {', '.join(batch)}")
            if args.individual and i < len(batches) - 1:
                time.sleep(1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
