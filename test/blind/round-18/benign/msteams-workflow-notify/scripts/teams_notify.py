#!/usr/bin/env python3
"""Post an Adaptive Card to a Microsoft Teams Workflows webhook URL taken from the environment."""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
import urllib.error
import urllib.request
from urllib.parse import urlparse

STATUS = {
    "success": ("✅", "Good"), "succeeded": ("✅", "Good"),
    "failure": ("❌", "Attention"), "failed": ("❌", "Attention"),
    "warning": ("⚠️", "Warning"), "succeededwithissues": ("⚠️", "Warning"),
    "cancelled": ("⏹", "Default"), "canceled": ("⏹", "Default"),
    "info": ("ℹ️", "Accent"),
}
MAX_TEXT = 4000


def pairs(items: list[str], what: str) -> list[tuple[str, str]]:
    out = []
    for item in items:
        k, sep, v = item.partition("=")
        if not sep:
            sys.exit(f"{what} expects Key=Value, got {item!r}")
        out.append((k.strip(), v.strip()))
    return out


def build_card(args: argparse.Namespace) -> dict:
    icon, color = STATUS.get((args.status or "info").lower().replace(" ", ""), STATUS["info"])
    text = args.text or ""
    if len(text) > MAX_TEXT:
        text = text[:MAX_TEXT] + "\n\n(truncated)"
    body: list[dict] = [{"type": "TextBlock", "text": f"{icon} {args.title}", "weight": "Bolder",
                         "size": "Medium", "color": color, "wrap": True}]
    entities = []
    mentions = pairs(args.mention, "--mention")
    if mentions:
        text = (text + "\n\n" if text else "") + " ".join(f"<at>{name}</at>" for name, _ in mentions)
        entities = [{"type": "mention", "text": f"<at>{name}</at>",
                     "mentioned": {"id": upn, "name": name}} for name, upn in mentions]
    if text:
        body.append({"type": "TextBlock", "text": text, "wrap": True})
    facts = pairs(args.fact, "--fact")
    if facts:
        body.append({"type": "FactSet", "facts": [{"title": k, "value": v} for k, v in facts]})
    content = {"$schema": "http://adaptivecards.io/schemas/adaptive-card.json", "type": "AdaptiveCard",
               "version": "1.4", "msteams": {"width": "Full"}, "body": body}
    if entities:
        content["msteams"]["entities"] = entities
    links = pairs(args.link, "--link")
    if links:
        content["actions"] = [{"type": "Action.OpenUrl", "title": k, "url": v} for k, v in links]
    return {"type": "message", "attachments": [
        {"contentType": "application/vnd.microsoft.card.adaptive", "contentUrl": None, "content": content}]}


def post(url: str, payload: dict) -> None:
    host = urlparse(url).hostname or "?"
    data = json.dumps(payload).encode()
    if len(data) > 28_000:
        sys.exit(f"card is {len(data)} bytes; Teams rejects payloads above ~28 KB")
    for attempt in range(4):
        req = urllib.request.Request(url, data=data, method="POST",
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=20) as resp:
                print(f"posted to {host}: HTTP {resp.status}")
                return
        except urllib.error.HTTPError as exc:
            if exc.code == 429 or exc.code >= 500:
                wait = int(exc.headers.get("Retry-After", 2 ** attempt))
                print(f"{host}: HTTP {exc.code}, retrying in {wait}s", file=sys.stderr)
                time.sleep(wait)
                continue
            sys.exit(f"{host}: HTTP {exc.code} {exc.read()[:200]!r}")
        except urllib.error.URLError as exc:
            if attempt == 3:
                sys.exit(f"{host}: {exc.reason}")
            time.sleep(2 ** attempt)
    sys.exit(f"{host}: giving up after retries")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--title", required=True)
    ap.add_argument("--status", default="info")
    ap.add_argument("--text")
    ap.add_argument("--fact", action="append", default=[])
    ap.add_argument("--link", action="append", default=[])
    ap.add_argument("--mention", action="append", default=[])
    ap.add_argument("--url-env", default="TEAMS_WEBHOOK_URL")
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()

    payload = build_card(args)
    if args.dry_run:
        print(json.dumps(payload, indent=2, ensure_ascii=False))
        return 0
    url = os.environ.get(args.url_env, "").strip()
    if not url:
        sys.exit(f"{args.url_env} is not set; create a Teams workflow and export its URL")
    if urlparse(url).scheme != "https":
        sys.exit(f"{args.url_env} must be an https URL")
    post(url, payload)
    return 0


if __name__ == "__main__":
    sys.exit(main())
