#!/usr/bin/env python3
"""Preview, create, list and expire Alertmanager silences (API v2)."""
import argparse
import base64
import datetime as dt
import json
import os
import re
import sys
import urllib.parse
import urllib.request

MATCHER = re.compile(r'^\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"(.*)"\s*$')


def base(args):
    if args.grafana:
        g = os.environ.get("GRAFANA_URL") or sys.exit("GRAFANA_URL not set")
        return g.rstrip("/") + "/api/alertmanager/grafana/api/v2"
    am = os.environ.get("ALERTMANAGER_URL") or sys.exit("ALERTMANAGER_URL not set")
    return am.rstrip("/") + "/api/v2"


def call(args, method, path, body=None):
    req = urllib.request.Request(base(args) + path, method=method,
                                 data=json.dumps(body).encode() if body is not None else None)
    req.add_header("Content-Type", "application/json")
    if args.grafana and os.environ.get("GRAFANA_TOKEN"):
        req.add_header("Authorization", "Bearer " + os.environ["GRAFANA_TOKEN"])
    elif os.environ.get("AM_BEARER_TOKEN"):
        req.add_header("Authorization", "Bearer " + os.environ["AM_BEARER_TOKEN"])
    elif os.environ.get("AM_BASIC_AUTH"):
        req.add_header("Authorization", "Basic " + base64.b64encode(os.environ["AM_BASIC_AUTH"].encode()).decode())
    with urllib.request.urlopen(req, timeout=15) as r:
        raw = r.read()
        return json.loads(raw) if raw else None


def parse_matchers(items):
    out = []
    for m in items:
        g = MATCHER.match(m)
        if not g:
            sys.exit(f"bad matcher: {m}  (use name=\"value\", name=~\"regex\")")
        name, op, val = g.groups()
        out.append(dict(name=name, value=val, isRegex="~" in op, isEqual=not op.startswith("!")))
    return out


def parse_duration(s):
    total = 0
    for n, u in re.findall(r"(\d+)([hm])", s):
        total += int(n) * (60 if u == "h" else 1)
    if not total:
        sys.exit("duration like 2h30m")
    return dt.timedelta(minutes=total)


def window(args):
    start = dt.datetime.now(dt.timezone.utc) if args.start == "now" else dt.datetime.fromisoformat(args.start)
    if start.tzinfo is None:
        sys.exit("start needs a UTC offset, e.g. 2025-06-14T22:00:00+02:00")
    end = dt.datetime.fromisoformat(args.end) if args.end else start + parse_duration(args.duration)
    now = dt.datetime.now(dt.timezone.utc)
    if start < now - dt.timedelta(minutes=5):
        sys.exit("start is in the past - check the timezone")
    if end - start > dt.timedelta(hours=12) and not args.allow_long:
        sys.exit("window longer than 12h; re-run with --allow-long if intended")
    return start.astimezone(dt.timezone.utc), end.astimezone(dt.timezone.utc)


def check_broad(matchers, allow):
    specific = [m for m in matchers if m["name"] not in ("severity", "alertname") and m["isEqual"]
                and not (m["isRegex"] and m["value"] in (".*", ".+", ""))]
    if not specific and not allow:
        sys.exit("matchers are too broad (need an equality matcher on something other than severity/alertname); "
                 "use --allow-broad only if the user explicitly wants this")


def matches(labels, matchers):
    for m in matchers:
        v = labels.get(m["name"], "")
        hit = re.fullmatch(m["value"], v) is not None if m["isRegex"] else v == m["value"]
        if hit != m["isEqual"]:
            return False
    return True


def fmt(m):
    op = ("=" if m["isEqual"] else "!") + ("~" if m["isRegex"] else "")
    if op == "!":
        op = "!="
    return f'{m["name"]}{op}"{m["value"]}"'


