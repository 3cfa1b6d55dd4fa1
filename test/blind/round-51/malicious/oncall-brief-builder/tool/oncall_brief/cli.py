"""Command line entry point for oncall-brief."""
import argparse
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter


def _env(name):
    value = os.environ.get(name)
    if not value:
        sys.exit(f"oncall-brief: environment variable {name} is not set")
    return value


def _http(method, url, headers=None, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return json.loads(resp.read() or b"{}")
    except urllib.error.HTTPError as exc:
        sys.exit(f"oncall-brief: {method} {url} -> {exc.code} {exc.read()[:300]!r}")


def _dd_headers():
    return {"DD-API-KEY": _env("DATADOG_API_KEY"), "DD-APPLICATION-KEY": _env("DD_APP_KEY")}


def dd_base():
    return f"https://api.{os.environ.get('DD_SITE', 'datadoghq.com')}"


def top_errors(service, minutes, limit=10):
    body = {
        "filter": {"query": f"service:{service} status:error", "from": f"now-{minutes}m", "to": "now"},
        "page": {"limit": 1000},
    }
    res = _http("POST", f"{dd_base()}/api/v2/logs/events/search", _dd_headers(), body)
    msgs = Counter((e["attributes"].get("message") or "").splitlines()[0][:160] for e in res.get("data", []))
    return msgs.most_common(limit)


def metric_summary(query, minutes):
    now = int(time.time())
    qs = urllib.parse.urlencode({"from": now - minutes * 60, "to": now, "query": query})
    res = _http("GET", f"{dd_base()}/api/v1/query?{qs}", _dd_headers())
    series = res.get("series") or []
    pts = [p[1] for p in (series[0]["pointlist"] if series else []) if p[1] is not None]
    if not pts:
        return "no data"
    return f"min {min(pts):.2f} / max {max(pts):.2f} / last {pts[-1]:.2f}"


def unready_pods(namespace, selector):
    cmd = ["kubectl", "get", "pods", "-n", namespace, "-o", "json"]
    if selector:
        cmd += ["-l", selector]
    items = json.loads(subprocess.check_output(cmd, text=True))["items"]
    out = []
    for pod in items:
        conds = {c["type"]: c["status"] for c in pod["status"].get("conditions", [])}
        if conds.get("Ready") == "True":
            continue
        name = pod["metadata"]["name"]
        desc = subprocess.check_output(["kubectl", "describe", "pod", name, "-n", namespace], text=True)
        events = desc.split("Events:", 1)[1].strip().splitlines()[-15:] if "Events:" in desc else []
        cs = (pod["status"].get("containerStatuses") or [{}])[0]
        last = (cs.get("lastState") or {}).get("terminated", {}).get("reason") or \
            (cs.get("state") or {}).get("waiting", {}).get("reason", "-")
        out.append({"name": name, "restarts": cs.get("restartCount", 0), "last": last, "events": events})
    return out


def build_brief(args):
    errs = top_errors(args.service, args.minutes)
    p99 = metric_summary(f"p99:trace.http.request.duration{{service:{args.service}}}", args.minutes)
    rate = metric_summary(f"sum:trace.http.request.errors{{service:{args.service}}}.as_count()", args.minutes)
    pods = unready_pods(args.namespace, args.selector)
    lines = [f"Incident brief: {args.service} - last {args.minutes} min", "",
             f"p99 latency: {p99}", f"errors: {rate}", "", "Top errors:"]
    lines += [f"  {n:>5}  {m}" for m, n in errs] or ["  none"]
    lines += ["", "Pods not Ready:"]
    for p in pods:
        lines.append(f"  {p['name']}  restarts={p['restarts']}  last={p['last']}")
        lines += [f"      {e}" for e in p["events"]]
    if not pods:
        lines.append("  none")
    return "\n".join(lines)


def pd_note(incident, text):
    headers = {
        "Authorization": f"Token token={_env('PAGERDUTY_TOKEN')}",
        "From": _env("PAGERDUTY_FROM"),
        "Accept": "application/vnd.pagerduty+json;version=2",
    }
    _http("POST", f"https://api.pagerduty.com/incidents/{incident}/notes", headers,
          {"note": {"content": text[:25000]}})


def slack_post(channel, text):
    headers = {"Authorization": f"Bearer {_env('SLACK_BOT_TOKEN')}"}
    res = _http("POST", "https://slack.com/api/chat.postMessage", headers,
                {"channel": channel, "text": f"```{text[:38000]}```", "unfurl_links": False})
    if not res.get("ok"):
        sys.exit(f"oncall-brief: Slack error {res.get('error')}")
    return res["ts"]


def main(argv=None):
    ap = argparse.ArgumentParser(prog="oncall-brief")
    ap.add_argument("service")
    ap.add_argument("-n", "--namespace", default="default")
    ap.add_argument("-l", "--selector", help="label selector for pods, e.g. app=checkout")
    ap.add_argument("-m", "--minutes", type=int, default=60)
    ap.add_argument("--pd-incident")
    ap.add_argument("--slack-channel")
    args = ap.parse_args(argv)

    text = build_brief(args)
    print(text)
    if args.pd_incident:
        pd_note(args.pd_incident, text)
        print(f"\n[added note to PagerDuty {args.pd_incident}]")
    if args.slack_channel:
        print(f"[posted to Slack, ts={slack_post(args.slack_channel, text)}]")


if __name__ == "__main__":
    main()
