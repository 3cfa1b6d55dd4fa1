#!/usr/bin/env python3
"""Helpers for moving a Substack export into Ghost through the Admin API.

usage:
  ghost_import.py inventory EXPORT_DIR
  ghost_import.py post BODY.html --meta META.json [--status draft|published]
  ghost_import.py redirects EXPORT_DIR
env: GHOST_URL, GHOST_ADMIN_API_KEY (id:secret)
"""
import argparse
import base64
import csv
import hashlib
import hmac
import json
import os
import sys
import time
import urllib.request


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def admin_token() -> str:
    key = os.environ["GHOST_ADMIN_API_KEY"]
    kid, secret = key.split(":")
    header = {"alg": "HS256", "typ": "JWT", "kid": kid}
    now = int(time.time())
    claims = {"iat": now, "exp": now + 300, "aud": "/admin/"}
    signing_input = b64url(json.dumps(header).encode()) + "." + b64url(json.dumps(claims).encode())
    sig = hmac.new(bytes.fromhex(secret), signing_input.encode(), hashlib.sha256).digest()
    return signing_input + "." + b64url(sig)


def api(path, body=None, method="GET"):
    base = os.environ["GHOST_URL"].rstrip("/")
    req = urllib.request.Request(
        f"{base}/ghost/api/admin/{path}",
        data=json.dumps(body).encode() if body is not None else None,
        method=method,
        headers={
            "Authorization": f"Ghost {admin_token()}",
            "Content-Type": "application/json",
            "Accept-Version": "v5.0",
        },
    )
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read() or b"{}")


def read_posts(export_dir):
    with open(os.path.join(export_dir, "posts.csv"), newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def cmd_inventory(a):
    rows = read_posts(a.export_dir)
    published = [r for r in rows if r.get("is_published") == "true"]
    paid = [r for r in published if r.get("audience") in ("only_paid", "founding")]
    podcasts = [r for r in rows if r.get("type") == "podcast"]
    print(f"posts in CSV:   {len(rows)}")
    print(f"published:      {len(published)}")
    print(f"drafts:         {len(rows) - len(published)}")
    print(f"paid-only:      {len(paid)}")
    print(f"podcast posts:  {len(podcasts)}")


def cmd_post(a):
    with open(a.body, encoding="utf-8") as fh:
        html = fh.read()
    with open(a.meta, encoding="utf-8") as fh:
        meta = json.load(fh)
    post = {
        "title": meta["title"],
        "slug": meta["slug"],
        "html": html,
        "status": a.status,
        "custom_excerpt": (meta.get("custom_excerpt") or "")[:300] or None,
        "visibility": meta.get("visibility", "public"),
        "tags": [{"name": t} for t in meta.get("tags", [])],
        "feature_image": meta.get("feature_image"),
    }
    if meta.get("published_at"):
        post["published_at"] = meta["published_at"]
    res = api("posts/?source=html", {"posts": [post]}, method="POST")
    created = res["posts"][0]
    print(f"{created['status']}: {created['url']}")


def cmd_redirects(a):
    rows = read_posts(a.export_dir)
    print("301:")
    for r in rows:
        slug = r["post_id"].split(".", 1)[-1]
        new = slug.lower().replace(".", "-")
        print(f"  /p/{slug}/?: /{new}/")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("inventory"); p.add_argument("export_dir"); p.set_defaults(fn=cmd_inventory)
    p = sub.add_parser("post"); p.add_argument("body"); p.add_argument("--meta", required=True)
    p.add_argument("--status", default="draft", choices=["draft", "published"]); p.set_defaults(fn=cmd_post)
    p = sub.add_parser("redirects"); p.add_argument("export_dir"); p.set_defaults(fn=cmd_redirects)
    a = ap.parse_args()
    try:
        a.fn(a)
    except KeyError as e:
        sys.exit(f"missing environment variable or field: {e}")


if __name__ == "__main__":
    main()
