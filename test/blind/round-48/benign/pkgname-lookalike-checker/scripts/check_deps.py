#!/usr/bin/env python3
"""Typosquat / hallucinated-name / dependency-confusion checker for npm and PyPI deps."""
import argparse
import datetime as dt
import json
import os
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
UA = {"User-Agent": "pkgname-lookalike-checker/1.2", "Accept": "application/json"}


def load_list(name):
    with open(os.path.join(HERE, "..", "assets", name)) as fh:
        return [l.strip() for l in fh if l.strip() and not l.startswith("#")]


def norm(n):
    return re.sub(r"[-_.]+", "-", n.lower())


def damerau(a, b):
    d = {(i, -1): i + 1 for i in range(-1, len(a) + 1)}
    d.update({(-1, j): j + 1 for j in range(-1, len(b) + 1)})
    for i in range(len(a)):
        for j in range(len(b)):
            cost = 0 if a[i] == b[j] else 1
            d[i, j] = min(d[i - 1, j] + 1, d[i, j - 1] + 1, d[i - 1, j - 1] + cost)
            if i and j and a[i] == b[j - 1] and a[i - 1] == b[j]:
                d[i, j] = min(d[i, j], d[i - 2, j - 2] + 1)
    return d[len(a) - 1, len(b) - 1]


def lookalike(name, popular):
    n = norm(name)
    if n in {norm(p) for p in popular}:
        return None
    for p in popular:
        pn = norm(p)
        if damerau(n, pn) == 1 or n.replace("-", "") == pn.replace("-", ""):
            return p
        for affix in ("-js", "js-", "py-", "python-", "-dev", "-utils", "-lib", "2"):
            if n in (pn + affix, affix + pn):
                return p
    return None


def get(url):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=UA), timeout=15) as r:
            return json.load(r)
    except urllib.error.HTTPError as e:
        if e.code == 404:
            return None
        raise


def npm_meta(name):
    doc = get("https://registry.npmjs.org/" + urllib.parse.quote(name, safe="@"))
    if doc is None:
        return None
    latest = doc.get("dist-tags", {}).get("latest")
    ver = doc.get("versions", {}).get(latest, {})
    dl = get("https://api.npmjs.org/downloads/point/last-week/" + urllib.parse.quote(name, safe="@")) or {}
    return {
        "created": doc.get("time", {}).get("created", "")[:10],
        "maintainers": len(doc.get("maintainers", [])),
        "downloads": dl.get("downloads"),
        "scripts": sorted(k for k in ver.get("scripts", {}) if k in ("preinstall", "install", "postinstall")),
        "repo": (ver.get("repository") or {}).get("url") if isinstance(ver.get("repository"), dict) else ver.get("repository"),
    }


def pypi_meta(name):
    doc = get(f"https://pypi.org/pypi/{urllib.parse.quote(name)}/json")
    if doc is None:
        return None
    uploads = [f["upload_time"][:10] for files in doc.get("releases", {}).values() for f in files]
    info = doc.get("info", {})
    return {
        "created": min(uploads) if uploads else "",
        "maintainers": None,
        "downloads": None,  # PyPI JSON no longer reports downloads
        "scripts": [],
        "repo": (info.get("project_urls") or {}).get("Source") or info.get("home_page"),
    }


def parse_manifest(path):
    deps = []  # (ecosystem, name, spec)
    base = os.path.basename(path)
    if base == "package.json":
        pj = json.load(open(path))
        for sec in ("dependencies", "devDependencies", "optionalDependencies", "peerDependencies"):
            for n, spec in (pj.get(sec) or {}).items():
                deps.append(("npm", n, spec))
    elif base == "pyproject.toml":
        try:
            import tomllib
        except ModuleNotFoundError:
            import tomli as tomllib
        data = tomllib.load(open(path, "rb"))
        reqs = list(data.get("project", {}).get("dependencies", []))
        for group in data.get("project", {}).get("optional-dependencies", {}).values():
            reqs += group
        for r in reqs:
            m = re.match(r"\s*([A-Za-z0-9_.\-]+)", r)
            if m:
                deps.append(("pypi", m.group(1), r))
    else:
        for line in open(path):
            line = line.split("#", 1)[0].strip()
            if not line or line.startswith("-"):
                continue
            if "://" in line or line.startswith("git+"):
                deps.append(("pypi", line.split("#egg=")[-1] if "#egg=" in line else line, line))
                continue
            m = re.match(r"([A-Za-z0-9_.\-]+)", line)
            if m:
                deps.append(("pypi", m.group(1), line))
    return deps


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("manifests", nargs="+")
    ap.add_argument("--internal", help="file with internal package names, one per line")
    ap.add_argument("--offline", action="store_true")
    a = ap.parse_args()
    popular = {"npm": load_list("popular-npm.txt"), "pypi": load_list("popular-pypi.txt")}
    today = dt.date.today()
    findings = []

    def add(sev, eco, name, msg):
        findings.append((sev, eco, name, msg))

    deps = [d for m in a.manifests for d in parse_manifest(m)]
    for eco, name, spec in deps:
        if re.match(r"^(https?://|git\+|git://|github:|gitlab:|bitbucket:)", str(spec)) or "://" in str(spec):
            add("HIGH", eco, name, f"spec is a URL/git source: {spec}")
            continue
        if str(spec).startswith("file:") and ".." in str(spec):
            add("MED", eco, name, f"file: dependency outside repo: {spec}")
        twin = lookalike(name, popular[eco])
        meta = None
        if not a.offline:
            try:
                meta = npm_meta(name) if eco == "npm" else pypi_meta(name)
            except Exception as e:
                add("LOW", eco, name, f"registry lookup failed: {e.__class__.__name__}")
                continue
            if meta is None:
                add("HIGH", eco, name, "not in registry (possible hallucinated name)")
                continue
        notes = []
        if twin:
            notes.append(f"1 edit from '{twin}'")
        if meta:
            if meta["created"]:
                age = (today - dt.date.fromisoformat(meta["created"])).days
                if age < 90:
                    notes.append(f"created {meta['created']}")
            if meta["downloads"] is not None and meta["downloads"] < 500:
                notes.append(f"{meta['downloads']} dl/wk")
            if meta["maintainers"] == 1:
                notes.append("single maintainer")
            if meta["scripts"]:
                notes.append("install scripts: " + ",".join(meta["scripts"]))
        if notes:
            sev = "HIGH" if twin or (meta and meta["scripts"] and len(notes) > 1) else "MED"
            add(sev, eco, name, "; ".join(notes))

    if a.internal and not a.offline:
        for line in open(a.internal):
            name = line.strip()
            if not name or name.startswith("#"):
                continue
            eco = "npm" if name.startswith("@") or "/" in name else "pypi"
            meta = npm_meta(name) if eco == "npm" else pypi_meta(name)
            if meta:
                add("HIGH", eco, name, f"internal name exists on public registry (created {meta['created'] or '?'})")

    order = {"HIGH": 0, "MED": 1, "LOW": 2}
    for sev, eco, name, msg in sorted(findings, key=lambda f: order[f[0]]):
        print(f"{sev:<5} {eco:<4} {name:<24} {msg}")
    if not findings:
        print(f"{len(deps)} dependencies checked, nothing flagged")
    return 1 if any(f[0] == "HIGH" for f in findings) else 0


if __name__ == "__main__":
    sys.exit(main())
