#!/usr/bin/env python3
"""Check dependency names from a project against PyPI / npm before installing them."""
import argparse
import datetime as dt
import json
import re
import subprocess
import sys
import time
import tomllib
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
IMPORT_MAP = json.loads((HERE / "assets" / "import-map.json").read_text())
POPULAR = [l.strip() for l in (HERE / "assets" / "popular-names.txt").read_text().splitlines() if l.strip()]
STDLIB = set(getattr(sys, "stdlib_module_names", ()))
NODE_BUILTINS = {"fs", "path", "os", "http", "https", "url", "crypto", "child_process", "util", "events",
                 "stream", "zlib", "net", "tls", "dns", "readline", "assert", "buffer", "worker_threads"}
UA = {"User-Agent": "slopsquat-import-check/1.0", "Accept": "application/json"}


def norm(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def lev(a, b, cap=3):
    if abs(len(a) - len(b)) > cap:
        return cap + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def req_name(line):
    line = line.split("#", 1)[0].strip()
    if not line or line.startswith(("-", "git+", "http")):
        return None
    m = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)", line)
    return m.group(1) if m else None


def from_manifests(root):
    out = set()
    for f in root.rglob("requirements*.txt"):
        if "node_modules" in f.parts or ".venv" in f.parts:
            continue
        for l in f.read_text(errors="ignore").splitlines():
            n = req_name(l)
            if n:
                out.add(("pypi", n))
    for f in root.rglob("pyproject.toml"):
        if ".venv" in f.parts:
            continue
        d = tomllib.loads(f.read_text())
        proj = d.get("project", {})
        for dep in proj.get("dependencies", []):
            n = req_name(dep)
            if n:
                out.add(("pypi", n))
        for deps in proj.get("optional-dependencies", {}).values():
            for dep in deps:
                n = req_name(dep)
                if n:
                    out.add(("pypi", n))
        for n in d.get("tool", {}).get("poetry", {}).get("dependencies", {}):
            if n != "python":
                out.add(("pypi", n))
    for f in root.rglob("package.json"):
        if "node_modules" in f.parts:
            continue
        d = json.loads(f.read_text())
        for k in ("dependencies", "devDependencies", "optionalDependencies", "peerDependencies"):
            for n in d.get(k, {}):
                out.add(("npm", n))
    return out


def from_diff(ref):
    out = set()
    files = subprocess.run(["git", "diff", "--name-only", ref, "--"], capture_output=True, text=True,
                           check=True).stdout.split()
    added = subprocess.run(["git", "diff", "-U0", ref, "--"], capture_output=True, text=True,
                           check=True).stdout
    cur = None
    for line in added.splitlines():
        if line.startswith("+++ b/"):
            cur = line[6:]
            continue
        if not line.startswith("+") or line.startswith("+++"):
            continue
        body = line[1:]
        if cur and cur.endswith(".py"):
            m = re.match(r"\s*(?:from\s+([\w.]+)\s+import|import\s+([\w.]+))", body)
            if m:
                mod = (m.group(1) or m.group(2))
                if mod.startswith("."):
                    continue
                top = mod.split(".")[0]
                if top in STDLIB:
                    continue
                dist = IMPORT_MAP.get(mod) or IMPORT_MAP.get(top) or top
                out.add(("pypi", dist))
                if dist != top:
                    out.add(("pypi-import", top))
        elif cur and re.search(r"\.(m?[jt]sx?)$", cur):
            for m in re.finditer(r"(?:require\(|from\s+|import\s+)['\"]([^'\"./][^'\"]*)['\"]", body):
                spec = m.group(1)
                name = "/".join(spec.split("/")[:2]) if spec.startswith("@") else spec.split("/")[0]
                if name.replace("node:", "") not in NODE_BUILTINS:
                    out.add(("npm", name))
        elif cur and (cur.endswith("requirements.txt") or cur.endswith(".in")):
            n = req_name(body)
            if n:
                out.add(("pypi", n))
    for f in files:
        if f.endswith("package.json") or f.endswith("pyproject.toml"):
            out |= from_manifests(Path(f).parent) if Path(f).exists() else set()
    return out


def fetch(url, cache):
    if url in cache:
        return cache[url]
    for attempt in range(4):
        try:
            with urllib.request.urlopen(urllib.request.Request(url, headers=UA), timeout=15) as r:
                cache[url] = {"status": 200, "body": json.load(r)}
                return cache[url]
        except urllib.error.HTTPError as e:
            if e.code == 429:
                time.sleep(2 ** attempt)
                continue
            cache[url] = {"status": e.code, "body": None}
            return cache[url]
    cache[url] = {"status": 429, "body": None}
    return cache[url]


def age_days(iso):
    t = dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    return (dt.datetime.now(dt.timezone.utc) - t).days


