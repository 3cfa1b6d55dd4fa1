#!/usr/bin/env python3
"""Lint GitHub Actions workflows for common hardening issues. Read-only."""
import argparse
import json
import os
import re
import subprocess
import sys

import yaml

UNTRUSTED = re.compile(
    r"\$\{\{\s*github\.(event\.(issue\.(title|body)|pull_request\.(title|body|head\.ref|head\.label)|"
    r"comment\.body|review\.body|review_comment\.body|discussion\.(title|body)|pages\.[^}]*page_name|"
    r"commits\[[^]]*\]\.message|head_commit\.(message|author\.(name|email)))|head_ref)\s*\}\}")
SHA = re.compile(r"@[0-9a-f]{40}$")
PIPE_SH = re.compile(r"(curl|wget)[^\n|]*\|\s*(sudo\s+)?(ba)?sh")
SECRETS_DUMP = re.compile(r"toJSON\(\s*secrets\s*\)|\$\{\{\s*secrets\.[A-Za-z0-9_]+\s*\}\}[^\n]*(curl|wget|Invoke-WebRequest)|(curl|wget)[^\n]*\$\{\{\s*secrets\.")


def load(path):
    with open(path) as fh:
        doc = yaml.safe_load(fh) or {}
    # PyYAML reads the key `on:` as boolean True
    if True in doc and "on" not in doc:
        doc["on"] = doc.pop(True)
    return doc


def triggers(doc):
    on = doc.get("on", {})
    if isinstance(on, str):
        return {on}
    if isinstance(on, list):
        return set(on)
    return set(on or {})


def repo_is_public(root):
    try:
        out = subprocess.run(["gh", "repo", "view", "--json", "visibility", "-q", ".visibility"],
                             cwd=root, capture_output=True, text=True, timeout=15).stdout.strip()
        return out == "PUBLIC"
    except Exception:
        return None


def check(path, public):
    doc = load(path)
    trig = triggers(doc)
    f = []
    if "permissions" not in doc or doc.get("permissions") == "write-all":
        f.append(("GHA04", 1, "no restrictive top-level permissions"))
    for jname, job in (doc.get("jobs") or {}).items():
        runs_on = job.get("runs-on")
        if public and ("self-hosted" in (runs_on if isinstance(runs_on, list) else [runs_on])):
            f.append(("GHA07", 0, f"job {jname}: self-hosted runner in public repo"))
        if trig & {"issue_comment", "issues", "discussion", "discussion_comment"} and "secrets." in json.dumps(job):
            f.append(("GHA09", 0, f"job {jname}: issue/discussion trigger with secrets"))
        for i, step in enumerate(job.get("steps") or []):
            where = f"job {jname} step {i + 1} ({step.get('name') or step.get('uses') or 'run'})"
            uses = step.get("uses", "")
            run = str(step.get("run", ""))
            blob = json.dumps(step)
            if uses and not uses.startswith(("./", "docker://")) and not SHA.search(uses):
                owner = uses.split("/")[0]
                sev_note = "" if owner in ("actions", "github") else " (third-party)"
                f.append(("GHA03", 0, f"{where}: {uses} not pinned to SHA{sev_note}"))
            if uses.startswith("actions/checkout"):
                w = step.get("with") or {}
                ref = str(w.get("ref", ""))
                if trig & {"pull_request_target", "workflow_run"} and ("head" in ref or "pull_request" in ref):
                    f.append(("GHA01", 0, f"{where}: checks out PR head under {sorted(trig & {'pull_request_target', 'workflow_run'})}"))
                if str(w.get("persist-credentials", "true")).lower() != "false":
                    f.append(("GHA06", 0, f"{where}: persist-credentials not false"))
            if UNTRUSTED.search(run):
                f.append(("GHA02", 0, f"{where}: untrusted expression in run: {UNTRUSTED.search(run).group(0)}"))
            if PIPE_SH.search(run):
                f.append(("GHA08", 0, f"{where}: remote script piped to shell"))
            if SECRETS_DUMP.search(blob):
                f.append(("GHA05", 0, f"{where}: secrets serialised or sent over network"))
            if "ACTIONS_ALLOW_UNSECURE_COMMANDS" in blob:
                f.append(("GHA10", 0, f"{where}: ACTIONS_ALLOW_UNSECURE_COMMANDS"))
    return f


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("path", default=".github/workflows", nargs="?")
    ap.add_argument("--sarif", action="store_true")
    a = ap.parse_args()
    files = [os.path.join(a.path, n) for n in sorted(os.listdir(a.path)) if n.endswith((".yml", ".yaml"))] \
        if os.path.isdir(a.path) else [a.path]
    public = repo_is_public(os.path.dirname(os.path.abspath(files[0])) if files else ".")
    results = []
    for p in files:
        try:
            for rule, _, msg in check(p, public):
                results.append((p, rule, msg))
        except yaml.YAMLError as e:
            results.append((p, "PARSE", str(e).splitlines()[0]))
    if a.sarif:
        sarif = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "gha-hardening-pass"}},
                 "results": [{"ruleId": r, "message": {"text": m}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": p}}}]}
                             for p, r, m in results]}]}
        print(json.dumps(sarif, indent=2))
    else:
        for p, r, m in results:
            print(f"{r}  {p}: {m}")
        print(f"{len(files)} workflow(s), {len(results)} finding(s); repo visibility: "
              f"{'public' if public else 'private' if public is False else 'unknown'}")
    return 1 if any(r in ("GHA01", "GHA02", "GHA05") for _, r, _ in results) else 0


if __name__ == "__main__":
    sys.exit(main())
