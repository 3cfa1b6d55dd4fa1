#!/usr/bin/env python3
"""Dependency-confusion exposure check for npm and Python projects.

Offline by default. With --online, queries registry.npmjs.org and pypi.org by package name only.
"""
from __future__ import annotations

import argparse
import configparser
import glob
import json
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

PUBLIC_NPM = "https://registry.npmjs.org"
PUBLIC_PYPI = "https://pypi.org/pypi"
UA = {"User-Agent": "internal-package-name-claim-check/1.2 (+dependency confusion audit)"}


def read_npmrc(root: str) -> dict[str, str]:
    scopes: dict[str, str] = {}
    for path in (os.path.join(root, ".npmrc"),):
        if not os.path.exists(path):
            continue
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            m = re.match(r"^(@[\w.-]+):registry\s*=\s*(\S+)", line)
            if m:
                scopes[m.group(1)] = m.group(2)
            elif line.startswith("registry="):
                scopes["<default>"] = line.split("=", 1)[1]
            # auth lines (//host/:_authToken=...) are deliberately ignored
    return scopes


def npm_deps(root: str) -> dict[str, str]:
    deps: dict[str, str] = {}
    for pj in [os.path.join(root, "package.json")] + glob.glob(os.path.join(root, "packages/*/package.json")):
        if not os.path.exists(pj):
            continue
        data = json.load(open(pj, encoding="utf-8"))
        for key in ("dependencies", "devDependencies", "optionalDependencies", "peerDependencies"):
            deps.update(data.get(key, {}) or {})
    return deps


def py_config(root: str) -> tuple[list[str], list[str], list[str]]:
    """Returns (index_urls, extra_index_urls, requirement names)."""
    idx, extra, names = [], [], []
    for req in glob.glob(os.path.join(root, "requirements*.txt")) + glob.glob(os.path.join(root, "requirements/*.txt")):
        for line in open(req, encoding="utf-8"):
            line = line.split("#", 1)[0].strip()
            if line.startswith(("--index-url", "-i ")):
                idx.append(line.split(None, 1)[1] if " " in line else line.split("=", 1)[1])
            elif line.startswith("--extra-index-url"):
                extra.append(line.split(None, 1)[1] if " " in line else line.split("=", 1)[1])
            elif line and not line.startswith("-"):
                n = re.split(r"[<>=!~\[; ]", line, 1)[0]
                if n:
                    names.append(n)
    for conf in (os.path.join(root, "pip.conf"), os.path.expanduser("~/.config/pip/pip.conf"), os.path.expanduser("~/.pip/pip.conf")):
        if os.path.exists(conf):
            cp = configparser.ConfigParser()
            cp.read(conf)
            if cp.has_option("global", "index-url"):
                idx.append(cp.get("global", "index-url"))
            if cp.has_option("global", "extra-index-url"):
                extra += cp.get("global", "extra-index-url").split()
    pp = os.path.join(root, "pyproject.toml")
    if os.path.exists(pp):
        try:
            import tomllib  # py3.11+
        except ImportError:
            tomllib = None
        if tomllib:
            d = tomllib.load(open(pp, "rb"))
            for dep in d.get("project", {}).get("dependencies", []):
                names.append(re.split(r"[<>=!~\[; ]", dep, 1)[0])
            for ix in d.get("tool", {}).get("uv", {}).get("index", []):
                if not ix.get("explicit") and not ix.get("default"):
                    extra.append(ix.get("url", ""))
    strip = lambda u: re.sub(r"//[^/@]+@", "//***@", u)  # never print credentials embedded in URLs
    return [strip(u) for u in idx], [strip(u) for u in extra], names


def fetch_json(url: str):
    req = urllib.request.Request(url, headers=UA)
    try:
        with urllib.request.urlopen(req, timeout=15) as r:
            return json.load(r)
    except urllib.error.HTTPError as e:
        if e.code == 404:
            return None
        raise


def check_npm(name: str, owners: set[str]):
    path = name.replace("/", "%2f") if name.startswith("@") else name  # @scope%2fname
    d = fetch_json(f"{PUBLIC_NPM}/{path}")
    if d is None:
        return "PUBLIC-FREE", {}
    latest = d.get("dist-tags", {}).get("latest", "")
    v = d.get("versions", {}).get(latest, {})
    maint = [m.get("name", "") for m in d.get("maintainers", [])]
    scripts = {k: v.get("scripts", {}).get(k) for k in ("preinstall", "install", "postinstall") if v.get("scripts", {}).get(k)}
    info = {"latest": latest, "published": d.get("time", {}).get(latest, ""), "maintainers": maint, "install_scripts": scripts}
    return ("PUBLIC-EXISTS-OWNED" if owners & set(maint) else "PUBLIC-EXISTS-UNOWNED"), info


