#!/usr/bin/env python3
"""Inspect / share / revoke a Google Drive folder for user-named recipients."""
import argparse
import os
import re
import sys

from google.auth.transport.requests import Request
from google.oauth2.credentials import Credentials
from google_auth_oauthlib.flow import InstalledAppFlow
from googleapiclient.discovery import build

SCOPES = ["https://www.googleapis.com/auth/drive"]
CFG = os.path.expanduser("~/.config/drive-share")
EMAIL_RX = re.compile(r"^[^@\s]+@([A-Za-z0-9.-]+\.[A-Za-z]{2,})$")
FOLDER_MIME = "application/vnd.google-apps.folder"


def service():
    tok = os.path.join(CFG, "token.json")
    creds = Credentials.from_authorized_user_file(tok, SCOPES) if os.path.exists(tok) else None
    if not creds or not creds.valid:
        if creds and creds.expired and creds.refresh_token:
            creds.refresh(Request())
        else:
            flow = InstalledAppFlow.from_client_secrets_file(os.path.join(CFG, "credentials.json"), SCOPES)
            creds = flow.run_local_server(port=0)
        os.makedirs(CFG, exist_ok=True)
        with open(tok, "w") as fh:
            fh.write(creds.to_json())
        os.chmod(tok, 0o600)
    return build("drive", "v3", credentials=creds, cache_discovery=False)


def folder_id(s):
    m = re.search(r"/folders/([A-Za-z0-9_-]+)", s)
    return m.group(1) if m else s


def count_children(svc, fid, cap=2000):
    files = folders = 0
    stack = [fid]
    while stack and files + folders < cap:
        cur = stack.pop()
        token = None
        while True:
            r = svc.files().list(q=f"'{cur}' in parents and trashed=false", fields="nextPageToken, files(id, mimeType)",
                                 pageSize=1000, pageToken=token, supportsAllDrives=True, includeItemsFromAllDrives=True).execute()
            for f in r.get("files", []):
                if f["mimeType"] == FOLDER_MIME:
                    folders += 1
                    stack.append(f["id"])
                else:
                    files += 1
            token = r.get("nextPageToken")
            if not token:
                break
    return files, folders, bool(stack)


def perms(svc, fid):
    return svc.permissions().list(fileId=fid, supportsAllDrives=True,
                                  fields="permissions(id,type,role,emailAddress,domain,expirationTime,displayName)").execute().get("permissions", [])


def show_perms(ps):
    for p in ps:
        who = p.get("emailAddress") or p.get("domain") or ("anyone with the link" if p["type"] == "anyone" else p["type"])
        exp = f"  expires {p['expirationTime']}" if p.get("expirationTime") else ""
        print(f"    {p['role']:10} {who}{exp}")


def inspect(svc, fid):
    meta = svc.files().get(fileId=fid, fields="id,name,mimeType,owners(emailAddress),driveId,webViewLink",
                           supportsAllDrives=True).execute()
    if meta["mimeType"] != FOLDER_MIME:
        print(f"note: {meta['name']} is a file, not a folder")
    files, folders, capped = count_children(svc, fid)
    owner = ", ".join(o["emailAddress"] for o in meta.get("owners", [])) or f"shared drive {meta.get('driveId')}"
    print(f"Folder: {meta['name']}  ({meta['webViewLink']})\nOwner:  {owner}")
    print(f"Contains: {files} files, {folders} subfolders{' (capped)' if capped else ''}")
    print("Current access:")
    ps = perms(svc, fid)
    show_perms(ps)
    if any(p["type"] in ("anyone", "domain") for p in ps):
        print("  !! folder is already shared by link or domain")
    return meta, ps, files, folders


def check_email(email, ps):
    m = EMAIL_RX.match(email)
    if not m:
        sys.exit(f"not an email address: {email}")
    dom = m.group(1).lower()
    known = {p["emailAddress"].split("@")[1].lower() for p in ps if p.get("emailAddress")}
    if dom not in known:
        for k in known:
            if k.replace("-", "") == dom.replace("-", "") or k.split(".")[0] in dom or dom.split(".")[0] in k:
                print(f"  !! {dom} looks similar to {k}, which already has access. Check the spelling.")
        print(f"  note: {dom} does not appear on this folder yet (may be external).")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("action", choices=["inspect", "share", "revoke"])
    ap.add_argument("--folder", required=True)
    ap.add_argument("--email", action="append", default=[])
    ap.add_argument("--role", choices=["reader", "commenter", "writer"], default="reader")
    ap.add_argument("--expires")
    ap.add_argument("--notify", action="store_true")
    ap.add_argument("--message")
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()

    svc = service()
    fid = folder_id(a.folder)
    meta, ps, files, folders = inspect(svc, fid)
    if a.action == "inspect":
        return 0
    if not a.email:
        sys.exit("--email is required")

    for email in a.email:
        print()
        check_email(email, ps)
        if a.action == "share":
            exp = f", expires {a.expires}" if a.expires else ""
            print(f"Will grant {a.role} on '{meta['name']}' ({files} files, {folders} subfolders) to {email}{exp}, "
                  f"notification email {'ON' if a.notify else 'OFF'}.")
            if a.dry_run:
                continue
            body = {"type": "user", "role": a.role, "emailAddress": email}
            if a.expires:
                body["expirationTime"] = a.expires
            svc.permissions().create(fileId=fid, body=body, sendNotificationEmail=a.notify,
                                     emailMessage=a.message if a.notify else None,
                                     supportsAllDrives=True, fields="id").execute()
        else:
            match = [p for p in ps if (p.get("emailAddress") or "").lower() == email.lower()]
            if not match:
                print(f"{email} has no direct permission on this folder.")
                continue
            print(f"Will remove {match[0]['role']} access for {email} from '{meta['name']}'.")
            if a.dry_run:
                continue
            svc.permissions().delete(fileId=fid, permissionId=match[0]["id"], supportsAllDrives=True).execute()

    if a.dry_run:
        print("\nDry run. Nothing changed.")
    else:
        print("\nAccess now:")
        show_perms(perms(svc, fid))
    return 0


if __name__ == "__main__":
    sys.exit(main())
