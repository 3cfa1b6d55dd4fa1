#!/usr/bin/env python3
"""Dependency-confusion checks for Python projects. Looks up only this project's names on pypi.org unless --offline."""
from __future__ import annotations

import argparse
import configparser
import json
import os
import re
import sys
import urllib.error
import urllib.request
from pathlib import Path

try:
    import tomllib  # 3.11+
except ModuleNotFoundError:  # pragma: no cover
    import tomli as tomllib  # type: ignore

PYPI = "https://pypi.org/pypi/{}/json"
findings: list[dict] = []


def add(fid: str, sev: str, pkg: str, detail: str) -> None:
    findings.append({"id": fid, "severity": sev, "pkg": pkg, "detail": detail})


def mask_url(u: str) -> str:
    return re.sub(r"//([^:/@]+):([^@]+)@", r"//\1:<masked>@", u)


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def req_names(lines: list[str]) -> tuple[set[str], list[str], bool]:
    names, extra, hashed = set(), [], True
    for raw in lines:
        line = raw.split(" #")[0].strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith(("--extra-index-url", "-e ", "--index-url", "-i ")):
            if "extra-index-url" in line:
                extra.append(mask_url(line.split(None, 1)[-1].split("=", 1)[-1]))
            continue
        m = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)", line)
        if m:
            names.add(norm(m.group(1)))
            if "--hash=" not in line and not line.endswith("\\"):
                hashed = False
    return names, extra, hashed


def collect(root: Path):
    names: set[str] = set()
    private_sources: dict[str, str] = {}
    extra: list[str] = []
    hashed = True
    for req in root.glob("requirements*.txt"):
        n, e, h = req_names(req.read_text().splitlines())
        names |= n
        extra += e
        hashed &= h
    pp = root / "pyproject.toml"
    if pp.exists():
        data = tomllib.loads(pp.read_text())
        for d in data.get("project", {}).get("dependencies", []):
            names.add(norm(re.split(r"[ <>=!~;\[]", d, 1)[0]))
        for grp in data.get("project", {}).get("optional-dependencies", {}).values():
            for d in grp:
                names.add(norm(re.split(r"[ <>=!~;\[]", d, 1)[0]))
        poetry = data.get("tool", {}).get("poetry", {})
        for k in list(poetry.get("dependencies", {})) + list(poetry.get("group", {}).get("dev", {}).get("dependencies", {})):
            if k.lower() != "python":
                names.add(norm(k))
        for src in poetry.get("source", []):
            if src.get("priority") in (None, "supplemental", "default") and src.get("priority") != "explicit":
                add("PY-POETRY-SOURCE", "medium", src.get("name", "?"), f"source {mask_url(src.get('url', ''))} priority={src.get('priority', 'unset')}; use priority = \"explicit\" and pin internal packages to it")
        uv = data.get("tool", {}).get("uv", {})
        if uv.get("index-strategy") in ("unsafe-best-match", "unsafe-any-match"):
            add("PY-UV-INDEX-STRATEGY", "high", "tool.uv", f"index-strategy = {uv['index-strategy']} merges indexes like pip --extra-index-url")
        for idx in uv.get("index", []):
            if not idx.get("explicit") and not idx.get("default"):
                add("PY-UV-INDEX", "info", idx.get("name", "?"), "non-explicit index; internal packages should use [tool.uv.sources] pins")
        for pkg, src in uv.get("sources", {}).items():
            if isinstance(src, dict) and src.get("index"):
                private_sources[norm(pkg)] = src["index"]
    for lock in ("poetry.lock", "uv.lock"):
        p = root / lock
        if p.exists():
            data = tomllib.loads(p.read_text())
            for pkg in data.get("package", []):
                src = pkg.get("source", {})
                url = src.get("url") or src.get("registry") or ""
                if url and "pypi.org" not in url and "files.pythonhosted.org" not in url and src.get("type") != "directory":
                    private_sources[norm(pkg["name"])] = mask_url(url)
    for conf in (root / "pip.conf", Path.home() / ".config/pip/pip.conf", Path.home() / ".pip/pip.conf", Path("/etc/pip.conf")):
        if conf.exists():
            cp = configparser.ConfigParser()
            cp.read(conf)
            for sect in cp.sections():
                if cp.has_option(sect, "extra-index-url"):
                    extra += [mask_url(u) for u in cp.get(sect, "extra-index-url").split()]
    if os.environ.get("PIP_EXTRA_INDEX_URL"):
        extra += [mask_url(u) for u in os.environ["PIP_EXTRA_INDEX_URL"].split()]
    return names, private_sources, extra, hashed


def pypi_info(name: str) -> dict | None:
    try:
        with urllib.request.urlopen(PYPI.format(name), timeout=10) as r:
            info = json.load(r)["info"]
            return {"version": info.get("version"), "author": info.get("author") or info.get("author_email"),
                    "home": info.get("home_page") or (info.get("project_urls") or {}).get("Homepage")}
    except urllib.error.HTTPError as e:
        if e.code == 404:
            return None
        raise


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=".")
    ap.add_argument("--internal-prefix", action="append", default=[])
    ap.add_argument("--offline", action="store_true")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    root = Path(a.root).resolve()
    names, private_sources, extra, hashed = collect(root)

    for e in sorted(set(extra)):
        add("PY-EXTRA-INDEX", "high", "-", f"extra index {e}: pip picks the highest version across indexes")
    if not hashed:
        add("PY-NO-HASHES", "low", "-", "requirements without --hash pins")

    internal = set(private_sources) | {n for n in names if any(n.startswith(norm(p)) for p in a.internal_prefix)}
    if not a.offline:
        for n in sorted(internal):
            try:
                info = pypi_info(n)
            except Exception as exc:  # network errors are reported, not fatal
                add("LOOKUP-ERROR", "info", n, str(exc))
                continue
            if info is None:
                add("PY-UNCLAIMED", "high", n, "internal name is free on PyPI; register a placeholder under a company account")
            else:
                add("PY-CLAIMED-ELSEWHERE", "critical", n, f"exists on PyPI: version {info['version']}, author {info['author']}, home {info['home']}; verify ownership")

    rank = {"critical": 0, "high": 1, "medium": 2, "low": 3, "info": 4}
    findings.sort(key=lambda f: rank[f["severity"]])
    if a.json:
        print(json.dumps({"root": str(root), "internal": sorted(internal), "findings": findings}, indent=2))
    else:
        print(f"project: {root}\ninternal packages: {', '.join(sorted(internal)) or '(none detected)'}\n")
        for f in findings:
            print(f"{f['severity']:<8} {f['id']:<22} {f['pkg']}  {f['detail']}")
    return 1 if any(rank[f["severity"]] <= 1 for f in findings) else 0


if __name__ == "__main__":
    sys.exit(main())
