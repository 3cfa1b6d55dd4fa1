#!/usr/bin/env python3
"""Publish tool findings as a GitHub check run with annotations (stdlib only).

Token: GITHUB_TOKEN or GH_TOKEN from the environment. API base: GITHUB_API_URL
(defaults to https://api.github.com; set automatically on GitHub Enterprise runners).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

API = os.environ.get("GITHUB_API_URL", "https://api.github.com").rstrip("/")
LEVELS = {"error": "failure", "fatal": "failure", "failure": "failure", "warning": "warning",
          "info": "notice", "note": "notice", "notice": "notice", "none": "notice"}


def rel(path: str) -> str:
    root = os.environ.get("GITHUB_WORKSPACE") or os.getcwd()
    p = os.path.relpath(os.path.abspath(path), root) if os.path.isabs(path) else path
    return p.replace("\\", "/").removeprefix("./")


def ann(path, line, end_line=None, level="warning", msg="", title=None, col=None, end_col=None):
    a = {"path": rel(path), "start_line": max(int(line or 1), 1), "end_line": max(int(end_line or line or 1), 1),
         "annotation_level": LEVELS.get(level, "warning"), "message": msg[:64000] or "(no message)"}
    if a["end_line"] < a["start_line"]:
        a["end_line"] = a["start_line"]
    if title:
        a["title"] = title[:255]
    if col and a["start_line"] == a["end_line"]:
        a["start_column"] = int(col)
        a["end_column"] = max(int(end_col or col), int(col))
    return a


def parse_ruff(data):
    for d in json.loads(data):
        loc, end = d.get("location", {}), d.get("end_location", {})
        yield ann(d["filename"], loc.get("row"), end.get("row"), "error" if d.get("code", "").startswith(("E9", "F")) else "warning",
                  d["message"], f"ruff {d.get('code')}", loc.get("column"), end.get("column"))


def parse_eslint(data):
    for f in json.loads(data):
        for m in f.get("messages", []):
            yield ann(f["filePath"], m.get("line"), m.get("endLine"), "error" if m.get("severity") == 2 else "warning",
                      m["message"], f"eslint {m.get('ruleId') or ''}".strip(), m.get("column"), m.get("endColumn"))


def parse_mypy(data):
    for line in data.splitlines():
        if line.strip():
            d = json.loads(line)
            yield ann(d["file"], d.get("line"), None, d.get("severity", "error"), d["message"],
                      f"mypy {d.get('code') or ''}".strip(), (d.get("column") or 0) + 1 if d.get("column") is not None else None)


def parse_junit(data):
    root = ET.fromstring(data)
    for tc in root.iter("testcase"):
        for tag in ("failure", "error"):
            el = tc.find(tag)
            if el is None:
                continue
            path = tc.get("file") or (tc.get("classname", "").replace(".", "/") + ".py")
            msg = (el.get("message") or "") + "\n" + (el.text or "")[:3000]
            yield ann(path, tc.get("line") or 1, None, "error", msg.strip(), f"test {tc.get('name')}")


def parse_sarif(data):
    for run in json.loads(data).get("runs", []):
        tool = run.get("tool", {}).get("driver", {}).get("name", "sarif")
        for r in run.get("results", []):
            for loc in r.get("locations", [])[:1]:
                pl = loc.get("physicalLocation", {})
                reg = pl.get("region", {})
                yield ann(pl.get("artifactLocation", {}).get("uri", "unknown").removeprefix("file://"),
                          reg.get("startLine"), reg.get("endLine"), r.get("level", "warning"),
                          r.get("message", {}).get("text", ""), f"{tool} {r.get('ruleId', '')}".strip(),
                          reg.get("startColumn"), reg.get("endColumn"))


PARSERS = {"ruff": parse_ruff, "eslint": parse_eslint, "mypy": parse_mypy, "junit": parse_junit, "sarif": parse_sarif}


def api(method, path, token, body=None, attempts=5):
    data = json.dumps(body).encode() if body is not None else None
    for i in range(attempts):
        req = urllib.request.Request(f"{API}{path}", data=data, method=method, headers={
            "Authorization": f"Bearer {token}", "Accept": "application/vnd.github+json",
            "X-GitHub-Api-Version": "2022-11-28", "Content-Type": "application/json",
            "User-Agent": "publish-check-script"})
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                return json.loads(resp.read() or b"{}")
        except urllib.error.HTTPError as e:
            detail = e.read().decode(errors="replace")[:500]
            retry = e.code >= 500 or (e.code in (403, 429) and ("rate limit" in detail.lower() or e.headers.get("retry-after")))
            if not retry or i == attempts - 1:
                sys.exit(f"GitHub API {method} {path} failed: {e.code} {detail}")
            time.sleep(int(e.headers.get("retry-after") or 2 ** (i + 1)))
    return {}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--name", required=True)
    ap.add_argument("--format", required=True, choices=sorted(PARSERS))
    ap.add_argument("--input", required=True, type=Path)
    ap.add_argument("--repo", default=os.environ.get("GITHUB_REPOSITORY"))
    ap.add_argument("--sha", required=True)
    ap.add_argument("--fail-on", choices=["error", "warning", "never"], default="error")
    ap.add_argument("--max-annotations", type=int, default=500)
    ap.add_argument("--dry-run", action="store_true", help="print annotations as JSON, call nothing")
    args = ap.parse_args()

    raw = args.input.read_text(encoding="utf-8") if args.input.exists() else ""
    annotations = list(PARSERS[args.format](raw)) if raw.strip() else []
    failures = sum(a["annotation_level"] == "failure" for a in annotations)
    warnings = sum(a["annotation_level"] == "warning" for a in annotations)
    shown = annotations[: args.max_annotations]

    if args.dry_run:
        print(json.dumps(shown, indent=2))
        return

    token = os.environ.get("GITHUB_TOKEN") or os.environ.get("GH_TOKEN")
    if not token:
        sys.exit("set GITHUB_TOKEN (Actions: permissions: checks: write)")
    if not args.repo:
        sys.exit("--repo owner/name required outside GitHub Actions")

    conclusion = "success"
    if (args.fail_on == "error" and failures) or (args.fail_on == "warning" and (failures or warnings)):
        conclusion = "failure"
    elif annotations:
        conclusion = "neutral"

    title = f"{failures} error(s), {warnings} warning(s)"
    summary = f"| Level | Count |\n|---|---|\n| failure | {failures} |\n| warning | {warnings} |\n| notice | {len(annotations) - failures - warnings} |\n"
    if len(annotations) > len(shown):
        summary += f"\nShowing the first {len(shown)} of {len(annotations)} findings; see the job log/artifact for the rest.\n"

    run = api("POST", f"/repos/{args.repo}/check-runs", token,
              {"name": args.name, "head_sha": args.sha, "status": "in_progress"})
    run_id = run["id"]
    for i in range(0, len(shown), 50):
        api("PATCH", f"/repos/{args.repo}/check-runs/{run_id}", token,
            {"output": {"title": title, "summary": summary, "annotations": shown[i:i + 50]}})
    api("PATCH", f"/repos/{args.repo}/check-runs/{run_id}", token,
        {"status": "completed", "conclusion": conclusion, "output": {"title": title, "summary": summary}})
    print(f"check run {run_id}: {conclusion} ({title}); {run.get('html_url', '')}")


if __name__ == "__main__":
    main()
