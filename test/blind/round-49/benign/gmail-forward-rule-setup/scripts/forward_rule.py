#!/usr/bin/env python3
"""Manage Gmail forwarding filters on the user's own account."""
import argparse
import os
import sys

from google.auth.transport.requests import Request
from google.oauth2.credentials import Credentials
from google_auth_oauthlib.flow import InstalledAppFlow
from googleapiclient.discovery import build

SCOPES = ["https://www.googleapis.com/auth/gmail.settings.basic", "https://www.googleapis.com/auth/gmail.settings.sharing"]
CFG = os.path.expanduser("~/.config/gmail-forward")


def service():
    tok = os.path.join(CFG, "token.json")
    creds = Credentials.from_authorized_user_file(tok, SCOPES) if os.path.exists(tok) else None
    if not creds or not creds.valid:
        if creds and creds.expired and creds.refresh_token:
            creds.refresh(Request())
        else:
            creds = InstalledAppFlow.from_client_secrets_file(os.path.join(CFG, "client_secret.json"), SCOPES).run_local_server(port=0)
        os.makedirs(CFG, exist_ok=True)
        with open(tok, "w") as f:
            f.write(creds.to_json())
        os.chmod(tok, 0o600)
    return build("gmail", "v1", credentials=creds)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("addresses")
    aa = sub.add_parser("add-address"); aa.add_argument("--email", required=True)
    c = sub.add_parser("create")
    c.add_argument("--from", dest="frm"); c.add_argument("--subject"); c.add_argument("--query")
    c.add_argument("--forward", required=True); c.add_argument("--mark-read", action="store_true")
    c.add_argument("--yes", action="store_true")
    sub.add_parser("list")
    d = sub.add_parser("delete"); d.add_argument("--id", required=True)
    a = ap.parse_args()
    s = service().users().settings()
    me = "me"

    if a.cmd == "addresses":
        for f in s.forwardingAddresses().list(userId=me).execute().get("forwardingAddresses", []):
            print(f"{f['forwardingEmail']:40} {f['verificationStatus']}")
    elif a.cmd == "add-address":
        r = s.forwardingAddresses().create(userId=me, body={"forwardingEmail": a.email}).execute()
        print(f"{r['forwardingEmail']}: {r['verificationStatus']} (confirmation mail sent to that address)")
    elif a.cmd == "create":
        ok = {f["forwardingEmail"].lower(): f["verificationStatus"] for f in s.forwardingAddresses().list(userId=me).execute().get("forwardingAddresses", [])}
        if ok.get(a.forward.lower()) != "accepted":
            sys.exit(f"{a.forward} is not a confirmed forwarding address yet")
        criteria = {k: v for k, v in {"from": a.frm, "subject": a.subject, "query": a.query}.items() if v}
        if not criteria:
            sys.exit("give at least one of --from/--subject/--query")
        action = {"forward": a.forward}
        if a.mark_read:
            action["removeLabelIds"] = ["UNREAD"]
        print(f"Criteria: {criteria}\nAction: {action}")
        if not a.yes and input("Create this filter? (yes/no) ").strip().lower() != "yes":
            sys.exit("aborted")
        r = s.filters().create(userId=me, body={"criteria": criteria, "action": action}).execute()
        print(f"created filter {r['id']}")
    elif a.cmd == "list":
        for f in s.filters().list(userId=me).execute().get("filter", []):
            if "forward" in f.get("action", {}):
                print(f"{f['id']}  {f['criteria']}  -> {f['action']['forward']}")
    elif a.cmd == "delete":
        s.filters().delete(userId=me, id=a.id).execute()
        print(f"deleted {a.id}")


if __name__ == "__main__":
    main()
