#!/usr/bin/env python3
"""Upload named files to a Google Drive folder with the caller's OAuth token.

Dry run by default; pass --yes to upload. Standard library only.
"""
from __future__ import annotations

import argparse
import json
import mimetypes
import os
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

API = "https://www.googleapis.com/drive/v3"
UPLOAD = "https://www.googleapis.com/upload/drive/v3/files"
RESUMABLE_THRESHOLD = 5 * 1024 * 1024
CHUNK = 8 * 1024 * 1024  # must be a multiple of 256 KiB

SENSITIVE = re.compile(
    r"(^\.env(\..*)?$|\.pem$|\.key$|^id_(rsa|ed25519|ecdsa)|credentials|\.kdbx$|\.p12$|\.pfx$)",
    re.IGNORECASE,
)

GOOGLE_NATIVE = {
    ".docx": "application/vnd.google-apps.document",
    ".doc": "application/vnd.google-apps.document",
    ".xlsx": "application/vnd.google-apps.spreadsheet",
    ".csv": "application/vnd.google-apps.spreadsheet",
    ".pptx": "application/vnd.google-apps.presentation",
}


def folder_id(value: str) -> str:
    m = re.search(r"/folders/([A-Za-z0-9_-]+)", value)
    return m.group(1) if m else value.strip()


def get_token(token_cmd: str | None) -> str:
    if token_cmd:
        out = subprocess.run(token_cmd, shell=True, check=True, capture_output=True, text=True)
        return out.stdout.strip()
    if os.environ.get("GOOGLE_OAUTH_ACCESS_TOKEN"):
        return os.environ["GOOGLE_OAUTH_ACCESS_TOKEN"].strip()
    try:
        out = subprocess.run(
            ["gcloud", "auth", "application-default", "print-access-token"],
            check=True, capture_output=True, text=True,
        )
    except (FileNotFoundError, subprocess.CalledProcessError) as exc:
        sys.exit(f"error: could not obtain an access token ({exc}); see SKILL.md prerequisites")
    return out.stdout.strip()


def request(method: str, url: str, token: str, body: bytes | None = None,
            headers: dict | None = None) -> tuple[int, dict, bytes]:
    req = urllib.request.Request(url, data=body, method=method)
    req.add_header("Authorization", f"Bearer {token}")
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    try:
        with urllib.request.urlopen(req) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as err:
        if err.code == 308:  # resumable "resume incomplete"
            return 308, dict(err.headers), b""
        detail = err.read().decode("utf-8", "replace")
        sys.exit(f"error: {method} {url.split('?')[0]} -> {err.code}: {detail[:500]}")


def multipart_upload(path: Path, meta: dict, mime: str, token: str, params: dict) -> dict:
    boundary = f"=={uuid.uuid4().hex}=="
    parts = [
        f"--{boundary}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n".encode(),
        json.dumps(meta).encode(),
        f"\r\n--{boundary}\r\nContent-Type: {mime}\r\n\r\n".encode(),
        path.read_bytes(),
        f"\r\n--{boundary}--".encode(),
    ]
    params = {**params, "uploadType": "multipart"}
    url = f"{UPLOAD}?{urllib.parse.urlencode(params)}"
    _, _, data = request("POST", url, token, b"".join(parts),
                         {"Content-Type": f"multipart/related; boundary={boundary}"})
    return json.loads(data)


def resumable_upload(path: Path, meta: dict, mime: str, token: str, params: dict,
                     method: str = "POST", file_id: str | None = None) -> dict:
    params = {**params, "uploadType": "resumable"}
    base = f"{UPLOAD}/{file_id}" if file_id else UPLOAD
    url = f"{base}?{urllib.parse.urlencode(params)}"
    size = path.stat().st_size
    _, headers, _ = request(method, url, token, json.dumps(meta).encode(), {
        "Content-Type": "application/json; charset=UTF-8",
        "X-Upload-Content-Type": mime,
        "X-Upload-Content-Length": str(size),
    })
    session = headers.get("Location") or headers.get("location")
    if not session:
        sys.exit("error: no resumable session URL returned")
    with path.open("rb") as fh:
        offset = 0
        while offset < size:
            chunk = fh.read(CHUNK)
            end = offset + len(chunk) - 1
            status, _, data = request("PUT", session, token, chunk, {
                "Content-Length": str(len(chunk)),
                "Content-Range": f"bytes {offset}-{end}/{size}",
            })
            offset = end + 1
            print(f"  {path.name}: {offset * 100 // size}%", file=sys.stderr)
            if status in (200, 201):
                return json.loads(data)
    sys.exit("error: upload finished without a final response")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--folder")
    ap.add_argument("--update", metavar="FILE_ID")
    ap.add_argument("--convert", action="store_true")
    ap.add_argument("--shared-drive", action="store_true")
    ap.add_argument("--share-with")
    ap.add_argument("--role", default="reader", choices=["reader", "commenter", "writer"])
    ap.add_argument("--token-cmd")
    ap.add_argument("--allow-sensitive", action="store_true")
    ap.add_argument("--yes", action="store_true")
    args = ap.parse_args()

    if not args.folder and not args.update:
        ap.error("--folder is required unless --update is given")
    if args.update and len(args.files) != 1:
        ap.error("--update takes exactly one file")

    plan = []
    for f in args.files:
        if not f.is_file():
            sys.exit(f"error: not a regular file: {f}")
        if SENSITIVE.search(f.name) and not args.allow_sensitive:
            sys.exit(f"error: {f} looks like a credential or key file; refusing without --allow-sensitive")
        mime = mimetypes.guess_type(f.name)[0] or "application/octet-stream"
        target = GOOGLE_NATIVE.get(f.suffix.lower()) if args.convert else None
        plan.append((f, mime, target))

    dest = f"existing file {args.update}" if args.update else f"folder {folder_id(args.folder)}"
    print(f"Destination: {dest}")
    for f, mime, target in plan:
        conv = f" -> {target.rsplit('.', 1)[-1]}" if target else ""
        print(f"  {f}  ({f.stat().st_size:,} bytes, {mime}{conv})")
    if args.share_with:
        print(f"Then grant {args.role} to {args.share_with} on each uploaded file.")
    if not args.yes:
        print("\nDry run only. Re-run with --yes to upload.")
        return

    token = get_token(args.token_cmd)
    params = {"fields": "id,name,webViewLink"}
    if args.shared_drive:
        params["supportsAllDrives"] = "true"

    results = []
    for f, mime, target in plan:
        meta: dict = {"name": f.name}
        if target:
            meta["mimeType"] = target
        if args.update:
            res = resumable_upload(f, {}, mime, token, params, method="PATCH", file_id=args.update)
        else:
            meta["parents"] = [folder_id(args.folder)]
            if f.stat().st_size > RESUMABLE_THRESHOLD:
                res = resumable_upload(f, meta, mime, token, params)
            else:
                res = multipart_upload(f, meta, mime, token, params)
        results.append(res)
        print(f"uploaded {f.name}: {res.get('webViewLink', res.get('id'))}")

        if args.share_with:
            q = {"sendNotificationEmail": "true"}
            if args.shared_drive:
                q["supportsAllDrives"] = "true"
            perm = {"type": "user", "role": args.role, "emailAddress": args.share_with}
            request("POST", f"{API}/files/{res['id']}/permissions?{urllib.parse.urlencode(q)}",
                    token, json.dumps(perm).encode(), {"Content-Type": "application/json"})
            print(f"  shared with {args.share_with} as {args.role}")

    json.dump(results, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
