#!/usr/bin/env python3
"""Scan GitHub Actions run logs for encoded secrets. Uses the gh CLI for API access."""
import argparse
import base64
import binascii
import hashlib
import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

PATTERNS = {
    "github-token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36}\b"),
    "github-fine-grained": re.compile(r"\bgithub_pat_[A-Za-z0-9_]{82}\b"),
    "aws-access-key": re.compile(r"\b(AKIA|ASIA)[A-Z0-9]{16}\b"),
    "npm-token": re.compile(r"\bnpm_[A-Za-z0-9]{36}\b"),
    "pypi-token": re.compile(r"\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}"),
    "slack-token": re.compile(r"\bxox[baprs]-[A-Za-z0-9-]{10,}"),
    "slack-webhook": re.compile(r"hooks\.slack\.com/services/[A-Z0-9]+/[A-Z0-9]+/[A-Za-z0-9]+"),
    "private-key": re.compile(r"-----BEGIN (?:RSA |EC |OPENSSH |PGP |DSA )?PRIVATE KEY-----"),
    "runner-secret-json": re.compile(r'"([\w.\-]+)"\s*:\s*\{\s*"value"\s*:\s*"([^"]+)"\s*,\s*"isSecret"\s*:\s*true'),
}
B64_TOKEN = re.compile(r"[A-Za-z0-9+/]{40,}={0,2}")
HEX_TOKEN = re.compile(r"\b[0-9a-fA-F]{64,}\b")
TS_PREFIX = re.compile(r"^\d{4}-\d\d-\d\dT[\d:.]+Z\s")


def gh_json(path, params=None):
    cmd = ["gh", "api", "-H", "Accept: application/vnd.github+json", path, "--method", "GET"]
    for k, v in (params or {}).items():
        cmd += ["-f", f"{k}={v}"]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip())
    return json.loads(out.stdout)


def gh_bytes(path):
    out = subprocess.run(["gh", "api", path], capture_output=True)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.decode(errors="replace").strip())
    return out.stdout


def decode_b64(s):
    try:
        raw = base64.b64decode(s + "=" * (-len(s) % 4), validate=True)
        return raw.decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None


def decode_layers(line):
    yield "raw", line
    for tok in B64_TOKEN.findall(line):
        once = decode_b64(tok)
        if once:
            yield "base64", once
            for tok2 in B64_TOKEN.findall(once):
                twice = decode_b64(tok2)
                if twice:
                    yield "base64x2", twice
    for tok in HEX_TOKEN.findall(line):
        try:
            yield "hex", bytes.fromhex(tok).decode("utf-8")
        except (ValueError, UnicodeDecodeError):
            pass


def redact(value):
    return value[:4] + "…" + value[-2:] if len(value) > 8 else "…"


def scan_text(name, text):
    hits = []
    for lineno, line in enumerate(text.splitlines(), 1):
        line = TS_PREFIX.sub("", line)
        for layer, content in decode_layers(line):
            for kind, rx in PATTERNS.items():
                for m in rx.finditer(content):
                    value = m.group(2) if kind == "runner-secret-json" else m.group(0)
                    hits.append({
                        "file": name, "line": lineno, "layer": layer, "type": kind,
                        "key": m.group(1) if kind == "runner-secret-json" else None,
                        "preview": redact(value),
                        "sha256": hashlib.sha256(value.encode()).hexdigest(),
                    })
    return hits


def list_runs(repo, since, until, workflow, max_runs):
    created = f"{since}..{until}" if since and until else (f">={since}" if since else None)
    base = f"repos/{repo}/actions/workflows/{workflow}/runs" if workflow else f"repos/{repo}/actions/runs"
    runs, page = [], 1
    while len(runs) < max_runs:
        params = {"per_page": "100", "page": str(page)}
        if created:
            params["created"] = created
        data = gh_json(base, params)
        batch = data.get("workflow_runs", [])
        if not batch:
            break
        runs.extend(batch)
        page += 1
    return runs[:max_runs]


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("repos", nargs="+", help="OWNER/REPO")
    ap.add_argument("--since", help="YYYY-MM-DD")
    ap.add_argument("--until", help="YYYY-MM-DD")
    ap.add_argument("--workflow", help="workflow file name, e.g. ci.yml")
    ap.add_argument("--max-runs", type=int, default=300)
    ap.add_argument("--out", default="./ci-log-scan")
    args = ap.parse_args()

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    report = {"repos": {}}
    for repo in args.repos:
        repo_dir = out / repo.replace("/", "__")
        repo_dir.mkdir(exist_ok=True)
        findings, skipped = [], []
        runs = list_runs(repo, args.since, args.until, args.workflow, args.max_runs)
        print(f"{repo}: {len(runs)} run(s) in window", file=sys.stderr)
        for run in runs:
            rid = run["id"]
            try:
                blob = gh_bytes(f"repos/{repo}/actions/runs/{rid}/logs")
            except RuntimeError as exc:
                skipped.append({"run_id": rid, "reason": str(exc)[:200]})
                continue
            (repo_dir / f"{rid}.zip").write_bytes(blob)
            with zipfile.ZipFile(io.BytesIO(blob)) as zf:
                for info in zf.infolist():
                    if info.is_dir():
                        continue
                    text = zf.read(info).decode("utf-8", errors="replace")
                    for hit in scan_text(info.filename, text):
                        hit.update({"run_id": rid, "run_url": run.get("html_url"),
                                    "workflow": run.get("name"), "attempt": run.get("run_attempt")})
                        findings.append(hit)
        unique = {(f["run_id"], f["sha256"], f["layer"]): f for f in findings}
        report["repos"][repo] = {"runs_scanned": len(runs) - len(skipped), "skipped": skipped,
                                 "findings": list(unique.values())}
        print(f"{repo}: {len(unique)} finding(s)", file=sys.stderr)

    (out / "report.json").write_text(json.dumps(report, indent=2))
    for repo, data in report["repos"].items():
        for f in data["findings"]:
            print(f"{repo} run {f['run_id']} {f['file']}:{f['line']} [{f['layer']}] {f['type']}"
                  f"{' ' + f['key'] if f['key'] else ''} {f['preview']}")
    print(f"\nReport written to {out / 'report.json'} (raw log archives are in {out}; delete when done)")


if __name__ == "__main__":
    main()
