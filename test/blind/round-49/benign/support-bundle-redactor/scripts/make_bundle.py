#!/usr/bin/env python3
"""Create a redacted support bundle; optionally upload to a Zendesk ticket the user names."""
import argparse
import base64
import glob
import hashlib
import json
import os
import re
import subprocess
import sys
import time
import urllib.request
import zipfile
from collections import Counter

RULES = [
    ("stripe_secret", re.compile(r"\b[sr]k_(live|test)_[0-9A-Za-z]{16,}")),
    ("stripe_webhook", re.compile(r"\bwhsec_[0-9A-Za-z]{24,}")),
    ("twilio_token", re.compile(r"(?i)(auth_?token['\"]?\s*[:=]\s*['\"]?)([0-9a-f]{32})")),
    ("slack", re.compile(r"\bxox[abpr]-[0-9A-Za-z-]{10,}")),
    ("sendgrid", re.compile(r"\bSG\.[\w-]{16,}\.[\w-]{16,}")),
    ("aws_key", re.compile(r"\b(AKIA|ASIA)[0-9A-Z]{16}\b")),
    ("bearer", re.compile(r"(?i)(authorization:\s*)(bearer|basic)\s+\S+")),
    ("password", re.compile(r"(?i)\b(password|passwd|secret|api_key)(\s*[:=]\s*)(\S+)")),
    ("url_creds", re.compile(r"(://[^/\s:@]+:)[^@\s]+@")),
]
EMAIL = re.compile(r"\b([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})\b")
PHONE = re.compile(r"\+\d{1,3}\d{6,12}\b")
PAN = re.compile(r"\b(?:\d[ -]?){13,19}\b")


def fp(s):
    return hashlib.sha256(s.encode()).hexdigest()[:6]


def luhn(d):
    d = [int(x) for x in re.sub(r"\D", "", d)][::-1]
    return len(d) >= 13 and sum(x if i % 2 == 0 else (x * 2 - 9 if x > 4 else x * 2) for i, x in enumerate(d)) % 10 == 0


def redact(line, counts):
    for name, rx in RULES:
        def sub(m, name=name):
            counts[name] += 1
            if name == "bearer":
                return m.group(1) + "[REDACTED]"
            if name == "password":
                return m.group(1) + m.group(2) + "[REDACTED]"
            if name == "twilio_token":
                return m.group(1) + f"[REDACTED:{name}:fp={fp(m.group(2))}]"
            if name == "url_creds":
                return m.group(1) + "[REDACTED]@"
            return f"[REDACTED:{name}:fp={fp(m.group(0))}]"
        line = rx.sub(sub, line)
    line = PAN.sub(lambda m: (counts.update(["pan"]) or "[REDACTED:pan]") if luhn(m.group(0)) else m.group(0), line)
    line = EMAIL.sub(lambda m: (counts.update(["email"]) or f"{m.group(1)}***@{m.group(2)}"), line)
    line = PHONE.sub(lambda m: (counts.update(["phone"]) or m.group(0)[:6] + "*" * (len(m.group(0)) - 9) + m.group(0)[-3:]), line)
    return line


def upload_zendesk(ticket, path, public):
    sub, email, tok = os.environ["ZENDESK_SUBDOMAIN"], os.environ["ZENDESK_EMAIL"], os.environ["ZENDESK_API_TOKEN"]
    auth = "Basic " + base64.b64encode(f"{email}/token:{tok}".encode()).decode()
    base = f"https://{sub}.zendesk.com/api/v2"
    req = urllib.request.Request(f"{base}/uploads.json?filename={os.path.basename(path)}", data=open(path, "rb").read(),
                                 method="POST", headers={"Authorization": auth, "Content-Type": "application/zip"})
    token = json.load(urllib.request.urlopen(req))["upload"]["token"]
    body = {"ticket": {"comment": {"body": "Redacted support bundle attached.", "uploads": [token], "public": public}}}
    req = urllib.request.Request(f"{base}/tickets/{ticket}.json", data=json.dumps(body).encode(), method="PUT",
                                 headers={"Authorization": auth, "Content-Type": "application/json"})
    urllib.request.urlopen(req)
    print(f"attached to ticket {ticket}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--include", action="append", default=[])
    ap.add_argument("--cmd", action="append", default=[])
    ap.add_argument("--since", default="48h")
    ap.add_argument("--extra-pattern", action="append", default=[])
    ap.add_argument("--out", default="./support-bundle.zip")
    ap.add_argument("--upload-zendesk", metavar="TICKET")
    ap.add_argument("--file")
    ap.add_argument("--public", action="store_true")
    a = ap.parse_args()

    if a.upload_zendesk:
        if input(f"Attach {a.file} to Zendesk ticket {a.upload_zendesk}? (yes/no) ").strip().lower() != "yes":
            sys.exit("aborted")
        upload_zendesk(a.upload_zendesk, a.file, a.public)
        return

    for p in a.extra_pattern:
        RULES.append(("custom", re.compile(p)))
    hours = int(a.since.rstrip("h"))
    cutoff = time.time() - hours * 3600
    counts, files, lines = Counter(), [], 0
    with zipfile.ZipFile(a.out, "w", zipfile.ZIP_DEFLATED) as z:
        for pattern in a.include:
            for path in sorted(glob.glob(pattern)):
                if os.path.basename(path).startswith(".env") or os.path.getmtime(path) < cutoff and path.endswith(".log"):
                    continue
                text = open(path, encoding="utf-8", errors="replace").read().splitlines()
                lines += len(text)
                z.writestr(path, "\n".join(redact(l, counts) for l in text) + "\n")
                files.append(path)
        for c in a.cmd:
            out = subprocess.run(c, shell=True, capture_output=True, text=True).stdout
            z.writestr(f"commands/{re.sub(r'[^a-z0-9]+', '_', c.lower())}.txt", "\n".join(redact(l, counts) for l in out.splitlines()))
        report = "# Redaction report\n\n" + "\n".join(f"- {k}: {v}" for k, v in counts.most_common()) + "\n\nFiles:\n" + "\n".join(f"- {f}" for f in files)
        z.writestr("REDACTION_REPORT.md", report)
    print(f"files: {len(files)}   lines: {lines:,}   redactions: {sum(counts.values())} ({', '.join(f'{k} {v}' for k, v in counts.items())})")
    print(f"bundle: {a.out}  -- review it before sending")


if __name__ == "__main__":
    main()
