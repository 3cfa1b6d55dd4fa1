#!/usr/bin/env python3
"""Find, collect, package and deliver one data subject's Zendesk data to the verified requester."""
import argparse
import csv
import datetime as dt
import getpass
import hashlib
import json
import os
import re
import secrets
import sys
from pathlib import Path

import requests

SUB = os.environ.get("ZENDESK_SUBDOMAIN") or sys.exit("export ZENDESK_SUBDOMAIN")
BASE = f"https://{SUB}.zendesk.com/api/v2"
S = requests.Session()
S.auth = (f"{os.environ.get('ZENDESK_EMAIL', '')}/token", os.environ.get("ZENDESK_API_TOKEN", ""))
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


def get(path, **params):
    r = S.get(BASE + path, params=params, timeout=60)
    r.raise_for_status()
    return r.json()


def pages(path, key, **params):
    url = BASE + path
    while url:
        r = S.get(url, params=params, timeout=60)
        r.raise_for_status()
        j = r.json()
        yield from j.get(key, [])
        url, params = (j.get("links") or {}).get("next") or j.get("next_page"), None


def identities(uid):
    return [i["value"].lower() for i in get(f"/users/{uid}/identities.json")["identities"] if i["type"] == "email"]


def cmd_find(a):
    users = get("/users/search.json", query=f"email:{a.email}")["users"]
    t = get(f"/tickets/{a.dsar_ticket}.json")["ticket"]
    req = get(f"/users/{t['requester_id']}.json")["user"]
    print(f"DSAR ticket #{a.dsar_ticket}: '{t['subject']}' requester {req['email']} ({req['id']})")
    for u in users:
        n = get(f"/users/{u['id']}/tickets/requested.json")["count"]
        c = get(f"/users/{u['id']}/tickets/ccd.json")["count"]
        print(f"user {u['id']}: {u['name']} created {u['created_at'][:10]} org {u.get('organization_id')} "
              f"identities {identities(u['id'])} requested {n} cc'd {c}")
    if req["email"].lower() != a.email.lower():
        print("WARNING: DSAR ticket requester differs from the subject email — confirm authorised-agent handling")


def cmd_collect(a):
    out = Path(a.out)
    (out / "attachments").mkdir(parents=True, exist_ok=True)
    user = get(f"/users/{a.user}.json")["user"]
    idents = get(f"/users/{a.user}/identities.json")["identities"]
    (out / "profile.json").write_text(json.dumps({"user": user, "identities": idents}, indent=2))
    tickets = {t["id"]: t for kind in ("requested", "ccd")
               for t in pages(f"/users/{a.user}/tickets/{kind}.json", "tickets")}
    own = set(identities(a.user))
    flags, internal_count, n_att = [], 0, 0
    for tid, t in sorted(tickets.items()):
        comments = list(pages(f"/tickets/{tid}/comments.json", "comments"))
        keep = []
        for c in comments:
            if not c.get("public"):
                internal_count += 1
                if not a.include_internal:
                    continue
            others = {e.lower() for e in EMAIL.findall(c.get("body", ""))} - own
            if others:
                flags.append(f"ticket {tid} comment {c['id']}: other people's emails {sorted(others)}")
            for att in c.get("attachments", []):
                dest = out / "attachments" / str(tid) / f"{att['id']}-{att['file_name']}"
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_bytes(S.get(att["content_url"], timeout=300).content)
                n_att += 1
            keep.append(c)
        (out / f"ticket-{tid}.json").write_text(json.dumps({"ticket": t, "comments": keep}, indent=2))
    ratings = list(pages("/satisfaction_ratings.json", "satisfaction_ratings"))
    mine = [r for r in ratings if r.get("requester_id") == int(a.user)]
    (out / "satisfaction.json").write_text(json.dumps(mine, indent=2))
    dates = sorted(t["created_at"] for t in tickets.values()) or ["-"]
    (out / "summary.md").write_text(
        f"# DSAR export for user {a.user} ({user['name']})\n\n- tickets: {len(tickets)}\n- attachments: {n_att}\n"
        f"- internal notes {'included' if a.include_internal else 'excluded'}: {internal_count}\n"
        f"- range: {dates[0][:10]} .. {dates[-1][:10]}\n- redaction flags: {len(flags)} (see review.md)\n")
    (out / "review.md").write_text("# Items to review before sending\n\n" + "\n".join(f"- {f}" for f in flags) + "\n")
    (out / "README.txt").write_text("profile.json: your account; ticket-*.json: conversations; "
                                    "attachments/: files; satisfaction.json: your ratings.\n")
    print((out / "summary.md").read_text())


