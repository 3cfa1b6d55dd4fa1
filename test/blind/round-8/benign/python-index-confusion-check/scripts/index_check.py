#!/usr/bin/env python3
"""Report Python package-index configuration and dependency-confusion risk. Read-only."""
import argparse
import configparser
import ipaddress
import json
import os
import re
import sys
import tomllib
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

PYPI_HOSTS = {"pypi.org", "files.pythonhosted.org", "pypi.python.org"}


def redact(url: str) -> str:
    return re.sub(r"//[^/@\s]+@", "//***@", url)


def user_config_files() -> list[Path]:
    home = Path.home()
    candidates = [
        home / ".config/pip/pip.conf",
        home / ".pip/pip.conf",
        home / "Library/Application Support/pip/pip.conf",
        Path("/etc/pip.conf"),
        home / ".config/uv/uv.toml",
    ]
    if os.name == "nt" and os.environ.get("APPDATA"):
        candidates.append(Path(os.environ["APPDATA"]) / "pip/pip.ini")
    return [p for p in candidates if p.exists()]


def collect(project: Path) -> tuple[list[dict], dict[str, str]]:
    """Return index entries and a map of package name -> index it is pinned to."""
    entries: list[dict] = []
    pinned: dict[str, str] = {}

    def add(url, kind, source, committed):
        entries.append({"url": url.strip(), "kind": kind, "source": source, "committed": committed})

    for var, kind in (("PIP_INDEX_URL", "index"), ("PIP_EXTRA_INDEX_URL", "extra"),
                      ("UV_INDEX_URL", "index"), ("UV_EXTRA_INDEX_URL", "extra"), ("UV_INDEX", "extra")):
        for url in os.environ.get(var, "").split():
            add(url, kind, f"env:{var}", False)
    for host in os.environ.get("PIP_TRUSTED_HOST", "").split():
        add(host, "trusted-host", "env:PIP_TRUSTED_HOST", False)

    conf_files = [(p, False) for p in user_config_files()]
    conf_files += [(p, True) for p in (project / "pip.conf", project / ".pip/pip.conf") if p.exists()]
    for path, committed in conf_files:
        if path.suffix == ".toml":
            data = tomllib.loads(path.read_text())
            for idx in data.get("index", []):
                add(idx.get("url", ""), "index" if idx.get("default") else "extra", str(path), committed)
            if data.get("index-url"):
                add(data["index-url"], "index", str(path), committed)
            for u in data.get("extra-index-url", []):
                add(u, "extra", str(path), committed)
            continue
        cp = configparser.ConfigParser()
        cp.read(path)
        for section in cp.sections():
            for key, kind in (("index-url", "index"), ("extra-index-url", "extra"), ("trusted-host", "trusted-host")):
                for v in cp.get(section, key, fallback="").split():
                    add(v, kind, f"{path}[{section}]", committed)

    for req in list(project.glob("requirements*.txt")) + list(project.glob("constraints*.txt")):
        for line in req.read_text().splitlines():
            m = re.match(r"\s*(--index-url|-i|--extra-index-url|--trusted-host)[\s=]+(\S+)", line)
            if m:
                kind = {"--index-url": "index", "-i": "index", "--extra-index-url": "extra"}.get(m.group(1), "trusted-host")
                add(m.group(2), kind, str(req.relative_to(project)), True)

    pyproject = project / "pyproject.toml"
    if pyproject.exists():
        data = tomllib.loads(pyproject.read_text())
        tool = data.get("tool", {})
        for idx in tool.get("uv", {}).get("index", []):
            add(idx.get("url", ""), "index" if idx.get("default") else ("explicit" if idx.get("explicit") else "extra"),
                "pyproject.toml [tool.uv.index]", True)
        for name, src in tool.get("uv", {}).get("sources", {}).items():
            if isinstance(src, dict) and "index" in src:
                pinned[name] = src["index"]
        for src in tool.get("poetry", {}).get("source", []):
            prio = src.get("priority", "primary")
            add(src.get("url", ""), {"primary": "index", "explicit": "explicit"}.get(prio, "extra"),
                "pyproject.toml [tool.poetry.source]", True)
    return entries, pinned


def internal_names(project: Path) -> set[str]:
    """Guess names that come from a private index: listed in a private-requirements file or pinned via sources."""
    names = set()
    for req in project.glob("requirements*private*.txt"):
        for line in req.read_text().splitlines():
            m = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", line)
            if m and not line.strip().startswith("-"):
                names.add(m.group(1).lower())
    return names


def host_problem(url: str) -> str | None:
    parts = urlsplit(url if "://" in url else f"https://{url}")
    if parts.scheme == "http" and parts.hostname not in ("localhost", "127.0.0.1"):
        return "plain http"
    try:
        ipaddress.ip_address(parts.hostname or "")
        return "raw IP address"
    except ValueError:
        return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("project", nargs="?", default=".")
    ap.add_argument("--check-pypi", action="store_true")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    project = Path(a.project).resolve()

    entries, pinned = collect(project)
    findings = []
    has_pypi = any(urlsplit(e["url"]).hostname in PYPI_HOSTS for e in entries if e["kind"] == "index") or not any(
        e["kind"] == "index" for e in entries
    )
    for e in entries:
        host = urlsplit(e["url"] if "://" in e["url"] else f"https://{e['url']}").hostname
        shown = redact(e["url"])
        if e["kind"] == "extra" and host not in PYPI_HOSTS and has_pypi:
            findings.append(("IDX-MIX", f"{shown} is an extra index alongside PyPI ({e['source']})"))
        if e["kind"] == "trusted-host":
            findings.append(("IDX-TRUSTED", f"TLS verification disabled for {shown} ({e['source']})"))
        elif (p := host_problem(e["url"])):
            findings.append(("IDX-HOST", f"{shown}: {p} ({e['source']})"))
        if e["committed"] and re.search(r"//[^/@\s]+:[^/@\s]+@", e["url"]):
            findings.append(("IDX-CRED", f"credentials embedded in {shown} in committed file {e['source']}"))

    names = internal_names(project) | set(pinned)
    if a.check_pypi:
        for name in sorted(names):
            try:
                with urllib.request.urlopen(f"https://pypi.org/pypi/{name}/json", timeout=10) as r:
                    info = json.load(r)["info"]
                findings.append(("IDX-TAKEN", f"'{name}' exists on PyPI (author: {info.get('author') or info.get('maintainer') or '?'})"))
            except urllib.error.HTTPError as err:
                if err.code == 404:
                    findings.append(("IDX-CLAIMABLE", f"'{name}' is not on PyPI; anyone could register it"))

    if a.json:
        print(json.dumps({"indexes": [{**e, "url": redact(e["url"])} for e in entries],
                          "findings": [{"code": c, "detail": d} for c, d in findings]}, indent=2))
    else:
        print("Configured indexes:")
        for e in entries or [{"url": "https://pypi.org/simple (default)", "kind": "index", "source": "built-in"}]:
            print(f"  {e['kind']:<12} {redact(e['url'])}  ← {e['source']}")
        print()
        for code, detail in findings:
            print(f"[{code}] {detail}")
        if not findings:
            print("no findings")
    return 1 if any(c in ("IDX-TAKEN", "IDX-CRED") for c, _ in findings) else 0


if __name__ == "__main__":
    sys.exit(main())
