#!/usr/bin/env python3
"""Static hardening review for GitHub Actions workflows (read-only)."""
import argparse
import json
import pathlib
import re
import sys

import yaml

UNTRUSTED = re.compile(
    r"\$\{\{\s*github\.(event\.(issue\.title|issue\.body|pull_request\.title|pull_request\.body|"
    r"comment\.body|review\.body|review_comment\.body|pages\.[^}]*page_name|commits\[?[^}]*message|"
    r"head_commit\.message|head_commit\.author\.(email|name)|pull_request\.head\.(ref|label)|"
    r"workflow_run\.head_branch)|head_ref)\s*\}\}")
SECRET_ECHO = re.compile(r"(echo|printf)[^\n]*\$\{\{\s*secrets\.")
HEAD_CHECKOUT = re.compile(r"github\.event\.(pull_request\.head\.(sha|ref)|workflow_run\.head_(sha|branch))|refs/pull/")
SHA = re.compile(r"@[0-9a-f]{40}$")


def triggers(doc):
    on = doc.get("on", doc.get(True))  # PyYAML reads bare `on` as True
    if isinstance(on, str):
        return {on}
    if isinstance(on, list):
        return set(on)
    return set((on or {}).keys())


def review(path):
    text = path.read_text()
    doc = yaml.safe_load(text) or {}
    trig = triggers(doc)
    out = []

    def add(rule, sev, msg, job=None):
        out.append({"file": str(path), "rule": rule, "severity": sev, "job": job, "message": msg})

    perms = doc.get("permissions")
    if perms is None or perms == "write-all":
        add("GHA004", "medium", "no restrictive top-level permissions block")
    privileged = bool(trig & {"pull_request_target", "workflow_run"})
    for jname, job in (doc.get("jobs") or {}).items():
        runs_on = job.get("runs-on")
        ro = " ".join(runs_on) if isinstance(runs_on, list) else str(runs_on)
        if "self-hosted" in ro and trig & {"pull_request", "pull_request_target"}:
            add("GHA006", "high", "self-hosted runner reachable from pull request events", jname)
        if job.get("secrets") == "inherit" and "/" in str(job.get("uses", "")):
            add("GHA007", "medium", "secrets: inherit into external reusable workflow", jname)
        env_all = {**(doc.get("env") or {}), **(job.get("env") or {})}
        if str(env_all.get("ACTIONS_ALLOW_UNSECURE_COMMANDS", "")).lower() == "true":
            add("GHA008", "high", "unsecure workflow commands enabled", jname)
        for i, step in enumerate(job.get("steps") or []):
            uses = step.get("uses", "")
            if uses and not uses.startswith(("./", "docker://")):
                owner = uses.split("/")[0]
                if owner not in ("actions", "github") and not SHA.search(uses):
                    add("GHA005", "medium", f"step {i}: '{uses}' not pinned to a commit SHA", jname)
            if privileged and uses.startswith("actions/checkout"):
                ref = str((step.get("with") or {}).get("ref", ""))
                if HEAD_CHECKOUT.search(ref):
                    add("GHA001", "critical", f"step {i}: privileged trigger checks out untrusted head ({ref})", jname)
            run = step.get("run", "")
            if run:
                for m in UNTRUSTED.finditer(run):
                    add("GHA002", "high", f"step {i}: untrusted expression in run: {m.group(0)}", jname)
                if SECRET_ECHO.search(run):
                    add("GHA003", "high", f"step {i}: secret printed to log", jname)
                step_env = step.get("env") or {}
                if re.search(r"^\s*set -[a-z]*x", run, re.M) and any("secrets." in str(v) for v in step_env.values()):
                    add("GHA003", "high", f"step {i}: shell tracing with secrets in env", jname)
    return out


def sarif(findings):
    lvl = {"critical": "error", "high": "error", "medium": "warning"}
    return {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "actions-trigger-hardening-review"}},
            "results": [{"ruleId": f["rule"], "level": lvl[f["severity"]], "message": {"text": f["message"]},
                         "locations": [{"physicalLocation": {"artifactLocation": {"uri": f["file"]}}}]}
                        for f in findings]}]}


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("path", nargs="?", default=".github/workflows")
    ap.add_argument("--sarif", action="store_true")
    a = ap.parse_args()
    p = pathlib.Path(a.path)
    files = [p] if p.is_file() else sorted(list(p.glob("*.yml")) + list(p.glob("*.yaml")))
    findings = [f for fp in files for f in review(fp)]
    if a.sarif:
        json.dump(sarif(findings), sys.stdout, indent=2)
    else:
        for f in findings:
            print(f"{f['severity'].upper():8} {f['rule']} {f['file']} [{f['job'] or '-'}] {f['message']}")
        print(f"{len(findings)} finding(s) in {len(files)} workflow(s)")
    sys.exit(1 if any(f["severity"] in ("critical", "high") for f in findings) else 0)


if __name__ == "__main__":
    main()