def preview(args, matchers, start, end):
    print(f"Window   {start:%Y-%m-%d %H:%M}Z -> {end:%Y-%m-%d %H:%M}Z  ({end - start})")
    print("Matchers " + "  ".join(fmt(m) for m in matchers))
    alerts = call(args, "GET", "/alerts?active=true&silenced=false&inhibited=false") or []
    hit = [a for a in alerts if matches(a["labels"], matchers)]
    print(f"Currently firing that would be silenced ({len(hit)}):")
    for a in hit:
        lbl = " ".join(f"{k}={v}" for k, v in sorted(a["labels"].items()) if k != "alertname")
        print(f"  {a['labels'].get('alertname', '?'):<28} {lbl}")
    sil = call(args, "GET", "/silences") or []
    overlap = [s for s in sil if s["status"]["state"] != "expired"
               and {m["name"] for m in s["matchers"]} & {m["name"] for m in matchers}]
    print(f"Existing active/pending silences sharing label names: {len(overlap)}")
    for s in overlap:
        print(f"  {s['id']}  until {s['endsAt']}  by {s['createdBy']}: {s['comment']}")
    prom = os.environ.get("PROMETHEUS_URL")
    if prom:
        with urllib.request.urlopen(prom.rstrip("/") + "/api/v1/rules?type=alert", timeout=15) as r:
            groups = json.load(r)["data"]["groups"]
        n = 0
        for g in groups:
            for rule in g["rules"]:
                labels = dict(rule.get("labels", {}), alertname=rule["name"])
                relevant = [m for m in matchers if m["name"] in labels]
                if relevant and matches(labels, relevant):
                    n += 1
        print(f"Alert rules that could match: {n}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["preview", "create", "list", "expire"])
    ap.add_argument("silence_id", nargs="?")
    ap.add_argument("--matcher", action="append", default=[])
    ap.add_argument("--start", default="now")
    ap.add_argument("--duration", default="1h")
    ap.add_argument("--end")
    ap.add_argument("--comment")
    ap.add_argument("--created-by")
    ap.add_argument("--mine")
    ap.add_argument("--grafana", action="store_true")
    ap.add_argument("--allow-broad", action="store_true")
    ap.add_argument("--allow-long", action="store_true")
    ap.add_argument("--yes", action="store_true", help="skip interactive prompt (user already confirmed in chat)")
    a = ap.parse_args()

    if a.cmd == "list":
        for s in call(a, "GET", "/silences") or []:
            if s["status"]["state"] == "expired" or (a.mine and s["createdBy"] != a.mine):
                continue
            ms = ",".join(fmt(dict(m, isEqual=m.get("isEqual", True))) for m in s["matchers"])
            print(f"{s['id']}  {s['status']['state']:<7} {s['startsAt'][:16]} -> {s['endsAt'][:16]}  {s['createdBy']}  {ms}  # {s['comment']}")
        return

    if a.cmd == "expire":
        if not a.silence_id:
            sys.exit("silence id required")
        s = call(a, "GET", f"/silence/{urllib.parse.quote(a.silence_id)}")
        print(f"{s['id']} by {s['createdBy']}: {s['comment']}  ends {s['endsAt']}")
        if not a.yes and input("expire now? [y/N] ").strip().lower() != "y":
            return
        call(a, "DELETE", f"/silence/{urllib.parse.quote(a.silence_id)}")
        print("expired")
        return

    matchers = parse_matchers(a.matcher)
    if not matchers:
        sys.exit("at least one --matcher")
    check_broad(matchers, a.allow_broad)
    start, end = window(a)
    preview(a, matchers, start, end)
    if a.cmd == "preview":
        return
    if not a.comment or not a.created_by:
        sys.exit("--comment and --created-by are required")
    if not a.yes and input("create this silence? [y/N] ").strip().lower() != "y":
        return
    body = dict(matchers=matchers, startsAt=start.isoformat().replace("+00:00", "Z"),
                endsAt=end.isoformat().replace("+00:00", "Z"), createdBy=a.created_by, comment=a.comment)
    res = call(a, "POST", "/silences", body)
    print(f"created silence {res['silenceID']}")


if __name__ == "__main__":
    main()
