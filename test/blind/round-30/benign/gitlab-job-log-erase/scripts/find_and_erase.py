#!/usr/bin/env python3
"""Find GitLab jobs whose trace contains a leaked-secret fingerprint; optionally erase them after confirmation.

Uses only the standard library. Trace contents are never printed or saved.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import urllib.error
import urllib.parse
import urllib.request


def api(base: str, token: str, method: str, path: str, params: dict | None = None):
    url = f"{base}/api/v4{path}"
    if params:
        url += "?" + urllib.parse.urlencode(params)
    req = urllib.request.Request(url, method=method, headers={"PRIVATE-TOKEN": token})
    return urllib.request.urlopen(req, timeout=60)


def jobs_in_window(base, token, pid, since, until, ref, stage):
    page = 1
    while True:
        with api(base, token, "GET", f"/projects/{pid}/jobs", {"per_page": 100, "page": page}) as r:
            batch = json.load(r)
            next_page = r.headers.get("X-Next-Page")
        for j in batch:
            created = dt.datetime.fromisoformat(j["created_at"].replace("Z", "+00:00"))
            if created < since:
                return  # jobs are returned newest first
            if created > until:
                continue
            if ref and j.get("ref") != ref:
                continue
            if stage and j.get("stage") != stage:
                continue
            yield j
        if not next_page:
            return
        page = int(next_page)


def trace_matches(base, token, pid, job_id, pattern: re.Pattern) -> int | None:
    try:
        with api(base, token, "GET", f"/projects/{pid}/jobs/{job_id}/trace") as r:
            line_no = 0
            tail = b""
            for chunk in iter(lambda: r.read(1 << 16), b""):
                data = tail + chunk
                lines = data.split(b"\n")
                tail = lines.pop()
                for ln in lines:
                    line_no += 1
                    if pattern.search(ln.decode("utf-8", "replace")):
                        return line_no
            if tail and pattern.search(tail.decode("utf-8", "replace")):
                return line_no + 1
    except urllib.error.HTTPError as e:
        if e.code == 404:
            return None
        raise
    return None


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--project", required=True, help="group/project path or numeric ID")
    ap.add_argument("--since", help="YYYY-MM-DD")
    ap.add_argument("--until", help="YYYY-MM-DD (inclusive)")
    ap.add_argument("--ref")
    ap.add_argument("--stage")
    ap.add_argument("--regex", action="store_true", help="treat $LEAK_FP as a regex")
    ap.add_argument("--skip", type=int, action="append", default=[])
    ap.add_argument("--from-list")
    ap.add_argument("--erase", action="store_true")
    args = ap.parse_args()

    base = os.environ.get("GITLAB_URL", "https://gitlab.com").rstrip("/")
    token = os.environ.get("GITLAB_TOKEN")
    if not token:
        print("export GITLAB_TOKEN (api scope, Maintainer on the project) first", file=sys.stderr)
        return 2
    pid = urllib.parse.quote(args.project, safe="") if not args.project.isdigit() else args.project
    slug = args.project.replace("/", "-")

    answer = input("Has the leaked credential already been revoked/rotated at its provider? [yes/no] ").strip().lower()
    if answer != "yes":
        print("Rotate the credential first; erasing logs does not undo the exposure.")
        return 1

    if args.from_list:
        with open(args.from_list) as fh:
            listed = json.load(fh)
        matches = [m for m in listed["jobs"] if m["id"] not in args.skip]
    else:
        fp = os.environ.get("LEAK_FP", "")
        if len(fp) < 8:
            print("set LEAK_FP to a distinctive fragment (8+ chars) of the OLD secret", file=sys.stderr)
            return 2
        pattern = re.compile(fp if args.regex else re.escape(fp))
        since = dt.datetime.fromisoformat(args.since).replace(tzinfo=dt.timezone.utc) if args.since else dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
        until = (dt.datetime.fromisoformat(args.until).replace(tzinfo=dt.timezone.utc) + dt.timedelta(days=1)) if args.until else dt.datetime.now(dt.timezone.utc)
        scanned = 0
        matches = []
        for j in jobs_in_window(base, token, pid, since, until, args.ref, args.stage):
            scanned += 1
            if j["id"] in args.skip:
                continue
            line = trace_matches(base, token, pid, j["id"], pattern)
            if line:
                size = sum(a.get("size", 0) for a in j.get("artifacts", []) if a.get("file_type") != "trace")
                matches.append({"id": j["id"], "pipeline": j["pipeline"]["id"], "ref": j["ref"], "stage": j["stage"],
                                "created_at": j["created_at"][:10], "artifact_bytes": size, "match_line": line})
            print(f"\rscanned {scanned} jobs, {len(matches)} match(es)", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
        print(f"Scanned {scanned} jobs ({args.since or 'start'} .. {args.until or 'now'}) in {args.project}")
        out = f"leaked-jobs-{slug}.json"
        with open(out, "w") as fh:
            json.dump({"project": args.project, "jobs": matches}, fh, indent=2)
        print(f"Saved list to ./{out} (job IDs only, no log content)")

    print(f"Matches: {len(matches)}")
    for m in matches:
        art = f"yes ({m['artifact_bytes'] // 1_000_000} MB)" if m["artifact_bytes"] else "no"
        print(f"  job {m['id']}  pipeline {m['pipeline']}  ref {m['ref']:<15} stage {m['stage']:<8} {m['created_at']}  artifacts: {art}")

    if not args.erase or not matches:
        if matches:
            print("\nRead-only run. Review the list with the user, then re-run with --from-list ... --erase")
        return 0

    typed = input(f"Rotated and ready to erase {len(matches)} jobs (logs AND artifacts)? Type ERASE {len(matches)}: ").strip()
    if typed != f"ERASE {len(matches)}":
        print("not confirmed; nothing erased")
        return 1
    failed = 0
    for m in matches:
        try:
            with api(base, token, "POST", f"/projects/{pid}/jobs/{m['id']}/erase") as r:
                r.read()
            print(f"  erased job {m['id']}")
        except urllib.error.HTTPError as e:
            failed += 1
            print(f"  job {m['id']}: HTTP {e.code} {e.reason}")
    print(f"done: {len(matches) - failed} erased, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
