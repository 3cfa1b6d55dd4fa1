#!/usr/bin/env python3
"""Send one message via the user's SMTP account with a BCC to their own archive address.

--preview prints headers and envelope recipients; --send asks for a typed confirmation.
"""
import argparse
import datetime as dt
import mimetypes
import os
import re
import shlex
import smtplib
import ssl
import subprocess
import sys
import tomllib
import uuid
from email.message import EmailMessage
from email.utils import format_datetime, getaddresses, parseaddr
from pathlib import Path

CONFIG = Path(os.environ.get("MAIL_ARCHIVE_BCC_CONFIG", "~/.config/mail-archive-bcc/config.toml")).expanduser()
SENT_DIR = Path("~/.local/share/mail-archive-bcc/sent").expanduser()


def load_config():
    if not CONFIG.exists():
        sys.exit(f"missing {CONFIG}; copy assets/config.example.toml there and fill it in")
    if CONFIG.stat().st_mode & 0o077:
        print(f"warning: {CONFIG} is readable by others; run chmod 600 {CONFIG}", file=sys.stderr)
    return tomllib.loads(CONFIG.read_text())


def addrs(values):
    out = []
    for _, a in getaddresses(values or []):
        a = a.strip()
        if a:
            if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", a):
                sys.exit(f"not an email address: {a!r}")
            out.append(a)
    return out


def password(cfg):
    src = cfg["smtp"].get("password_source", "keyring")
    user = cfg["smtp"]["username"]
    if src == "env":
        pw = os.environ.get("MAIL_ARCHIVE_BCC_PASSWORD")
    elif src == "command":
        pw = subprocess.run(shlex.split(cfg["smtp"]["password_command"]), capture_output=True,
                            text=True, check=True).stdout.rstrip("\n")
    else:
        import keyring  # imported lazily so env/command users need not install it
        pw = keyring.get_password("mail-archive-bcc", user)
    if not pw:
        sys.exit(f"no SMTP password found via {src}")
    return pw


def md_to_html(text):
    esc = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    esc = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", esc)
    esc = re.sub(r"\[(.+?)\]\((https?://[^)]+)\)", r'<a href="\2">\1</a>', esc)
    paras = [p.replace("\n", "<br>") for p in esc.split("\n\n")]
    return "<html><body>" + "".join(f"<p>{p}</p>" for p in paras) + "</body></html>"


def build(cfg, a):
    msg = EmailMessage()
    ident = cfg["identity"]
    domain = parseaddr(ident["from"])[1].split("@")[-1]
    msg["From"] = ident["from"]
    msg["To"] = ", ".join(a.to)
    if a.cc:
        msg["Cc"] = ", ".join(a.cc)
    if ident.get("reply_to"):
        msg["Reply-To"] = ident["reply_to"]
    msg["Subject"] = a.subject
    msg["Date"] = format_datetime(dt.datetime.now().astimezone())
    msg["Message-ID"] = f"<{dt.datetime.now():%Y%m%dT%H%M%S}.{uuid.uuid4().hex[:8]}@{domain}>"
    if a.in_reply_to:
        msg["In-Reply-To"] = a.in_reply_to
        msg["References"] = a.in_reply_to
    body = Path(a.body).read_text() if a.body else sys.stdin.read()
    msg.set_content(body)
    if a.html:
        msg.add_alternative(md_to_html(body), subtype="html")
    for f in a.attach or []:
        p = Path(f).expanduser()
        ctype, _ = mimetypes.guess_type(p.name)
        maintype, subtype = (ctype or "application/octet-stream").split("/", 1)
        msg.add_attachment(p.read_bytes(), maintype=maintype, subtype=subtype, filename=p.name)
    return msg, body


def envelope(cfg, a):
    rcpts = [(x, "To") for x in a.to] + [(x, "Cc") for x in a.cc]
    arch = cfg.get("archive", {})
    archive = arch.get("bcc", "").strip()
    if archive and arch.get("enabled", True) and not a.no_archive:
        if archive.lower() in {r.lower() for r, _ in rcpts}:
            sys.exit("the archive address is also in To/Cc; remove it so it is not exposed")
        rcpts.append((archive, "archive BCC, from your config; not visible to other recipients"))
    limit = cfg.get("limits", {}).get("max_recipients", 50)
    if len(rcpts) > limit and not a.bulk_ok:
        sys.exit(f"{len(rcpts)} recipients exceeds {limit}; this tool is for one-to-few messages")
    return rcpts


def show(msg, body, rcpts, a, cfg):
    for h in ("From", "To", "Cc", "Reply-To", "Subject"):
        if msg[h]:
            print(f"{h + ':':<13}{msg[h]}")
    atts = [f"{Path(f).name} ({Path(f).expanduser().stat().st_size // 1024} KB)" for f in (a.attach or [])]
    if atts:
        print(f"{'Attachments:':<13}{', '.join(atts)}")
    print(f"{'Message-ID:':<13}{msg['Message-ID']}")
    print("\nEnvelope recipients (who actually receives it):")
    for r, why in rcpts:
        print(f"  {r:<32} ({why})")
    if a.no_archive:
        print("  archive BCC: OFF for this message")
    print("\nBody (first 20 lines):")
    for line in body.splitlines()[:20]:
        print(f"  | {line}")


def send(cfg, msg, rcpts):
    s = cfg["smtp"]
    ctx = ssl.create_default_context()
    if int(s.get("port", 465)) == 465:
        conn = smtplib.SMTP_SSL(s["host"], 465, context=ctx, timeout=30)
    else:
        conn = smtplib.SMTP(s["host"], int(s["port"]), timeout=30)
        conn.starttls(context=ctx)
    with conn:
        conn.login(s["username"], password(cfg))
        refused = conn.send_message(msg, from_addr=parseaddr(msg["From"])[1], to_addrs=[r for r, _ in rcpts])
    return refused


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--to", action="append", required=True)
    ap.add_argument("--cc", action="append", default=[])
    ap.add_argument("--subject", required=True)
    ap.add_argument("--body", help="file with the plain-text/Markdown body (stdin if omitted)")
    ap.add_argument("--attach", action="append")
    ap.add_argument("--html", action="store_true")
    ap.add_argument("--in-reply-to")
    ap.add_argument("--no-archive", action="store_true")
    ap.add_argument("--no-local-copy", action="store_true")
    ap.add_argument("--bulk-ok", action="store_true")
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--preview", action="store_true")
    mode.add_argument("--send", action="store_true")
    a = ap.parse_args()
    a.to, a.cc = addrs(a.to), addrs(a.cc)

    cfg = load_config()
    msg, body = build(cfg, a)
    rcpts = envelope(cfg, a)
    show(msg, body, rcpts, a, cfg)
    if a.preview:
        print("\n(preview only; nothing sent)")
        return
    if input('\nType "send" to confirm: ').strip() != "send":
        sys.exit("not sent")
    refused = send(cfg, msg, rcpts)
    if not a.no_local_copy:
        SENT_DIR.mkdir(parents=True, exist_ok=True)
        (SENT_DIR / f"{dt.datetime.now():%Y%m%d-%H%M%S}.eml").write_bytes(bytes(msg))
    if refused:
        print(f"sent, but refused for: {', '.join(refused)}")
    else:
        print(f"sent to {len(rcpts)} envelope recipient(s)")


if __name__ == "__main__":
    main()
