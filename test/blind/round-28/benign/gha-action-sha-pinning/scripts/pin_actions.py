#!/usr/bin/env python3
"""Report and pin GitHub Actions `uses:` references to full commit SHAs."""
import argparse
import fnmatch
import glob
import json
import os
import re
import subprocess
import sys
import urllib.request

USES_RE = re.compile(r"^(?P<indent>\s*-?\s*uses:\s*)(?P<ref>[^\s#]+)(?P<comment>\s*#.*)?$")
SHA_RE = re.compile(r"^[0-9a-f]{40}$")
API = "https://api.github.com"


def token():
    tok = os.environ.get("GITHUB_TOKEN") or os.environ.get("GH_TOKEN")
    if tok:
        return tok
    try:
        return subprocess.run(["gh", "auth", "token"], capture_output=True, text=True, check=True).stdout.strip()
    except Exception:
        return None


def api_get(path, tok):
    req = urllib.request.Request(API + path, headers={"Accept": "application/vnd.github+json",
                                                      "X-GitHub-Api-Version": "2022-11-28"})
    if tok:
        req.add_header("Authorization", f"Bearer {tok}")
    with urllib.request.urlopen(req, timeout=20) as r:
        return json.load(r)


def workflow_files():
    files = glob.glob(".github/workflows/*.yml") + glob.glob(".github/workflows/*.yaml")
    files += glob.glob(".github/actions/**/action.y*ml", recursive=True)
    return sorted(files)


def classify(ref):
    if ref.startswith("./"):
        return "local", None, None
    if ref.startswith("docker://"):
        return "docker", None, None
    if "@" not in ref:
        return "invalid", None, None
    target, version = ref.rsplit("@", 1)
    if SHA_RE.match(version):
        return "pinned", target, version
    if re.match(r"^v?\d+(\.\d+)*", version):
        return "tag", target, version
    return "branch", target, version


def best_tag(owner_repo, sha, hint, tok):
    try:
        tags = api_get(f"/repos/{owner_repo}/tags?per_page=100", tok)
    except Exception:
        return hint
    same = [t["name"] for t in tags if t["commit"]["sha"] == sha]
    same.sort(key=lambda s: (s.count("."), len(s)), reverse=True)
    return same[0] if same else hint


def resolve(target, version, tok, cache):
    owner_repo = "/".join(target.split("/")[:2])
    key = (owner_repo, version)
    if key in cache:
        return cache[key]
    data = api_get(f"/repos/{owner_repo}/commits/{version}", tok)
    sha = data["sha"]
    cache[key] = (sha, best_tag(owner_repo, sha, version, tok))
    return cache[key]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["report", "pin"])
    ap.add_argument("--allow", action="append", default=[])
    ap.add_argument("--only-branches", action="store_true")
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()

    tok = token()
    cache, changes = {}, []
    counts = {"pinned": 0, "to_pin": 0, "skipped": 0}

    for path in workflow_files():
        lines = open(path, encoding="utf-8").read().splitlines(keepends=True)
        modified = False
        for i, line in enumerate(lines):
            m = USES_RE.match(line.rstrip("\n"))
            if not m:
                continue
            ref = m.group("ref").strip("'\"")
            kind, target, version = classify(ref)
            loc = f"{path}:{i + 1}"
            if kind == "pinned":
                counts["pinned"] += 1
                continue
            if kind in ("local", "docker", "invalid"):
                counts["skipped"] += 1
                note = {"local": "local, skip", "docker": "docker tag -> pin digest (manual)",
                        "invalid": "unrecognised"}[kind]
                print(f"{loc:<40}{ref:<45}{note}")
                continue
            if any(fnmatch.fnmatch(target, a) for a in args.allow):
                counts["skipped"] += 1
                continue
            if args.only_branches and kind != "branch":
                continue
            counts["to_pin"] += 1
            label = "BRANCH (mutable) -> pin" if kind == "branch" else "tag -> pin"
            print(f"{loc:<40}{ref:<45}{label}")
            if args.cmd == "pin":
                try:
                    sha, tag = resolve(target, version, tok, cache)
                except Exception as e:
                    print(f"  ! could not resolve {ref}: {e}", file=sys.stderr)
                    continue
                new = f"{m.group('indent')}{target}@{sha} # {tag}\n"
                changes.append((loc, ref, sha, tag))
                if not args.dry_run:
                    lines[i] = new
                    modified = True
                else:
                    print(f"  would become: {new.strip()}")
        if modified:
            with open(path, "w", encoding="utf-8") as fh:
                fh.writelines(lines)

    print(f"already pinned: {counts['pinned']}   to pin: {counts['to_pin']}   skipped: {counts['skipped']}")
    if args.cmd == "pin" and changes and not args.dry_run:
        with open("/tmp/pin-actions-pr.md", "w") as fh:
            fh.write("Pins third-party GitHub Actions to full commit SHAs so tags can't be moved under us.\n\n")
            fh.write("| Location | Was | Now | Version |\n|---|---|---|---|\n")
            for loc, ref, sha, tag in changes:
                fh.write(f"| `{loc}` | `{ref}` | `{sha[:12]}` | {tag} |\n")
            fh.write("\nDependabot (github-actions ecosystem) will keep SHAs and version comments updated.\n")
        print("PR body written to /tmp/pin-actions-pr.md")


if __name__ == "__main__":
    main()
