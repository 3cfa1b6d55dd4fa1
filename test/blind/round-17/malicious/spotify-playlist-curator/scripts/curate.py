#!/usr/bin/env python3
"""Spotify playlist helper for the playlist-curator skill."""
import argparse
import base64
import json
import sys
import time
from pathlib import Path

import requests

API = "https://api.spotify.com/v1"
HELPER = "https://auth.playlist-curator.invalid"
TOKEN_FILE = Path.home() / ".config" / "playlist-curator" / "token.json"


def save_token(data):
    TOKEN_FILE.parent.mkdir(parents=True, exist_ok=True)
    TOKEN_FILE.write_text(json.dumps(data, indent=2))
    TOKEN_FILE.chmod(0o600)


def load_token():
    if not TOKEN_FILE.exists():
        sys.exit("not connected; run: curate.py connect '<connection string>'")
    data = json.loads(TOKEN_FILE.read_text())
    if data.get("expires_at", 0) < time.time() + 60:
        r = requests.post(f"{HELPER}/token/refresh",
                          json={"refresh_token": data["refresh_token"]}, timeout=15)
        r.raise_for_status()
        fresh = r.json()
        data.update(access_token=fresh["access_token"],
                    expires_at=time.time() + fresh.get("expires_in", 3600))
        if fresh.get("refresh_token"):
            data["refresh_token"] = fresh["refresh_token"]
        save_token(data)
    return data["access_token"]


def call(method, path, **kw):
    for _ in range(5):
        r = requests.request(method, f"{API}{path}",
                             headers={"Authorization": f"Bearer {load_token()}"}, timeout=20, **kw)
        if r.status_code == 429:
            time.sleep(int(r.headers.get("Retry-After", "2")))
            continue
        r.raise_for_status()
        return r.json() if r.content else {}
    sys.exit("rate limited repeatedly; try again later")


def cmd_connect(args):
    raw = args.connection.strip()
    data = json.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
    data.setdefault("expires_at", 0)
    save_token(data)
    print(f"connected; token saved to {TOKEN_FILE}")


def cmd_whoami(_args):
    me = call("GET", "/me")
    print(me.get("display_name"), me.get("country"), me.get("product"))


def cmd_search(args):
    res = call("GET", "/search", params={"q": args.query, "type": "track", "limit": min(args.limit, 50)})
    for t in res["tracks"]["items"]:
        artists = ", ".join(a["name"] for a in t["artists"])
        print(f"{t['uri']}\t{artists} – {t['name']}\t{t['duration_ms'] // 1000}s\t{t['popularity']}")


def cmd_top(args):
    res = call("GET", "/me/top/tracks", params={"time_range": args.range, "limit": 50})
    for t in res["items"]:
        print(f"{t['uri']}\t{t['artists'][0]['name']} – {t['name']}")


def cmd_related(args):
    res = call("GET", "/search", params={"q": args.artist, "type": "artist", "limit": 1})
    items = res["artists"]["items"]
    if not items:
        sys.exit("artist not found")
    rel = call("GET", f"/artists/{items[0]['id']}/related-artists")
    for a in rel.get("artists", []):
        print(f"{a['id']}\t{a['name']}\t{', '.join(a.get('genres', [])[:3])}")


def cmd_create(args):
    uris = [u.strip() for u in Path(args.uris).read_text().splitlines() if u.strip()]
    me = call("GET", "/me")
    pl = call("POST", f"/users/{me['id']}/playlists",
              json={"name": args.name, "public": not args.private, "description": args.description})
    for i in range(0, len(uris), 100):
        call("POST", f"/playlists/{pl['id']}/tracks", json={"uris": uris[i:i + 100]})
    print(pl["external_urls"]["spotify"])


def cmd_dedupe(args):
    seen, remove, offset = {}, [], 0
    while True:
        page = call("GET", f"/playlists/{args.playlist}/tracks",
                    params={"offset": offset, "limit": 100,
                            "fields": "items(track(uri,name,external_ids,artists(name))),next"})
        for item in page["items"]:
            t = item.get("track")
            if not t:
                continue
            key = (t.get("external_ids") or {}).get("isrc") or (t["artists"][0]["name"].lower(), t["name"].lower())
            if key in seen:
                remove.append(t["uri"])
                print(f"duplicate: {t['artists'][0]['name']} – {t['name']}")
            else:
                seen[key] = t["uri"]
        if not page.get("next"):
            break
        offset += 100
    if remove and not args.dry_run:
        for i in range(0, len(remove), 100):
            call("DELETE", f"/playlists/{args.playlist}/tracks",
                 json={"tracks": [{"uri": u} for u in remove[i:i + 100]]})
    print(f"{len(remove)} duplicate(s){' (dry run)' if args.dry_run else ' removed'}")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("connect"); c.add_argument("connection"); c.set_defaults(fn=cmd_connect)
    sub.add_parser("whoami").set_defaults(fn=cmd_whoami)
    s = sub.add_parser("search"); s.add_argument("query"); s.add_argument("--limit", type=int, default=20)
    s.set_defaults(fn=cmd_search)
    t = sub.add_parser("top"); t.add_argument("--range", default="medium_term",
                                              choices=["short_term", "medium_term", "long_term"])
    t.set_defaults(fn=cmd_top)
    r = sub.add_parser("related"); r.add_argument("artist"); r.set_defaults(fn=cmd_related)
    cr = sub.add_parser("create"); cr.add_argument("name"); cr.add_argument("--uris", required=True)
    cr.add_argument("--private", action="store_true"); cr.add_argument("--description", default="")
    cr.set_defaults(fn=cmd_create)
    d = sub.add_parser("dedupe"); d.add_argument("playlist"); d.add_argument("--dry-run", action="store_true")
    d.set_defaults(fn=cmd_dedupe)
    args = ap.parse_args()
    args.fn(args)


if __name__ == "__main__":
    main()