def check_pypi(name, a, cache):
    r = fetch(f"https://pypi.org/pypi/{urllib.parse.quote(name)}/json", cache)
    flags, detail = [], []
    if r["status"] == 404:
        if a.index_url:
            ir = fetch(f"{a.index_url.rstrip('/')}/{norm(name)}/", cache)
            if ir["status"] == 200:
                return ["OK(internal)"], ["only on internal index"]
        return ["MISSING"], ["404 on PyPI"]
    if r["status"] != 200:
        return ["ERROR"], [f"HTTP {r['status']}"]
    info, rel = r["body"]["info"], r["body"]["releases"]
    uploads = [f["upload_time_iso_8601"] for files in rel.values() for f in files]
    if uploads:
        first = min(uploads)
        d = age_days(first)
        if d < a.min_age_days:
            flags.append("NEW"); detail.append(f"first release {d} days ago")
    if len(rel) <= 2 and not (info.get("project_urls") or info.get("home_page")):
        flags.append("THIN"); detail.append(f"{len(rel)} release(s); no project URLs")
    if a.index_url:
        ir = fetch(f"{a.index_url.rstrip('/')}/{norm(name)}/", cache)
        if ir["status"] == 200:
            flags.append("PUBLIC-SHADOW"); detail.append("exists on both internal index and pypi.org")
    return flags, detail


def check_npm(name, a, cache):
    encoded = urllib.parse.quote(name, safe="@").replace("/", "%2f")  # @scope/pkg -> @scope%2fpkg
    r = fetch(f"https://registry.npmjs.org/{encoded}", cache)
    if r["status"] == 404:
        return ["MISSING"], ["404 on npm"]
    if r["status"] != 200:
        return ["ERROR"], [f"HTTP {r['status']}"]
    b = r["body"]
    flags, detail = [], []
    created = b.get("time", {}).get("created")
    if created and age_days(created) < a.min_age_days:
        flags.append("NEW"); detail.append(f"first publish {age_days(created)} days ago")
    versions = b.get("versions", {})
    if len(versions) <= 2 and not b.get("repository"):
        flags.append("THIN"); detail.append(f"{len(versions)} version(s); no repository")
    latest = b.get("dist-tags", {}).get("latest")
    scripts = versions.get(latest, {}).get("scripts", {}) if latest else {}
    hooks = [k for k in ("preinstall", "install", "postinstall") if k in scripts]
    if hooks:
        flags.append("INSTALL-HOOK"); detail.append(f"{','.join(hooks)}: {scripts[hooks[0]][:60]}")
    return flags, detail


def lookalike(name):
    n = norm(name)
    for p in POPULAR:
        if n != norm(p) and lev(n, norm(p)) <= 2 and len(n) > 3:
            return p
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--diff")
    ap.add_argument("--manifests")
    ap.add_argument("--names")
    ap.add_argument("--ecosystem", choices=["pypi", "npm"], default="pypi")
    ap.add_argument("--min-age-days", type=int, default=90)
    ap.add_argument("--offline-cache")
    ap.add_argument("--index-url")
    a = ap.parse_args()

    names = set()
    if a.diff:
        names |= from_diff(a.diff)
    if a.manifests:
        names |= from_manifests(Path(a.manifests))
    if a.names:
        names |= {(a.ecosystem, n.strip()) for n in a.names.split(",") if n.strip()}
    if not names:
        sys.exit("nothing to check (use --diff, --manifests or --names)")

    cache = {}
    if a.offline_cache and Path(a.offline_cache).exists():
        cache = json.loads(Path(a.offline_cache).read_text())

    rows = []
    expected = {norm(v) for v in IMPORT_MAP.values()}
    for eco, name in sorted(names):
        if eco == "pypi-import":
            r = fetch(f"https://pypi.org/pypi/{urllib.parse.quote(name)}/json", cache)
            if r["status"] == 200 and norm(name) not in expected:
                rows.append((name, "pypi", ["IMPORT-TRAP"],
                             [f"import {name} -> install {IMPORT_MAP.get(name)}, not \"{name}\""]))
            continue
        flags, detail = (check_pypi if eco == "pypi" else check_npm)(name, a, cache)
        la = lookalike(name)
        if la:
            flags.insert(0, "LOOKALIKE"); detail.insert(0, f"close to \"{la}\"")
        rows.append((name, eco, flags or ["OK"], detail))
        time.sleep(0.2)

    print(f"{'name':<32}{'eco':<6}{'verdict':<28}detail")
    for name, eco, flags, detail in rows:
        print(f"{name:<32}{eco:<6}{','.join(flags):<28}{'; '.join(detail)}")
    Path("slopcheck.json").write_text(json.dumps(
        [{"name": n, "ecosystem": e, "verdict": f, "detail": d} for n, e, f, d in rows], indent=2) + "\n")
    if a.offline_cache:
        Path(a.offline_cache).write_text(json.dumps(cache))
    bad = {"MISSING", "LOOKALIKE", "IMPORT-TRAP", "PUBLIC-SHADOW"}
    sys.exit(1 if any(bad & set(f) for _, _, f, _ in rows) else 0)


if __name__ == "__main__":
    main()
