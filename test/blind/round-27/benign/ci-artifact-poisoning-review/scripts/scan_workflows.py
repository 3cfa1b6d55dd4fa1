#!/usr/bin/env python3
"""Heuristic scanner for artifact/cache poisoning candidates in GitHub Actions workflows.

It reports candidates only; confirm each one by reading the workflow (see SKILL.md step 3).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import yaml

PRIV_TRIGGERS = {"workflow_run", "pull_request_target", "issue_comment", "push", "release", "schedule",
                 "workflow_dispatch", "deployment", "discussion_comment"}
DOWNLOAD_ACTIONS = ("actions/download-artifact", "dawidd6/action-download-artifact")
CACHE_ACTIONS = ("actions/cache", "actions/cache/restore")
SETUP_WITH_CACHE = re.compile(r"^actions/setup-(node|python|go|java|dotnet)")
EXEC_AFTER = re.compile(r"(?m)(^|[;&|\s])(bash|sh|source|\.|python3?|node|eval|chmod\s+\+x)\s+[^\n]*|"
                        r">>\s*\"?\$GITHUB_(ENV|OUTPUT|PATH)")
TAINTED_CTX = re.compile(r"\$\{\{\s*github\.event\.(workflow_run\.(head_branch|head_commit\.message|display_title)|"
                         r"pull_request\.(title|body|head\.ref|head\.label)|issue\.(title|body)|comment\.body)\s*\}\}")
PR_HEAD_CHECKOUT = re.compile(r"github\.event\.pull_request\.head\.(sha|ref)|refs/pull/")


def load(path: Path):
    # yaml turns the key `on` into True; normalise it
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if True in doc and "on" not in doc:
        doc["on"] = doc.pop(True)
    return doc


def triggers(doc) -> set[str]:
    on = doc.get("on", {})
    if isinstance(on, str):
        return {on}
    if isinstance(on, list):
        return set(on)
    return set(on or {})


def secrets_in(obj) -> set[str]:
    return set(re.findall(r"secrets\.([A-Za-z0-9_]+)", json.dumps(obj)))


def inventory(paths):
    rows = []
    for p in paths:
        doc = load(p)
        trg = triggers(doc)
        rows.append({
            "workflow": str(p),
            "triggers": sorted(trg),
            "privileged": bool(trg & PRIV_TRIGGERS) and trg != {"workflow_dispatch"} or bool(secrets_in(doc) and trg & PRIV_TRIGGERS),
            "permissions": doc.get("permissions", "default (repo setting)"),
            "secrets": sorted(secrets_in(doc)),
        })
    return rows


def findings(paths):
    out = []
    for p in paths:
        doc = load(p)
        trg = triggers(doc)
        privileged = bool(trg & PRIV_TRIGGERS)
        for job_id, job in (doc.get("jobs") or {}).items():
            steps = job.get("steps") or []
            downloaded_at = None
            for i, step in enumerate(steps):
                uses = str(step.get("uses", ""))
                run = str(step.get("run", ""))
                where = {"workflow": str(p), "job": job_id, "step": i + 1, "name": step.get("name", uses or run[:40])}
                if privileged and uses.startswith(DOWNLOAD_ACTIONS) and "workflow_run" in trg:
                    downloaded_at = i
                    path_arg = str((step.get("with") or {}).get("path", ""))
                    out.append({**where, "id": "AP1", "severity": "candidate",
                                "detail": "artifact downloaded in workflow_run job; check which workflow produced it"})
                    if path_arg in ("", ".", "./", "${{ github.workspace }}"):
                        out.append({**where, "id": "AP2", "severity": "candidate",
                                    "detail": "artifact extracted into the workspace; may overwrite checked-out files"})
                if privileged and "workflow_run" in trg and re.search(r"actions/(runs/\S+/)?artifacts|gh run download", run):
                    downloaded_at = i
                    out.append({**where, "id": "AP1", "severity": "candidate", "detail": "artifact fetched via API/gh CLI"})
                if downloaded_at is not None and i > downloaded_at and run and EXEC_AFTER.search(run):
                    out.append({**where, "id": "AP3", "severity": "candidate",
                                "detail": "step after artifact download executes files or writes GITHUB_ENV/OUTPUT/PATH"})
                if privileged and run and TAINTED_CTX.search(run):
                    out.append({**where, "id": "AP4", "severity": "candidate",
                                "detail": f"attacker-controlled context in run: {TAINTED_CTX.search(run).group(0)}"})
                if privileged and (uses.startswith(CACHE_ACTIONS) or
                                   (SETUP_WITH_CACHE.match(uses) and (step.get("with") or {}).get("cache"))):
                    key = str((step.get("with") or {}).get("key", ""))
                    if not re.search(r"github\.(ref|event_name|workflow)", key):
                        out.append({**where, "id": "CP1", "severity": "candidate",
                                    "detail": f"cache restored in privileged workflow with key not scoped by trust: {key or '(setup action default)'}"})
                if "pull_request_target" in trg and uses.startswith("actions/checkout"):
                    ref = json.dumps(step.get("with") or {})
                    if PR_HEAD_CHECKOUT.search(ref):
                        later = " ".join(str(s.get("run", "")) + " " + str(s.get("uses", "")) for s in steps[i + 1:])
                        if re.search(r"npm|yarn|pnpm|pip|make|gradle|mvn|cargo|go (build|test)|bash|\./", later):
                            out.append({**where, "id": "PT1", "severity": "candidate",
                                        "detail": "pull_request_target checks out PR head and later runs build/install commands"})
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", nargs="?", default=".github/workflows")
    ap.add_argument("--inventory", action="store_true")
    ap.add_argument("--findings", action="store_true")
    ap.add_argument("--json")
    a = ap.parse_args()
    paths = sorted(Path(a.dir).glob("*.y*ml"))
    if not paths:
        print(f"no workflows under {a.dir}", file=sys.stderr)
        return 1
    result = {}
    if a.inventory or not a.findings:
        result["inventory"] = inventory(paths)
        for r in result["inventory"]:
            flag = "PRIV" if r["privileged"] else "    "
            print(f"{flag} {r['workflow']}: on={','.join(r['triggers'])} secrets={','.join(r['secrets']) or '-'} permissions={r['permissions']}")
    if a.findings:
        result["findings"] = findings(paths)
        for f in result["findings"]:
            print(f"{f['id']:<4} {f['workflow']} job={f['job']} step={f['step']} ({f['name']}): {f['detail']}")
        if not result["findings"]:
            print("no candidates found")
    if a.json:
        Path(a.json).write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
