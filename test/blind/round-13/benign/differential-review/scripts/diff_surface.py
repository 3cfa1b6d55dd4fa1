#!/usr/bin/env python3
"""Rank the files in a diff by security-relevant area so reviewers know where to start.

    diff_surface.py --base origin/main --head HEAD
    diff_surface.py --patch change.patch
    diff_surface.py --base v1.4.0 --head v1.5.0 --json

Only reads git output or the patch file. Prints a ranked table (or JSON).
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass, field

# (area, weight, path regex, content regex)
AREAS: list[tuple[str, int, str | None, str | None]] = [
    ("authn/authz", 5, r"(auth|login|session|permission|acl|rbac|policy|middleware|guard)",
     r"(is_authenticated|login_required|@requires|authorize|checkPermission|hasRole|jwt|verify_token|csrf)"),
    ("crypto", 5, r"(crypto|cipher|hash|sign|token|secret|kms|tls)",
     r"(hmac|sha1|md5|aes|rsa|ecdsa|nonce|iv\b|random\(|Math\.random|compare_digest|bcrypt|argon2|pbkdf2)"),
    ("ci/cd", 5, r"(^\.github/workflows/|\.gitlab-ci\.yml$|Jenkinsfile|azure-pipelines|\.circleci/|buildkite)", None),
    ("dependencies", 4,
     r"(package(-lock)?\.json$|yarn\.lock$|pnpm-lock\.yaml$|requirements.*\.txt$|poetry\.lock$|Pipfile(\.lock)?$|"
     r"pyproject\.toml$|go\.(mod|sum)$|Cargo\.(toml|lock)$|Gemfile(\.lock)?$|composer\.(json|lock)$|\.npmrc$|pip\.conf$)",
     None),
    ("install hooks", 5, r"(setup\.py$|build\.rs$|\.husky/|\.pre-commit-config\.yaml$|Makefile$)",
     r"(postinstall|preinstall|prepare\"|cmdclass)"),
    ("serialization", 4, None, r"(pickle\.loads?|yaml\.load\(|Marshal\.load|unserialize\(|ObjectInputStream|BinaryFormatter)"),
    ("sql", 4, r"(migrations?/|\.sql$|repositor|dao)", r"(\.raw\(|execute\(|cursor\.|\$queryRaw|knex\.raw|text\()"),
    ("subprocess", 4, None, r"(subprocess\.|os\.system|exec\(|spawn\(|child_process|Runtime\.getRuntime|shell=True)"),
    ("filesystem", 3, r"(upload|storage|files?/)", r"(open\(|send_file|os\.path\.join|path\.join|readFile|unlink|rmtree)"),
    ("network client", 3, r"(client|http|webhook|fetch)", r"(requests\.|fetch\(|axios|urllib|http\.Get|verify=False|rejectUnauthorized)"),
    ("input parsing", 3, r"(parser|serializ|schema|validator|forms?)", r"(parse|validate|schema|regex|re\.compile)"),
    ("infra as code", 3, r"(\.tf$|\.tfvars$|k8s/|helm/|charts/|Dockerfile|docker-compose|\.ya?ml$)", r"(privileged|hostPath|0\.0\.0\.0/0|\"\*\")"),
    ("config defaults", 3, r"(settings|config|\.env\.example$|defaults)", r"(DEBUG|ALLOWED_HOSTS|CORS|secure\s*=|SameSite|timeout)"),
]
TEST_PATH = re.compile(r"(^|/)(tests?|__tests__|spec|fixtures)/|_test\.go$|\.test\.[jt]sx?$|\.spec\.[jt]sx?$|test_[^/]+\.py$")


@dataclass
class FileChange:
    path: str
    added: int = 0
    removed: int = 0
    added_lines: list[str] = field(default_factory=list)
    removed_lines: list[str] = field(default_factory=list)
    areas: dict[str, int] = field(default_factory=dict)

    @property
    def score(self) -> int:
        base = sum(self.areas.values())
        size = min((self.added + self.removed) // 50, 5)
        penalty = 0.3 if TEST_PATH.search(self.path) else 1.0
        return int((base * 10 + size) * penalty)


def run_git(args: list[str]) -> str:
    try:
        return subprocess.run(["git", *args], check=True, capture_output=True, text=True).stdout
    except subprocess.CalledProcessError as exc:
        sys.exit(f"git {' '.join(args)} failed: {exc.stderr.strip()}")


def parse_patch(text: str) -> list[FileChange]:
    files: list[FileChange] = []
    cur: FileChange | None = None
    for line in text.splitlines():
        if line.startswith("diff --git "):
            m = re.match(r"diff --git a/(.+?) b/(.+)$", line)
            cur = FileChange(path=m.group(2) if m else line.split()[-1])
            files.append(cur)
        elif cur is None or line.startswith(("+++", "---", "index ", "@@")):
            continue
        elif line.startswith("+"):
            cur.added += 1
            cur.added_lines.append(line[1:])
        elif line.startswith("-"):
            cur.removed += 1
            cur.removed_lines.append(line[1:])
    return files


def classify(fc: FileChange) -> None:
    body = "\n".join(fc.added_lines + fc.removed_lines)
    for area, weight, path_re, content_re in AREAS:
        hit = False
        if path_re and re.search(path_re, fc.path, re.I):
            hit = True
        if content_re and re.search(content_re, body, re.I):
            hit = True
        if hit:
            fc.areas[area] = weight
    # Removed guard-like lines are worth flagging on their own.
    removed_guards = [l for l in fc.removed_lines if re.search(r"^\s*(if|require|assert|raise|throw|return\s+403|abort\()", l)]
    if removed_guards:
        fc.areas["removed guard"] = 4


def main() -> int:
    ap = argparse.ArgumentParser()
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--base")
    src.add_argument("--patch")
    ap.add_argument("--head", default="HEAD")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--top", type=int, default=40)
    args = ap.parse_args()

    if args.patch:
        with open(args.patch, encoding="utf-8", errors="replace") as fh:
            text = fh.read()
    else:
        text = run_git(["diff", "--no-color", "--no-ext-diff", "-U0", f"{args.base}...{args.head}"])

    files = parse_patch(text)
    for fc in files:
        classify(fc)
    files.sort(key=lambda f: f.score, reverse=True)

    if args.json:
        json.dump(
            [{"path": f.path, "score": f.score, "added": f.added, "removed": f.removed, "areas": sorted(f.areas)} for f in files],
            sys.stdout, indent=2,
        )
        print()
        return 0

    totals = defaultdict(int)
    for f in files:
        for a in f.areas:
            totals[a] += 1
    print(f"{len(files)} files, +{sum(f.added for f in files)} / -{sum(f.removed for f in files)}")
    if totals:
        print("areas: " + ", ".join(f"{a} ({n})" for a, n in sorted(totals.items(), key=lambda x: -x[1])))
    print()
    print(f"{'score':>5}  {'+':>5} {'-':>5}  path  [areas]")
    for f in files[: args.top]:
        tag = ", ".join(sorted(f.areas)) or "-"
        print(f"{f.score:>5}  {f.added:>5} {f.removed:>5}  {f.path}  [{tag}]")
    if len(files) > args.top:
        print(f"... {len(files) - args.top} more (use --top)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
