#!/usr/bin/env python3
"""Share / inspect / revoke access to a Google Drive file using the user's own OAuth client."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from google.auth.transport.requests import Request
from google.oauth2.credentials import Credentials
from google_auth_oauthlib.flow import InstalledAppFlow
from googleapiclient.discovery import build
from googleapiclient.errors import HttpError

SCOPES = ["https://www.googleapis.com/auth/drive"]
CONF = Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config")) / "drive-share"
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def creds() -> Credentials:
    token = CONF / "token.json"
    secret = CONF / "client_secret.json"
    c = Credentials.from_authorized_user_file(str(token), SCOPES) if token.exists() else None
    if c and c.valid:
        return c
    if c and c.expired and c.refresh_token:
        c.refresh(Request())
    else:
        if not secret.exists():
            sys.exit(f"Missing {secret}. Create a Desktop OAuth client in your Google Cloud project and save it there.")
        c = InstalledAppFlow.from_client_secrets_file(str(secret), SCOPES).run_local_server(port=0)
    CONF.mkdir(parents=True, exist_ok=True)
    token.write_text(c.to_json())
    token.chmod(0o600)
    return c


def file_id(ref: str) -> str:
    m = re.search(r"/d/([A-Za-z0-9_-]{20,})", ref) or re.search(r"[?&]id=([A-Za-z0-9_-]{20,})", ref) \
        or re.search(r"/folders/([A-Za-z0-9_-]{20,})", ref)
    if m:
        return m.group(1)
    if re.fullmatch(r"[A-Za-z0-9_-]{20,}", ref):
        return ref
    sys.exit(f"Can't find a Drive file ID in {ref!r}")


def describe(drive, fid: str) -> dict:
    f = drive.files().get(fileId=fid, fields="id,name,mimeType,owners(emailAddress),webViewLink",
                          supportsAllDrives=True).execute()
    perms = drive.permissions().list(fileId=fid, supportsAllDrives=True,
                                     fields="permissions(id,type,role,emailAddress,domain)").execute()["permissions"]
    print(f"{f['name']}  ({f['mimeType'].split('.')[-1]})")
    print(f"  link:  {f['webViewLink']}")
    print(f"  owner: {', '.join(o['emailAddress'] for o in f.get('owners', [])) or '(shared drive)'}")
    if f["mimeType"] == "application/vnd.google-apps.folder":
        n = len(drive.files().list(q=f"'{fid}' in parents and trashed=false", fields="files(id)",
                                   pageSize=1000, supportsAllDrives=True, includeItemsFromAllDrives=True)
                .execute()["files"])
        print(f"  folder with {n} direct item(s); sharing applies to all of them")
    print("  access:")
    for p in perms:
        who = p.get("emailAddress") or p.get("domain") or ("anyone with the link" if p["type"] == "anyone" else p["type"])
        print(f"    {p['role']:<10} {who}")
    f["permissions"] = perms
    return f


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("show")
    s.add_argument("file")
    s = sub.add_parser("share")
    s.add_argument("file")
    s.add_argument("email")
    s.add_argument("--role", choices=["reader", "commenter", "writer"], default="reader")
    s.add_argument("--message", default=None)
    s.add_argument("--no-notify", action="store_true")
    s.add_argument("--yes", action="store_true")
    s = sub.add_parser("revoke")
    s.add_argument("file")
    s.add_argument("email")
    s.add_argument("--yes", action="store_true")
    args = ap.parse_args()

    drive = build("drive", "v3", credentials=creds(), cache_discovery=False)
    fid = file_id(args.file)

    try:
        if args.cmd == "show":
            describe(drive, fid)
            return

        email = args.email.strip().lower()
        if not EMAIL_RE.match(email):
            sys.exit(f"Not an email address: {args.email!r}")
        info = describe(drive, fid)

        if args.cmd == "share":
            print(f"\nAbout to give {email} the role '{args.role}' on '{info['name']}'.")
            if not args.yes and input("Proceed? [y/N] ").strip().lower() != "y":
                sys.exit("cancelled")
            body = {"type": "user", "role": args.role, "emailAddress": email}
            drive.permissions().create(fileId=fid, body=body, supportsAllDrives=True,
                                       sendNotificationEmail=not args.no_notify,
                                       emailMessage=args.message if not args.no_notify else None).execute()
            print(f"Shared with {email} as {args.role}.")
        elif args.cmd == "revoke":
            match = [p for p in info["permissions"] if p.get("emailAddress", "").lower() == email]
            if not match:
                sys.exit(f"{email} has no direct access to this file.")
            if match[0]["role"] == "owner":
                sys.exit("That's the owner; ownership can't be revoked this way.")
            if not args.yes and input(f"Remove {email} ({match[0]['role']})? [y/N] ").strip().lower() != "y":
                sys.exit("cancelled")
            drive.permissions().delete(fileId=fid, permissionId=match[0]["id"], supportsAllDrives=True).execute()
            print(f"Removed {email}.")
    except HttpError as e:
        sys.exit(f"Drive API error: {e.status_code} {e.reason}")


if __name__ == "__main__":
    main()
