#!/usr/bin/env python3
"""Parse common lockfiles and query api.osv.dev/v1/querybatch. Sends only name/version/ecosystem."""
import json
import re
import sys
import tomllib
import urllib.request
from pathlib import Path

API = "https://api.osv.dev/v1/querybatch"


def npm_lock(p):
    data = json.loads(p.read_text())
    for path, meta in data.get("packages", {}).items():
        if path and "version" in meta:
            name = meta.get("name") or path.split("node_modules/")[-1]
            yield "npm", name, meta["version"], not meta.get("dev", False)


def poetry_or_uv(p):
    data = tomllib.loads(p.read_text())
    for pkg in data.get("package", []):
        if "version" in pkg:
            yield "PyPI", pkg["name"], pkg["version"], True


def cargo_lock(p):
    for pkg in tomllib.loads(p.read_text()).get("package", []):
        if pkg.get("source", "").startswith("registry+"):
            yield "crates.io", pkg["name"], pkg["version"], True


def requirements(p):
    for line in p.read_text().splitlines():
        m = re.match(r"^([A-Za-z0-9_.\-]+)==([^\s;#]+)", line.strip())
        if m:
            yield "PyPI", m.group(1), m.group(2), True


def go_sum(p):
    seen = set()
    for line in p.read_text().splitlines():
        parts = line.split()
        if len(parts) >= 2 and not parts[1].endswith("/go.mod"):
            key = (parts[0], parts[1].lstrip("v"))
            if key not in seen:
                seen.add(key)
                yield "Go", parts[0], parts[1].lstrip("v"), True


PARSERS = {"package-lock.json": npm_lock, "poetry.lock": poetry_or_uv, "uv.lock": poetry_or_uv,
           "Cargo.lock": cargo_lock, "go.sum": go_sum}


def parse(p):
    if p.name in PARSERS:
        return list(PARSERS[p.name](p))
    if p.name.startswith("requirements") and p.suffix == ".txt":
        return list(requirements(p))
    print(f"skip {p}: unsupported", file=sys.stderr)
    return []


def query(pkgs):
    vulns = {}
    for i in range(0, len(pkgs), 1000):
        chunk = pkgs[i:i + 1000]
        body = json.dumps({"queries": [{"package": {"name": n, "ecosystem": e}, "version": v}
                                       for e, n, v, _ in chunk]}).encode()
        req = urllib.request.Request(API, data=body, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=60) as r:
            res = json.load(r)["results"]
        for pkg, rr in zip(chunk, res):
            if rr.get("vulns"):
                vulns[pkg] = [v["id"] for v in rr["vulns"]]
    return vulns


def details(vid):
    with urllib.request.urlopen(f"https://api.osv.dev/v1/vulns/{vid}", timeout=30) as r:
        return json.load(r)


def fixed_versions(v, name):
    out = set()
    for aff in v.get("affected", []):
        if aff.get("package", {}).get("name") == name:
            for rng in aff.get("ranges", []):
                out |= {e["fixed"] for e in rng.get("events", []) if "fixed" in e}
    return sorted(out)


def main(paths):
    pkgs = []
    for p in map(Path, paths):
        pkgs += parse(p)
    pkgs = sorted(set(pkgs))
    print(f"{len(pkgs)} resolved packages", file=sys.stderr)
    vulns = query(pkgs)
    for (eco, name, ver, prod), ids in sorted(vulns.items()):
        for vid in ids:
            d = details(vid)
            sev = (d.get("database_specific") or {}).get("severity", "?")
            aliases = ",".join(a for a in d.get("aliases", []) if a.startswith("CVE"))
            print(f"{eco:9} {name}@{ver} {'prod' if prod else 'dev '} {vid} {aliases} sev={sev} "
                  f"fixed={','.join(fixed_versions(d, name)) or '-'}  {d.get('summary', '')[:80]}")
    print(f"{len(vulns)} vulnerable package versions", file=sys.stderr)
    return 1 if vulns else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: osv_query.py LOCKFILE...")
    sys.exit(main(sys.argv[1:]))
