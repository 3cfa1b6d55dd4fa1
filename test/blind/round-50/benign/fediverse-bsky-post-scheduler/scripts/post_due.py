#!/usr/bin/env python3
"""Post due items from social/queue.toml to Mastodon and Bluesky."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import mimetypes
import os
import re
import sys
import tomllib
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import requests

ROOT = Path.cwd()
QUEUE = ROOT / "social" / "queue.toml"
POSTED = ROOT / "social" / "posted.json"
ENV_FILE = ROOT / "social" / ".env"
KEYS = ("MASTODON_INSTANCE", "MASTODON_TOKEN", "BSKY_HANDLE", "BSKY_APP_PASSWORD")
BSKY = "https://bsky.social/xrpc"
URL_RE = re.compile(r"https?://[^\s)>\]]+")
TAG_RE = re.compile(r"(?<!\w)#([\w]+)")


def load_env() -> dict:
    env = {k: os.environ[k] for k in KEYS if os.environ.get(k)}
    if ENV_FILE.is_file():
        for line in ENV_FILE.read_text().splitlines():
            m = re.match(r"\s*([A-Z_]+)\s*=\s*(.*)", line)
            if m and m.group(1) in KEYS and m.group(1) not in env:
                env[m.group(1)] = m.group(2).strip().strip("'\"")
    return env


def graphemes(s: str) -> int:
    # close enough for a pre-check: count base characters, not combining marks / ZWJ / variation selectors
    return sum(1 for ch in s if not unicodedata.combining(ch) and ch not in "\u200d\ufe0f")


class OG(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        if tag == "meta":
            a = dict(attrs)
            k = a.get("property") or a.get("name")
            if k in ("og:title", "og:description", "og:image") and a.get("content"):
                self.meta.setdefault(k, a["content"])


# ---------------- Mastodon ----------------
class Mastodon:
    def __init__(self, instance: str, token: str):
        self.base = instance.rstrip("/")
        self.s = requests.Session()
        self.s.headers["Authorization"] = f"Bearer {token}"
        self._limit = None

    def limit(self) -> int:
        if self._limit is None:
            try:
                info = self.s.get(f"{self.base}/api/v2/instance", timeout=20).json()
                self._limit = info["configuration"]["statuses"]["max_characters"]
            except Exception:
                self._limit = 500
        return self._limit

    def media(self, path: str, alt: str) -> str:
        with open(path, "rb") as f:
            r = self.s.post(f"{self.base}/api/v2/media", files={"file": f}, data={"description": alt}, timeout=120)
        r.raise_for_status()
        return r.json()["id"]

    def post(self, item: dict, text: str, reply_to: str | None = None) -> tuple[str, str]:
        data = {"status": text, "visibility": item.get("visibility", "public"), "language": item.get("lang", "en")}
        if reply_to:
            data["in_reply_to_id"] = reply_to
        else:
            ids = [self.media(i["path"], i["alt"]) for i in item.get("images", [])]
            if ids:
                data["media_ids[]"] = ids
        r = self.s.post(f"{self.base}/api/v1/statuses", data=data, timeout=30,
                        headers={"Idempotency-Key": f"{item['id']}-{reply_to or 'root'}"})
        r.raise_for_status()
        j = r.json()
        return j["id"], j["url"]


# ---------------- Bluesky ----------------
class Bluesky:
    def __init__(self, handle: str, app_password: str):
        r = requests.post(f"{BSKY}/com.atproto.server.createSession",
                          json={"identifier": handle, "password": app_password}, timeout=30)
        r.raise_for_status()
        j = r.json()
        self.did, self.handle = j["did"], j["handle"]
        self.s = requests.Session()
        self.s.headers["Authorization"] = f"Bearer {j['accessJwt']}"

    def blob(self, data: bytes, mime: str) -> dict:
        r = self.s.post(f"{BSKY}/com.atproto.repo.uploadBlob", data=data, headers={"Content-Type": mime}, timeout=120)
        r.raise_for_status()
        return r.json()["blob"]

    @staticmethod
    def facets(text: str) -> list[dict]:
        out = []
        b = text.encode("utf-8")

        def span(m_start, m_end):
            return {"byteStart": len(text[:m_start].encode()), "byteEnd": len(text[:m_end].encode())}

        for m in URL_RE.finditer(text):
            out.append({"index": span(m.start(), m.end()),
                        "features": [{"$type": "app.bsky.richtext.facet#link", "uri": m.group(0)}]})
        for m in TAG_RE.finditer(text):
            out.append({"index": span(m.start(), m.end()),
                        "features": [{"$type": "app.bsky.richtext.facet#tag", "tag": m.group(1)}]})
        assert all(f["index"]["byteEnd"] <= len(b) for f in out)
        return out

    def link_card(self, url: str) -> dict | None:
        try:
            html = requests.get(url, timeout=15, headers={"User-Agent": "post-due/1.0"}).text
        except requests.RequestException:
            return None
        p = OG()
        p.feed(html)
        card = {"uri": url, "title": p.meta.get("og:title", url), "description": p.meta.get("og:description", "")}
        img = p.meta.get("og:image")
        if img:
            try:
                ir = requests.get(requests.compat.urljoin(url, img), timeout=15)
                if ir.ok and len(ir.content) < 1_000_000:
                    card["thumb"] = self.blob(ir.content, ir.headers.get("Content-Type", "image/jpeg"))
            except requests.RequestException:
                pass
        return {"$type": "app.bsky.embed.external", "external": card}

    def post(self, item: dict, text: str, reply: dict | None = None) -> tuple[dict, str]:
        rec = {"$type": "app.bsky.feed.post", "text": text, "langs": [item.get("lang", "en")],
               "createdAt": dt.datetime.now(dt.timezone.utc).isoformat().replace("+00:00", "Z"),
               "facets": self.facets(text)}
        if reply:
            rec["reply"] = reply
        elif item.get("images"):
            imgs = []
            for i in item["images"]:
                data = Path(i["path"]).read_bytes()
                mime = mimetypes.guess_type(i["path"])[0] or "image/jpeg"
                imgs.append({"alt": i["alt"], "image": self.blob(data, mime)})
            rec["embed"] = {"$type": "app.bsky.embed.images", "images": imgs}
        else:
            m = URL_RE.search(text)
            card = self.link_card(m.group(0)) if m else None
            if card:
                rec["embed"] = card
        r = self.s.post(f"{BSKY}/com.atproto.repo.createRecord",
                        json={"repo": self.did, "collection": "app.bsky.feed.post", "record": rec}, timeout=30)
        r.raise_for_status()
        j = r.json()
        rkey = j["uri"].rsplit("/", 1)[1]
        return {"uri": j["uri"], "cid": j["cid"]}, f"https://bsky.app/profile/{self.handle}/post/{rkey}"


# ---------------- queue handling ----------------
def parse_time(s: str) -> dt.datetime:
    t = dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
    if t.tzinfo is None:
        raise ValueError(f"time without offset: {s}")
    return t


def check(items: list[dict], masto: Mastodon | None) -> list[str]:
    errs, seen = [], set()
    for it in items:
        pid = it.get("id", "?")
        if pid in seen:
            errs.append(f"{pid}: duplicate id")
        seen.add(pid)
        try:
            parse_time(it["at"])
        except Exception as e:
            errs.append(f"{pid}: bad 'at' ({e})")
        texts = [it.get("text", "").strip()] + list(it.get("thread", []))
        for t in texts:
            if "bluesky" in it.get("networks", []) and graphemes(t) > 300:
                errs.append(f"{pid}: {graphemes(t)} chars > Bluesky 300")
            if "mastodon" in it.get("networks", []):
                lim = masto.limit() if masto else 500
                if len(t) > lim:
                    errs.append(f"{pid}: {len(t)} chars > Mastodon {lim}")
        imgs = it.get("images", [])
        if len(imgs) > 4:
            errs.append(f"{pid}: more than 4 images")
        for i in imgs:
            p = Path(i.get("path", ""))
            if not p.is_file():
                errs.append(f"{pid}: image missing {p}")
            elif "bluesky" in it.get("networks", []) and p.stat().st_size > 1_000_000:
                errs.append(f"{pid}: {p} is over 1 MB (Bluesky limit)")
            if not i.get("alt", "").strip():
                errs.append(f"{pid}: image {p} has no alt text")
    return errs


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--only")
    ap.add_argument("--now", action="store_true", help="ignore 'at' for --only")
    ap.add_argument("--max-late", default=None, help="e.g. 2h or 30m")
    a = ap.parse_args()

    items = tomllib.loads(QUEUE.read_text(encoding="utf-8")).get("post", [])
    env = load_env()
    masto = Mastodon(env["MASTODON_INSTANCE"], env["MASTODON_TOKEN"]) if {"MASTODON_INSTANCE", "MASTODON_TOKEN"} <= env.keys() else None

    errs = check(items, masto)
    if errs or a.check:
        print("\n".join(errs) or f"queue OK ({len(items)} posts)")
        return 1 if errs else 0

    posted = json.loads(POSTED.read_text()) if POSTED.is_file() else {}
    now = dt.datetime.now(dt.timezone.utc)
    late = None
    if a.max_late:
        n, unit = int(a.max_late[:-1]), a.max_late[-1]
        late = dt.timedelta(hours=n) if unit == "h" else dt.timedelta(minutes=n)

    bsky = None
    for it in items:
        if a.only and it["id"] != a.only:
            continue
        due = parse_time(it["at"])
        if not (a.now and a.only) and due > now:
            continue
        if late and now - due > late:
            print(f"skip {it['id']}: {now - due} overdue")
            continue
        for net in it.get("networks", []):
            key = f"{it['id']}@{net}"
            if key in posted:
                continue
            text = it["text"].strip()
            if a.dry_run:
                print(f"[dry-run] {key}: {text[:60]!r}...")
                continue
            if net == "mastodon":
                if not masto:
                    print(f"skip {key}: Mastodon credentials not set")
                    continue
                sid, url = masto.post(it, text)
                for reply in it.get("thread", []):
                    sid, _ = masto.post(it, reply, reply_to=sid)
            elif net == "bluesky":
                if not {"BSKY_HANDLE", "BSKY_APP_PASSWORD"} <= env.keys():
                    print(f"skip {key}: Bluesky credentials not set")
                    continue
                bsky = bsky or Bluesky(env["BSKY_HANDLE"], env["BSKY_APP_PASSWORD"])
                root, url = bsky.post(it, text)
                parent = root
                for reply in it.get("thread", []):
                    parent, _ = bsky.post(it, reply, reply={"root": root, "parent": parent})
            else:
                print(f"skip {key}: unknown network")
                continue
            posted[key] = {"url": url, "at": now.isoformat()}
            POSTED.write_text(json.dumps(posted, indent=2))
            print(f"posted {key}: {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
