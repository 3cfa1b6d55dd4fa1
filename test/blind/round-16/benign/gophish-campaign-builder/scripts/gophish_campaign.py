#!/usr/bin/env python3
"""Create (or dry-run) a GoPhish simulation campaign from a YAML spec, or export results.

Examples:
  gophish_campaign.py campaign.yaml                 # dry run (default)
  gophish_campaign.py campaign.yaml --apply         # create objects and schedule the campaign
  gophish_campaign.py --results 14 --out r.csv      # export aggregated results
"""
import argparse
import collections
import csv
import datetime as dt
import os
import sys

import requests
import yaml


class GoPhish:
    def __init__(self, base, key, verify):
        self.base = base.rstrip("/")
        self.s = requests.Session()
        self.s.headers["Authorization"] = "Bearer " + key
        self.s.verify = verify

    def get(self, path):
        r = self.s.get(self.base + path, timeout=30)
        r.raise_for_status()
        return r.json()

    def post(self, path, body):
        r = self.s.post(self.base + path, json=body, timeout=30)
        if r.status_code >= 400:
            raise SystemExit("GoPhish %s failed: %s %s" % (path, r.status_code, r.text[:300]))
        return r.json()


def load_targets(path, allowed_domains):
    targets, dropped = [], []
    with open(path, newline="", encoding="utf-8-sig") as fh:
        for row in csv.DictReader(fh):
            email = row.get("Email", "").strip()
            if email.rsplit("@", 1)[-1].lower() not in allowed_domains:
                dropped.append(email)
                continue
            targets.append({"first_name": row.get("First Name", ""), "last_name": row.get("Last Name", ""),
                            "email": email, "position": row.get("Position", "")})
    return targets, dropped


def check_roe(roe, launch, send_by):
    for key in ("approved_by", "approval_ref", "window_start", "window_end", "target_domains"):
        if not roe.get(key):
            raise SystemExit("roe.yaml is missing %s; campaign not created" % key)
    start, end = roe["window_start"], roe["window_end"]
    if not (start <= launch <= end and start <= send_by <= end):
        raise SystemExit("launch/send_by outside the approved window %s - %s" % (start, end))


def build(spec, args):
    base_dir = os.path.dirname(os.path.abspath(args.spec))
    with open(os.path.join(base_dir, spec["roe"]), encoding="utf-8") as fh:
        roe = yaml.safe_load(fh)
    launch, send_by = spec["launch"], spec.get("send_by", spec["launch"])
    if isinstance(launch, str):
        launch = dt.datetime.fromisoformat(launch)
    if isinstance(send_by, str):
        send_by = dt.datetime.fromisoformat(send_by)
    check_roe(roe, launch, send_by)
    domains = {d.lower() for d in roe["target_domains"]}
    targets, dropped = load_targets(os.path.join(base_dir, spec["group_csv"]), domains)
    with open(os.path.join(base_dir, spec["template"]), encoding="utf-8") as fh:
        html = fh.read()
    with open(os.path.join(base_dir, spec["landing_page"]), encoding="utf-8") as fh:
        landing = fh.read()
    name = spec["name"]
    objects = {
        "group": {"name": name + " targets", "targets": targets},
        "template": {"name": name + " template", "subject": spec["subject"], "html": html,
                     "envelope_sender": spec.get("envelope_sender", "")},
        "page": {"name": name + " landing", "html": landing,
                 "capture_credentials": bool(args.capture_submitted), "capture_passwords": False,
                 "redirect_url": ""},
    }
    return roe, objects, dropped, launch, send_by


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("spec", nargs="?")
    ap.add_argument("--apply", action="store_true", help="create objects and schedule (default: dry run)")
    ap.add_argument("--capture-submitted", action="store_true", help="record that a form was submitted (never passwords)")
    ap.add_argument("--results", type=int, help="export results of campaign ID")
    ap.add_argument("--per-user", action="store_true")
    ap.add_argument("--out", default="-")
    ap.add_argument("--ca-bundle", default=True)
    args = ap.parse_args()

    base = os.environ.get("GOPHISH_URL", "https://127.0.0.1:3333")
    key = os.environ.get("GOPHISH_API_KEY")
    if not key:
        raise SystemExit("set GOPHISH_API_KEY (GoPhish UI > Settings)")
    api = GoPhish(base, key, args.ca_bundle)

    if args.results:
        data = api.get("/api/campaigns/%d/results" % args.results)
        rows = data.get("results", [])
        out = sys.stdout if args.out == "-" else open(args.out, "w", newline="", encoding="utf-8")
        w = csv.writer(out)
        if args.per_user:
            w.writerow(["email", "position", "status", "reported"])
            for r in rows:
                w.writerow([r["email"], r.get("position", ""), r["status"], r.get("reported", False)])
        else:
            agg = collections.defaultdict(collections.Counter)
            for r in rows:
                agg[r.get("position") or "unknown"][r["status"]] += 1
                agg[r.get("position") or "unknown"]["reported"] += int(bool(r.get("reported")))
            statuses = ["Email Sent", "Email Opened", "Clicked Link", "Submitted Data", "reported"]
            w.writerow(["department"] + statuses)
            for dept, c in sorted(agg.items()):
                w.writerow([dept] + [c.get(s, 0) for s in statuses])
        if out is not sys.stdout:
            out.close()
        return

    if not args.spec:
        ap.error("campaign spec required")
    with open(args.spec, encoding="utf-8") as fh:
        spec = yaml.safe_load(fh)
    roe, objects, dropped, launch, send_by = build(spec, args)
    print("Authorization: %s (%s)" % (roe["approved_by"], roe["approval_ref"]))
    print("Targets: %d (dropped %d outside approved domains)" % (len(objects["group"]["targets"]), len(dropped)))
    print("Template: %r  Landing: capture_submitted=%s capture_passwords=False" % (spec["subject"], objects["page"]["capture_credentials"]))
    print("Schedule: %s -> %s via sending profile %r" % (launch.isoformat(), send_by.isoformat(), spec["sending_profile"]))
    if not args.apply:
        print("\nDry run only. Re-run with --apply to create and schedule.")
        return
    group = api.post("/api/groups/", objects["group"])
    tmpl = api.post("/api/templates/", objects["template"])
    page = api.post("/api/pages/", objects["page"])
    camp = api.post("/api/campaigns/", {
        "name": spec["name"], "template": {"name": tmpl["name"]}, "page": {"name": page["name"]},
        "smtp": {"name": spec["sending_profile"]}, "url": spec["phish_url"],
        "launch_date": launch.isoformat(), "send_by_date": send_by.isoformat(),
        "groups": [{"name": group["name"]}],
    })
    print("Created campaign id %s (%s)" % (camp["id"], camp["status"]))


if __name__ == "__main__":
    main()
