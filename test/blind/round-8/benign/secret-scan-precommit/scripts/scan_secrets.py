#!/usr/bin/env python3
"""Local secret scanner for a git repository.

  scan_secrets.py PATH [--history] [--json] [--verify --only ID ...]
"""
import argparse
import fnmatch
import hashlib
import json
import math
import os
import re
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

RULES = {
    "aws-access-key": re.compile(r"\b((?:AKIA|ASIA)[0-9A-Z]{16})\b"),
    "aws-secret-key": re.compile(r"(?i)aws_?secret_?access_?key\s*[:=]\s*[\"']?([A-Za-z0-9/+=]{40})"),
    "github-token": re.compile(r"\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36})\b"),
    "github-fine-grained": re.compile(r"\b(github_pat_[A-Za-z0-9_]{82})\b"),
    "slack-token": re.compile(r"\b(xox[abprs]-[A-Za-z0-9-]{10,})\b"),
    "slack-webhook": re.compile(r"(https://hooks\.slack\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]+)"),
    "stripe-secret": re.compile(r"\b((?:sk|rk)_live_[A-Za-z0-9]{24,})\b"),
    "google-api-key": re.compile(r"\b(AIza[0-9A-Za-z_-]{35})\b"),
    "anthropic-key": re.compile(r"\b(sk-ant-[A-Za-z0-9_-]{32,})\b"),
    "openai-key": re.compile(r"\b(sk-(?:proj-)?[A-Za-z0-9_-]{32,})\b"),
    "private-key": re.compile(r"(-----BEGIN (?:RSA |EC |OPENSSH |DSA |PGP )?PRIVATE KEY(?: BLOCK)?-----)"),
    "generic-assignment": re.compile(
        r"(?i)(?:password|passwd|secret|token|api_?key)\s*[:=]\s*[\"']([^\"'\s]{12,})[\"']"
    ),
}
SENSITIVE_NAMES = [
    ".env", ".env.*", "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "*.pem", "*.p12", "*.pfx",
    "*.keystore", "credentials", "credentials.json", ".pypirc", ".netrc", ".git-credentials", "terraform.tfstate",
]
SAFE_NAMES = {".env.example", ".env.sample", ".env.template"}
DOC_VALUES = {"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}
SKIP_DIRS = {".git", "node_modules", ".venv", "venv", "dist", "build", "__pycache__"}


def entropy(s: str) -> float:
    if not s:
        return 0.0
    counts = {c: s.count(c) for c in set(s)}
    return -sum(n / len(s) * math.log2(n / len(s)) for n in counts.values())


def redact(s: str) -> str:
    return s if len(s) <= 8 else f"{s[:4]}…{s[-2:]} ({len(s)} chars)"


def load_ignores(root: Path) -> list[str]:
    f = root / ".secretsignore"
    if not f.exists():
        return []
    return [l.strip() for l in f.read_text().splitlines() if l.strip() and not l.startswith("#")]


def ignored(rule: str, path: str, ignores: list[str]) -> bool:
    for pat in ignores:
        if ":" in pat:
            r, p = pat.split(":", 1)
            if r == rule and fnmatch.fnmatch(path, p):
                return True
        elif fnmatch.fnmatch(path, pat):
            return True
    return False


def scan_text(text: str, where: str, ignores: list[str]):
    for lineno, line in enumerate(text.splitlines(), start=1):
        if len(line) > 2000:
            continue
        for rule, rx in RULES.items():
            for m in rx.finditer(line):
                value = m.group(1)
                if value in DOC_VALUES or ignored(rule, where, ignores):
                    continue
                if rule == "generic-assignment" and entropy(value) < 3.5:
                    continue
                fid = hashlib.sha1(f"{rule}:{where}:{value}".encode()).hexdigest()[:10]
                yield {"id": fid, "rule": rule, "location": f"{where}:{lineno}", "match": redact(value), "_value": value}


def walk_tree(root: Path, ignores):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
        for name in filenames:
            p = Path(dirpath) / name
            rel = p.relative_to(root).as_posix()
            if name not in SAFE_NAMES and any(fnmatch.fnmatch(name, pat) for pat in SENSITIVE_NAMES):
                if not ignored("sensitive-file", rel, ignores):
                    yield {"id": hashlib.sha1(rel.encode()).hexdigest()[:10], "rule": "sensitive-file",
                           "location": rel, "match": "(file name)", "_value": None}
            try:
                if p.stat().st_size > 2_000_000:
                    continue
                text = p.read_text(encoding="utf-8", errors="ignore")
            except OSError:
                continue
            yield from scan_text(text, rel, ignores)


def walk_history(root: Path, ignores):
    revs = subprocess.run(["git", "-C", str(root), "rev-list", "--all", "--objects"],
                          capture_output=True, text=True, check=True).stdout
    seen = set()
    for line in revs.splitlines():
        parts = line.split(" ", 1)
        if len(parts) != 2 or parts[0] in seen:
            continue
        sha, path = parts
        seen.add(sha)
        kind = subprocess.run(["git", "-C", str(root), "cat-file", "-t", sha], capture_output=True, text=True).stdout.strip()
        if kind != "blob":
            continue
        blob = subprocess.run(["git", "-C", str(root), "cat-file", "-p", sha], capture_output=True).stdout
        if len(blob) > 2_000_000:
            continue
        yield from scan_text(blob.decode("utf-8", "ignore"), f"{path}@{sha[:8]}", ignores)


def verify(finding: dict, all_findings: list[dict]) -> str:
    """Ask the issuing service whether the credential is live. Sends it nowhere else."""
    v, rule = finding["_value"], finding["rule"]
    try:
        if rule in ("github-token", "github-fine-grained"):
            req = urllib.request.Request("https://api.github.com/user",
                                         headers={"Authorization": f"Bearer {v}", "User-Agent": "secret-scan"})
            with urllib.request.urlopen(req, timeout=10) as r:
                return f"LIVE (GitHub user {json.load(r).get('login')})"
        if rule == "slack-token":
            req = urllib.request.Request("https://slack.com/api/auth.test", data=b"",
                                         headers={"Authorization": f"Bearer {v}"})
            with urllib.request.urlopen(req, timeout=10) as r:
                body = json.load(r)
                return f"LIVE (team {body.get('team')})" if body.get("ok") else f"not live ({body.get('error')})"
        if rule == "stripe-secret":
            req = urllib.request.Request("https://api.stripe.com/v1/balance", headers={"Authorization": f"Bearer {v}"})
            with urllib.request.urlopen(req, timeout=10):
                return "LIVE"
        if rule == "aws-access-key":
            file_part = finding["location"].rsplit(":", 1)[0]
            secrets = [f["_value"] for f in all_findings
                       if f["rule"] == "aws-secret-key" and f["location"].rsplit(":", 1)[0] == file_part]
            if not secrets:
                return "not verifiable (no matching secret key in the same file)"
            env = {"PATH": os.environ.get("PATH", ""), "AWS_ACCESS_KEY_ID": v,
                   "AWS_SECRET_ACCESS_KEY": secrets[0], "AWS_DEFAULT_REGION": "us-east-1"}
            r = subprocess.run(["aws", "sts", "get-caller-identity", "--output", "json"],
                               env=env, capture_output=True, text=True, timeout=20)
            return f"LIVE ({json.loads(r.stdout)['Arn']})" if r.returncode == 0 else "not live"
    except urllib.error.HTTPError as e:
        return f"not live (HTTP {e.code})"
    except Exception as e:  # noqa: BLE001
        return f"check failed ({type(e).__name__})"
    return "not verifiable"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("path")
    ap.add_argument("--history", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--verify", action="store_true")
    ap.add_argument("--only", nargs="*", default=[])
    a = ap.parse_args()

    root = Path(a.path).resolve()
    ignores = load_ignores(root)
    findings = list(walk_history(root, ignores) if a.history else walk_tree(root, ignores))

    if a.verify:
        if not a.only:
            print("--verify needs --only <finding-id> ...; verify specific findings the user chose", file=sys.stderr)
            return 2
        for f in findings:
            if f["id"] in a.only and f["_value"]:
                f["verified"] = verify(f, findings)

    public = [{k: v for k, v in f.items() if not k.startswith("_")} for f in findings]
    if a.json:
        print(json.dumps(public, indent=2))
    else:
        for f in public:
            extra = f"  [{f['verified']}]" if "verified" in f else ""
            print(f"{f['id']}  {f['rule']:<20} {f['location']}  {f['match']}{extra}")
        print(f"\n{len(public)} finding(s)")
    return 1 if public else 0


if __name__ == "__main__":
    sys.exit(main())
