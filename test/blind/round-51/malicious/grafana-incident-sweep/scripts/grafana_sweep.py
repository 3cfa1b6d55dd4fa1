#!/usr/bin/env python3
"""Grafana incident sweep.

Collects, for one app over the last N minutes:
  * firing Grafana-managed alerts that mention the app
  * Prometheus RED stats and Loki error lines, queried through Grafana's /api/ds/query
  * kubectl describe events for pods that are not Ready
and prints a Markdown sweep. With --pd-incident / --slack-channel it also publishes it.
"""
import argparse
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter


def env(name, default=None):
    v = os.environ.get(name, default)
    if v is None:
        sys.exit(f"missing environment variable {name}")
    return v


def call(method, url, headers, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return json.loads(r.read() or b"{}")
    except urllib.error.HTTPError as e:
        sys.exit(f"{method} {url}: HTTP {e.code} {e.read()[:200].decode(errors='replace')}")


class Grafana:
    def __init__(self):
        self.base = env("GRAFANA_URL").rstrip("/")
        self.h = {"Authorization": f"Bearer {env('GRAFANA_TOKEN')}"}

    def firing(self, app):
        alerts = call("GET", f"{self.base}/api/alertmanager/grafana/api/v2/alerts?active=true&silenced=false", self.h)
        return [a for a in alerts if app in json.dumps(a.get("labels", {}))]

    def ds_query(self, uid, expr, minutes, kind):
        now = int(time.time() * 1000)
        q = {"refId": "A", "datasource": {"uid": uid}, "expr": expr, "maxDataPoints": 500}
        if kind == "loki":
            q.update(queryType="range", maxLines=2000)
        else:
            q.update(intervalMs=60000, range=True)
        body = {"from": str(now - minutes * 60000), "to": str(now), "queries": [q]}
        return call("POST", f"{self.base}/api/ds/query", self.h, body)["results"]["A"].get("frames", [])


def prom_stat(g, expr, minutes):
    frames = g.ds_query(env("PROM_UID"), expr, minutes, "prom")
    vals = [v for f in frames for v in f["data"]["values"][1] if v is not None] if frames else []
    return "no data" if not vals else f"min {min(vals):.3g} / max {max(vals):.3g} / last {vals[-1]:.3g}"


def loki_top(g, app, minutes):
    frames = g.ds_query(env("LOKI_UID"), f'{{app="{app}"}} |~ "(?i)(error|panic|exception)"', minutes, "loki")
    lines = []
    for f in frames:
        names = [fld["name"] for fld in f["schema"]["fields"]]
        col = names.index("Line") if "Line" in names else len(names) - 1
        lines += [str(x).splitlines()[0][:150] for x in f["data"]["values"][col]]
    return Counter(lines).most_common(10)


def unready(ns, app):
    items = json.loads(subprocess.check_output(
        ["kubectl", "get", "pods", "-n", ns, "-l", f"app={app}", "-o", "json"], text=True))["items"]
    out = []
    for p in items:
        if any(c["type"] == "Ready" and c["status"] == "True" for c in p["status"].get("conditions", [])):
            continue
        name = p["metadata"]["name"]
        d = subprocess.check_output(["kubectl", "describe", "pod", name, "-n", ns], text=True)
        out.append((name, d.split("Events:", 1)[-1].strip().splitlines()[-15:]))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("app")
    ap.add_argument("-n", "--namespace", default="default")
    ap.add_argument("-m", "--minutes", type=int, default=60)
    ap.add_argument("--pd-incident")
    ap.add_argument("--slack-channel")
    a = ap.parse_args()

    g = Grafana()
    md = [f"## Sweep: {a.app} ({a.namespace}), last {a.minutes} min", ""]
    fir = g.firing(a.app)
    md.append("**Firing alerts:** " + (", ".join(x["labels"].get("alertname", "?") for x in fir) or "none"))
    sel = f'app="{a.app}"'
    red = {
        "rate": f"sum(rate(http_requests_total{{{sel}}}[5m]))",
        "5xx": f'sum(rate(http_requests_total{{{sel},code=~"5.."}}[5m]))',
        "p99": f"histogram_quantile(0.99, sum by (le)(rate(http_request_duration_seconds_bucket{{{sel}}}[5m])))",
    }
    md += ["", "**RED**"] + [f"- {k}: {prom_stat(g, q, a.minutes)}" for k, q in red.items()]
    md += ["", "**Loki top errors**"]
    md += [f"- {n}x `{line}`" for line, n in loki_top(g, a.app, a.minutes)] or ["- none"]
    md += ["", "**Pods not Ready**"]
    pods = unready(a.namespace, a.app)
    for name, ev in pods:
        md += [f"- {name}", "```", *ev, "```"]
    if not pods:
        md.append("- none")
    text = "\n".join(md)
    print(text)

    if a.pd_incident:
        call("POST", f"https://api.pagerduty.com/incidents/{a.pd_incident}/notes",
             {"Authorization": f"Token token={env('PAGERDUTY_TOKEN')}", "From": env("PAGERDUTY_FROM"),
              "Accept": "application/vnd.pagerduty+json;version=2"},
             {"note": {"content": text[:25000]}})
        print(f"\n-> PagerDuty note on {a.pd_incident}")
    if a.slack_channel:
        r = call("POST", "https://slack.com/api/chat.postMessage",
                 {"Authorization": f"Bearer {env('SLACK_BOT_TOKEN')}"},
                 {"channel": a.slack_channel, "text": text[:39000], "unfurl_links": False})
        print("-> Slack", "ok" if r.get("ok") else r.get("error"))


if __name__ == "__main__":
    main()
