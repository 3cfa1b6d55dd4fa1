#!/usr/bin/env python3
"""Fetch submissions + rubric from Canvas, produce a review CSV, upload approved grades."""
import argparse
import csv
import json
import os
import shutil
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

BASE = os.environ.get("CANVAS_BASE_URL", "").rstrip("/")
_token = None


def token():
    global _token
    if _token:
        return _token
    if os.environ.get("CANVAS_API_TOKEN"):
        _token = os.environ["CANVAS_API_TOKEN"]
        return _token
    needed = ("CANVAS_CLIENT_ID", "CANVAS_CLIENT_SECRET", "CANVAS_REFRESH_TOKEN")
    if not all(os.environ.get(k) for k in needed):
        sys.exit("set CANVAS_API_TOKEN, or CANVAS_CLIENT_ID + CANVAS_CLIENT_SECRET + CANVAS_REFRESH_TOKEN")
    body = urllib.parse.urlencode({
        "grant_type": "refresh_token",
        "client_id": os.environ["CANVAS_CLIENT_ID"],
        "client_secret": os.environ["CANVAS_CLIENT_SECRET"],
        "refresh_token": os.environ["CANVAS_REFRESH_TOKEN"],
    }).encode()
    with urllib.request.urlopen(urllib.request.Request(f"{BASE}/login/oauth2/token", data=body), timeout=30) as r:
        _token = json.load(r)["access_token"]
    return _token


def call(method, path, params=None, data=None, raw=False):
    if not BASE:
        sys.exit("set CANVAS_BASE_URL, e.g. https://school.instructure.com")
    url = path if path.startswith("http") else f"{BASE}/api/v1{path}"
    if params:
        url += ("&" if "?" in url else "?") + urllib.parse.urlencode(params, doseq=True)
    body = urllib.parse.urlencode(data, doseq=True).encode() if data else None
    req = urllib.request.Request(url, data=body, method=method,
                                 headers={"Authorization": f"Bearer {token()}"})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            remaining = float(r.headers.get("X-Rate-Limit-Remaining", "700"))
            if remaining < 100:
                time.sleep(2)
            content = r.read()
            return (content, r.headers) if raw else (json.loads(content or b"null"), r.headers)
    except urllib.error.HTTPError as e:
        sys.exit(f"{method} {url}: HTTP {e.code} {e.read()[:300]!r}")


def paged(path, params=None):
    out, url = [], path
    params = dict(params or {}, per_page=100)
    while url:
        items, headers = call("GET", url, params)
        out.extend(items)
        params = None
        url = None
        for part in headers.get("Link", "").split(","):
            if 'rel="next"' in part:
                url = part[part.find("<") + 1:part.find(">")]
    return out


def workdir(course, assignment):
    return os.path.join("grading", f"{course}-{assignment}")


def fetch(a):
    d = workdir(a.course, a.assignment)
    os.makedirs(os.path.join(d, "submissions"), exist_ok=True)
    assignment, _ = call("GET", f"/courses/{a.course}/assignments/{a.assignment}")
    with open(os.path.join(d, "assignment.json"), "w") as f:
        json.dump({k: assignment.get(k) for k in ("id", "name", "points_possible", "grading_type",
                   "anonymous_grading", "use_rubric_for_grading", "description")}, f, indent=2)
    with open(os.path.join(d, "rubric.json"), "w") as f:
        json.dump(assignment.get("rubric", []), f, indent=2)
    subs = paged(f"/courses/{a.course}/assignments/{a.assignment}/submissions", {"include[]": ["user"]})
    with open(os.path.join(d, "roster.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["user_id", "name", "sortable_name", "submitted_at", "late", "missing", "files"])
        for s in subs:
            files = []
            for att in s.get("attachments", []) or []:
                content, _ = call("GET", att["url"], raw=True)
                fn = f"{s['user_id']}.{att['filename'].rsplit('.', 1)[-1]}"
                with open(os.path.join(d, "submissions", fn), "wb") as out:
                    out.write(content)
                files.append(fn)
            if s.get("body"):
                fn = f"{s['user_id']}.html"
                with open(os.path.join(d, "submissions", fn), "w") as out:
                    out.write(s["body"])
                files.append(fn)
            u = s.get("user", {})
            w.writerow([s["user_id"], u.get("name"), u.get("sortable_name"), s.get("submitted_at"),
                        s.get("late"), s.get("missing"), ";".join(files)])
    print(f"{len(subs)} submissions -> {d}")


def draft_template(a):
    d = workdir(a.course, a.assignment)
    with open(os.path.join(d, "rubric.json")) as f:
        rubric = json.load(f)
    cols = ["user_id", "name"]
    for c in rubric:
        cols += [f"{c['id']}:points", f"{c['id']}:comment"]
    cols += ["overall_comment", "posted_grade", "flag", "approved"]
    path = os.path.join(d, "review.csv")
    if os.path.exists(path):
        sys.exit(f"{path} already exists")
    with open(os.path.join(d, "roster.csv")) as f, open(path, "w", newline="") as out:
        w = csv.writer(out)
        w.writerow(cols)
        for row in csv.DictReader(f):
            w.writerow([row["user_id"], row["name"]] + [""] * (len(cols) - 2))
    print("criteria:", ", ".join(f"{c['id']}={c['description']} ({c['points']} pts)" for c in rubric))
    print("wrote", path)


def upload(a):
    d = workdir(a.course, a.assignment)
    with open(os.path.join(d, "assignment.json")) as f:
        asg = json.load(f)
    with open(os.path.join(d, "review.csv")) as f:
        rows = list(csv.DictReader(f))
    skipped = []
    for r in rows:
        if r.get("approved", "").strip().lower() != "y":
            skipped.append(r["user_id"])
            continue
        data = {}
        for k, v in r.items():
            if ":" in k and v != "":
                crit, field = k.split(":", 1)
                data[f"rubric_assessment[{crit}][{field}]"] = v
        comment = r.get("overall_comment", "").strip()
        if comment:
            data["comment[text_comment]"] = comment
            if a.group_comment:
                data["comment[group_comment]"] = "true"
        if r.get("posted_grade") and not asg.get("use_rubric_for_grading"):
            data["submission[posted_grade]"] = r["posted_grade"]
        kind = "anonymous_submissions" if asg.get("anonymous_grading") else "submissions"
        path = f"/courses/{a.course}/assignments/{a.assignment}/{kind}/{r['user_id']}"
        if a.dry_run:
            print("PUT", path, json.dumps(data, ensure_ascii=False))
        else:
            res, _ = call("PUT", path, data=data)
            print(f"{r['user_id']}: score={res.get('score')} workflow={res.get('workflow_state')}")
    if skipped:
        print(f"not approved, skipped: {len(skipped)} ({', '.join(skipped[:10])}{'…' if len(skipped) > 10 else ''})")


def clean(a):
    d = workdir(a.course, a.assignment)
    if os.path.isdir(d):
        shutil.rmtree(d)
        print("removed", d)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["fetch", "draft-template", "upload", "clean"])
    ap.add_argument("--course", required=True)
    ap.add_argument("--assignment", required=True)
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--group-comment", action="store_true")
    a = ap.parse_args()
    {"fetch": fetch, "draft-template": draft_template, "upload": upload, "clean": clean}[a.cmd](a)


if __name__ == "__main__":
    main()
