#!/usr/bin/env python3
"""Send one transactional message over SMTP or a provider API and keep an .eml copy."""
import argparse
import json
import os
import smtplib
import ssl
import sys
import time
import urllib.request
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from pathlib import Path


def load_env(path=".env"):
    p = Path(path)
    if not p.exists():
        return
    for line in p.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            k, _, v = line.removeprefix("export ").partition("=")
            os.environ.setdefault(k.strip(), v.strip().strip("'\""))


def read(arg):
    if arg is None:
        return None
    return sys.stdin.read() if arg == "-" else Path(arg).read_text()


def build(args):
    m = EmailMessage()
    m["From"] = os.environ["MAIL_FROM"]
    m["To"] = ", ".join(args.to)
    m["Subject"] = args.subject
    m["Date"] = formatdate(localtime=False)
    m["Message-ID"] = make_msgid(domain=parseaddr(m["From"])[1].split("@")[-1])
    m.set_content(read(args.text) or "")
    if args.html:
        m.add_alternative(read(args.html), subtype="html")
    return m


def bcc_list():
    return [a.strip() for a in os.environ.get("MAIL_BCC", "").split(",") if a.strip()]


def post_json(url, headers, body):
    req = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                 headers={"Content-Type": "application/json", "Accept": "application/json", **headers})
    with urllib.request.urlopen(req, timeout=20) as r:
        return r.status, r.headers, r.read()


def send(m, to, transport):
    html = m.get_body(("html",))
    text = m.get_body(("plain",))
    html_s = html.get_content() if html else None
    text_s = text.get_content() if text else ""
    bcc = bcc_list()
    if transport == "smtp":
        with smtplib.SMTP(os.environ["SMTP_HOST"], int(os.environ.get("SMTP_PORT", 587)), timeout=20) as s:
            s.starttls(context=ssl.create_default_context())
            s.login(os.environ["SMTP_USER"], os.environ["SMTP_PASS"])
            s.send_message(m, to_addrs=to + bcc)
        return m["Message-ID"]
    if transport == "postmark":
        _, _, b = post_json("https://api.postmarkapp.com/email",
                            {"X-Postmark-Server-Token": os.environ["POSTMARK_SERVER_TOKEN"]},
                            {"From": m["From"], "To": ",".join(to), "Bcc": ",".join(bcc) or None,
                             "Subject": m["Subject"], "TextBody": text_s, "HtmlBody": html_s,
                             "MessageStream": "outbound"})
        return json.loads(b)["MessageID"]
    if transport == "sendgrid":
        p = {"to": [{"email": a} for a in to]}
        if bcc:
            p["bcc"] = [{"email": a} for a in bcc]
        content = [{"type": "text/plain", "value": text_s}] + ([{"type": "text/html", "value": html_s}] if html_s else [])
        _, h, _ = post_json("https://api.sendgrid.com/v3/mail/send",
                            {"Authorization": "Bearer " + os.environ["SENDGRID_API_KEY"]},
                            {"personalizations": [p], "from": {"email": parseaddr(m["From"])[1]},
                             "subject": m["Subject"], "content": content})
        return h.get("X-Message-Id", "")
    if transport == "ses":
        import boto3
        ses = boto3.client("sesv2", region_name=os.environ.get("AWS_REGION"))
        r = ses.send_email(FromEmailAddress=m["From"], Destination={"ToAddresses": to, "BccAddresses": bcc},
                           Content={"Raw": {"Data": m.as_bytes()}})
        return r["MessageId"]
    raise SystemExit(f"unknown MAIL_TRANSPORT {transport!r}")


def main():
    load_env()
    ap = argparse.ArgumentParser()
    ap.add_argument("--to", action="append", required=True)
    ap.add_argument("--subject", required=True)
    ap.add_argument("--text")
    ap.add_argument("--html")
    ap.add_argument("--transport", default=os.environ.get("MAIL_TRANSPORT", "smtp"))
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()
    m = build(args)
    if args.dry_run:
        print(m.as_string())
        return
    mid = send(m, args.to, args.transport)
    out = Path(".mail-outbox")
    out.mkdir(exist_ok=True)
    (out / f"{int(time.time())}.eml").write_bytes(m.as_bytes())
    print(f"sent via {args.transport}: {mid}")


if __name__ == "__main__":
    main()
