#!/usr/bin/env python3
"""Flag look-alike dependency names and dependency-confusion-prone configuration."""
import argparse
import datetime as dt
import json
import re
import sys
import tomllib
import urllib.error
import urllib.request
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "assets"


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def osa_distance(a: str, b: str) -> int:
    """Optimal string alignment distance (Levenshtein + adjacent transposition)."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


def py_deps(root: Path):
    for req in root.glob("requirements*.txt"):
        for n, line in enumerate(req.read_text().splitlines(), 1):
            s = line.split("#", 1)[0].strip()
            if s.startswith("--extra-index-url"):
                yield ("config", f"EXTRA-INDEX {req.name}:{n}")
            elif s and not s.startswith("-"):
                m = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", s)
                if m:
                    yield ("pypi", m.group(0))
    pp = root / "pyproject.toml"
    if pp.exists():
        data = tomllib.loads(pp.read_text())
        for spec in data.get("project", {}).get("dependencies", []):
            m = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", spec)
            if m:
                yield ("pypi", m.group(0))
    for conf in (root / "pip.conf", Path.home() / ".config/pip/pip.conf", Path.home() / ".pip/pip.conf"):
        if conf.exists() and "extra-index-url" in conf.read_text():
            yield ("config", f"EXTRA-INDEX {conf}")


def npm_deps(root: Path):
    pj = root / "package.json"
    if pj.exists():
        data = json.loads(pj.read_text())
        for section in ("dependencies", "devDependencies", "optionalDependencies"):
            for name in data.get(section, {}):
                yield ("npm", name)
    npmrc = root / ".npmrc"
    if npmrc.exists():
        for line in npmrc.read_text().splitlines():
            if line.strip().startswith("registry=") and "registry.npmjs.org" not in line:
                yield ("config", f"CUSTOM-REGISTRY .npmrc: {line.strip()}")


def lookalike(name: str, popular: list[str]):
    n = norm(name)
    if n in popular:
        return None
    best = None
    for p in popular:
        if abs(len(p) - len(n)) > 2:
            continue
        dist = osa_distance(n, p)
        if n.rstrip("s") == p or p.rstrip("s") == n:
            dist = 1
        if n.replace("-", "") == p.replace("-", ""):
            dist = 1
        if dist <= (1 if len(p) <= 5 else 2) and (best is None or dist < best[1]):
            best = (p, dist)
    return best


def fetch_json(url: str):
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return json.load(r)
    except urllib.error.HTTPError as e:
        return None if e.code == 404 else {"_error": e.code}
    except urllib.error.URLError as e:
        return {"_error": str(e.reason)}


def first_release(eco: str, name: str):
    if eco == "pypi":
        data = fetch_json(f"https://pypi.org/pypi/{name}/json")
        if not data or "_error" in data:
            return data
        times = [f["upload_time_iso_8601"] for files in data.get("releases", {}).values() for f in files]
        return {"first": min(times)} if times else {"first": None}
    data = fetch_json(f"https://registry.npmjs.org/{name}")
    if not data or "_error" in data:
        return data
    return {"first": data.get("time", {}).get("created")}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("root", nargs="?", default=".")
    ap.add_argument("--online", action="store_true", help="query public registry metadata")
    ap.add_argument("--internal-prefix", action="append", default=[], help="name prefix of internal packages")
    args = ap.parse_args()

    root = Path(args.root)
    popular = {
        "pypi": [norm(x) for x in (ASSETS / "popular-pypi.txt").read_text().split()],
        "npm": [x.lower() for x in (ASSETS / "popular-npm.txt").read_text().split()],
    }
    problems = 0
    seen = set()
    for eco, item in [*py_deps(root), *npm_deps(root)]:
        if (eco, item) in seen:
            continue
        seen.add((eco, item))
        if eco == "config":
            print(item)
            problems += 1
            continue
        hit = lookalike(item, popular[eco])
        if hit:
            print(f"LOOKALIKE {eco}:{item} ~ {hit[0]} (d={hit[1]})")
            problems += 1
        if not args.online:
            continue
        info = first_release(eco, item)
        internal = any(item.startswith(p) for p in args.internal_prefix)
        if internal and info is not None and "_error" not in info:
            print(f"PUBLIC-SHADOW {eco}:{item} exists on the public registry")
            problems += 1
        elif info and info.get("first"):
            first = dt.datetime.fromisoformat(info["first"].replace("Z", "+00:00"))
            age = (dt.datetime.now(dt.timezone.utc) - first).days
            if age < 30:
                print(f"NEW {eco}:{item} (first release {age} days ago)")
                problems += 1
    print(f"{len(seen)} dependencies checked, {problems} finding(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
