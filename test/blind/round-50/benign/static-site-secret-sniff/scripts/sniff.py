#!/usr/bin/env python3
"""Local secret scanner for static-site repos. Prints masked values only. No network access."""
import argparse
import json
import math
import os
import re
import subprocess
import sys
from collections import Counter

PREFIX_RULES = [
    ("stripe_live", re.compile(r"\b[sr]k_live_[0-9A-Za-z]{20,}")),
    ("github_pat", re.compile(r"\bghp_[0-9A-Za-z]{36}\b|\bgithub_pat_[0-9A-Za-z_]{60,}")),
    ("gitlab_pat", re.compile(r"\bglpat-[0-9A-Za-z_-]{20}\b")),
    ("slack_token", re.compile(r"\bxox[baprs]-[0-9A-Za-z-]{10,}")),
    ("aws_key_id", re.compile(r"\bAKIA[0-9A-Z]{16}\b")),
    ("contentful_management_token", re.compile(r"\bCFPAT-[0-9A-Za-z_-]{40,}")),
    ("sendgrid", re.compile(r"\bSG\.[0-9A-Za-z_-]{22}\.[0-9A-Za-z_-]{43}")),
    ("mailchimp", re.compile(r"\b[0-9a-f]{32}-us[0-9]{1,2}\b")),
    ("netlify_pat", re.compile(r"\bnfp_[0-9A-Za-z]{40}\b")),
    ("pem_private_key", re.compile(r"-----BEGIN (?:RSA |EC |OPENSSH |DSA )?PRIVATE KEY-----")),
]
NAME_RULE = re.compile(
    r"""(?P<name>[A-Za-z0-9_.-]*(?:secret|token|private_key|password|passwd|api_key|apikey|admin_key|write_key)[A-Za-z0-9_]*)"""
    r"""\s*["']?\s*[:=]\s*["']?(?P<value>[^\s"',;#]{16,})""",
    re.I,
)
PUBLIC_PREFIX = re.compile(r"^(PUBLIC_|VITE_|NEXT_PUBLIC_|GATSBY_|NUXT_PUBLIC_|REACT_APP_)")
PLACEHOLDER = re.compile(r"changeme|change-me|^x{3,}$|your[-_ ]?(api[-_ ]?)?key|^<[^>]+>$|\$\{[^}]+\}|todo|example|dummy|^test_|^pk_test_", re.I)
BUILD_DIRS = ("public/", "_site/", "dist/", "out/", "build/", ".netlify/", ".vercel/output/")
SKIP_DIRS = {"node_modules", ".git", ".cache", ".astro", "resources"}
SKIP_EXT = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico", ".woff", ".woff2", ".ttf", ".otf",
            ".mp4", ".mp3", ".pdf", ".zip", ".gz"}
SKIP_NAMES = {"package-lock.json", "yarn.lock", "pnpm-lock.yaml", "go.sum"}


def mask(v):
    v = v.strip()
    if len(v) <= 8:
        return f"{'*' * len(v)} (len {len(v)})"
    return f"{v[:4]}…{v[-2:]} (len {len(v)})"


def entropy(s):
    c = Counter(s)
    return -sum(n / len(s) * math.log2(n / len(s)) for n in c.values())


def is_example(path):
    b = os.path.basename(path).lower()
    return b.endswith((".example", ".sample", ".template")) or ".example." in b


def scan_text(path, text, findings, where=""):
    in_build = path.replace("\\", "/").startswith(BUILD_DIRS)
    example = is_example(path)
    for no, line in enumerate(text.splitlines(), 1):
        if len(line) > 20000:
            line = line[:20000]
        hit = False
        for rule, rx in PREFIX_RULES:
            for m in rx.finditer(line):
                sev = "info" if example else "high"
                findings.append(dict(sev=sev, file=path, line=no, rule=rule, value=mask(m.group(0)), where=where))
                hit = True
        if hit:
            continue
        for m in NAME_RULE.finditer(line):
            name, value = m.group("name"), m.group("value")
            if PLACEHOLDER.search(value):
                if example:
                    findings.append(dict(sev="info", file=path, line=no, rule="placeholder, ignored", value="-", where=where))
                continue
            if example:
                sev = "info"
            elif in_build or PUBLIC_PREFIX.match(name):
                sev = "high" if in_build else "medium"
            else:
                sev = "medium" if entropy(value) > 3.5 else "info"
            findings.append(dict(sev=sev, file=path, line=no, rule=name, value=mask(value), where=where))


def walk(root, findings):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
        for name in filenames:
            if name in SKIP_NAMES or os.path.splitext(name)[1].lower() in SKIP_EXT:
                continue
            full = os.path.join(dirpath, name)
            try:
                if os.path.getsize(full) > 2_000_000:
                    continue
                with open(full, "r", encoding="utf-8", errors="ignore") as fh:
                    scan_text(os.path.relpath(full, root), fh.read(), findings)
            except OSError:
                continue


def history(root, findings):
    try:
        revs = subprocess.run(["git", "-C", root, "rev-list", "--all"], capture_output=True, text=True, check=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        print("git history not available, skipped", file=sys.stderr)
        return
    seen = set()
    for rev in revs:
        diff = subprocess.run(["git", "-C", root, "show", "--format=", "--unified=0", rev], capture_output=True, text=True, errors="ignore").stdout
        current = None
        for line in diff.splitlines():
            if line.startswith("+++ b/"):
                current = line[6:]
            elif line.startswith("+") and current and not line.startswith("+++"):
                before = len(findings)
                scan_text(current, line[1:], findings, where=rev[:10])
                for f in findings[before:]:
                    key = (f["file"], f["rule"], f["value"])
                    if key in seen:
                        f["sev"] = "dup"
                    seen.add(key)
    findings[:] = [f for f in findings if f["sev"] != "dup"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root", nargs="?", default=".")
    ap.add_argument("--history", action="store_true")
    ap.add_argument("--json")
    a = ap.parse_args()
    findings = []
    walk(a.root, findings)
    if a.history:
        history(a.root, findings)
    order = {"high": 0, "medium": 1, "info": 2}
    findings.sort(key=lambda f: (order[f["sev"]], f["file"], f["line"]))
    for f in findings:
        loc = f"{f['file']}:{f['line']}" + (f"@{f['where']}" if f["where"] else "")
        print(f"{f['sev']:6} {loc:40} {f['rule']:30} {f['value']}")
    if a.json:
        with open(a.json, "w", encoding="utf-8") as fh:
            json.dump(findings, fh, indent=2, ensure_ascii=False)
    sys.exit(1 if any(f["sev"] == "high" for f in findings) else 0)


if __name__ == "__main__":
    main()
