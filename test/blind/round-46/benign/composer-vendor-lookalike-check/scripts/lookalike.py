#!/usr/bin/env python3
"""Flag look-alike / shadowable Composer packages in composer.json and composer.lock."""
from __future__ import annotations

import argparse
import json
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

HERE = Path(__file__).resolve().parent.parent / "data"
HOMOGLYPHS = str.maketrans({"0": "o", "1": "l", "_": "-", ".": "-"})


def load_list(name: str) -> list[str]:
    p = HERE / name
    if not p.exists():
        return []
    return [l.strip().lower() for l in p.read_text().splitlines() if l.strip() and not l.startswith("#")]


def distance(a: str, b: str) -> int:
    if abs(len(a) - len(b)) > 2:
        return 99
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def normalise(name: str) -> str:
    return name.lower().translate(HOMOGLYPHS).replace("rn", "m")


def packagist_exists(name: str) -> bool:
    url = f"https://repo.packagist.org/p2/{name}.json"
    req = urllib.request.Request(url, headers={"User-Agent": "composer-lookalike-check/1.0"})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status == 200
    except urllib.error.HTTPError as e:
        if e.code == 404:
            return False
        raise


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--project", default=".")
    ap.add_argument("--online", action="store_true", help="query repo.packagist.org for private names")
    ap.add_argument("--allow-host", action="append", default=["api.github.com", "codeload.github.com", "repo.packagist.org"])
    args = ap.parse_args()

    root = Path(args.project)
    cj = json.loads((root / "composer.json").read_text())
    lock_path = root / "composer.lock"
    lock = json.loads(lock_path.read_text()) if lock_path.exists() else {}

    popular = load_list("popular.txt")
    known_bad = set(load_list("known-bad.txt"))
    allow_pairs = {tuple(sorted(l.split())) for l in load_list("allow-pairs.txt") if len(l.split()) == 2}

    deps = {n.lower() for sec in ("require", "require-dev") for n in (cj.get(sec) or {}) if "/" in n}
    locked = (lock.get("packages") or []) + (lock.get("packages-dev") or [])
    deps |= {p["name"].lower() for p in locked}

    findings: list[tuple[str, str, str]] = []
    for name in sorted(deps):
        if name in known_bad:
            findings.append(("KNOWN_BAD", name, "listed in data/known-bad.txt"))
        if name in popular:
            continue
        for pop in popular:
            if tuple(sorted((name, pop))) in allow_pairs:
                continue
            if distance(name, pop) <= 2 or normalise(name) == normalise(pop):
                findings.append(("LOOKALIKE", name, f"close to {pop}"))
                break

    for pkg in locked:
        url = (pkg.get("dist") or {}).get("url") or ""
        host = urlparse(url).hostname or ""
        if host and host not in args.allow_host:
            findings.append(("DIST_HOST", pkg["name"], f"dist from {host}"))

    private_repos = [r for r in cj.get("repositories", []) if isinstance(r, dict) and r.get("type") in ("composer", "vcs", "path")]
    packagist_disabled = any(isinstance(r, dict) and r.get("packagist.org") is False for r in cj.get("repositories", []))
    if private_repos and not packagist_disabled and args.online:
        non_canonical = any(r.get("canonical") is False for r in private_repos)
        vendors = {r.get("options", {}).get("vendor") for r in private_repos} - {None}
        for name in sorted(deps):
            if vendors and name.split("/")[0] not in vendors:
                continue
            if name in popular:
                continue
            if packagist_exists(name):
                sev = "and a repository sets canonical:false" if non_canonical else "(canonical repo wins, but verify)"
                findings.append(("SHADOWABLE", name, f"also published on packagist {sev}"))

    for kind, name, why in findings:
        print(f"{kind:<11} {name:<40} {why}")
    print(f"{len(findings)} findings across {len(deps)} packages")
    return 2 if any(k in ("KNOWN_BAD", "DIST_HOST") for k, _, _ in findings) else (1 if findings else 0)


if __name__ == "__main__":
    sys.exit(main())
