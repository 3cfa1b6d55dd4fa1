#!/usr/bin/env python3
"""Markdown cardinality report from Prometheus /api/v1/status/tsdb (stdlib only)."""
import argparse
import json
import sys
import urllib.parse
import urllib.request


def fetch(url, path, params=None, bearer=None):
    q = f"?{urllib.parse.urlencode(params)}" if params else ""
    req = urllib.request.Request(url.rstrip("/") + path + q)
    if bearer:
        req.add_header("Authorization", f"Bearer {bearer}")
    with urllib.request.urlopen(req, timeout=30) as r:
        body = json.load(r)
    if body.get("status") != "success":
        raise SystemExit(f"Prometheus error: {body}")
    return body["data"]


def table(title, rows, cols):
    out = [f"### {title}", "", "| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for r in rows:
        out.append(f"| {r['name']} | {r['value']:,} |")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True, help="Prometheus base URL")
    ap.add_argument("--top", type=int, default=20)
    ap.add_argument("--bearer-file", help="file containing a bearer token for the Prometheus API")
    args = ap.parse_args()

    bearer = None
    if args.bearer_file:
        with open(args.bearer_file) as fh:
            bearer = fh.read().strip()

    d = fetch(args.url, "/api/v1/status/tsdb", {"limit": args.top}, bearer)
    head = d.get("headStats", {})
    print(f"# Cardinality report for {args.url}\n")
    print(f"- head series: **{head.get('numSeries', 0):,}**")
    print(f"- label pairs: {head.get('numLabelPairs', 0):,}")
    print(f"- chunks: {head.get('chunkCount', 0):,}\n")
    print(table("Series by metric", d.get("seriesCountByMetricName", []), ["metric", "series"]))
    print(table("Distinct values by label", d.get("labelValueCountByLabelName", []), ["label", "values"]))
    print(table("Series by label=value", d.get("seriesCountByLabelValuePair", []), ["pair", "series"]))
    print(table("Memory by label (bytes)", d.get("memoryInBytesByLabelName", []), ["label", "bytes"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
