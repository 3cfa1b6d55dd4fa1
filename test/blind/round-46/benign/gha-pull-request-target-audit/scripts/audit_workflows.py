#!/usr/bin/env python3
"""Static audit of GitHub Actions workflows for pull_request_target / injection risks.

Reads YAML files only. No network access, no execution of workflow content.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, asdict
from pathlib import Path

try:
    import yaml  # PyYAML
except ImportError:  # pragma: no cover
    sys.exit("PyYAML is required: pip install pyyaml")

UNTRUSTED_CTX = re.compile(
    r"\$\{\{\s*github\.event\.(issue|pull_request|comment|review|review_comment|head_commit|commits|pages)"
    r"[\w\.\[\]\*']*\s*\}\}"
)
HEAD_CHECKOUT = re.compile(r"github\.event\.pull_request\.head\.(sha|ref)|github\.head_ref|refs/pull/")
SHA_PIN = re.compile(r"@[0-9a-f]{40}$")
PRIVILEGED_TRIGGERS = {"pull_request_target", "workflow_run"}
FIRST_PARTY = ("actions/", "github/")


@dataclass
class Finding:
    file: str
    line: int
    rule: str
    severity: str
    message: str


def line_of(text: str, needle: str) -> int:
    idx = text.find(needle)
    return text.count("\n", 0, idx) + 1 if idx >= 0 else 1


def triggers(doc: dict) -> set[str]:
    on = doc.get("on", doc.get(True))  # PyYAML parses bare `on:` as True
    if isinstance(on, str):
        return {on}
    if isinstance(on, list):
        return set(on)
    if isinstance(on, dict):
        return set(on.keys())
    return set()


def audit_file(path: Path, watch: set[str]) -> list[Finding]:
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        doc = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        return [Finding(str(path), 1, "PARSE", "info", f"could not parse: {exc}")]
    out: list[Finding] = []
    trig = triggers(doc)
    privileged = bool(trig & PRIVILEGED_TRIGGERS)

    perms = doc.get("permissions")
    if perms is None:
        out.append(Finding(str(path), 1, "PRT003", "medium", "no top-level permissions block"))
    elif perms == "write-all":
        out.append(Finding(str(path), line_of(text, "write-all"), "PRT003", "medium", "permissions: write-all"))

    for job_id, job in (doc.get("jobs") or {}).items():
        if not isinstance(job, dict):
            continue
        if privileged and job.get("secrets") == "inherit":
            out.append(Finding(str(path), line_of(text, "secrets: inherit"), "PRT005", "low",
                               f"job {job_id}: secrets: inherit under {sorted(trig & PRIVILEGED_TRIGGERS)}"))
        for step in job.get("steps") or []:
            if not isinstance(step, dict):
                continue
            uses = step.get("uses", "")
            run = step.get("run", "")
            with_ = step.get("with") or {}
            if uses:
                name = uses.split("@")[0]
                if name in watch:
                    out.append(Finding(str(path), line_of(text, uses), "WATCH", "high",
                                       f"uses watched action {uses}"))
                if not uses.startswith(("./", "docker://")) and not SHA_PIN.search(uses) \
                        and not uses.startswith(FIRST_PARTY):
                    out.append(Finding(str(path), line_of(text, uses), "PRT004", "medium",
                                       f"{uses} is not pinned to a commit SHA"))
                if privileged and name == "actions/checkout":
                    ref = str(with_.get("ref", ""))
                    if HEAD_CHECKOUT.search(ref):
                        out.append(Finding(str(path), line_of(text, ref), "PRT001", "high",
                                           f"{sorted(trig & PRIVILEGED_TRIGGERS)} job checks out PR head (ref: {ref})"))
                if privileged and name == "actions/cache":
                    out.append(Finding(str(path), line_of(text, uses), "PRT006", "info",
                                       "cache restore in privileged trigger"))
            if run:
                for m in UNTRUSTED_CTX.finditer(run):
                    out.append(Finding(str(path), line_of(text, m.group(0)), "PRT002", "high",
                                       f"{m.group(0)} interpolated into run:"))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--root", default=".")
    ap.add_argument("--format", choices=("text", "json"), default="text")
    ap.add_argument("--only", choices=("high", "medium", "low", "info"))
    ap.add_argument("--watch-action", action="append", default=[],
                    help="owner/name of an action named in an advisory")
    args = ap.parse_args()

    wf_dir = Path(args.root) / ".github" / "workflows"
    files = sorted(list(wf_dir.glob("*.yml")) + list(wf_dir.glob("*.yaml")))
    findings: list[Finding] = []
    for f in files:
        findings.extend(audit_file(f, set(args.watch_action)))
    order = ["high", "medium", "low", "info"]
    if args.only:
        findings = [f for f in findings if order.index(f.severity) <= order.index(args.only)]

    if args.format == "json":
        print(json.dumps([asdict(f) for f in findings], indent=2))
    else:
        current = None
        for f in sorted(findings, key=lambda x: (x.file, x.line)):
            if f.file != current:
                print(f.file)
                current = f.file
            print(f"  L{f.line:<4} {f.rule} {f.severity:<6} {f.message}")
        counts = {s: sum(1 for f in findings if f.severity == s) for s in order}
        print(f"{len(findings)} findings ({', '.join(f'{v} {k}' for k, v in counts.items() if v)}) in {len(files)} files")
    return 1 if any(f.severity == "high" for f in findings) else 0


if __name__ == "__main__":
    sys.exit(main())
