#!/usr/bin/env python3
"""notify.py - send one notification email over SMTP / Postmark / SendGrid / SES."""
import argparse
import base64
import json
import mimetypes
import os
import smtplib
import ssl
import subprocess
import sys
import urllib.request
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE.parent / "templates"


def load_env():
    p = Path(".env")
    if p.exists():
        for line in p.read_text().splitlines():
            line = line.strip()
            if line and not line.startswith("#") and "=" in line:
                k, _, v = line.removeprefix("export ").partition("=")
                os.environ.setdefault(k.strip(), v.strip().strip("'\""))


def mask(v):
    return "(unset)" if not v else (v[:4] + "…" if len(v) > 8 else "****")


def render(name, variables):
    try:
        import jinja2
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), undefined=jinja2.StrictUndefined,
                                 autoescape=jinja2.select_autoescape(["html.j2"]))
        get = lambda suffix: env.get_template(f"{name}.{suffix}").render(**variables) if (TEMPLATES / f"{name}.{suffix}").exists() else None
    except ImportError:
        from string import Template
        get = lambda suffix: Template((TEMPLATES / f"{name}.{suffix}").read_text()).substitute(variables) if (TEMPLATES / f"{name}.{suffix}").exists() else None
    subject = (get("subject.j2") or name.replace("_", " ").capitalize()).strip()
    return subject, get("txt.j2"), get("html.j2")


def read_arg(v):
    return None if v is None else (sys.stdin.read() if v == "-" else Path(v).read_text())


def build(a):
    variables = json.loads(Path(a.vars).read_text()) if a.vars else {}
    for kv in a.var or []:
        k, _, v = kv.partition("=")
        variables[k] = v
    if a.template:
        subject, text, html = render(a.template, variables)
    else:
        subject, text, html = a.subject, read_arg(a.text), read_arg(a.html)
    m = EmailMessage()
    m["From"] = os.environ["NOTIFY_FROM"]
    m["To"] = ", ".join(a.to)
    if a.cc:
        m["Cc"] = ", ".join(a.cc)
    if a.reply_to:
        m["Reply-To"] = a.reply_to
    m["Subject"] = subject
    m["Date"] = formatdate()
    m["Message-ID"] = make_msgid(domain=parseaddr(m["From"])[1].split("@")[-1])
    m.set_content(text or "")
    if html:
        m.add_alternative(html, subtype="html")
    for path in a.attach or []:
        p = Path(os.path.expanduser(path))
        ctype = mimetypes.guess_type(p.name)[0] or "application/octet-stream"
        maintype, subtype = ctype.split("/", 1)
        m.add_attachment(p.read_bytes(), maintype=maintype, subtype=subtype, filename=p.name)
    return m


def _post(url, headers, body):
    req = urllib.request.Request(url, json.dumps(body).encode(), {"Content-Type": "application/json", "Accept": "application/json", **headers})
    with urllib.request.urlopen(req, timeout=20) as r:
        return r.headers, r.read()


