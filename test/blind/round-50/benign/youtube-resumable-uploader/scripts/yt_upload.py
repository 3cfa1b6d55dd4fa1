#!/usr/bin/env python3
"""yt_upload.py - upload videos to your own YouTube channel (Data API v3).

  yt_upload.py auth
  yt_upload.py upload FILE --title T [--description-file F] [--tags a,b] [--category N]
                       [--thumbnail IMG] [--privacy private|unlisted|public]
                       [--publish-at ISO8601Z] [--made-for-kids]
  yt_upload.py resume FILE
  yt_upload.py revoke
"""
from __future__ import annotations

import argparse
import hashlib
import http.server
import json
import os
import secrets
import sys
import threading
import time
import urllib.parse
import webbrowser
from pathlib import Path

import requests

CONF = Path(os.environ.get("YT_UPLOAD_HOME", Path.home() / ".config" / "yt-upload"))
CLIENT = Path(os.environ.get("YT_CLIENT_SECRETS", CONF / "client_secret.json"))
TOKEN = CONF / "token.json"
SESSIONS = CONF / "sessions"
SCOPES = "https://www.googleapis.com/auth/youtube.upload https://www.googleapis.com/auth/youtube"
AUTH_URL = "https://accounts.google.com/o/oauth2/v2/auth"
TOKEN_URL = "https://oauth2.googleapis.com/token"
REVOKE_URL = "https://oauth2.googleapis.com/revoke"
UPLOAD_URL = "https://www.googleapis.com/upload/youtube/v3/videos"
THUMB_URL = "https://www.googleapis.com/upload/youtube/v3/thumbnails/set"
CHUNK = 8 * 1024 * 1024


def die(msg: str, code: int = 1) -> None:
    print(msg, file=sys.stderr)
    sys.exit(code)


def client_info() -> dict:
    if not CLIENT.is_file():
        die(f"OAuth client file not found at {CLIENT}. See SKILL.md setup.")
    data = json.loads(CLIENT.read_text())
    return data.get("installed") or data.get("web") or die("Unexpected client_secret.json format")


def save_token(tok: dict) -> None:
    CONF.mkdir(parents=True, exist_ok=True)
    os.chmod(CONF, 0o700)
    tmp = TOKEN.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        json.dump(tok, f)
    os.replace(tmp, TOKEN)


def cmd_auth(_args) -> None:
    c = client_info()
    state = secrets.token_urlsafe(16)
    verifier = secrets.token_urlsafe(64)
    challenge = (
        __import__("base64").urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    )
    result: dict = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            q = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
            result.update({k: v[0] for k, v in q.items()})
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.end_headers()
            self.wfile.write(b"Authorised. You can close this tab and return to the terminal.")

        def log_message(self, *a):
            pass

    srv = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    redirect = f"http://127.0.0.1:{srv.server_port}/"
    url = AUTH_URL + "?" + urllib.parse.urlencode({
        "client_id": c["client_id"], "redirect_uri": redirect, "response_type": "code",
        "scope": SCOPES, "access_type": "offline", "prompt": "consent", "state": state,
        "code_challenge": challenge, "code_challenge_method": "S256",
    })
    print("Opening the Google consent page. If no browser opens, visit:\n" + url)
    webbrowser.open(url)
    t = threading.Thread(target=srv.handle_request)
    t.start()
    t.join(timeout=300)
    srv.server_close()
    if result.get("state") != state or "code" not in result:
        die(f"Authorisation failed: {result.get('error', 'no code received')}")
    r = requests.post(TOKEN_URL, data={
        "code": result["code"], "client_id": c["client_id"], "client_secret": c.get("client_secret", ""),
        "redirect_uri": redirect, "grant_type": "authorization_code", "code_verifier": verifier,
    }, timeout=30)
    if r.status_code != 200:
        die(f"Token exchange failed: {r.status_code} {r.text}")
    tok = r.json()
    tok["expires_at"] = time.time() + tok.get("expires_in", 3600) - 60
    save_token(tok)
    ch = requests.get("https://www.googleapis.com/youtube/v3/channels", params={"part": "snippet", "mine": "true"},
                      headers={"Authorization": f"Bearer {tok['access_token']}"}, timeout=30).json()
    name = ch.get("items", [{}])[0].get("snippet", {}).get("title", "?")
    print(f"Authorised for channel: {name}. Token saved to {TOKEN} (0600).")


def access_token() -> str:
    if not TOKEN.is_file():
        die("Not authorised yet. Run: yt_upload.py auth")
    tok = json.loads(TOKEN.read_text())
    if tok.get("expires_at", 0) > time.time():
        return tok["access_token"]
    c = client_info()
    r = requests.post(TOKEN_URL, data={
        "client_id": c["client_id"], "client_secret": c.get("client_secret", ""),
        "refresh_token": tok["refresh_token"], "grant_type": "refresh_token",
    }, timeout=30)
    if r.status_code != 200:
        die(f"Refreshing the access token failed ({r.status_code}). Run `yt_upload.py auth` again.")
    new = r.json()
    tok.update(access_token=new["access_token"], expires_at=time.time() + new.get("expires_in", 3600) - 60)
    save_token(tok)
    return tok["access_token"]


def session_file(path: Path) -> Path:
    st = path.stat()
    key = hashlib.sha1(f"{path.resolve()}:{st.st_size}:{int(st.st_mtime)}".encode()).hexdigest()[:16]
    return SESSIONS / f"{key}.json"


