#!/usr/bin/env python3
"""Find duplicate HubSpot contacts (dry run) or merge approved pairs from a CSV."""
import argparse
import csv
import os
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

import requests
from rapidfuzz import fuzz

BASE = "https://api.hubapi.com"
PROPS = ["email", "firstname", "lastname", "company", "phone", "createdate", "lastmodifieddate"]


def token():
    if not os.environ.get("HUBSPOT_PRIVATE_APP_TOKEN") and Path(".env").exists():
        for line in Path(".env").read_text().splitlines():
            if line.startswith("HUBSPOT_PRIVATE_APP_TOKEN="):
                os.environ["HUBSPOT_PRIVATE_APP_TOKEN"] = line.split("=", 1)[1].strip().strip('"')
    t = os.environ.get("HUBSPOT_PRIVATE_APP_TOKEN")
    if not t:
        sys.exit("HUBSPOT_PRIVATE_APP_TOKEN is not set")
    return t


def session():
    s = requests.Session()
    s.headers.update({"Authorization": f"Bearer {token()}", "Content-Type": "application/json"})
    return s


def call(s, method, path, **kw):
    while True:
        r = s.request(method, BASE + path, timeout=30, **kw)
        if r.status_code == 429:
            time.sleep(int(r.headers.get("Retry-After", "10")))
            continue
        return r


def all_contacts(s):
    after = None
    while True:
        params = {"limit": 100, "properties": ",".join(PROPS), "archived": "false"}
        if after:
            params["after"] = after
        r = call(s, "GET", "/crm/v3/objects/contacts", params=params)
        r.raise_for_status()
        data = r.json()
        for c in data["results"]:
            p = c["properties"]
            p["id"] = c["id"]
            yield p
        after = data.get("paging", {}).get("next", {}).get("after")
        if not after:
            return


def norm_email(e):
    e = (e or "").strip().lower()
    if "@" not in e:
        return ""
    local, domain = e.split("@", 1)
    if domain in ("gmail.com", "googlemail.com"):
        local = local.split("+", 1)[0].replace(".", "")
        domain = "gmail.com"
    return f"{local}@{domain}"


def norm_phone(p):
    d = re.sub(r"\D", "", p or "")
    return d[-10:] if len(d) >= 7 else ""


def scan(out):
    s = session()
    contacts = list(all_contacts(s))
    print(f"Fetched {len(contacts)} contacts", file=sys.stderr)
    by_email, by_phone, by_company = defaultdict(list), defaultdict(list), defaultdict(list)
    for c in contacts:
        if (e := norm_email(c.get("email"))):
            by_email[e].append(c)
        if (ph := norm_phone(c.get("phone"))):
            by_phone[ph].append(c)
        if (co := (c.get("company") or "").strip().lower()):
            by_company[co].append(c)

    pairs, seen = [], set()

    def add(group, reason, score):
        group = sorted(group, key=lambda c: c.get("createdate") or "")
        primary = group[0]
        for dup in group[1:]:
            key = tuple(sorted((primary["id"], dup["id"])))
            if key in seen:
                continue
            seen.add(key)
            pairs.append((primary, dup, reason, score))

    for g in by_email.values():
        if len(g) > 1:
            add(g, "email", 100)
    for g in by_phone.values():
        if len(g) > 1:
            add(g, "phone", 95)
    for g in by_company.values():
        for i, a in enumerate(g):
            for b in g[i + 1:]:
                na = f"{a.get('firstname') or ''} {a.get('lastname') or ''}".strip().lower()
                nb = f"{b.get('firstname') or ''} {b.get('lastname') or ''}".strip().lower()
                if na and nb and (sc := fuzz.ratio(na, nb)) >= 92:
                    add([a, b], "name+company", round(sc))

    with open(out, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["group_id", "primary_id", "duplicate_id", "reason", "score", "primary_email",
                    "duplicate_email", "primary_created", "duplicate_created", "approve"])
        for i, (p, d, reason, score) in enumerate(pairs, 1):
            w.writerow([i, p["id"], d["id"], reason, score, p.get("email"), d.get("email"),
                        p.get("createdate"), d.get("createdate"), ""])
    print(f"Wrote {len(pairs)} candidate pairs to {out}. Nothing was changed in HubSpot.")


def merge(path):
    s = session()
    log = Path(path).with_suffix(".merged.log")
    done = 0
    with open(path, newline="") as f, log.open("a") as lg:
        for row in csv.DictReader(f):
            if row.get("approve", "").strip().lower() != "yes":
                continue
            r = call(s, "POST", "/crm/v3/objects/contacts/merge",
                     json={"primaryObjectId": row["primary_id"], "objectIdToMerge": row["duplicate_id"]})
            status = "merged" if r.ok else ("already-merged" if r.status_code == 404 else f"error {r.status_code}")
            lg.write(f"{row['group_id']},{row['primary_id']},{row['duplicate_id']},{status}\n")
            done += r.ok
    print(f"Merged {done} pairs; see {log}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--out")
    g.add_argument("--merge")
    a = ap.parse_args()
    scan(a.out) if a.out else merge(a.merge)