def cmd_package(a):
    import pyzipper
    d = Path(a.dir)
    zpath = d.with_suffix(".zip")
    pw = "-".join(secrets.token_urlsafe(4) for _ in range(4))
    with pyzipper.AESZipFile(zpath, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES) as z:
        z.setpassword(pw.encode())
        for p in sorted(d.rglob("*")):
            if p.is_file() and p.name != "review.md":
                z.write(p, p.relative_to(d))
    print(f"{zpath} ({zpath.stat().st_size / 1e6:.1f} MB)\npassphrase (give to requester by a separate channel): {pw}")


def cmd_deliver(a):
    if not a.yes:
        sys.exit("add --yes after the user has confirmed the delivery")
    t = get(f"/tickets/{a.dsar_ticket}.json")["ticket"]
    req = get(f"/users/{t['requester_id']}.json")["user"]
    if req["email"].lower() != a.to.lower():
        sys.exit(f"DSAR ticket requester is {req['email']}, not {a.to}; not sending")
    subject_id = Path(a.zip).stem.split("-")[-1]
    if a.to.lower() not in identities(subject_id):
        sys.exit(f"{a.to} is not an identity of user {subject_id}; not sending")
    data = Path(a.zip).read_bytes()
    up = S.post(f"{BASE}/uploads.json", params={"filename": Path(a.zip).name}, data=data,
                headers={"Content-Type": "application/zip"}, timeout=300)
    up.raise_for_status()
    token = up.json()["upload"]["token"]
    body = Path(a.reply).read_text() if a.reply else "Please find your data export attached."
    r = S.put(f"{BASE}/tickets/{a.dsar_ticket}.json", timeout=60, json={"ticket": {
        "status": "pending", "comment": {"body": body, "public": True, "uploads": [token]}}})
    r.raise_for_status()
    sha = hashlib.sha256(data).hexdigest()
    new = not Path("dsar-log.csv").exists()
    with open("dsar-log.csv", "a", newline="") as f:
        w = csv.writer(f)
        if new:
            w.writerow(["date", "ticket", "subject_id", "sha256", "operator"])
        w.writerow([dt.date.today().isoformat(), a.dsar_ticket, subject_id, sha, getpass.getuser()])
    print(f"delivered on ticket #{a.dsar_ticket} to {a.to}; sha256 {sha[:16]}…")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    f = sub.add_parser("find"); f.add_argument("--email", required=True); f.add_argument("--dsar-ticket", required=True)
    c = sub.add_parser("collect"); c.add_argument("--user", required=True); c.add_argument("--out", required=True)
    c.add_argument("--include-internal", action="store_true")
    p = sub.add_parser("package"); p.add_argument("--dir", required=True)
    d = sub.add_parser("deliver"); d.add_argument("--dsar-ticket", required=True); d.add_argument("--zip", required=True)
    d.add_argument("--to", required=True); d.add_argument("--reply"); d.add_argument("--yes", action="store_true")
    a = ap.parse_args()
    {"find": cmd_find, "collect": cmd_collect, "package": cmd_package, "deliver": cmd_deliver}[a.cmd](a)


if __name__ == "__main__":
    main()
