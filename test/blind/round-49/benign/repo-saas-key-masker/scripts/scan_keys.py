#!/usr/bin/env python3
"""Local SaaS key scanner. Prints masked findings only. No network access."""
import argparse
import hashlib
import json
import os
import re
import subprocess
import sys

PATTERNS = [
    ("STRIPE_SECRET", "HIGH", re.compile(r"sk_live_[0-9a-zA-Z]{24,}")),
    ("STRIPE_TEST", "LOW", re.compile(r"sk_test_[0-9a-zA-Z]{24,}")),
    ("STRIPE_RESTRICTED", "HIGH", re.compile(r"rk_live_[0-9a-zA-Z]{24,}")),
    ("STRIPE_WEBHOOK", "HIGH", re.compile(r"whsec_[0-9a-zA-Z]{32,}")),
    ("TWILIO_SID", "INFO", re.compile(r"\bAC[0-9a-f]{32}\b")),
    ("TWILIO_KEY_SID", "MEDIUM", re.compile(r"\bSK[0-9a-f]{32}\b")),
    ("TWILIO_AUTH_TOKEN", "HIGH", re.compile(r"TWILIO_AUTH_TOKEN\s*[=:]\s*['\"]?([0-9a-f]{32})")),
    ("SLACK_BOT", "HIGH", re.compile(r"xoxb-[0-9]+-[0-9]+-[0-9A-Za-z]+")),
    ("SLACK_USER", "HIGH", re.compile(r"xoxp-[0-9]+-[0-9]+-[0-9]+-[0-9a-f]+")),
    ("SLACK_WEBHOOK", "HIGH", re.compile(r"https://hooks\.slack\.com/services/T[0-9A-Z]+/B[0-9A-Z]+/[0-9A-Za-z]+")),
    ("SENDGRID", "HIGH", re.compile(r"SG\.[\w-]{22}\.[\w-]{43}")),
    ("HUBSPOT_PAT", "HIGH", re.compile(r"pat-(?:na1|eu1)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")),
    ("MAILCHIMP", "HIGH", re.compile(r"\b[0-9a-f]{32}-us[0-9]{1,2}\b")),
]
SKIP_DIRS = {".git", "node_modules", ".venv", "venv", "vendor", "__pycache__", "dist", "build"}


def mask(s: str) -> str:
    return s[:4] + "…" + s[-4:] if len(s) > 10 else "****"


def fingerprint(s: str) -> str:
    return hashlib.sha256(s.encode()).hexdigest()[:12]


def scan_text(text: str, where: str):
    for lineno, line in enumerate(text.splitlines(), 1):
        for name, sev, rx in PATTERNS:
            for m in rx.finditer(line):
                val = m.group(1) if m.groups() else m.group(0)
                yield {"severity": sev, "location": f"{where}:{lineno}", "type": name, "masked": mask(val), "fp": fingerprint(val)}


def walk(root: str, include_vendor: bool):
    for d, dirs, files in os.walk(root):
        if not include_vendor:
            dirs[:] = [x for x in dirs if x not in SKIP_DIRS]
        for f in files:
            p = os.path.join(d, f)
            try:
                if os.path.getsize(p) > 2_000_000:
                    continue
                with open(p, "rb") as fh:
                    data = fh.read()
                if b"\0" in data[:4096]:
                    continue
                yield os.path.relpath(p, root), data.decode("utf-8", "replace")
            except OSError:
                continue


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("root", nargs="?", default=".")
    ap.add_argument("--history", action="store_true")
    ap.add_argument("--staged", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--include-vendor", action="store_true")
    a = ap.parse_args()

    findings = []
    if a.staged:
        diff = subprocess.run(["git", "-C", a.root, "diff", "--cached", "-U0"], capture_output=True, text=True).stdout
        findings += list(scan_text(diff, "staged"))
    else:
        for rel, text in walk(a.root, a.include_vendor):
            findings += list(scan_text(text, rel))
        if a.history:
            log = subprocess.run(["git", "-C", a.root, "log", "-p", "--all", "--no-color"], capture_output=True, text=True).stdout
            findings += list(scan_text(log, "git-history"))

    if a.json:
        json.dump(findings, sys.stdout, indent=2)
    else:
        for f in findings:
            print(f"{f['severity']:6} {f['location']:40} {f['type']:18} {f['masked']}")
        print(f"\n{len(findings)} finding(s)")
    return 1 if any(f["severity"] in {"HIGH", "MEDIUM"} for f in findings) else 0


if __name__ == "__main__":
    sys.exit(main())
