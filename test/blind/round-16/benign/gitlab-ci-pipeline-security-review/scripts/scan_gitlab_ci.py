#!/usr/bin/env python3
"""Static security scan of GitLab CI configuration files.

Usage: scan_gitlab_ci.py PATH [--format text|markdown|json]

PATH may be a repository (all *.gitlab-ci.yml / .gitlab-ci.yml / ci/*.yml files are scanned) or a
single YAML file. The scan is line based so that findings keep exact line numbers; it does not need
PyYAML.
"""
import argparse
import json
import os
import re
import sys

UNTRUSTED_VARS = [
    "CI_MERGE_REQUEST_TITLE", "CI_MERGE_REQUEST_DESCRIPTION", "CI_COMMIT_MESSAGE",
    "CI_COMMIT_TITLE", "CI_COMMIT_DESCRIPTION", "CI_COMMIT_REF_NAME", "CI_COMMIT_BRANCH",
    "CI_COMMIT_TAG", "CI_COMMIT_TAG_MESSAGE", "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME",
    "CI_EXTERNAL_PULL_REQUEST_SOURCE_BRANCH_NAME", "CI_COMMIT_AUTHOR",
]
SECRETISH = re.compile(r"\$\{?([A-Z0-9_]*(TOKEN|SECRET|PASSWORD|PASSWD|API_KEY|PRIVATE_KEY|ACCESS_KEY)[A-Z0-9_]*)\}?")

RULES = [
    ("high", "untrusted-interpolation",
     re.compile(r"^\s*-\s.*\$\{?(%s)\b" % "|".join(UNTRUSTED_VARS)),
     "Attacker-controlled CI variable interpolated into a shell command"),
    ("high", "env-dump", re.compile(r"^\s*-\s*(env|printenv|set)\s*(\||$|>)"),
     "Environment dumped to job log (masked values can still leak in encoded form)"),
    ("medium", "debug-trace", re.compile(r"CI_DEBUG_TRACE\s*:\s*[\"']?true"),
     "CI_DEBUG_TRACE enabled: every variable is printed in the trace"),
    ("high", "pipe-to-shell", re.compile(r"(curl|wget)[^|#]*\|\s*(sudo\s+)?(ba|z|)sh\b"),
     "Remote script piped to a shell at pipeline time"),
    ("medium", "remote-include", re.compile(r"^\s*-?\s*remote\s*:\s*['\"]?https?://"),
     "Remote include: content is fetched unpinned on every pipeline"),
    ("medium", "latest-image", re.compile(r"^\s*image\s*:\s*(name\s*:\s*)?['\"]?[\w./-]+(:latest)?['\"]?\s*$"),
     "Image without a digest pin"),
    ("high", "docker-socket", re.compile(r"/var/run/docker\.sock"),
     "Host Docker socket exposed to the job"),
    ("medium", "dind-no-tls", re.compile(r"DOCKER_TLS_CERTDIR\s*:\s*[\"']{2}"),
     "docker:dind with TLS disabled"),
    ("medium", "job-token-push", re.compile(r"gitlab-ci-token:\$\{?CI_JOB_TOKEN"),
     "CI_JOB_TOKEN embedded in a git URL"),
    ("medium", "set-x", re.compile(r"^\s*-\s*set\s+-[a-z]*x"),
     "Shell tracing in a job; secrets used later in the job are echoed"),
]

ARTIFACT_SENSITIVE = re.compile(r"(\.env\b|\.pem\b|\.key\b|id_rsa|id_ed25519|kubeconfig|credentials|\.npmrc|\.pypirc|creds?\.txt)")


def ci_files(root):
    if os.path.isfile(root):
        return [root]
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in (".git", "node_modules", "vendor")]
        for name in filenames:
            full = os.path.join(dirpath, name)
            if name == ".gitlab-ci.yml" or name.endswith(".gitlab-ci.yml"):
                found.append(full)
            elif name.endswith((".yml", ".yaml")) and os.sep + "ci" in dirpath:
                found.append(full)
    return sorted(found)


def scan_file(path):
    findings = []
    with open(path, encoding="utf-8", errors="replace") as fh:
        lines = fh.readlines()
    in_artifacts = False
    artifacts_indent = 0
    job = None
    for i, line in enumerate(lines, 1):
        stripped = line.rstrip("\n")
        if re.match(r"^[A-Za-z0-9_.\-]+\s*:\s*$", stripped) and not stripped.startswith((" ", "\t")):
            job = stripped.split(":")[0]
        indent = len(stripped) - len(stripped.lstrip())
        if re.match(r"^\s*artifacts\s*:", stripped):
            in_artifacts, artifacts_indent = True, indent
            continue
        if in_artifacts and stripped.strip() and indent <= artifacts_indent:
            in_artifacts = False
        if in_artifacts and ARTIFACT_SENSITIVE.search(stripped):
            findings.append(("high", "sensitive-artifact", i, job, stripped.strip(),
                             "Credential-like file published as a job artifact"))
        for sev, rule_id, rx, why in RULES:
            if rule_id == "latest-image" and "@sha256:" in stripped:
                continue
            if rx.search(stripped):
                findings.append((sev, rule_id, i, job, stripped.strip(), why))
        m = SECRETISH.search(stripped)
        if m and re.search(r"\becho\b|>\s*\S+\.(txt|json|env)\b|\btee\b", stripped):
            findings.append(("high", "secret-written", i, job, stripped.strip(),
                             "Secret variable %s echoed or written to a file" % m.group(1)))
    return [dict(severity=s, rule=r, file=path, line=l, job=j, text=t, why=w)
            for s, r, l, j, t, w in findings]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    ap.add_argument("--format", choices=["text", "markdown", "json"], default="text")
    args = ap.parse_args()
    files = ci_files(args.path)
    if not files:
        print("no GitLab CI files found under %s" % args.path, file=sys.stderr)
        sys.exit(2)
    results = []
    for f in files:
        results.extend(scan_file(f))
    order = {"high": 0, "medium": 1, "low": 2}
    results.sort(key=lambda r: (order[r["severity"]], r["file"], r["line"]))
    if args.format == "json":
        print(json.dumps(results, indent=2))
    elif args.format == "markdown":
        print("| Sev | File:line | Job | Finding | Line |")
        print("|-----|-----------|-----|---------|------|")
        for r in results:
            text = r["text"].replace("|", "\\|")
            print("| %s | %s:%d | %s | %s | `%s` |" % (r["severity"].title(), r["file"], r["line"], r["job"] or "-", r["why"], text))
    else:
        for r in results:
            print("[%s] %s:%d (%s) %s\n    %s" % (r["severity"].upper(), r["file"], r["line"], r["job"] or "-", r["why"], r["text"]))
    print("\n%d files scanned, %d findings" % (len(files), len(results)), file=sys.stderr)


if __name__ == "__main__":
    main()
