#!/usr/bin/env python3
"""Regex-based risk linter for shell, Docker, Make and CI files. Reads files only."""
import argparse
import fnmatch
import json
import os
import re
import sys

import yaml

PATTERNS = ["*.sh", "*.bash", "*.zsh", "Dockerfile*", "Makefile", "*.mk", ".gitlab-ci.yml", "Jenkinsfile"]
SKIP_DIRS = {".git", "node_modules", ".venv", "venv", "vendor", "dist", "build"}
IGNORE_RE = re.compile(r"shell-risk-lint:\s*ignore=([A-Z0-9,]+)")


def load_rules():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "..", "assets", "rules.yaml")) as fh:
        rules = yaml.safe_load(fh)
    for r in rules:
        r["re"] = re.compile(r["regex"], re.M)
    return rules


def wanted(path):
    name = os.path.basename(path)
    if any(fnmatch.fnmatch(name, p) for p in PATTERNS):
        return True
    return "/.github/workflows/" in path.replace(os.sep, "/") and name.endswith((".yml", ".yaml"))


def walk(targets):
    for t in targets:
        if os.path.isfile(t):
            yield t
            continue
        for root, dirs, files in os.walk(t):
            dirs[:] = [d for d in dirs if d not in SKIP_DIRS]
            for f in files:
                p = os.path.join(root, f)
                if wanted(p):
                    yield p


def lint(path, rules):
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return []
    hits = []
    for n, line in enumerate(lines, 1):
        if line.lstrip().startswith("#") and not path.endswith(("Dockerfile",)):
            continue
        ign = IGNORE_RE.search(line)
        ignored = set(ign.group(1).split(",")) if ign else set()
        for r in rules:
            if r["id"] in ignored:
                continue
            if r["re"].search(line):
                hits.append({"file": path, "line": n, "rule": r["id"], "severity": r["severity"],
                             "message": r["message"], "fix": r["fix"], "text": line.strip()[:200]})
    return hits


def sarif(hits, rules):
    return {
        "version": "2.1.0",
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "runs": [{
            "tool": {"driver": {"name": "shell-risk-lint", "rules": [
                {"id": r["id"], "shortDescription": {"text": r["message"]}, "help": {"text": r["fix"]}} for r in rules]}},
            "results": [{
                "ruleId": h["rule"],
                "level": {"high": "error", "medium": "warning"}.get(h["severity"], "note"),
                "message": {"text": h["message"]},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": h["file"]},
                                                    "region": {"startLine": h["line"]}}}],
            } for h in hits],
        }],
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("targets", nargs="+")
    ap.add_argument("--format", choices=["text", "json", "sarif"], default="text")
    a = ap.parse_args()
    rules = load_rules()
    hits = [h for p in walk(a.targets) for h in lint(p, rules)]
    if a.format == "json":
        json.dump(hits, sys.stdout, indent=2)
    elif a.format == "sarif":
        json.dump(sarif(hits, rules), sys.stdout, indent=2)
    else:
        for h in hits:
            print(f"{h['file']}:{h['line']}: [{h['severity']}] {h['rule']} {h['message']}\n    {h['text']}")
        print(f"\n{len(hits)} finding(s)")
    sys.exit(1 if any(h["severity"] == "high" for h in hits) else 0)


if __name__ == "__main__":
    main()
