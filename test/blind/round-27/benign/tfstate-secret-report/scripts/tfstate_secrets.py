#!/usr/bin/env python3
"""Report secrets held in Terraform/OpenTofu state files, with values redacted."""
import argparse
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

NAME_RE = re.compile(
    r"(^|_)(password|passwd|secret|private_key|private_key_pem|token|access_key|secret_key|"
    r"connection_string|primary_key|secondary_key|client_key|client_secret|kube_config|kubeconfig|"
    r"api_key|auth_token|sas|master_password|admin_password)($|_)",
    re.I,
)
NAME_NOISE = re.compile(r"(policy|ttl|length|version|_id$|expir|rotation|enabled|type$)", re.I)
VALUE_DETECTORS = [
    ("pem", re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----")),
    ("aws-key-id", re.compile(r"\b(AKIA|ASIA)[A-Z0-9]{16}\b")),
    ("jwt", re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")),
    ("url-creds", re.compile(r"[a-z][a-z0-9+.-]*://[^/\s:@]+:[^/\s@]+@")),
]


def fingerprint(value):
    return hashlib.sha256(value.encode()).hexdigest()[:10]


def walk(obj, path=()):
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from walk(v, path + (k,))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from walk(v, path + (i,))
    else:
        yield path, obj


def sensitive_paths(instance):
    out = set()
    for sp in instance.get("sensitive_attributes", []) or []:
        steps = []
        for step in sp if isinstance(sp, list) else sp.get("path", []):
            if isinstance(step, dict):
                steps.append(step.get("value"))
        if steps:
            out.add(tuple(steps))
    return out


def classify(path, value, marked):
    if not isinstance(value, str) or len(value) < 8 or value.isdigit():
        return None
    for name, rx in VALUE_DETECTORS:
        if rx.search(value):
            return name
    if any(path[: len(m)] == m for m in marked):
        return "marked-sensitive"
    leaf = next((p for p in reversed(path) if isinstance(p, str)), "")
    if NAME_RE.search(leaf) and not NAME_NOISE.search(leaf):
        return "name"
    return None


def scan_state(file):
    data = json.loads(Path(file).read_text())
    findings = []
    for name, out in (data.get("outputs") or {}).items():
        if out.get("sensitive"):
            v = json.dumps(out.get("value"))
            findings.append({"file": str(file), "address": f"output.{name}", "path": "value",
                             "detector": "outputs", "length": len(v), "fingerprint": fingerprint(v)})
    for res in data.get("resources", []):
        mod = res.get("module", "")
        addr = ".".join(x for x in (mod, "data" if res.get("mode") == "data" else "", res.get("type"), res.get("name")) if x)
        for inst in res.get("instances", []):
            key = inst.get("index_key")
            full = addr + (f"[{json.dumps(key)}]" if key is not None else "")
            marked = sensitive_paths(inst)
            for path, value in walk(inst.get("attributes") or {}):
                det = classify(path, value, marked)
                if det:
                    findings.append({"file": str(file), "address": full,
                                     "path": ".".join(str(p) for p in path), "detector": det,
                                     "length": len(value), "fingerprint": fingerprint(value)})
    return data.get("terraform_version", "?"), findings


def git_check(repo):
    try:
        tracked = subprocess.run(["git", "-C", repo, "ls-files"], capture_output=True, text=True, check=True).stdout.split()
    except (subprocess.CalledProcessError, FileNotFoundError) as e:
        print(f"git check failed: {e}", file=sys.stderr)
        return 2
    hits = [t for t in tracked if ".tfstate" in t]
    if not hits:
        print("no tracked *.tfstate* files")
    for h in hits:
        print(f"TRACKED: {h}  (secrets in this file are in git history; plan rotation)")
    ignored = subprocess.run(["git", "-C", repo, "check-ignore", "-q", "x.tfstate"]).returncode == 0
    print(".gitignore covers *.tfstate:", "yes" if ignored else "NO (suggest adding '*.tfstate*')")
    return 1 if hits else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("states", nargs="*")
    ap.add_argument("--format", choices=("table", "md", "json"), default="table")
    ap.add_argument("--out")
    ap.add_argument("--git-check", metavar="REPO")
    a = ap.parse_args()

    if a.git_check:
        sys.exit(git_check(a.git_check))
    if not a.states:
        ap.error("give one or more state files, or --git-check REPO")

    all_findings, versions = [], {}
    for s in a.states:
        try:
            ver, f = scan_state(s)
        except (OSError, ValueError) as e:
            print(f"skip {s}: {e}", file=sys.stderr)
            continue
        versions[s] = ver
        all_findings.extend(f)

    if a.format == "json":
        text = json.dumps({"versions": versions, "findings": all_findings}, indent=2)
    elif a.format == "md":
        lines = ["# Terraform state secret report", "", "Values are redacted; fingerprint = sha256[:10].", "",
                 "| file | address | attribute | detector | len | fp |", "|---|---|---|---|---|---|"]
        lines += [f"| {f['file']} | `{f['address']}` | `{f['path']}` | {f['detector']} | {f['length']} | {f['fingerprint']} |" for f in all_findings]
        text = "\n".join(lines)
    else:
        text = "\n".join(f"{f['detector']:16} {f['address']}  {f['path']}  (len {f['length']}, fp {f['fingerprint']})" for f in all_findings)
        text = f"{len(all_findings)} secret-bearing attribute(s) in {len(versions)} state file(s)\n" + text
    if a.out:
        Path(a.out).write_text(text + "\n")
        Path(a.out).chmod(0o600)
        print(f"wrote {a.out}")
    else:
        print(text)


if __name__ == "__main__":
    main()