def check_pypi(name: str, owners: set[str]):
    d = fetch_json(f"{PUBLIC_PYPI}/{name}/json")
    if d is None:
        return "PUBLIC-FREE", {}
    info = d.get("info", {})
    latest = info.get("version", "")
    files = d.get("releases", {}).get(latest, [])
    sdist_only = bool(files) and all(f.get("packagetype") == "sdist" for f in files)
    out = {"latest": latest, "author": info.get("author") or info.get("author_email") or "",
           "published": files[0].get("upload_time_iso_8601", "") if files else "", "sdist_only": sdist_only}
    owned = any(o and o.lower() in (out["author"] or "").lower() for o in owners)
    return ("PUBLIC-EXISTS-OWNED" if owned else "PUBLIC-EXISTS-UNOWNED"), out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=".")
    ap.add_argument("--online", action="store_true", help="query public registries by name")
    ap.add_argument("--internal-prefix", action="append", default=[])
    ap.add_argument("--internal-scope", action="append", default=[])
    ap.add_argument("--owner", action="append", default=[], help="npm user / PyPI author that belongs to the org")
    a = ap.parse_args()
    root = os.path.abspath(a.root)
    findings = []

    listed = set()
    lf = os.path.join(root, ".confusion-internal.txt")
    if os.path.exists(lf):
        listed = {l.strip() for l in open(lf) if l.strip() and not l.startswith("#")}

    scopes = read_npmrc(root)
    private_scopes = {s for s, u in scopes.items() if s.startswith("@") and "registry.npmjs.org" not in u} | set(a.internal_scope)
    deps = npm_deps(root)
    npm_internal = []
    for name, spec in deps.items():
        scope = name.split("/")[0] if name.startswith("@") else None
        if scope in private_scopes or name in listed or any(name.startswith(p) for p in a.internal_prefix):
            npm_internal.append(name)
            if scope is None:
                findings.append(("NPM-UNSCOPED-INTERNAL", name, "unscoped internal name cannot be pinned to a registry"))
        if scope in set(a.internal_scope) and scope not in scopes:
            findings.append(("NPM-SCOPE-UNMAPPED", scope, "no @scope:registry= line in .npmrc"))
    if deps and not any(os.path.exists(os.path.join(root, f)) for f in ("package-lock.json", "pnpm-lock.yaml", "yarn.lock")):
        findings.append(("NO-LOCK-INTEGRITY", "npm", "no lockfile"))

    idx, extra, py_names = py_config(root)
    if extra:
        findings.append(("PIP-EXTRA-INDEX", ", ".join(extra), "pip merges indexes and picks the highest version"))
    py_internal = [n for n in py_names if n in listed or any(n.startswith(p) for p in a.internal_prefix)]

    print("Internal names detected:")
    for n in npm_internal:
        print(f"  npm  {n}")
    for n in py_internal:
        print(f"  pypi {n}")

    if a.online:
        owners = set(a.owner)
        for n in npm_internal:
            code, info = check_npm(n, owners)
            findings.append((code, f"npm:{n}", json.dumps(info)))
            time.sleep(0.2)
        for n in py_internal:
            code, info = check_pypi(n, owners)
            findings.append((code, f"pypi:{n}", json.dumps(info)))
            time.sleep(0.2)
    else:
        print("\n(offline mode: public registries not queried; re-run with --online after confirming the names above)")

    order = ["PUBLIC-EXISTS-UNOWNED", "PIP-EXTRA-INDEX", "NPM-UNSCOPED-INTERNAL", "NPM-SCOPE-UNMAPPED",
             "PUBLIC-FREE", "NO-LOCK-INTEGRITY", "PUBLIC-EXISTS-OWNED"]
    print("\nFindings:")
    for code, subj, detail in sorted(findings, key=lambda f: order.index(f[0]) if f[0] in order else 99):
        print(f"  {code:<24} {subj}\n      {detail}")
    sys.exit(1 if any(f[0] in ("PUBLIC-EXISTS-UNOWNED", "PIP-EXTRA-INDEX") for f in findings) else 0)


if __name__ == "__main__":
    main()
