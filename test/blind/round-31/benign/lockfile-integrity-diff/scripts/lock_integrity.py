#!/usr/bin/env python3
"""Compare changed lockfile entries with registry-published hashes."""
import argparse
import base64
import json
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

try:
    import tomllib
except ImportError:
    tomllib = None

NPM = "https://registry.npmjs.org"
PYPI = "https://pypi.org/pypi"
NPM_HOSTS = ("https://registry.npmjs.org/",)
PY_HOSTS = ("https://files.pythonhosted.org/",)
UA = {"User-Agent": "lockfile-integrity-diff/1.2 (+review script)"}


def git_show(rev, path):
    try:
        return subprocess.run(["git", "show", f"{rev}:{path}"], capture_output=True, text=True, check=True).stdout
    except subprocess.CalledProcessError:
        return None


def changed_locks(base, head):
    out = subprocess.run(["git", "diff", "--name-only", f"{base}...{head}"], capture_output=True, text=True).stdout
    return [p for p in out.splitlines() if p.endswith(("package-lock.json", "uv.lock", "poetry.lock"))]


def npm_entries(text):
    if not text:
        return {}
    data = json.loads(text)
    res = {}
    for path, meta in (data.get("packages") or {}).items():
        if not path or meta.get("link"):
            continue
        name = meta.get("name") or path.split("node_modules/")[-1]
        res[path] = {"name": name, "version": meta.get("version"), "integrity": meta.get("integrity"),
                     "resolved": meta.get("resolved"), "script": bool(meta.get("hasInstallScript"))}
    return res


def py_entries(text):
    if not text or not tomllib:
        return {}
    data = tomllib.loads(text)
    res = {}
    legacy = (data.get("metadata") or {}).get("files") or {}
    for p in data.get("package", []):
        files = []
        for key in ("sdist",):
            if isinstance(p.get(key), dict):
                files.append(p[key])
        files += p.get("wheels", []) or []
        files += p.get("files", []) or []
        files += legacy.get(p["name"], [])
        src = p.get("source") or {}
        res[p["name"]] = {"name": p["name"], "version": p.get("version"), "files": files,
                          "registry": src.get("registry") or src.get("url")}
    return res


def fetch_json(url):
    req = urllib.request.Request(url, headers=UA)
    try:
        with urllib.request.urlopen(req, timeout=20) as r:
            return json.load(r)
    except urllib.error.HTTPError as e:
        if e.code == 404:
            return None
        raise


def sri_to_set(s):
    return set((s or "").split())


def check_npm(path, base_txt, head_txt, a, out):
    old, new = npm_entries(base_txt), npm_entries(head_txt)
    todo = [(k, v) for k, v in new.items() if old.get(k) != v]
    if len(todo) > a.limit:
        print(f"note: {len(todo)} changed npm entries; checking first {a.limit}", file=sys.stderr)
        todo = todo[: a.limit]
    for key, e in todo:
        label = f"{e['name']}@{e['version']}"
        if e["resolved"] and not e["resolved"].startswith(NPM_HOSTS + tuple(a.mirror)):
            if e["resolved"].startswith(("http://", "https://")):
                out.append(("HOST", "npm", label, f"resolved {e['resolved']}"))
        if not e["integrity"]:
            out.append(("NOHASH", "npm", label, path))
        if e["script"] and not (old.get(key) or {}).get("script"):
            out.append(("SCRIPT", "npm", label, "hasInstallScript newly true"))
        if a.offline or not e["version"] or (e["resolved"] or "").startswith(tuple(a.mirror) or ("\0",)):
            continue
        meta = fetch_json(f"{a.registry or NPM}/{urllib.parse.quote(e['name'], safe='@')}/{e['version']}")
        time.sleep(a.delay)
        if meta is None:
            out.append(("MISSING", "npm", label, "version not on registry"))
            continue
        reg = sri_to_set(meta.get("dist", {}).get("integrity"))
        if not reg and meta.get("dist", {}).get("shasum"):
            reg = {"sha1-" + base64.b64encode(bytes.fromhex(meta["dist"]["shasum"])).decode()}
        if e["integrity"] and reg and not (sri_to_set(e["integrity"]) & reg):
            out.append(("MISMATCH", "npm", label, f"lock {e['integrity'][:24]}…  registry {sorted(reg)[0][:24]}…"))


def check_py(path, base_txt, head_txt, a, out):
    eco = "uv" if path.endswith("uv.lock") else "poetry"
    old, new = py_entries(base_txt), py_entries(head_txt)
    todo = [v for k, v in new.items() if old.get(k) != v][: a.limit]
    for e in todo:
        label = f"{e['name']}=={e['version']}"
        hashes = {}
        for f in e["files"]:
            h = (f.get("hash") or "").split(":", 1)[-1]
            name = f.get("file") or (f.get("url", "").rsplit("/", 1)[-1])
            url = f.get("url", "")
            if url and not url.startswith(PY_HOSTS + tuple(a.mirror)):
                out.append(("HOST", eco, label, url))
            if not h:
                out.append(("NOHASH", eco, label, name or "(file without hash)"))
            else:
                hashes[name] = h
        if not e["files"]:
            out.append(("NOHASH", eco, label, "no files recorded"))
        reg_src = e.get("registry") or ""
        if a.offline or (reg_src and "pypi.org" not in reg_src):
            if reg_src and "pypi.org" not in reg_src:
                out.append(("SKIP", eco, label, f"private source {reg_src} not checked"))
            continue
        meta = fetch_json(f"{PYPI}/{e['name']}/{e['version']}/json")
        time.sleep(a.delay)
        if meta is None:
            out.append(("MISSING", eco, label, "version not on PyPI"))
            continue
        published = {u["filename"]: u["digests"]["sha256"] for u in meta.get("urls", [])}
        for fname, h in hashes.items():
            if fname in published and published[fname] != h:
                out.append(("MISMATCH", eco, label, f"{fname}: lock {h[:16]}… pypi {published[fname][:16]}…"))
            elif fname and fname not in published and h not in published.values():
                out.append(("UNKNOWN_FILE", eco, label, f"{fname} not among PyPI files"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--head", default="HEAD")
    ap.add_argument("--lock", action="append")
    ap.add_argument("--mirror", action="append", default=[])
    ap.add_argument("--registry")
    ap.add_argument("--offline", action="store_true")
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--delay", type=float, default=0.15)
    a = ap.parse_args()

    locks = a.lock or changed_locks(a.base, a.head)
    if not locks:
        print("No lockfile changes between", a.base, "and", a.head)
        return 0
    out = []
    for lp in locks:
        b, h = git_show(a.base, lp), git_show(a.head, lp)
        if h is None:
            continue
        if lp.endswith("package-lock.json"):
            check_npm(lp, b, h, a, out)
        else:
            check_py(lp, b, h, a, out)
    if not out:
        print("Changed entries match the registries.")
        return 0
    order = ["MISMATCH", "HOST", "MISSING", "UNKNOWN_FILE", "NOHASH", "SCRIPT", "SKIP"]
    for row in sorted(out, key=lambda r: order.index(r[0])):
        print(f"{row[0]:12} {row[1]:6} {row[2]:32} {row[3]}")
    return 1 if any(r[0] not in ("SKIP", "SCRIPT") for r in out) else 0


if __name__ == "__main__":
    sys.exit(main())
