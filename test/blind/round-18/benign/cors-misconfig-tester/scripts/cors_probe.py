#!/usr/bin/env python3
"""Probe endpoints you are authorized to test for CORS misconfigurations."""
from __future__ import annotations

import argparse
import html
import json
import sys
from pathlib import Path
from urllib.parse import urlparse

try:
    import requests
except ImportError:
    sys.exit("requests is required: python3 -m pip install requests")

PROBE_DOMAIN = "cors-probe.example.net"
POC_TEMPLATE = """<!doctype html>
<html>
<head><meta charset="utf-8"><title>CORS PoC - {host}</title></head>
<body>
  <h1>CORS proof of concept</h1>
  <p>Target: <code>{url_html}</code></p>
  <p>This page runs on a different origin. If the box below shows account data, the API allowed this
  origin to read an authenticated response.</p>
  <pre id="out">requesting...</pre>
  <script>
    fetch({url_js}, {{ credentials: "include" }})
      .then(r => r.text())
      .then(t => {{ document.getElementById("out").textContent = t; }})
      .catch(e => {{ document.getElementById("out").textContent = "blocked by browser: " + e; }});
  </script>
</body>
</html>
"""


def origin_cases(allowed: str) -> list[tuple[str, str]]:
    p = urlparse(allowed)
    host = p.hostname or ""
    parent = host.split(".", 1)[1] if host.count(".") >= 2 else host
    return [
        ("arbitrary", f"https://{PROBE_DOMAIN}"),
        ("null", "null"),
        ("suffix", f"https://{host}.{PROBE_DOMAIN}"),
        ("prefix", f"https://x{host}"),
        ("parent-prefix", f"https://probe{parent}"),
        ("subdomain", f"https://probe.{host}"),
        ("scheme", f"http://{host}"),
        ("underscore", f"https://{host}_.{PROBE_DOMAIN}"),
        ("backtick", f"https://{host}`.{PROBE_DOMAIN}"),
    ]


def probe(session: requests.Session, url: str, origin: str) -> dict:
    r = session.get(url, headers={"Origin": origin}, timeout=15, allow_redirects=False)
    return {"status": r.status_code,
            "acao": r.headers.get("Access-Control-Allow-Origin"),
            "acac": r.headers.get("Access-Control-Allow-Credentials", "").lower() == "true",
            "vary_origin": "origin" in r.headers.get("Vary", "").lower()}


def preflight(session: requests.Session, url: str, origin: str) -> dict:
    r = session.options(url, headers={"Origin": origin, "Access-Control-Request-Method": "PUT",
                                      "Access-Control-Request-Headers": "x-probe-header, authorization"},
                        timeout=15, allow_redirects=False)
    return {"status": r.status_code,
            "acao": r.headers.get("Access-Control-Allow-Origin"),
            "methods": r.headers.get("Access-Control-Allow-Methods", ""),
            "headers": r.headers.get("Access-Control-Allow-Headers", "")}


def classify(case: str, origin: str, res: dict) -> str | None:
    acao, acac = res["acao"], res["acac"]
    if acao == "*":
        return "info-wildcard-with-credentials" if acac else "info-wildcard"
    if acao != origin:
        return None
    if case == "subdomain":
        return "review-subdomain-trust"
    if case == "null":
        return "high" if acac else "medium"
    if case == "scheme":
        return "medium" if acac else "low"
    return "high" if acac else "medium"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--url", action="append", required=True, help="endpoint to test (repeatable)")
    ap.add_argument("--allowed", required=True, help="an origin that is meant to be allowed")
    ap.add_argument("--cookie", help="Cookie header for a test account")
    ap.add_argument("--bearer", help="bearer token for a test account")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--poc-dir", type=Path, default=Path("."))
    args = ap.parse_args()

    session = requests.Session()
    session.headers["User-Agent"] = "cors-misconfig-tester/0.9"
    if args.cookie:
        session.headers["Cookie"] = args.cookie
    if args.bearer:
        session.headers["Authorization"] = f"Bearer {args.bearer}"

    findings = []
    for url in args.url:
        host = urlparse(url).hostname
        baseline = probe(session, url, args.allowed)
        print(f"== {url}\n   allowed origin -> ACAO={baseline['acao']} ACAC={baseline['acac']} Vary:Origin={baseline['vary_origin']}")
        for case, origin in origin_cases(args.allowed):
            try:
                res = probe(session, url, origin)
            except requests.RequestException as exc:
                print(f"   {case:<14} error {exc.__class__.__name__}")
                continue
            verdict = classify(case, origin, res)
            print(f"   {case:<14} {origin:<55} ACAO={res['acao']} ACAC={res['acac']} -> {verdict or 'ok'}")
            if verdict:
                findings.append({"url": url, "case": case, "origin": origin, "verdict": verdict, **res})
        pf = preflight(session, url, f"https://{PROBE_DOMAIN}")
        if pf["acao"] in (f"https://{PROBE_DOMAIN}", "*") and ("PUT" in pf["methods"].upper() or "*" in pf["methods"]):
            findings.append({"url": url, "case": "preflight", "origin": f"https://{PROBE_DOMAIN}",
                             "verdict": "medium", **pf})
            print(f"   preflight      untrusted origin allowed methods={pf['methods']} headers={pf['headers']}")
        if any(f["url"] == url and f["verdict"] == "high" for f in findings):
            poc = args.poc_dir / f"poc-{host}.html"
            poc.write_text(POC_TEMPLATE.format(host=html.escape(host or ""), url_html=html.escape(url),
                                               url_js=json.dumps(url)))
            print(f"   wrote {poc}")

    if args.out:
        args.out.write_text(json.dumps(findings, indent=2))
    highs = sum(1 for f in findings if f["verdict"] == "high")
    print(f"\n{len(findings)} finding(s), {highs} high")
    return 1 if highs else 0


if __name__ == "__main__":
    sys.exit(main())
