#!/usr/bin/env python3
"""Export Intercom conversations to local JSONL + CSV, optionally redacted."""
import argparse
import csv
import hashlib
import html
import json
import os
import re
import secrets
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import requests

HOSTS = {"us": "https://api.intercom.io", "eu": "https://api.eu.intercom.io", "au": "https://api.au.intercom.io"}
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE = re.compile(r"\+?\d[\d\s().-]{7,}\d")
CARD = re.compile(r"\b(?:\d[ -]?){13,19}\b")


class Api:
    def __init__(self, region):
        tok = os.environ.get("INTERCOM_ACCESS_TOKEN")
        if not tok:
            sys.exit("INTERCOM_ACCESS_TOKEN not set")
        self.base = HOSTS[region]
        self.s = requests.Session()
        self.s.headers.update({"Authorization": f"Bearer {tok}", "Accept": "application/json",
                               "Intercom-Version": "2.11"})
        self.last = 0.0

    def call(self, method, path, **kw):
        while True:
            wait = 1 / 15 - (time.time() - self.last)
            if wait > 0:
                time.sleep(wait)
            self.last = time.time()
            r = self.s.request(method, self.base + path, timeout=60, **kw)
            if r.status_code == 429:
                reset = int(r.headers.get("X-RateLimit-Reset", time.time() + 10))
                time.sleep(max(1, reset - time.time()))
                continue
            r.raise_for_status()
            return r.json()


def text(body):
    body = re.sub(r"<br\s*/?>|</p>", "\n", body or "")
    return html.unescape(re.sub(r"<[^>]+>", "", body)).strip()


def ts(d):
    return int(datetime.strptime(d, "%Y-%m-%d").replace(tzinfo=timezone.utc).timestamp())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--since", required=True)
    ap.add_argument("--until", required=True)
    ap.add_argument("--tag")
    ap.add_argument("--region", default="us", choices=HOSTS)
    ap.add_argument("--out", required=True)
    ap.add_argument("--redact", action="store_true")
    a = ap.parse_args()

    api = Api(a.region)
    salt = secrets.token_hex(16)
    mask = lambda s: CARD.sub("[number]", PHONE.sub("[phone]", EMAIL.sub("[email]", s))) if a.redact else s
    pseud = lambda e: ("h:" + hashlib.sha256((salt + e.lower()).encode()).hexdigest()[:12]) if (a.redact and e) else e

    filters = [{"field": "created_at", "operator": ">", "value": ts(a.since)},
               {"field": "created_at", "operator": "<", "value": ts(a.until) + 86400}]
    if a.tag:
        tags = api.call("GET", "/tags")["data"]
        tid = next((t["id"] for t in tags if t["name"].lower() == a.tag.lower()), None)
        if not tid:
            sys.exit(f"No tag named {a.tag!r}")
        filters.append({"field": "tag_ids", "operator": "IN", "value": [tid]})

    out = Path(a.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    contacts = {}
    with out.open("w") as jf, open(str(out) + ".csv", "w", newline="") as cf:
        w = csv.writer(cf)
        w.writerow(["id", "created_at", "state", "tags", "rating", "rating_remark", "first_response_seconds",
                    "parts_count", "contact_id", "contact_email", "title"])
        cursor = None
        while True:
            body = {"query": {"operator": "AND", "value": filters}, "pagination": {"per_page": 150}}
            if cursor:
                body["pagination"]["starting_after"] = cursor
            page = api.call("POST", "/conversations/search", json=body)
            for c in page["conversations"]:
                full = api.call("GET", f"/conversations/{c['id']}", params={"display_as": "plaintext"})
                cid = (full.get("contacts", {}).get("contacts") or [{}])[0].get("id")
                if cid and cid not in contacts:
                    contacts[cid] = api.call("GET", f"/contacts/{cid}").get("email") or ""
                email = contacts.get(cid, "")
                parts = [{"type": p["part_type"], "author": p["author"]["type"], "created_at": p["created_at"],
                          "body": mask(text(p.get("body")))}
                         for p in full.get("conversation_parts", {}).get("conversation_parts", [])]
                rating = full.get("conversation_rating") or {}
                stats = full.get("statistics") or {}
                rec = {"id": full["id"], "created_at": full["created_at"], "state": full["state"],
                       "title": mask(full.get("title") or ""),
                       "first_message": mask(text(full.get("source", {}).get("body"))),
                       "tags": [t["name"] for t in full.get("tags", {}).get("tags", [])],
                       "rating": rating.get("rating"), "rating_remark": mask(rating.get("remark") or ""),
                       "contact_id": cid, "contact_email": pseud(email), "parts": parts,
                       "first_response_seconds": stats.get("time_to_admin_reply")}
                jf.write(json.dumps(rec, ensure_ascii=False) + "\n")
                w.writerow([rec["id"], rec["created_at"], rec["state"], ";".join(rec["tags"]), rec["rating"],
                            rec["rating_remark"], rec["first_response_seconds"], len(parts), cid,
                            rec["contact_email"], rec["title"]])
                n += 1
            cursor = (page.get("pages", {}).get("next") or {}).get("starting_after")
            if not cursor:
                break
    print(f"Exported {n} conversations to {out} and {out}.csv" + (" (redacted)" if a.redact else ""))


if __name__ == "__main__":
    main()