def deliver(m, rcpts):
    t = os.environ.get("NOTIFY_TRANSPORT", "smtp")
    if t == "smtp":
        with smtplib.SMTP(os.environ["SMTP_HOST"], int(os.environ.get("SMTP_PORT", 587)), timeout=20) as s:
            s.starttls(context=ssl.create_default_context())
            s.login(os.environ["SMTP_USER"], os.environ["SMTP_PASSWORD"])
            s.send_message(m, to_addrs=rcpts)
        return m["Message-ID"]
    text = m.get_body(("plain",)).get_content()
    htmlp = m.get_body(("html",))
    html = htmlp.get_content() if htmlp else None
    atts = [(p.get_filename(), p.get_content_type(), (lambda c: c.encode() if isinstance(c, str) else c)(p.get_content())) for p in m.iter_attachments()]
    if t == "postmark":
        _, b = _post("https://api.postmarkapp.com/email", {"X-Postmark-Server-Token": os.environ["POSTMARK_SERVER_TOKEN"]}, {
            "From": m["From"], "To": m["To"], "Cc": m.get("Cc"), "Subject": m["Subject"], "TextBody": text, "HtmlBody": html,
            "Attachments": [{"Name": n, "ContentType": c, "Content": base64.b64encode(d).decode()} for n, c, d in atts],
            "MessageStream": "outbound"})
        return json.loads(b)["MessageID"]
    if t == "sendgrid":
        h, _ = _post("https://api.sendgrid.com/v3/mail/send", {"Authorization": "Bearer " + os.environ["SENDGRID_API_KEY"]}, {
            "personalizations": [{"to": [{"email": parseaddr(x)[1]} for x in m["To"].split(",")]}],
            "from": {"email": parseaddr(m["From"])[1], "name": parseaddr(m["From"])[0]}, "subject": m["Subject"],
            "content": [{"type": "text/plain", "value": text}] + ([{"type": "text/html", "value": html}] if html else []),
            "attachments": [{"filename": n, "type": c, "content": base64.b64encode(d).decode()} for n, c, d in atts] or None})
        return h.get("X-Message-Id")
    if t == "ses":
        import boto3
        r = boto3.client("sesv2").send_email(FromEmailAddress=m["From"], Destination={"ToAddresses": rcpts},
                                            Content={"Raw": {"Data": m.as_bytes()}})
        return r["MessageId"]
    sys.exit(f"unknown NOTIFY_TRANSPORT {t}")


def bounces(days):
    t = os.environ.get("NOTIFY_TRANSPORT")
    if t == "postmark":
        req = urllib.request.Request(f"https://api.postmarkapp.com/bounces?count=200&offset=0",
                                     headers={"Accept": "application/json", "X-Postmark-Server-Token": os.environ["POSTMARK_SERVER_TOKEN"]})
        for b in json.load(urllib.request.urlopen(req, timeout=20))["Bounces"]:
            print(b["BouncedAt"], b["Type"], b["Email"], b["Description"], sep="\t")
    elif t == "sendgrid":
        import time
        req = urllib.request.Request(f"https://api.sendgrid.com/v3/suppression/bounces?start_time={int(time.time()) - days * 86400}",
                                     headers={"Authorization": "Bearer " + os.environ["SENDGRID_API_KEY"]})
        for b in json.load(urllib.request.urlopen(req, timeout=20)):
            print(b["created"], b["email"], b["reason"], sep="\t")
    else:
        subprocess.run(["aws", "sesv2", "list-suppressed-destinations", "--reasons", "BOUNCE"], check=False)


def dns(domain):
    for name, rr in [(domain, "TXT"), (f"_dmarc.{domain}", "TXT")] + [(f"{s}._domainkey.{domain}", "TXT") for s in ("s1", "s2", "pm", "google", "selector1")]:
        out = subprocess.run(["dig", "+short", rr, name], capture_output=True, text=True).stdout.strip()
        if out:
            print(f"{name:40} {out[:100]}")


def main():
    load_env()
    ap = argparse.ArgumentParser()
    ap.add_argument("--to", action="append", default=[])
    ap.add_argument("--cc", action="append")
    ap.add_argument("--reply-to")
    ap.add_argument("--template")
    ap.add_argument("--subject")
    ap.add_argument("--text")
    ap.add_argument("--html")
    ap.add_argument("--var", action="append")
    ap.add_argument("--vars")
    ap.add_argument("--attach", action="append")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--bounces", type=int)
    ap.add_argument("--dns")
    a = ap.parse_args()
    if a.check:
        t = os.environ.get("NOTIFY_TRANSPORT", "smtp")
        cred = {"smtp": "SMTP_PASSWORD", "postmark": "POSTMARK_SERVER_TOKEN", "sendgrid": "SENDGRID_API_KEY"}.get(t, "AWS_ACCESS_KEY_ID")
        print(f"transport {t}\nfrom      {os.environ.get('NOTIFY_FROM', '(unset)')}\ncredential {mask(os.environ.get(cred))}")
        return
    if a.bounces:
        return bounces(a.bounces)
    if a.dns:
        return dns(a.dns)
    if not a.to:
        sys.exit("--to is required")
    m = build(a)
    if a.dry_run:
        print(m.as_string())
        return
    print("sent:", deliver(m, a.to + (a.cc or [])))


if __name__ == "__main__":
    main()
