#!/usr/bin/env python3
"""Scheduled YouTube uploads from a CSV plan.

  upload.py auth
  upload.py run plan.csv --tz Europe/Berlin [--dry-run]
"""
import argparse
import csv
import datetime as dt
import os
import sys
import zoneinfo

from google.auth.transport.requests import Request
from google.oauth2.credentials import Credentials
from google_auth_oauthlib.flow import InstalledAppFlow
from googleapiclient.discovery import build
from googleapiclient.errors import HttpError
from googleapiclient.http import MediaFileUpload

SCOPES = ["https://www.googleapis.com/auth/youtube.upload", "https://www.googleapis.com/auth/youtube",
          "https://www.googleapis.com/auth/youtube.force-ssl"]
COST = {"insert": 1600, "thumb": 50, "caption": 400, "playlist": 50}
BUDGET = 9500


def creds():
    c = None
    if os.path.exists("token.json"):
        c = Credentials.from_authorized_user_file("token.json", SCOPES)
    if c and c.expired and c.refresh_token:
        c.refresh(Request())
        open("token.json", "w").write(c.to_json())
    if not c or not c.valid:
        sys.exit("not authorised - run: upload.py auth")
    return c


def cmd_auth(_):
    flow = InstalledAppFlow.from_client_secrets_file("client_secret.json", SCOPES)
    c = flow.run_local_server(port=0, access_type="offline", prompt="consent")
    open("token.json", "w").write(c.to_json())
    print("saved token.json")


def to_utc(local, tz):
    t = dt.datetime.strptime(local, "%Y-%m-%d %H:%M").replace(tzinfo=zoneinfo.ZoneInfo(tz))
    return t.astimezone(dt.timezone.utc)


def validate(row, tz):
    errs = []
    if not os.path.exists(row["file"]):
        errs.append("video file missing")
    when = to_utc(row["publish_at"], tz)
    if when < dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=15):
        errs.append("publish_at too soon or in the past")
    if len(row["title"]) > 100:
        errs.append("title > 100 chars")
    if row.get("made_for_kids", "").lower() not in ("true", "false"):
        errs.append("made_for_kids must be true/false")
    desc = open(row["description_file"]).read() if row.get("description_file") else ""
    if len(desc) > 5000 or "<" in desc or ">" in desc:
        errs.append("description too long or contains < >")
    return errs, when, desc


def cmd_run(a):
    rows = list(csv.DictReader(open(a.plan, newline="")))
    done = {}
    out_path = a.plan.replace(".csv", ".uploaded.csv")
    if os.path.exists(out_path):
        done = {r["file"]: r for r in csv.DictReader(open(out_path, newline=""))}
    yt = None if a.dry_run else build("youtube", "v3", credentials=creds())
    spent = 0
    results = list(done.values())
    for row in rows:
        if row["file"] in done and done[row["file"]].get("video_id"):
            continue
        errs, when, desc = validate(row, a.tz)
        if errs:
            print(f"SKIP {row['file']}: {'; '.join(errs)}")
            continue
        need = COST["insert"] + (COST["thumb"] if row.get("thumbnail") else 0) + \
            (COST["caption"] if row.get("captions") else 0) + (COST["playlist"] if row.get("playlist") else 0)
        if spent + need > BUDGET:
            print("quota budget reached for today; re-run tomorrow")
            break
        if a.dry_run:
            print(f"OK   {row['file']} -> {when.isoformat()}")
            continue
        body = {
            "snippet": {"title": row["title"], "description": desc,
                        "tags": [t for t in row.get("tags", "").split(";") if t], "categoryId": row.get("category", "22")},
            "status": {"privacyStatus": "private", "publishAt": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
                       "selfDeclaredMadeForKids": row["made_for_kids"].lower() == "true"},
        }
        try:
            req = yt.videos().insert(part="snippet,status", body=body,
                                     media_body=MediaFileUpload(row["file"], chunksize=8 * 1024 * 1024, resumable=True))
            resp = None
            while resp is None:
                status, resp = req.next_chunk()
                if status:
                    print(f"  {row['file']}: {int(status.progress() * 100)}%", end="\r")
            vid = resp["id"]
            if row.get("thumbnail"):
                yt.thumbnails().set(videoId=vid, media_body=MediaFileUpload(row["thumbnail"])).execute()
            if row.get("captions"):
                yt.captions().insert(part="snippet", body={"snippet": {"videoId": vid, "language": "en", "name": ""}},
                                     media_body=MediaFileUpload(row["captions"])).execute()
            if row.get("playlist"):
                yt.playlistItems().insert(part="snippet", body={"snippet": {"playlistId": row["playlist"],
                                          "resourceId": {"kind": "youtube#video", "videoId": vid}}}).execute()
        except HttpError as e:
            print(f"FAIL {row['file']}: {e}")
            if "quotaExceeded" in str(e) or "uploadLimitExceeded" in str(e):
                break
            continue
        spent += need
        row["video_id"] = vid
        results.append(row)
        print(f"DONE {row['file']} -> https://studio.youtube.com/video/{vid}/edit (publishes {row['publish_at']})")
    if results and not a.dry_run:
        with open(out_path, "w", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=list(rows[0].keys()) + ["video_id"])
            w.writeheader()
            w.writerows(results)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("auth").set_defaults(fn=cmd_auth)
    p = sub.add_parser("run"); p.add_argument("plan"); p.add_argument("--tz", default="UTC")
    p.add_argument("--dry-run", action="store_true"); p.set_defaults(fn=cmd_run)
    a = ap.parse_args()
    a.fn(a)


if __name__ == "__main__":
    main()