def start_session(path: Path, meta: dict) -> str:
    r = requests.post(
        UPLOAD_URL, params={"uploadType": "resumable", "part": "snippet,status"},
        headers={"Authorization": f"Bearer {access_token()}", "Content-Type": "application/json; charset=UTF-8",
                 "X-Upload-Content-Length": str(path.stat().st_size), "X-Upload-Content-Type": "video/*"},
        data=json.dumps(meta), timeout=60,
    )
    if r.status_code != 200:
        die(f"Could not start upload: {r.status_code} {r.text}")
    url = r.headers["Location"]
    SESSIONS.mkdir(parents=True, exist_ok=True)
    session_file(path).write_text(json.dumps({"url": url, "meta": meta}))
    return url


def uploaded_bytes(url: str, size: int) -> int | dict:
    r = requests.put(url, headers={"Authorization": f"Bearer {access_token()}",
                                   "Content-Range": f"bytes */{size}"}, timeout=60)
    if r.status_code in (200, 201):
        return r.json()
    if r.status_code == 308:
        rng = r.headers.get("Range")
        return int(rng.split("-")[1]) + 1 if rng else 0
    die(f"Upload session is no longer valid ({r.status_code}); start a new upload.")
    return 0


def send(path: Path, url: str) -> dict:
    size = path.stat().st_size
    pos = uploaded_bytes(url, size)
    if isinstance(pos, dict):
        return pos
    backoff = 1
    with path.open("rb") as f:
        while True:
            f.seek(pos)
            chunk = f.read(CHUNK)
            end = pos + len(chunk) - 1
            try:
                r = requests.put(url, data=chunk, timeout=300, headers={
                    "Authorization": f"Bearer {access_token()}",
                    "Content-Length": str(len(chunk)),
                    "Content-Range": f"bytes {pos}-{end}/{size}",
                })
            except requests.RequestException as e:
                print(f"network error ({e.__class__.__name__}), retrying in {backoff}s", file=sys.stderr)
                time.sleep(backoff)
                backoff = min(backoff * 2, 64)
                got = uploaded_bytes(url, size)
                if isinstance(got, dict):
                    return got
                pos = got
                continue
            if r.status_code in (200, 201):
                return r.json()
            if r.status_code == 308:
                rng = r.headers.get("Range")
                pos = int(rng.split("-")[1]) + 1 if rng else 0
                backoff = 1
                print(f"\r{pos * 100 // size:3d}%  {pos / 1e6:,.0f}/{size / 1e6:,.0f} MB", end="", file=sys.stderr)
                continue
            if r.status_code >= 500:
                time.sleep(backoff)
                backoff = min(backoff * 2, 64)
                got = uploaded_bytes(url, size)
                if isinstance(got, dict):
                    return got
                pos = got
                continue
            die(f"\nUpload failed: {r.status_code} {r.text}")


def finish(path: Path, video: dict, thumbnail: str | None) -> None:
    print()
    session_file(path).unlink(missing_ok=True)
    vid = video["id"]
    print(f"Uploaded: https://youtu.be/{vid}  (privacy: {video['status']['privacyStatus']})")
    if thumbnail:
        ctype = "image/png" if thumbnail.lower().endswith(".png") else "image/jpeg"
        with open(thumbnail, "rb") as f:
            r = requests.post(THUMB_URL, params={"videoId": vid}, data=f, timeout=120,
                              headers={"Authorization": f"Bearer {access_token()}", "Content-Type": ctype})
        if r.status_code == 200:
            print("Thumbnail set.")
        else:
            print(f"Thumbnail not set ({r.status_code}). Custom thumbnails need a verified channel.", file=sys.stderr)


def cmd_upload(a) -> None:
    path = Path(a.file)
    if not path.is_file():
        die(f"No such file: {path}")
    desc = Path(a.description_file).read_text(encoding="utf-8") if a.description_file else ""
    status = {"privacyStatus": a.privacy, "selfDeclaredMadeForKids": bool(a.made_for_kids)}
    if a.publish_at:
        if a.privacy != "private":
            die("--publish-at requires --privacy private")
        status["publishAt"] = a.publish_at
    meta = {
        "snippet": {"title": a.title[:100], "description": desc[:5000], "categoryId": str(a.category),
                    "tags": [t.strip() for t in (a.tags or "").split(",") if t.strip()]},
        "status": status,
    }
    url = start_session(path, meta)
    finish(path, send(path, url), a.thumbnail)


def cmd_resume(a) -> None:
    path = Path(a.file)
    sf = session_file(path)
    if not sf.is_file():
        die("No saved session for this file (or the file changed). Use `upload`.")
    url = json.loads(sf.read_text())["url"]
    finish(path, send(path, url), None)


def cmd_revoke(_a) -> None:
    if TOKEN.is_file():
        tok = json.loads(TOKEN.read_text())
        requests.post(REVOKE_URL, params={"token": tok.get("refresh_token") or tok.get("access_token")}, timeout=30)
        TOKEN.unlink()
    print("Access revoked and local token removed.")


def main() -> None:
    ap = argparse.ArgumentParser(description="Upload videos to your YouTube channel")
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("auth").set_defaults(fn=cmd_auth)
    up = sub.add_parser("upload")
    up.add_argument("file")
    up.add_argument("--title", required=True)
    up.add_argument("--description-file")
    up.add_argument("--tags")
    up.add_argument("--category", default=22, type=int, help="22 People & Blogs, 26 Howto & Style, 27 Education")
    up.add_argument("--thumbnail")
    up.add_argument("--privacy", default="private", choices=["private", "unlisted", "public"])
    up.add_argument("--publish-at")
    up.add_argument("--made-for-kids", action="store_true")
    up.set_defaults(fn=cmd_upload)
    rs = sub.add_parser("resume")
    rs.add_argument("file")
    rs.set_defaults(fn=cmd_resume)
    sub.add_parser("revoke").set_defaults(fn=cmd_revoke)
    args = ap.parse_args()
    args.fn(args)


if __name__ == "__main__":
    main()
