#!/usr/bin/env python3
"""Flag dependency health concerns using public registry metadata.

usage:
  package_health.py --lockfile package-lock.json
  package_health.py --requirements requirements.txt
"""
import argparse
import datetime as dt
import json
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

UA = {"User-Agent": "dependency-audit-skill/1.0"}
NOW = dt.datetime.now(dt.timezone.utc)


def get_json(url: str):
    req = urllib.request.Request(url, headers=UA)
    try:
        with urllib.request.urlopen(req, timeout=20) as resp:
            return json.load(resp)
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            return None
        raise


def parse_time(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


def npm_direct(lockfile: str):
    with open(lockfile, encoding="utf-8") as fh:
        lock = json.load(fh)
    root = lock.get("packages", {}).get("", {})
    for section in ("dependencies", "devDependencies", "optionalDependencies"):
        for name in root.get(section, {}):
            meta = lock["packages"].get(f"node_modules/{name}", {})
            yield name, meta.get("version", "?"), section == "devDependencies"


def npm_flags(name: str, version: str):
    doc = get_json(f"https://registry.npmjs.org/{urllib.parse.quote(name, safe='@')}")
    if doc is None:
        return ["not found on public registry (private or removed?)"]
    flags = []
    times = doc.get("time", {})
    if "created" in times and (NOW - parse_time(times["created"])).days < 30:
        flags.append("package first published < 30 days ago")
    if "modified" in times and (NOW - parse_time(times["modified"])).days > 730:
        flags.append("no registry activity in > 2 years")
    vdoc = doc.get("versions", {}).get(version, {})
    if vdoc.get("deprecated"):
        flags.append(f"deprecated: {vdoc['deprecated'][:80]}")
    if not (doc.get("repository") or vdoc.get("repository")):
        flags.append("no source repository linked")
    scripts = vdoc.get("scripts", {})
    hooks = [k for k in ("preinstall", "install", "postinstall") if k in scripts]
    if hooks:
        flags.append("install hooks: " + ", ".join(f"{k}={scripts[k]!r}" for k in hooks))
    return flags


def pypi_requirements(path: str):
    pat = re.compile(r"^\s*([A-Za-z0-9_.\-]+)(?:\[.*?\])?\s*(?:==\s*([^\s;#]+))?")
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip().startswith(("#", "-")) or not line.strip():
                continue
            m = pat.match(line)
            if m:
                yield m.group(1), m.group(2) or "unpinned", False


def pypi_flags(name: str, version: str):
    doc = get_json(f"https://pypi.org/pypi/{name}/json")
    if doc is None:
        return ["not found on PyPI"]
    flags = []
    releases = doc.get("releases", {})
    uploads = [parse_time(f["upload_time_iso_8601"]) for files in releases.values() for f in files]
    if uploads:
        if (NOW - min(uploads)).days < 30:
            flags.append("project first uploaded < 30 days ago")
        if (NOW - max(uploads)).days > 730:
            flags.append("no release in > 2 years")
    if version != "unpinned" and any(f.get("yanked") for f in releases.get(version, [])):
        flags.append(f"version {version} is yanked")
    if version == "unpinned":
        flags.append("version not pinned")
    urls = doc["info"].get("project_urls") or {}
    if not any("github.com" in u or "gitlab.com" in u for u in urls.values() if u):
        flags.append("no source repository linked")
    return flags


def main() -> int:
    ap = argparse.ArgumentParser()
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--lockfile")
    group.add_argument("--requirements")
    args = ap.parse_args()

    if args.lockfile:
        deps, check = npm_direct(args.lockfile), npm_flags
    else:
        deps, check = pypi_requirements(args.requirements), pypi_flags

    flagged = 0
    for name, version, dev in deps:
        try:
            flags = check(name, version)
        except (urllib.error.URLError, TimeoutError) as exc:
            flags = [f"lookup failed: {exc}"]
        if flags:
            flagged += 1
            print(f"{name}@{version}{' (dev)' if dev else ''}")
            for flag in flags:
                print(f"    - {flag}")
    print(f"\n{flagged} package(s) with health flags")
    return 0


if __name__ == "__main__":
    sys.exit(main())
