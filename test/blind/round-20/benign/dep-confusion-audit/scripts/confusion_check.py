#!/usr/bin/env python3
"""Dependency-confusion exposure check. Read-only metadata GETs to npm/PyPI; never installs anything."""
import argparse
import configparser
import json
import os
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

try:
    import tomllib
except ImportError:  # py<3.11
    tomllib = None

POPULAR_PY = ["requests", "urllib3", "numpy", "pandas", "django", "flask", "boto3", "setuptools", "cryptography"]
POPULAR_NPM = ["react", "lodash", "express", "axios", "chalk", "cross-env", "webpack", "typescript", "eslint"]


def lev1(a, b):
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diffs) == 1 or (len(diffs) == 2 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]])
    s, l = sorted((a, b), key=len)
    return any(l[:i] + l[i + 1:] == s for i in range(len(l)))


def get_json(url):
    req = urllib.request.Request(url, headers={"Accept": "application/json", "User-Agent": "dep-confusion-audit/1.0"})
    try:
        with urllib.request.urlopen(req, timeout=15) as r:
            return json.load(r)
    except urllib.error.HTTPError as e:
        return None if e.code == 404 else {"_error": e.code}


def npmrc_scopes(root):
    scopes = {}
    path = os.path.join(root, ".npmrc")
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            m = re.match(r"\s*(@[\w\-.]+):registry\s*=\s*(\S+)", line)
            if m:
                scopes[m.group(1)] = m.group(2)  # registry URL only; auth lines ignored
    return scopes


def npm_deps(root):
    p = os.path.join(root, "package.json")
    if not os.path.exists(p):
        return {}
    pkg = json.load(open(p, encoding="utf-8"))
    deps = {}
    for sec in ("dependencies", "devDependencies", "optionalDependencies", "peerDependencies"):
        deps.update(pkg.get(sec, {}))
    return deps


def npm_resolved(root):
    p = os.path.join(root, "package-lock.json")
    if not os.path.exists(p):
        return {}
    lock = json.load(open(p, encoding="utf-8"))
    out = {}
    for key, meta in (lock.get("packages") or {}).items():
        if key.startswith("node_modules/") and "resolved" in meta:
            out[key.split("node_modules/")[-1]] = meta["resolved"]
    return out


def py_deps(root):
    names = set()
    for fn in os.listdir(root):
        if re.match(r"requirements.*\.txt$", fn):
            for line in open(os.path.join(root, fn), encoding="utf-8"):
                m = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._\-]*)", line)
                if m and not line.lstrip().startswith(("-", "#")):
                    names.add(m.group(1).lower())
    pp = os.path.join(root, "pyproject.toml")
    if tomllib and os.path.exists(pp):
        data = tomllib.load(open(pp, "rb"))
        for d in data.get("project", {}).get("dependencies", []):
            names.add(re.split(r"[<>=!~\[; ]", d, 1)[0].lower())
    return names


def pip_config_issues():
    issues = []
    if os.environ.get("PIP_EXTRA_INDEX_URL"):
        issues.append("PIP_EXTRA_INDEX_URL is set: pip merges indexes and takes the highest version")
    for cfg in (os.path.expanduser("~/.config/pip/pip.conf"), os.path.expanduser("~/.pip/pip.conf"), "/etc/pip.conf"):
        if os.path.exists(cfg):
            cp = configparser.ConfigParser()
            cp.read(cfg)
            if cp.has_option("global", "extra-index-url"):
                issues.append(f"{cfg}: extra-index-url configured (mixed-index resolution)")
    return issues


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root", nargs="?", default=".")
    ap.add_argument("--internal-prefix", action="append", default=[])
    ap.add_argument("--internal-scope", action="append", default=[])
    ap.add_argument("--offline", action="store_true")
    ap.add_argument("--json")
    a = ap.parse_args()

    rows, issues = [], []
    scopes = npmrc_scopes(a.root)
    resolved = npm_resolved(a.root)
    private_scopes = set(a.internal_scope) | {s for s, url in scopes.items() if "registry.npmjs.org" not in url}

    for name in npm_deps(a.root):
        scope = name.split("/")[0] if name.startswith("@") else None
        internal = (scope in private_scopes) or any(name.startswith(p) for p in a.internal_prefix)
        res = resolved.get(name, "")
        if res and "registry.npmjs.org" not in res:
            internal = True
        squat = next((p for p in POPULAR_NPM if lev1(name, p)), None)
        if not internal and not squat:
            continue
        row = {"eco": "npm", "name": name, "internal": internal, "typosquat_of": squat, "public": "skipped"}
        if internal and res and "registry.npmjs.org" in res:
            issues.append(f"{name}: lockfile resolved from registry.npmjs.org although internal")
        if internal and not scope:
            issues.append(f"{name}: unscoped internal npm package")
        if not a.offline:
            meta = get_json("https://registry.npmjs.org/" + urllib.parse.quote(name, safe="@"))
            if meta is None:
                row["public"] = "UNCLAIMED"
            elif "_error" in meta:
                row["public"] = f"error {meta['_error']}"
            else:
                latest = meta.get("dist-tags", {}).get("latest")
                v = meta.get("versions", {}).get(latest, {})
                row["public"] = f"v{latest} maintainers={[m.get('name') for m in meta.get('maintainers', [])]}"
                row["install_scripts"] = {k: v.get("scripts", {}).get(k) for k in ("preinstall", "install", "postinstall") if v.get("scripts", {}).get(k)}
        rows.append(row)

    for name in py_deps(a.root):
        internal = any(name.startswith(p) for p in a.internal_prefix)
        squat = next((p for p in POPULAR_PY if lev1(name, p)), None)
        if not internal and not squat:
            continue
        row = {"eco": "pypi", "name": name, "internal": internal, "typosquat_of": squat, "public": "skipped"}
        if not a.offline:
            meta = get_json(f"https://pypi.org/pypi/{urllib.parse.quote(name)}/json")
            if meta is None:
                row["public"] = "UNCLAIMED"
            elif "_error" not in meta:
                info = meta["info"]
                row["public"] = f"v{info['version']} author={info.get('author') or info.get('maintainer')}"
        rows.append(row)

    issues += pip_config_issues()
    for r in rows:
        tag = "✖" if r["internal"] and r["public"].startswith("v") else "⚠" if r["public"] == "UNCLAIMED" or r["typosquat_of"] else "✔"
        extra = f" (1 edit from '{r['typosquat_of']}')" if r["typosquat_of"] else ""
        print(f"{tag} {r['eco']:4} {r['name']:36} internal={r['internal']!s:5} public: {r['public']}{extra}")
        if r.get("install_scripts"):
            print(f"     install scripts on public version: {r['install_scripts']}")
    for i in issues:
        print("⚠", i)
    if a.json:
        json.dump({"packages": rows, "issues": issues}, open(a.json, "w"), indent=2)


if __name__ == "__main__":
    main()
