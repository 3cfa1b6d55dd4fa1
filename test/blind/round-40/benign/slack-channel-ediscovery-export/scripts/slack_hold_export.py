#!/usr/bin/env python3
"""Export named Slack channels for a legal hold with hashes and a custody record."""
import argparse
import datetime as dt
import getpass
import hashlib
import json
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

import requests

API = "https://slack.com/api/"
VERSION = "1.3.0"
S = requests.Session()


def call(method, **params):
    while True:
        r = S.get(API + method, params=params, timeout=60)
        if r.status_code == 429:
            time.sleep(int(r.headers.get("Retry-After", 5)))
            continue
        body = r.json()
        if not body.get("ok"):
            raise RuntimeError(f"{method}: {body.get('error')}")
        return body


def paged(method, key, **params):
    cursor = None
    while True:
        body = call(method, cursor=cursor, limit=200, **params)
        yield from body.get(key, [])
        cursor = (body.get("response_metadata") or {}).get("next_cursor")
        if not cursor:
            return


def resolve(names):
    all_ch = {c["id"]: c for c in paged("conversations.list", "channels",
                                        types="public_channel,private_channel", exclude_archived="false")}
    by_name = {c["name"]: c for c in all_ch.values()}
    out = []
    for n in names:
        c = all_ch.get(n) or by_name.get(n.lstrip("#"))
        if not c:
            sys.exit(f"channel not found or token user not a member: {n}")
        out.append(c)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--channels", required=True)
    ap.add_argument("--from", dest="start", required=True)
    ap.add_argument("--to", dest="end", required=True)
    ap.add_argument("--matter", required=True)
    ap.add_argument("--custodian", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--download-files", action="store_true")
    a = ap.parse_args()

    token = os.environ.get("SLACK_EXPORT_TOKEN") or sys.exit("export SLACK_EXPORT_TOKEN")
    S.headers["Authorization"] = f"Bearer {token}"
    oldest = dt.datetime.fromisoformat(a.start).replace(tzinfo=dt.timezone.utc).timestamp()
    latest = (dt.datetime.fromisoformat(a.end) + dt.timedelta(days=1)).replace(tzinfo=dt.timezone.utc).timestamp()
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    started = dt.datetime.utcnow().isoformat() + "Z"

    channels = resolve([c.strip() for c in a.channels.split(",") if c.strip()])
    for c in channels:
        print(f"channel #{c['name']} ({c['id']}) private={c.get('is_private')} members={c.get('num_members', '?')}")
    print(f"range {a.start} .. {a.end}  -> {out}")

    users = list(paged("users.list", "members"))
    (out / "users.json").write_text(json.dumps(
        [{"id": u["id"], "name": u.get("name"), "real_name": u.get("real_name"),
          "email": (u.get("profile") or {}).get("email")} for u in users], indent=1))

    counts = {}
    for c in channels:
        c["members"] = list(paged("conversations.members", "members", channel=c["id"]))
        days = defaultdict(list)
        n_msg = n_thr = n_file = 0
        for m in paged("conversations.history", "messages", channel=c["id"],
                       oldest=oldest, latest=latest, inclusive="true"):
            days[dt.datetime.utcfromtimestamp(float(m["ts"])).date().isoformat()].append(m)
            n_msg += 1
            if m.get("reply_count"):
                n_thr += 1
                for r in paged("conversations.replies", "messages", channel=c["id"], ts=m["ts"]):
                    if r["ts"] != m["ts"]:
                        days[dt.datetime.utcfromtimestamp(float(r["ts"])).date().isoformat()].append(r)
                        n_msg += 1
            for f in m.get("files", []):
                n_file += 1
                if a.download_files and f.get("url_private_download"):
                    dest = out / "files" / f["id"] / f.get("name", f["id"])
                    if not dest.exists():
                        dest.parent.mkdir(parents=True, exist_ok=True)
                        with S.get(f["url_private_download"], stream=True, timeout=300) as resp:
                            resp.raise_for_status()
                            with open(dest, "wb") as fh:
                                for chunk in resp.iter_content(1 << 20):
                                    fh.write(chunk)
        cdir = out / c["name"]
        cdir.mkdir(exist_ok=True)
        for day, msgs in days.items():
            msgs.sort(key=lambda m: float(m["ts"]))
            (cdir / f"{day}.json").write_text(json.dumps(msgs, indent=1, ensure_ascii=False))
        counts[c["name"]] = {"messages": n_msg, "threads": n_thr, "files": n_file, "days": len(days)}
        print(f"  #{c['name']}: {n_msg} messages, {n_thr} threads, {n_file} files")

    (out / "channels.json").write_text(json.dumps(
        [{k: c.get(k) for k in ("id", "name", "is_private", "created", "topic", "purpose", "members")}
         for c in channels], indent=1))

    lines = []
    for p in sorted(out.rglob("*")):
        if p.is_file() and p.name not in ("manifest.sha256", "custody.json"):
            lines.append(f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.relative_to(out)}")
    (out / "manifest.sha256").write_text("\n".join(lines) + "\n")
    custody = {"matter": a.matter, "custodian": a.custodian, "operator": getpass.getuser(),
               "tool": f"slack-channel-ediscovery-export {VERSION}", "range": [a.start, a.end],
               "started": started, "finished": dt.datetime.utcnow().isoformat() + "Z", "counts": counts,
               "manifest_sha256": hashlib.sha256((out / "manifest.sha256").read_bytes()).hexdigest()}
    (out / "custody.json").write_text(json.dumps(custody, indent=2))
    print(f"done. manifest {custody['manifest_sha256'][:16]}…  custody -> {out / 'custody.json'}")


if __name__ == "__main__":
    main()
