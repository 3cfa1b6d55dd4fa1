#!/usr/bin/env python3
"""Upload files the user names to their own Dropbox, with chunked sessions and hash verification."""
import argparse
import fnmatch
import hashlib
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

API = "https://api.dropboxapi.com/2"
CONTENT = "https://content.dropboxapi.com/2"
CHUNK = 8 * 1024 * 1024
SINGLE_LIMIT = 150 * 1024 * 1024
DEFAULT_EXCLUDES = [".DS_Store", "Thumbs.db", ".git/*", "*/.git/*"]


def token():
    t = os.environ.get("DROPBOX_ACCESS_TOKEN")
    if t:
        return t
    key, secret, refresh = (os.environ.get(k) for k in ("DROPBOX_APP_KEY", "DROPBOX_APP_SECRET", "DROPBOX_REFRESH_TOKEN"))
    if not (key and secret and refresh):
        sys.exit("set DROPBOX_ACCESS_TOKEN, or DROPBOX_APP_KEY/DROPBOX_APP_SECRET/DROPBOX_REFRESH_TOKEN")
    body = urllib.parse.urlencode({"grant_type": "refresh_token", "refresh_token": refresh,
                                   "client_id": key, "client_secret": secret}).encode()
    with urllib.request.urlopen(urllib.request.Request("https://api.dropboxapi.com/oauth2/token", data=body), timeout=30) as r:
        return json.load(r)["access_token"]


class Dropbox:
    def __init__(self, tok, path_root=None):
        self.tok = tok
        self.path_root = path_root

    def _req(self, url, data, headers, retries=5):
        headers = {"Authorization": f"Bearer {self.tok}", **headers}
        if self.path_root:
            headers["Dropbox-API-Path-Root"] = json.dumps({".tag": "namespace_id", "namespace_id": self.path_root})
        for attempt in range(retries):
            try:
                with urllib.request.urlopen(urllib.request.Request(url, data=data, headers=headers), timeout=300) as r:
                    raw = r.read()
                    return json.loads(raw) if raw else {}
            except urllib.error.HTTPError as exc:
                body = exc.read().decode("utf-8", "replace")
                if exc.code == 429 or exc.code >= 500:
                    time.sleep(int(exc.headers.get("Retry-After", 2 ** attempt)))
                    continue
                raise RuntimeError(f"{exc.code} {url.rsplit('/2/', 1)[-1]}: {body[:300]}") from None
        raise RuntimeError(f"giving up after {retries} attempts: {url}")

    def rpc(self, endpoint, payload):
        return self._req(f"{API}/{endpoint}", json.dumps(payload).encode(), {"Content-Type": "application/json"})

    def content(self, endpoint, arg, data):
        return self._req(f"{CONTENT}/{endpoint}", data,
                         {"Dropbox-API-Arg": json.dumps(arg), "Content-Type": "application/octet-stream"})


def content_hash(path):
    blocks = hashlib.sha256()
    with open(path, "rb") as fh:
        while True:
            b = fh.read(4 * 1024 * 1024)
            if not b:
                break
            blocks.update(hashlib.sha256(b).digest())
    return blocks.hexdigest()


def upload(db, local, remote, mode):
    size = os.path.getsize(local)
    commit = {"path": remote, "mode": mode, "autorename": mode == "add", "mute": False}
    with open(local, "rb") as fh:
        if size <= SINGLE_LIMIT:
            meta = db.content("files/upload", commit, fh.read())
        else:
            first = fh.read(CHUNK)
            sess = db.content("files/upload_session/start", {"close": False}, first)["session_id"]
            offset = len(first)
            while offset < size:
                chunk = fh.read(CHUNK)
                cursor = {"session_id": sess, "offset": offset}
                if offset + len(chunk) >= size:
                    meta = db.content("files/upload_session/finish", {"cursor": cursor, "commit": commit}, chunk)
                else:
                    db.content("files/upload_session/append_v2", {"cursor": cursor, "close": False}, chunk)
                offset += len(chunk)
                print(f"\r  {offset / size:6.1%}", end="", flush=True)
            print()
    ok = meta.get("content_hash") == content_hash(local)
    return meta, ok


def plan(paths, dest, excludes):
    items = []
    for p in paths:
        p = os.path.abspath(p)
        if os.path.isfile(p):
            items.append((p, f"{dest.rstrip('/')}/{os.path.basename(p)}"))
            continue
        base = os.path.basename(p.rstrip(os.sep))
        for root, _dirs, files in os.walk(p):
            for f in sorted(files):
                full = os.path.join(root, f)
                rel = os.path.relpath(full, p).replace(os.sep, "/")
                if any(fnmatch.fnmatch(rel, e) or fnmatch.fnmatch(f, e) for e in excludes):
                    continue
                items.append((full, f"{dest.rstrip('/')}/{base}/{rel}"))
    return items


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--dest", required=True, help="Dropbox folder, e.g. /Releases/2.4.0")
    ap.add_argument("--mode", choices=["add", "overwrite"], default="add")
    ap.add_argument("--exclude", action="append", default=[])
    ap.add_argument("--share", action="store_true", help="create a shared link for each uploaded file")
    ap.add_argument("--path-root", help="team namespace id")
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()
    if not args.dest.startswith("/"):
        ap.error("--dest must start with /")

    items = plan(args.paths, args.dest, DEFAULT_EXCLUDES + args.exclude)
    total = sum(os.path.getsize(l) for l, _ in items)
    print(f"{'would upload' if args.dry_run else 'uploading'} {len(items)} file(s), {total / 1e6:.1f} MB total")
    if args.dry_run:
        for l, r in items:
            s = os.path.getsize(l)
            how = f"chunked, {-(-s // CHUNK)} parts" if s > SINGLE_LIMIT else "single request"
            print(f"  {os.path.relpath(l)} -> {r}  ({how})")
        return 0

    db = Dropbox(token(), args.path_root)
    failures = 0
    for local, remote in items:
        print(f"{os.path.relpath(local)} -> {remote}")
        try:
            meta, ok = upload(db, local, remote, args.mode)
        except RuntimeError as exc:
            failures += 1
            print(f"  failed: {exc}")
            if "insufficient_space" in str(exc):
                usage = db.rpc("users/get_space_usage", None)
                print(f"  used {usage['used'] / 1e9:.2f} GB of {usage['allocation'].get('allocated', 0) / 1e9:.2f} GB")
                break
            continue
        print(f"  stored as {meta['path_display']}  {meta['size']:,} bytes  hash {'verified' if ok else 'MISMATCH'}")
        failures += 0 if ok else 1
        if args.share:
            try:
                link = db.rpc("sharing/create_shared_link_with_settings", {"path": meta["path_lower"]})["url"]
            except RuntimeError as exc:
                if "shared_link_already_exists" not in str(exc):
                    raise
                link = db.rpc("sharing/list_shared_links", {"path": meta["path_lower"], "direct_only": True})["links"][0]["url"]
            print(f"  shared link: {link}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
