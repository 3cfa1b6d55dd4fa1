#!/usr/bin/env python3
"""Check declared dependencies for typosquats, missing names, install scripts, URL specs.

usage: check_deps.py MANIFEST [--internal-prefix P] [--json]
"""
import argparse
import datetime as dt
import json
import re
import sys
import tomllib
import urllib.error
import urllib.request
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
UA = {"User-Agent": "dependency-typosquat-check/1.2", "Accept": "application/json"}


def lev(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def get(url: str):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=UA), timeout=15) as r:
            return json.load(r)
    except urllib.error.HTTPError as e:
        return None if e.code == 404 else {"_error": e.code}


def parse(manifest: Path):
    eco, deps = None, {}
    if manifest.name == "package.json":
        eco = "npm"
        pj = json.loads(manifest.read_text())
        for sec in ("dependencies", "devDependencies", "optionalDependencies"):
            deps.update(pj.get(sec, {}))
    elif manifest.suffix == ".txt":
        eco = "pypi"
        for line in manifest.read_text().splitlines():
            line = line.split("#")[0].strip()
            if not line or line.startswith("-"):
                if "--extra-index-url" in line:
                    deps["__extra_index__"] = line
                continue
            m = re.match(r"([A-Za-z0-9_.-]+)\s*(.*)", line)
            if "://" in line or line.startswith("git+"):
                deps[line] = line
            elif m:
                deps[m.group(1)] = m.group(2)
    elif manifest.name == "pyproject.toml":
        eco = "pypi"
        data = tomllib.loads(manifest.read_text())
        for spec in data.get("project", {}).get("dependencies", []):
            m = re.match(r"([A-Za-z0-9_.-]+)(.*)", spec)
            deps[m.group(1)] = m.group(2)
    return eco, deps


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("manifest")
    ap.add_argument("--internal-prefix", action="append", default=[])
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    eco, deps = parse(Path(a.manifest))
    top = (DATA / f"top-{eco}.txt").read_text().split()
    now = dt.datetime.now(dt.timezone.utc)
    report = []
    for name, spec in deps.items():
        f = {"name": name, "spec": spec, "signals": []}
        if name == "__extra_index__":
            f["signals"].append(("high", "--extra-index-url: dependency-confusion risk"))
            report.append(f)
            continue
        if re.match(r"(https?:|git\+|github:|file:)", str(spec)) or "://" in name:
            f["signals"].append(("medium", "URL/git/file dependency"))
            report.append(f)
            continue
        norm = name.lower().replace("_", "-")
        near = [t for t in top if t != norm and lev(norm, t) <= 2 and abs(len(t) - len(norm)) <= 2]
        meta = get(f"https://registry.npmjs.org/{name}" if eco == "npm" else f"https://pypi.org/pypi/{name}/json")
        if meta is None:
            f["signals"].append(("high", "not found on registry (hallucinated or removed name)"))
        elif "_error" not in meta:
            if eco == "npm":
                created = meta.get("time", {}).get("created")
                latest = meta.get("dist-tags", {}).get("latest")
                scripts = meta.get("versions", {}).get(latest, {}).get("scripts", {})
                hooks = [k for k in ("preinstall", "install", "postinstall") if k in scripts]
                if hooks:
                    f["signals"].append(("medium", f"install scripts: {', '.join(hooks)}"))
                if len(meta.get("maintainers", [])) == 1 and len(meta.get("versions", {})) == 1:
                    f["signals"].append(("medium", "single maintainer, single version"))
            else:
                rel = meta.get("releases", {})
                times = [u["upload_time_iso_8601"] for files in rel.values() for u in files]
                created = min(times) if times else None
                if not meta.get("info", {}).get("project_urls"):
                    f["signals"].append(("medium", "no project URLs"))
            if created:
                age = (now - dt.datetime.fromisoformat(created.replace("Z", "+00:00"))).days
                if age < 30:
                    f["signals"].append(("medium", f"first published {age} days ago"))
            if any(norm.startswith(p) for p in a.internal_prefix):
                f["signals"].append(("high", "internal-looking name exists on the public registry"))
        if near and norm not in top:
            f["signals"].append(("high", f"close to popular package(s): {', '.join(near)}"))
        if f["signals"]:
            report.append(f)
    if a.json:
        print(json.dumps(report, indent=2))
    else:
        for f in report:
            for level, msg in f["signals"]:
                print(f"{level.upper():<7}{f['name']}: {msg}")
        print(f"{len(deps)} dependencies checked, {len(report)} with signals")
    sys.exit(1 if any(l == "high" for f in report for l, _ in f["signals"]) else 0)


if __name__ == "__main__":
    main()
