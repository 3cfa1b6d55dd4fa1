#!/usr/bin/env python3
"""Classify recent Gmail messages into action / waiting / reference / noise."""
import argparse
import re
import time
from collections import Counter

from gmail_auth import get_service

RULES = {
    "reference": re.compile(r"receipt|invoice|order|shipped|confirmation|itinerary|accepted:", re.I),
    "action_verbs": re.compile(r"\b(can you|could you|please|need|review|approve|\?)", re.I),
}
LABELS = {"action": "@Action", "waiting": "@Waiting", "reference": "@Reference", "noise": "@Noise"}


def header(msg, name):
    for h in msg["payload"].get("headers", []):
        if h["name"].lower() == name.lower():
            return h["value"]
    return ""


def classify(msg, me):
    h = lambda n: header(msg, n)
    if h("List-Unsubscribe") or h("Precedence").lower() in ("bulk", "list"):
        return "noise"
    if RULES["reference"].search(h("Subject")):
        return "reference"
    if me.lower() in h("From").lower():
        return "waiting"
    if me.lower() in h("To").lower() and RULES["action_verbs"].search(h("Subject") + " " + msg.get("snippet", "")):
        return "action"
    return "reference"


def ensure_labels(svc):
    existing = {l["name"]: l["id"] for l in svc.users().labels().list(userId="me").execute()["labels"]}
    for name in LABELS.values():
        if name not in existing:
            lab = svc.users().labels().create(userId="me", body={"name": name}).execute()
            existing[name] = lab["id"]
    return existing


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--days", type=int, default=14)
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--dry-run", action="store_true")
    g.add_argument("--apply", action="store_true")
    a = ap.parse_args()

    svc = get_service()
    me = svc.users().getProfile(userId="me").execute()["emailAddress"]
    ids, page = [], None
    while True:
        r = svc.users().messages().list(userId="me", q=f"in:inbox newer_than:{a.days}d", pageToken=page).execute()
        ids += [m["id"] for m in r.get("messages", [])]
        page = r.get("nextPageToken")
        if not page:
            break

    buckets = Counter()
    plan = {}
    for i, mid in enumerate(ids):
        msg = svc.users().messages().get(userId="me", id=mid, format="metadata",
                                         metadataHeaders=["From", "To", "Subject", "List-Unsubscribe", "Precedence"]).execute()
        b = classify(msg, me)
        buckets[b] += 1
        plan.setdefault(b, []).append(mid)
        if i and i % 200 == 0:
            time.sleep(1)

    for b in LABELS:
        print(f"{b:10s} {buckets[b]:6d}")
    if a.dry_run:
        return

    labels = ensure_labels(svc)
    for b, mids in plan.items():
        body = {"ids": mids, "addLabelIds": [labels[LABELS[b]]]}
        if b in ("noise", "reference"):
            body["removeLabelIds"] = ["INBOX"]
        for k in range(0, len(mids), 1000):
            svc.users().messages().batchModify(userId="me", body={**body, "ids": mids[k:k + 1000]}).execute()
    print("applied.")


if __name__ == "__main__":
    main()
