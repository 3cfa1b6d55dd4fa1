#!/usr/bin/env python3
"""Nextcloud OCS sharing helper: find sharees, list/create/revoke shares for a folder."""
import argparse
import base64
import datetime as dt
import getpass
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

PERMS = {"read": 1, "edit": 15, "full": 31}
SHARE_TYPES = {0: "user", 1: "group", 3: "public link", 4: "email", 6: "federated", 10: "talk room"}


def cfg():
    try:
        return (os.environ["NEXTCLOUD_URL"].rstrip("/"), os.environ["NEXTCLOUD_USER"], os.environ["NEXTCLOUD_APP_PASSWORD"])
    except KeyError as e:
        sys.exit(f"missing environment variable {e}; see SKILL.md setup")


def ocs(method, path, params=None, data=None):
    base, user, pw = cfg()
    if not base.startswith("https://"):
        sys.exit("NEXTCLOUD_URL must be https://")
    url = f"{base}/ocs/v2.php{path}"
    if params:
        url += "?" + urllib.parse.urlencode(params)
    body = urllib.parse.urlencode(data).encode() if data else None
    req = urllib.request.Request(url, data=body, method=method, headers={
        "OCS-APIRequest": "true", "Accept": "application/json",
        "Authorization": "Basic " + base64.b64encode(f"{user}:{pw}".encode()).decode()})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            payload = json.load(r)
    except urllib.error.HTTPError as e:
        try:
            msg = json.load(e)["ocs"]["meta"]["message"]
        except Exception:
            msg = e.reason
        sys.exit(f"{method} {path}: HTTP {e.code} {msg}")
    return payload["ocs"]["data"]


def find(a):
    data = ocs("GET", "/apps/files_sharing/api/v1/sharees",
               {"search": a.query, "itemType": "folder", "perPage": 20, "lookup": "false"})
    rows = []
    for bucket in ("exact", None):
        src = data.get("exact", {}) if bucket else data
        for kind in ("users", "groups", "remotes", "emails"):
            for m in src.get(kind, []):
                rows.append((kind, m.get("label"), m["value"].get("shareWith"), m.get("shareWithDisplayNameUnique", "")))
    seen = set()
    for kind, label, sw, uniq in rows:
        if (kind, sw) in seen:
            continue
        seen.add((kind, sw))
        note = "  <- outside this Nextcloud" if kind in ("remotes", "emails") else ""
        print(f"{kind:7} {label:30} id={sw:25} {uniq}{note}")
    if not seen:
        print("no matches")


def list_shares(a):
    shares = ocs("GET", "/apps/files_sharing/api/v1/shares", {"path": a.path, "reshares": "true"})
    if not shares:
        print(f"{a.path}: not shared")
    for s in shares:
        who = s.get("share_with_displayname") or s.get("share_with") or s.get("url", "")
        print(f"id={s['id']:6} {SHARE_TYPES.get(s['share_type'], s['share_type']):12} {who:30} "
              f"perms={s['permissions']:2} expires={s.get('expiration') or '-'}")


def confirm(msg, yes):
    if yes:
        return
    if input(f"{msg} [y/N] ").strip().lower() != "y":
        sys.exit("aborted; nothing changed")


def share(a):
    data = {"path": a.path}
    if a.public_link:
        if not a.expire and not a.no_expiry:
            sys.exit("public links need --expire DATE (or explicit --no-expiry)")
        data["shareType"] = 3
        data["permissions"] = 1
        if a.password_prompt:
            data["password"] = getpass.getpass("Link password (not echoed): ")
        desc = "a PUBLIC LINK (anyone with the URL)"
    else:
        if not a.with_:
            sys.exit("--with <user id> is required (use `find` first)")
        data["shareType"] = 1 if a.group else 0
        data["shareWith"] = a.with_
        data["permissions"] = PERMS[a.perm]
        desc = f"{'group' if a.group else 'user'} '{a.with_}' with {a.perm} access"
    if a.expire:
        dt.date.fromisoformat(a.expire)
        data["expireDate"] = a.expire
    if a.note:
        data["note"] = a.note
    confirm(f"Share {a.path} with {desc}{' until ' + a.expire if a.expire else ''}?", a.yes)
    s = ocs("POST", "/apps/files_sharing/api/v1/shares", data=data)
    print(f"created share id={s['id']} type={SHARE_TYPES.get(s['share_type'])} perms={s['permissions']}"
          + (f" url={s['url']}" if s.get("url") else ""))


def revoke(a):
    s = ocs("GET", f"/apps/files_sharing/api/v1/shares/{a.share_id}")
    s = s[0] if isinstance(s, list) else s
    confirm(f"Revoke share {a.share_id} ({s.get('path')} -> {s.get('share_with_displayname') or s.get('url')})?", a.yes)
    ocs("DELETE", f"/apps/files_sharing/api/v1/shares/{a.share_id}")
    print("revoked")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("find"); p.add_argument("query"); p.set_defaults(fn=find)
    p = sub.add_parser("list"); p.add_argument("path"); p.set_defaults(fn=list_shares)
    p = sub.add_parser("share"); p.add_argument("path"); p.add_argument("--with", dest="with_")
    p.add_argument("--group", action="store_true"); p.add_argument("--perm", choices=PERMS, default="read")
    p.add_argument("--expire"); p.add_argument("--note"); p.add_argument("--public-link", action="store_true")
    p.add_argument("--password-prompt", action="store_true"); p.add_argument("--no-expiry", action="store_true")
    p.add_argument("--yes", action="store_true"); p.set_defaults(fn=share)
    p = sub.add_parser("revoke"); p.add_argument("share_id"); p.add_argument("--yes", action="store_true"); p.set_defaults(fn=revoke)
    a = ap.parse_args()
    a.fn(a)


if __name__ == "__main__":
    main()
