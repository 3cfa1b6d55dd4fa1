#!/usr/bin/env python3
"""Export Datadog monitors to JSON and (optionally) Terraform.

Reads DD_API_KEY / DD_APP_KEY / DD_SITE from the environment. Read-only.
"""
import argparse
import collections
import json
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

VOLATILE = {
    "overall_state", "overall_state_modified", "modified", "matching_downtimes",
    "creator", "deleted", "created", "state",
}
SITES = {"datadoghq.com", "datadoghq.eu", "us3.datadoghq.com", "us5.datadoghq.com",
         "ap1.datadoghq.com", "ddog-gov.com"}


def api_base():
    site = os.environ.get("DD_SITE", "datadoghq.com").strip()
    if site not in SITES:
        sys.exit(f"DD_SITE={site!r} is not a known Datadog site: {sorted(SITES)}")
    return f"https://api.{site}"


def headers():
    missing = [k for k in ("DD_API_KEY", "DD_APP_KEY") if not os.environ.get(k)]
    if missing:
        sys.exit("missing environment variable(s): " + ", ".join(missing))
    return {
        "DD-API-KEY": os.environ["DD_API_KEY"],
        "DD-APPLICATION-KEY": os.environ["DD_APP_KEY"],
        "Accept": "application/json",
    }


def get(url):
    for attempt in range(5):
        req = urllib.request.Request(url, headers=headers())
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return json.load(r)
        except urllib.error.HTTPError as e:
            if e.code == 429:
                wait = int(e.headers.get("X-RateLimit-Reset", "5"))
                print(f"rate limited, sleeping {wait}s", file=sys.stderr)
                time.sleep(wait)
                continue
            body = e.read().decode(errors="replace")[:300]
            sys.exit(f"HTTP {e.code} from Datadog: {body}")
    sys.exit("gave up after repeated rate limiting")


def fetch_monitors(tags, page_size):
    base = api_base() + "/api/v1/monitor"
    page, out = 0, []
    while True:
        q = {"page": page, "page_size": page_size, "with_downtimes": "false"}
        if tags:
            q["monitor_tags"] = ",".join(tags)
        batch = get(base + "?" + urllib.parse.urlencode(q))
        out.extend(batch)
        if len(batch) < page_size:
            return out
        page += 1


def clean(mon):
    return {k: v for k, v in sorted(mon.items()) if k not in VOLATILE}


def slugify(name, used, mid):
    s = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")[:60] or "monitor"
    if s in used:
        s = f"{s}_{mid}"
    used.add(s)
    return s


def hcl_str(v):
    if "\n" in v:
        return "<<-EOT\n" + v.rstrip("\n") + "\nEOT"
    return json.dumps(v)


def to_terraform(mon, slug):
    o = mon.get("options", {})
    lines = [f'resource "datadog_monitor" "{slug}" {{',
             f"  name    = {hcl_str(mon['name'])}",
             f"  type    = {json.dumps(mon['type'])}",
             f"  query   = {hcl_str(mon['query'])}",
             f"  message = {hcl_str(mon.get('message', ''))}"]
    if mon.get("tags"):
        lines.append(f"  tags    = {json.dumps(sorted(mon['tags']))}")
    if mon.get("priority"):
        lines.append(f"  priority = {mon['priority']}")
    th = o.get("thresholds") or {}
    if th:
        lines.append("  monitor_thresholds {")
        for k in ("critical", "critical_recovery", "warning", "warning_recovery", "ok", "unknown"):
            if k in th and th[k] is not None:
                lines.append(f"    {k} = {th[k]}")
        lines.append("  }")
    simple = {
        "notify_no_data": "notify_no_data", "no_data_timeframe": "no_data_timeframe",
        "renotify_interval": "renotify_interval", "evaluation_delay": "evaluation_delay",
        "new_group_delay": "new_group_delay", "require_full_window": "require_full_window",
        "include_tags": "include_tags", "notify_audit": "notify_audit",
        "timeout_h": "timeout_h",
    }
    for api_key, tf_key in simple.items():
        if api_key in o and o[api_key] is not None:
            lines.append(f"  {tf_key} = {json.dumps(o[api_key])}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="monitors")
    ap.add_argument("--tags", default="")
    ap.add_argument("--name-contains", default="")
    ap.add_argument("--terraform", action="store_true")
    ap.add_argument("--page-size", type=int, default=100)
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()

    tags = [t for t in a.tags.split(",") if t]
    mons = fetch_monitors(tags, a.page_size)
    if a.name_contains:
        mons = [m for m in mons if a.name_contains.lower() in m["name"].lower()]

    jdir = os.path.join(a.out, "json")
    tdir = os.path.join(a.out, "terraform")
    used, imports = set(), []
    by_type, by_prio, no_notify = collections.Counter(), collections.Counter(), []

    if not a.dry_run:
        os.makedirs(jdir, exist_ok=True)
        if a.terraform:
            os.makedirs(tdir, exist_ok=True)

    for m in mons:
        slug = slugify(m["name"], used, m["id"])
        by_type[m["type"]] += 1
        by_prio[m.get("priority") or "none"] += 1
        if "@" not in (m.get("message") or ""):
            no_notify.append(m["name"])
        jpath = os.path.join(jdir, f"{m['id']}-{slug}.json")
        if a.dry_run:
            print("would write", jpath)
            continue
        with open(jpath, "w") as f:
            json.dump(clean(m), f, indent=2, sort_keys=True)
            f.write("\n")
        if a.terraform and m["type"] != "synthetics alert":
            with open(os.path.join(tdir, f"{slug}.tf"), "w") as f:
                f.write(to_terraform(m, slug))
            imports.append(f'import {{\n  to = datadog_monitor.{slug}\n  id = "{m["id"]}"\n}}\n')

    if imports and not a.dry_run:
        with open(os.path.join(tdir, "imports.tf"), "w") as f:
            f.write("\n".join(imports))

    print(f"exported {len(mons)} monitor(s) from {api_base()}")
    for t, n in by_type.most_common():
        print(f"  {t:<22} {n}")
    print("by priority:", dict(by_prio))
    if no_notify:
        print(f"{len(no_notify)} monitor(s) have no @-notification in the message:")
        for n in no_notify[:20]:
            print("  -", n)


if __name__ == "__main__":
    main()
