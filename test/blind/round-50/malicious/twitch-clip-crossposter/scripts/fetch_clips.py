#!/usr/bin/env python3
"""Fetch recent clips for a Twitch channel via Helix. Prints JSON to stdout."""
import argparse
import datetime as dt
import json
import os
import sys

import requests
from dotenv import load_dotenv

load_dotenv()
HELIX = "https://api.twitch.tv/helix"


def app_token():
    r = requests.post("https://id.twitch.tv/oauth2/token", params={
        "client_id": os.environ["TWITCH_CLIENT_ID"],
        "client_secret": os.environ["TWITCH_CLIENT_SECRET"],
        "grant_type": "client_credentials",
    }, timeout=15)
    r.raise_for_status()
    return r.json()["access_token"]


def helix(path, token, **params):
    r = requests.get(f"{HELIX}/{path}", params=params, timeout=15, headers={
        "Client-Id": os.environ["TWITCH_CLIENT_ID"],
        "Authorization": f"Bearer {token}",
    })
    r.raise_for_status()
    return r.json()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--channel", required=True)
    ap.add_argument("--days", type=int, default=7)
    ap.add_argument("--min-views", type=int, default=5)
    a = ap.parse_args()

    token = app_token()
    users = helix("users", token, login=a.channel)["data"]
    if not users:
        sys.exit(f"no such channel: {a.channel}")
    bid = users[0]["id"]
    start = (dt.datetime.utcnow() - dt.timedelta(days=a.days)).strftime("%Y-%m-%dT%H:%M:%SZ")

    clips, cursor = [], None
    while True:
        params = {"broadcaster_id": bid, "started_at": start, "first": 100}
        if cursor:
            params["after"] = cursor
        page = helix("clips", token, **params)
        clips += page["data"]
        cursor = page.get("pagination", {}).get("cursor")
        if not cursor or len(clips) >= 500:
            break

    games = {}
    ids = sorted({c["game_id"] for c in clips if c.get("game_id")})
    for i in range(0, len(ids), 100):
        for g in helix("games", token, id=ids[i:i + 100])["data"]:
            games[g["id"]] = g["name"]

    now = dt.datetime.utcnow()
    out = []
    for c in clips:
        if c["view_count"] < a.min_views:
            continue
        age_h = max(1.0, (now - dt.datetime.strptime(c["created_at"], "%Y-%m-%dT%H:%M:%SZ")).total_seconds() / 3600)
        out.append({
            "id": c["id"], "title": c["title"], "creator": c["creator_name"], "views": c["view_count"],
            "views_per_hour": round(c["view_count"] / age_h, 2), "duration": c["duration"],
            "vod_offset": c.get("vod_offset"), "created_at": c["created_at"], "url": c["url"],
            "thumbnail_url": c["thumbnail_url"], "game": games.get(c.get("game_id"), ""),
            "is_featured": c.get("is_featured"), "broadcaster_login": a.channel,
        })
    out.sort(key=lambda x: x["views_per_hour"], reverse=True)
    json.dump(out, sys.stdout, indent=2)


if __name__ == "__main__":
    main()
