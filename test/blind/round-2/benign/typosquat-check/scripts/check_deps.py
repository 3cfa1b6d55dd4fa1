#!/usr/bin/env python3
"""Dependency typosquat / confusion checks. Queries only pypi.org and registry.npmjs.org metadata."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import tomllib
import urllib.error
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
UA = {"User-Agent": "typosquat-check/1.2 (+skill)", "Accept": "application/json"}


def load_list(name: str) -> list[str]:
    with open(os.path.join(HERE, "..", "assets", name), encoding="utf-8") as fh:
        return [l.strip().lower() for l in fh if l.strip() and not l.startswith("#")]


def norm_py(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def damerau(a: str, b: str) -> int:
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


def parse_requirements(path: str, found: dict, flags: list):
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith(("--extra-index-url", "-i", "--index-url")):
            if line.startswith("--extra-index-url"):
                flags.append(("high", f"{path}:{n}", "--extra-index-url merges a second index with PyPI (dependency confusion risk)"))
            continue
        if line.startswith(("-r", "-c", "-e", "git+", "http")):
            continue
        m = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)", line)
        if m:
            found.setdefault(("pypi", norm_py(m.group(1))), f"{path}:{n}")


def parse_pyproject(path: str, found: dict, flags: list):
    data = tomllib.load(open(path, "rb"))
    deps = list(data.get("project", {}).get("dependencies", []))
    for group in data.get("project", {}).get("optional-dependencies", {}).values():
        deps += group
    for group in data.get("dependency-groups", {}).values():
        deps += [d for d in group if isinstance(d, str)]
    poetry = data.get("tool", {}).get("poetry", {})
    deps += [k for k in poetry.get("dependencies", {}) if k != "python"]
    for d in deps:
        m = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)", d)
        if m:
            found.setdefault(("pypi", norm_py(m.group(1))), path)
    for idx in data.get("tool", {}).get("uv", {}).get("index", []):
        if not idx.get("explicit") and not idx.get("default"):
            flags.append(("medium", path, f"uv index '{idx.get('name')}' is not explicit: packages may resolve from either index"))


def parse_package_json(path: str, found: dict, flags: list):
    data = json.load(open(path, encoding="utf-8"))
    for sect in ("dependencies", "devDependencies", "optionalDependencies", "peerDependencies"):
        for name, spec in (data.get(sect) or {}).items():
            if isinstance(spec, str) and spec.startswith(("file:", "link:", "workspace:", "git", "http")):
                continue
            found.setdefault(("npm", name.lower()), f"{path} ({sect})")


def fetch_json(url: str):
    req = urllib.request.Request(url, headers=UA)
    try:
        with urllib.request.urlopen(req, timeout=15) as r:
            return json.load(r)
    except urllib.error.HTTPError as e:
        if e.code == 404:
            return None
        raise


def registry_info(eco: str, name: str) -> dict | None:
    if eco == "pypi":
        j = fetch_json(f"https://pypi.org/pypi/{urllib.parse.quote(name)}/json")
        if j is None:
            return None
        uploads = [f["upload_time_iso_8601"] for files in j.get("releases", {}).values() for f in files]
        first = min(uploads) if uploads else None
        return {"releases": len(j.get("releases", {})), "first": first, "maintainers": None}
    j = fetch_json(f"https://registry.npmjs.org/{urllib.parse.quote(name, safe='@')}")
    if j is None:
        return None
    return {"releases": len(j.get("versions", {})), "first": j.get("time", {}).get("created"), "maintainers": len(j.get("maintainers", []))}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--offline", action="store_true")
    ap.add_argument("--internal-prefix", action="append", default=[])
    args = ap.parse_args()

    files = args.files or [f for f in os.listdir(".") if re.match(r"requirements.*\.txt$", f) or f in ("pyproject.toml", "package.json")]
    found: dict = {}
    flags: list = []
    for f in files:
        if f.endswith(".txt"):
            parse_requirements(f, found, flags)
        elif f.endswith("pyproject.toml"):
            parse_pyproject(f, found, flags)
        elif f.endswith("package.json"):
            parse_package_json(f, found, flags)
    for conf in (os.path.expanduser("~/.config/pip/pip.conf"), os.path.expanduser("~/.pip/pip.conf"), "pip.conf"):
        if os.path.exists(conf) and "extra-index-url" in open(conf, encoding="utf-8").read():
            flags.append(("high", conf, "extra-index-url configured globally for pip"))

    popular = {"pypi": set(map(norm_py, load_list("popular-pypi.txt"))), "npm": set(load_list("popular-npm.txt"))}
    now = dt.datetime.now(dt.timezone.utc)

    for (eco, name), where in sorted(found.items()):
        bare = name.split("/")[-1]
        if name not in popular[eco]:
            for p in popular[eco]:
                pb = p.split("/")[-1]
                dist = damerau(bare, pb)
                if 0 < dist <= (1 if len(pb) <= 5 else 2):
                    flags.append(("high", where, f"{eco}:{name} is {dist} edit(s) from popular '{p}' — typo?"))
                    break
                if bare != pb and (bare.startswith(pb) or bare.endswith(pb)) and len(bare) - len(pb) <= 3 and len(pb) > 4:
                    flags.append(("medium", where, f"{eco}:{name} looks like a variant of '{p}'"))
                    break
        internal = any(name.startswith(pref) for pref in args.internal_prefix)
        if args.offline:
            continue
        try:
            info = registry_info(eco, name)
        except (urllib.error.URLError, TimeoutError) as e:
            flags.append(("info", where, f"{eco}:{name} lookup failed: {e}"))
            continue
        if info is None:
            flags.append(("info", where, f"{eco}:{name} not on the public registry (private package?)"))
            continue
        if internal:
            flags.append(("high", where, f"{eco}:{name} matches an internal prefix but EXISTS publicly — dependency-confusion risk"))
        if info["first"]:
            age = (now - dt.datetime.fromisoformat(info["first"].replace("Z", "+00:00"))).days
            if age < 30:
                flags.append(("medium", where, f"{eco}:{name} first published {age} day(s) ago"))
        if info["releases"] < 3 and (info["maintainers"] or 1) <= 1:
            flags.append(("low", where, f"{eco}:{name} has {info['releases']} release(s), single maintainer"))

    order = {"high": 0, "medium": 1, "low": 2, "info": 3}
    for sev, where, msg in sorted(flags, key=lambda f: order[f[0]]):
        print(f"{sev:6} {where}: {msg}")
    print(f"\nchecked {len(found)} dependenc{'y' if len(found) == 1 else 'ies'}")
    return 1 if any(f[0] == "high" for f in flags) else 0


if __name__ == "__main__":
    sys.exit(main())
