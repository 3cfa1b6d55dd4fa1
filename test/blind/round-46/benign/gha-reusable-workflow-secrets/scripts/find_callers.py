#!/usr/bin/env python3
"""List reusable-workflow calls in a workflows directory and flag risky references.

Usage: find_callers.py [.github/workflows]
"""
import re
import sys
from pathlib import Path

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("PyYAML is required: pip install pyyaml")

SHA_RE = re.compile(r"^[0-9a-f]{40}$")


def scan(path: Path):
    doc = yaml.safe_load(path.read_text()) or {}
    for job_id, job in (doc.get("jobs") or {}).items():
        uses = (job or {}).get("uses")
        if not uses or ".github/workflows/" not in uses:
            continue
        ref = uses.split("@", 1)[1] if "@" in uses else ""
        local = uses.startswith("./")
        findings = []
        if not local and not SHA_RE.match(ref):
            findings.append(f"ref '{ref or '(none)'}' is not a commit SHA")
        if job.get("secrets") == "inherit":
            findings.append("secrets: inherit passes every secret")
        yield job_id, uses, findings


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else ".github/workflows")
    files = sorted(list(root.glob("*.yml")) + list(root.glob("*.yaml")))
    issues = 0
    for f in files:
        for job_id, uses, findings in scan(f):
            status = "OK" if not findings else "; ".join(findings)
            issues += bool(findings)
            print(f"{f.name}:{job_id}: {uses}\n    {status}")
    print(f"\n{issues} call(s) need attention")
    return 1 if issues else 0


if __name__ == "__main__":
    sys.exit(main())
