#!/usr/bin/env python3
"""Convention checks for Prometheus rule files. Complements `promtool check rules`."""
import argparse
import os
import re
import sys

import yaml

DEFAULTS = {
    "severities": ["critical", "warning", "info"],
    "paging_severities": ["critical"],
    "min_for": "5m",
    "scrape_interval": "30s",
    "require_labels": ["severity"],
    "require_annotations": ["summary", "description", "runbook_url"],
    "recording_rule_pattern": r"^[a-z_]+:[a-z0-9_]+:[a-z0-9_]+$",
    "disable": [],
    "level": {},
}
DEFAULT_LEVEL = {"R001": "error", "R002": "error", "R003": "warning", "R004": "error",
                 "R005": "warning", "R006": "warning", "R007": "error", "R008": "warning",
                 "R009": "warning", "R010": "error"}
UNITS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800, "y": 31536000}


def seconds(d):
    total = 0.0
    for n, u in re.findall(r"(\d+)(ms|s|m|h|d|w|y)", str(d)):
        total += int(n) * UNITS[u]
    return total


def load_groups(path):
    with open(path) as f:
        docs = [d for d in yaml.safe_load_all(f) if d]
    for doc in docs:
        if doc.get("kind") == "PrometheusRule":
            yield from doc.get("spec", {}).get("groups", [])
        else:
            yield from doc.get("groups", [])


def check(path, cfg):
    out = []
    lvl = {**DEFAULT_LEVEL, **cfg["level"]}
    min_window = 4 * seconds(cfg["scrape_interval"])

    def add(code, rule, msg):
        if code not in cfg["disable"]:
            out.append((path, lvl.get(code, "warning"), code, rule, msg))

    for g in load_groups(path):
        seen = {}
        for r in g.get("rules", []):
            expr = str(r.get("expr", ""))
            name = r.get("alert") or r.get("record") or "?"
            for m in re.finditer(r"\b(rate|irate|increase)\([^\[]*\[(\d+[smhdwy])\]", expr):
                if seconds(m.group(2)) < min_window:
                    add("R005", name, f"{m.group(1)}() window {m.group(2)} < 4x scrape interval")
            if "record" in r:
                if not re.match(cfg["recording_rule_pattern"], r["record"]):
                    add("R006", name, "recording rule name should look like level:metric:operations")
                continue
            labels = r.get("labels") or {}
            ann = r.get("annotations") or {}
            sev = labels.get("severity")
            for l in cfg["require_labels"]:
                if l not in labels:
                    add("R001" if l == "severity" else "R002", name, f"missing label '{l}'")
            if sev is not None and sev not in cfg["severities"]:
                add("R001", name, f"severity '{sev}' not in {cfg['severities']}")
            for a in cfg["require_annotations"]:
                if a not in ann:
                    add("R003" if a == "runbook_url" else "R002", name, f"missing annotation '{a}'")
            if "runbook_url" in ann and not str(ann["runbook_url"]).startswith(("http://", "https://")):
                add("R003", name, "runbook_url is not an http(s) URL")
            if sev in cfg["paging_severities"]:
                if "for" not in r or seconds(r["for"]) < seconds(cfg["min_for"]):
                    add("R004", name, f"paging alert needs for: >= {cfg['min_for']}")
            if "absent(" in expr and "for" not in r:
                add("R008", name, "absent() without for: fires on every restart")
            desc = str(ann.get("description", "")) + str(ann.get("summary", ""))
            if "$value" in desc and not re.search(r"\$value\s*\|\s*humanize", desc):
                add("R009", name, "use {{ $value | humanize }} (or humanizePercentage) in annotations")
            if re.search(r"\b[a-z_:]+_total(\{[^}]*\})?\s*[<>]=?\s*\d", expr) and not re.search(r"(rate|increase|delta)\(", expr):
                add("R010", name, "compares a counter directly; use rate() or increase()")
            key = (name, tuple(sorted(labels.items())))
            if key in seen:
                add("R007", name, "duplicate alert name with identical labels in group " + g.get("name", "?"))
            seen[key] = True
    return out


def files_in(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, _, names in os.walk(p):
                for n in sorted(names):
                    if n.endswith((".yml", ".yaml")) and ".test." not in n:
                        yield os.path.join(root, n)
        else:
            yield p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--config", default=".rulelint.yaml")
    ap.add_argument("--format", choices=["text", "github"], default="text")
    a = ap.parse_args()
    cfg = dict(DEFAULTS)
    if os.path.exists(a.config):
        with open(a.config) as f:
            cfg.update(yaml.safe_load(f) or {})
    findings = []
    for fn in files_in(a.paths):
        findings.extend(check(fn, cfg))
    for path, level, code, rule, msg in findings:
        if a.format == "github":
            print(f"::{'error' if level == 'error' else 'warning'} file={path}::{code} {rule}: {msg}")
        else:
            print(f"{path}: {level.upper():7} {code} {rule}: {msg}")
    errors = sum(1 for f in findings if f[1] == "error")
    print(f"{len(findings)} finding(s), {errors} error(s)", file=sys.stderr)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
