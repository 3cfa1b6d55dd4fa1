#!/usr/bin/env python3
"""Match lockfile-pinned packages against OSV MAL-* (malicious package) advisories.

Only package name, ecosystem and version are sent to api.osv.dev.
"""
import argparse
import json
import os
import re
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

OSV_BATCH = "https://api.osv.dev/v1/querybatch"
OSV_VULN = "https://api.osv.dev/v1/vulns/{}"
SKIP_DIRS = {".git", "node_modules", ".venv", "venv", "target", "dist", "build"}


def find(root, names):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
        for f in filenames:
            if f in names or any(re.fullmatch(n, f) for n in names if "*" in n or "\\" in n):
                yield Path(dirpath) / f


def parse_npm(path):
    data = json.loads(path.read_text())
    for key, meta in (data.get("packages") or {}).items():
        if not key or "version" not in meta:
            continue
        name = meta.get("name") or key.split("node_modules/")[-1]
        yield ("npm", name, meta["version"], f"{path}:{key}")


def parse_requirements(path):
    for i, line in enumerate(path.read_text().splitlines(), 1):
        m = re.match(r"^\s*([A-Za-z0-9_.\-]+)(\[.*\])?\s*==\s*([^\s;#]+)", line)
        if m:
            yield ("PyPI", m.group(1), m.group(3), f"{path}:{i}")


def parse_poetry(path):
    name = None
    for i, line in enumerate(path.read_text().splitlines(), 1):
        if line.startswith("name = "):
            name = line.split("=", 1)[1].strip().strip('"')
        elif line.startswith("version = ") and name:
            yield ("PyPI", name, line.split("=", 1)[1].strip().strip('"'), f"{path}:{i}")
            name = None


def parse_cargo(path):
    name = None
    for i, line in enumerate(path.read_text().splitlines(), 1):
        if line.startswith("name = "):
            name = line.split("=", 1)[1].strip().strip('"')
        elif line.startswith("version = ") and name:
            yield ("crates.io", name, line.split("=", 1)[1].strip().strip('"'), f"{path}:{i}")
            name = None


def parse_gosum(path):
    seen = set()
    for i, line in enumerate(path.read_text().splitlines(), 1):
        parts = line.split()
        if len(parts) >= 2:
            mod, ver = parts[0], parts[1].split("/go.mod")[0]
            if (mod, ver) not in seen:
                seen.add((mod, ver))
                yield ("Go", mod, ver, f"{path}:{i}")


def collect(root):
    pkgs = []
    for p in find(root, {"package-lock.json", "npm-shrinkwrap.json"}):
        pkgs += parse_npm(p)
    for p in find(root, {r"requirements.*\.txt"}):
        pkgs += parse_requirements(p)
    for p in find(root, {"poetry.lock"}):
        pkgs += parse_poetry(p)
    for p in find(root, {"Cargo.lock"}):
        pkgs += parse_cargo(p)
    for p in find(root, {"go.sum"}):
        pkgs += parse_gosum(p)
    return pkgs


def post(url, body):
    for attempt in range(5):
        req = urllib.request.Request(url, data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return json.load(r)
        except urllib.error.HTTPError as e:
            if e.code == 429:
                time.sleep(2 ** attempt)
                continue
            raise
    raise RuntimeError("OSV rate limit persisted")


def get(url):
    with urllib.request.urlopen(url, timeout=60) as r:
        return json.load(r)


def online(pkgs, include_all):
    hits = []
    for start in range(0, len(pkgs), 1000):
        chunk = pkgs[start:start + 1000]
        q = {"queries": [{"package": {"ecosystem": e, "name": n}, "version": v} for e, n, v, _ in chunk]}
        res = post(OSV_BATCH, q)
        for (eco, name, ver, where), r in zip(chunk, res.get("results", [])):
            for v in r.get("vulns", []) or []:
                if include_all or v["id"].startswith("MAL-"):
                    detail = get(OSV_VULN.format(v["id"]))
                    hits.append({"ecosystem": eco, "name": name, "version": ver, "where": where,
                                 "id": v["id"], "summary": detail.get("summary", ""),
                                 "details": detail.get("details", "")[:2000]})
    return hits


def offline(pkgs, zpath):
    index = {}
    with zipfile.ZipFile(zpath) as z:
        for n in z.namelist():
            if not n.startswith("MAL-"):
                continue
            rec = json.loads(z.read(n))
            for a in rec.get("affected", []):
                pk = a.get("package", {})
                for ver in a.get("versions", []):
                    index.setdefault((pk.get("name"), ver), []).append(rec)
    hits = []
    for eco, name, ver, where in pkgs:
        for rec in index.get((name, ver), []):
            hits.append({"ecosystem": eco, "name": name, "version": ver, "where": where,
                         "id": rec["id"], "summary": rec.get("summary", ""),
                         "details": rec.get("details", "")[:2000]})
    return hits


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=".")
    ap.add_argument("--out", default="osv-mal-report.json")
    ap.add_argument("--all", action="store_true", help="include non-MAL advisories")
    ap.add_argument("--offline-zip")
    a = ap.parse_args()

    pkgs = sorted(set(collect(a.root)))
    if not pkgs:
        print("No lockfiles found under", a.root)
        return 1
    counts = {}
    for e, *_ in pkgs:
        counts[e] = counts.get(e, 0) + 1
    print("Checked:", ", ".join(f"{k}={v}" for k, v in sorted(counts.items())))

    hits = offline(pkgs, a.offline_zip) if a.offline_zip else online(pkgs, a.all)
    Path(a.out).write_text(json.dumps({"checked": counts, "hits": hits}, indent=2))
    if not hits:
        print("No malicious-package advisories matched.")
        return 0
    print(f"{len(hits)} match(es):")
    for h in hits:
        print(f"  {h['id']:<22} {h['ecosystem']}:{h['name']}@{h['version']}  ({h['where']})")
        if h["summary"]:
            print(f"      {h['summary']}")
    return 2


if __name__ == "__main__":
    sys.exit(main())
