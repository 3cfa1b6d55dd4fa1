#!/usr/bin/env python3
import argparse
import datetime as dt
import json
import re
import sys
import tomllib
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent / "assets"


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name.lower())


def lev(a: str, b: str, cap: int = 3) -> int:
    if abs(len(a) - len(b)) > cap:
        return cap + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def popular(eco):
    f = HERE / f"popular-{eco}.txt"
    return [norm(l.strip()) for l in f.read_text().splitlines() if l.strip() and not l.startswith("#")]


def deps(root: Path):
    out = []
    pj = root / "package.json"
    if pj.exists():
        data = json.loads(pj.read_text())
        for sec in ("dependencies", "devDependencies", "optionalDependencies", "peerDependencies"):
            out += [("npm", n, "package.json") for n in data.get(sec, {})]
    for req in root.glob("requirements*.txt"):
        for line in req.read_text().splitlines():
            m = re.match(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)", line)
            if m and not line.strip().startswith(("#", "-")):
                out.append(("pypi", m.group(1), req.name))
    pp = root / "pyproject.toml"
    if pp.exists():
        data = tomllib.loads(pp.read_text())
        for spec in data.get("project", {}).get("dependencies", []):
            m = re.match(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)", spec)
            if m:
                out.append(("pypi", m.group(1), "pyproject.toml"))
    return out


def registry_info(eco, name):
    url = (f"https://pypi.org/pypi/{name}/json" if eco == "pypi"
           else f"https://registry.npmjs.org/{name.replace('/', '%2F')}")
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": "application/json"}), timeout=20) as r:
            data = json.load(r)
    except urllib.error.HTTPError as e:
        return None if e.code == 404 else {"error": e.code}
    if eco == "pypi":
        uploads = [f["upload_time"] for files in data.get("releases", {}).values() for f in files]
        return {"first": min(uploads) if uploads else None, "releases": len(data.get("releases", {}))}
    times = data.get("time", {})
    return {"first": times.get("created"), "releases": len(data.get("versions", {}))}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root", type=Path, nargs="?", default=Path("."))
    ap.add_argument("--registry", action="store_true")
    a = ap.parse_args()
    pops = {"npm": popular("npm"), "pypi": popular("pypi")}
    flags = 0
    for eco, name, src in deps(a.root):
        n = norm(name)
        if n in pops[eco]:
            continue
        close = sorted((lev(n, p), p) for p in pops[eco])
        if close and close[0][0] <= 2 and len(n) > 3:
            print(f"[lookalike] {src}: {name} — did you mean {close[0][1]}?")
            flags += 1
        if re.search(r"(internal|private|corp)", n) or (n.startswith("@") and eco == "npm"):
            print(f"[confusable-internal] {src}: {name} — confirm the registry for this name/scope")
            flags += 1
        if a.registry:
            info = registry_info(eco, name)
            if info is None:
                print(f"[missing] {src}: {name} does not exist on {eco}")
                flags += 1
            elif info.get("first"):
                first = dt.datetime.fromisoformat(info["first"].replace("Z", "+00:00"))
                if first.tzinfo is None:
                    first = first.replace(tzinfo=dt.timezone.utc)
                age = (dt.datetime.now(dt.timezone.utc) - first).days
                if age < 30 or info["releases"] <= 1:
                    print(f"[new] {src}: {name} first published {age} days ago, {info['releases']} release(s)")
                    flags += 1
    print(f"{flags} flag(s)")
    sys.exit(1 if flags else 0)


if __name__ == "__main__":
    main()
