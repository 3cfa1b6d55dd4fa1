#!/usr/bin/env python3
"""Rank hunks of a git diff by security relevance.

Usage: diff_hotspots.py BASE HEAD [--repo PATH] [--limit N]
Outputs markdown to stdout.
"""
import argparse
import re
import subprocess
import sys

SIGNALS = [
    (5, "authz", re.compile(r"(permission|authorize|is_admin|has_perm|login_required|@requires|role|acl|policy)", re.I)),
    (5, "removed-check", None),  # computed separately
    (4, "injection", re.compile(r"(execute\(|raw\(|cursor\.|subprocess|os\.system|exec\(|eval\(|child_process|Runtime\.getRuntime|render_template_string|innerHTML|dangerouslySetInnerHTML)")),
    (4, "deserialisation", re.compile(r"(pickle\.loads?|yaml\.load\(|ObjectInputStream|Marshal\.load|unserialize\()")),
    (4, "crypto", re.compile(r"(md5|sha1|DES|ECB|random\.random|Math\.random|verify\s*=\s*False|InsecureSkipVerify|rejectUnauthorized)", re.I)),
    (3, "paths", re.compile(r"(open\(|send_file|sendFile|path\.join|os\.path|\.\./|readFile)")),
    (3, "web-headers", re.compile(r"(CORS|Access-Control|Content-Security-Policy|SameSite|Secure;|HttpOnly|redirect\()", re.I)),
    (3, "secrets-config", re.compile(r"(SECRET|TOKEN|PASSWORD|API_KEY|PRIVATE_KEY|DEBUG\s*=\s*True)", re.I)),
]
REMOVED_CHECK = re.compile(r"^-\s*(if .*(not|!).*(auth|perm|valid|allowed)|raise (PermissionDenied|Forbidden)|@login_required|assert )", re.I)


def git_diff(repo: str, base: str, head: str) -> str:
    return subprocess.run(["git", "-C", repo, "diff", "--unified=3", f"{base}...{head}"],
                          capture_output=True, text=True, check=True).stdout


def hunks(diff: str):
    path, header, body = None, None, []
    for line in diff.splitlines():
        if line.startswith("diff --git"):
            if header:
                yield path, header, body
            path, header, body = line.split(" b/", 1)[-1], None, []
        elif line.startswith("@@"):
            if header:
                yield path, header, body
            header, body = line, []
        elif header is not None:
            body.append(line)
    if header:
        yield path, header, body


def score(body: list[str]) -> tuple[int, list[str]]:
    changed = [l for l in body if l[:1] in "+-" and not l.startswith(("+++", "---"))]
    total, tags = 0, []
    for weight, tag, rx in SIGNALS:
        if tag == "removed-check":
            if any(REMOVED_CHECK.match(l) for l in changed):
                total, tags = total + weight, tags + [tag]
        elif any(rx.search(l) for l in changed):
            total, tags = total + weight, tags + [tag]
    return total, tags


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("base")
    ap.add_argument("head")
    ap.add_argument("--repo", default=".")
    ap.add_argument("--limit", type=int, default=40)
    a = ap.parse_args()

    ranked = []
    for path, header, body in hunks(git_diff(a.repo, a.base, a.head)):
        s, tags = score(body)
        ranked.append((s, path, header, tags, body))
    ranked.sort(key=lambda r: -r[0])

    print(f"# Hotspots {a.base}...{a.head}\n")
    print(f"{len(ranked)} hunks, {sum(1 for r in ranked if r[0])} with security signals\n")
    for s, path, header, tags, body in ranked[: a.limit]:
        if s == 0:
            break
        print(f"## {s:2d}  {path}  `{header}`\n\nSignals: {', '.join(tags)}\n\n```diff")
        print("\n".join(body[:60]))
        print("```\n")
    unscored = [r for r in ranked if r[0] == 0]
    if unscored:
        print("## Hunks without signals (still read them)\n")
        for _, path, header, _, _ in unscored:
            print(f"- {path} `{header}`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
