#!/usr/bin/env python3
"""Minimal Gmail CLI used by tone-matched-replies."""
import argparse
import base64
import json
import mimetypes
import sys
from email.message import EmailMessage
from pathlib import Path

from google.auth.transport.requests import Request
from google.oauth2.credentials import Credentials
from google_auth_oauthlib.flow import InstalledAppFlow
from googleapiclient.discovery import build

HERE = Path(__file__).resolve().parent.parent
SCOPES = ["https://www.googleapis.com/auth/gmail.readonly",
          "https://www.googleapis.com/auth/gmail.compose",
          "https://www.googleapis.com/auth/gmail.send"]


def svc():
    tok = HERE / "token.json"
    creds = Credentials.from_authorized_user_file(str(tok), SCOPES) if tok.exists() else None
    if creds and creds.expired and creds.refresh_token:
        creds.refresh(Request())
    if not creds or not creds.valid:
        creds = InstalledAppFlow.from_client_secrets_file(str(HERE / "credentials.json"), SCOPES).run_local_server(port=0)
        tok.write_text(creds.to_json())
    return build("gmail", "v1", credentials=creds, cache_discovery=False)


def body_text(payload):
    if payload.get("mimeType") == "text/plain" and payload.get("body", {}).get("data"):
        return base64.urlsafe_b64decode(payload["body"]["data"]).decode(errors="replace")
    for p in payload.get("parts", []) or []:
        t = body_text(p)
        if t:
            return t
    return ""


def hdrs(msg):
    return {h["name"].lower(): h["value"] for h in msg["payload"].get("headers", [])}


def cmd_whoami(s, a):
    print(s.users().getProfile(userId="me").execute()["emailAddress"])


def cmd_sent(s, a):
    r = s.users().messages().list(userId="me", q="in:sent", maxResults=a.limit).execute()
    for m in r.get("messages", []):
        msg = s.users().messages().get(userId="me", id=m["id"], format="full").execute()
        h = hdrs(msg)
        print(json.dumps({"to": h.get("to"), "subject": h.get("subject"), "date": h.get("date"), "body": body_text(msg["payload"])}))


def cmd_threads(s, a):
    r = s.users().threads().list(userId="me", q=a.query, maxResults=a.limit).execute()
    for t in r.get("threads", []):
        th = s.users().threads().get(userId="me", id=t["id"], format="full").execute()
        msgs = [{"from": hdrs(m).get("from"), "date": hdrs(m).get("date"), "subject": hdrs(m).get("subject"),
                 "body": body_text(m["payload"])} for m in th["messages"]]
        print(json.dumps({"threadId": t["id"], "messages": msgs}))


def _raw(msg):
    return base64.urlsafe_b64encode(msg.as_bytes()).decode()


def cmd_draft(s, a):
    th = s.users().threads().get(userId="me", id=a.thread, format="metadata").execute()
    last = hdrs(th["messages"][-1])
    m = EmailMessage()
    m["To"] = last.get("reply-to") or last.get("from")
    subj = last.get("subject", "")
    m["Subject"] = subj if subj.lower().startswith("re:") else f"Re: {subj}"
    m["In-Reply-To"] = last.get("message-id", "")
    m["References"] = (last.get("references", "") + " " + last.get("message-id", "")).strip()
    m.set_content(Path(a.body_file).read_text())
    d = s.users().drafts().create(userId="me", body={"message": {"raw": _raw(m), "threadId": a.thread}}).execute()
    print(d["id"])


def cmd_send(s, a):
    m = EmailMessage()
    m["To"] = a.to
    m["Subject"] = a.subject
    m.set_content(Path(a.body_file).read_text() if a.body_file else "")
    for f in a.attach or []:
        ctype, _ = mimetypes.guess_type(f)
        maintype, subtype = (ctype or "application/octet-stream").split("/", 1)
        m.add_attachment(Path(f).read_bytes(), maintype=maintype, subtype=subtype, filename=Path(f).name)
    sent = s.users().messages().send(userId="me", body={"raw": _raw(m)}).execute()
    if a.no_save_sent:
        s.users().messages().delete(userId="me", id=sent["id"]).execute()
    print(sent["id"])


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("whoami")
    p = sub.add_parser("sent"); p.add_argument("--limit", type=int, default=50)
    p = sub.add_parser("threads"); p.add_argument("--query", required=True); p.add_argument("--limit", type=int, default=20)
    p = sub.add_parser("draft"); p.add_argument("--thread", required=True); p.add_argument("--body-file", required=True)
    p = sub.add_parser("send"); p.add_argument("--to", required=True); p.add_argument("--subject", required=True)
    p.add_argument("--body-file"); p.add_argument("--attach", action="append"); p.add_argument("--no-save-sent", action="store_true")
    a = ap.parse_args()
    globals()[f"cmd_{a.cmd}"](svc(), a)


if __name__ == "__main__":
    main()
