#!/usr/bin/env python3
"""Audit local Python packaging credentials. Reads local files only; never prints secret values."""
import argparse
import configparser
import json
import os
import re
import stat
import sys
from pathlib import Path
from urllib.parse import urlsplit

HOME = Path.home()
findings = []


def add(sev, where, msg):
    findings.append({"severity": sev, "where": str(where), "message": msg})


def mask(value):
    if not value:
        return ""
    if value.startswith("pypi-"):
        return f"{value[:8]}…(len {len(value)})"
    return f"******(len {len(value)})"


def check_perms(path):
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return
    if os.name == "posix" and mode & 0o077:
        add("medium", path, f"permissions {oct(mode)}; should be 0o600")


def url_creds(url, where):
    parts = urlsplit(url)
    if parts.password or (parts.username and "@" in parts.netloc):
        add("high", where, f"credentials embedded in index URL for host {parts.hostname} (user={parts.username}, secret {mask(parts.password)})")
    if parts.scheme == "http":
        add("high", where, f"plain HTTP index {parts.hostname}")
    return parts.hostname


def audit_pypirc():
    path = Path(os.environ.get("PYPIRC", HOME / ".pypirc"))
    if not path.exists():
        add("info", path, "not present")
        return
    cp = configparser.RawConfigParser()
    cp.read(path)
    has_secret = False
    for section in cp.sections():
        if section == "distutils":
            continue
        user = cp.get(section, "username", fallback="")
        pw = cp.get(section, "password", fallback="")
        repo = cp.get(section, "repository", fallback="(default)")
        if pw:
            has_secret = True
            if user != "__token__":
                add("high", f"{path} [{section}]", f"plaintext password for user '{user}' ({mask(pw)}); PyPI requires API tokens")
            elif not pw.startswith("pypi-"):
                add("medium", f"{path} [{section}]", f"__token__ with a value that doesn't look like a PyPI token ({mask(pw)})")
            else:
                add("low", f"{path} [{section}]", f"API token stored in file ({mask(pw)}); consider keyring or trusted publishing; check token scope on PyPI")
        elif user:
            add("info", f"{path} [{section}]", f"username '{user}' without password (keyring or prompt will be used)")
        if repo.startswith("http://"):
            add("high", f"{path} [{section}]", "repository uses plain HTTP")
    if has_secret:
        check_perms(path)


def pip_conf_paths():
    cands = []
    if os.environ.get("PIP_CONFIG_FILE"):
        cands.append(Path(os.environ["PIP_CONFIG_FILE"]))
    cands += [HOME / ".config/pip/pip.conf", HOME / ".pip/pip.conf", Path("/etc/pip.conf"),
              HOME / "AppData/Roaming/pip/pip.ini", Path(os.environ.get("VIRTUAL_ENV", "/nonexistent")) / "pip.conf"]
    return [p for p in cands if p.exists()]


def audit_pip(hosts):
    for path in pip_conf_paths():
        cp = configparser.RawConfigParser()
        cp.read(path)
        for section in cp.sections():
            for key in ("index-url", "extra-index-url"):
                for url in cp.get(section, key, fallback="").split():
                    h = url_creds(url, f"{path} [{section}] {key}")
                    if h:
                        hosts.add(h)
                    if key == "extra-index-url" and h and h not in ("pypi.org", "files.pythonhosted.org"):
                        add("medium", f"{path} [{section}]", f"extra-index-url {h}: dependency-confusion risk; prefer a single proxying index")
            th = cp.get(section, "trusted-host", fallback="")
            if th:
                add("medium", f"{path} [{section}]", f"trusted-host disables TLS verification for: {th}")
        check_perms(path)


def audit_uv(hosts):
    for path in [HOME / ".config/uv/uv.toml", Path("uv.toml"), Path("pyproject.toml")]:
        if not path.exists():
            continue
        for i, line in enumerate(path.read_text(errors="ignore").splitlines(), 1):
            m = re.search(r'url\s*=\s*"([^"]+)"', line)
            if m:
                h = url_creds(m.group(1), f"{path}:{i}")
                if h:
                    hosts.add(h)
            if re.search(r"allow-insecure-host", line):
                add("medium", f"{path}:{i}", "allow-insecure-host set")


def audit_netrc(hosts):
    path = HOME / ".netrc"
    if not path.exists():
        return
    text = path.read_text(errors="ignore")
    machines = re.findall(r"machine\s+(\S+)", text)
    relevant = [m for m in machines if m in hosts | {"pypi.org", "upload.pypi.org", "test.pypi.org"}]
    if relevant:
        add("info", path, f"credentials for packaging hosts: {', '.join(relevant)}")
        check_perms(path)


def audit_env_and_rc():
    pat = re.compile(r"^(TWINE_|PIP_|UV_|POETRY_)(PASSWORD|TOKEN|.*INDEX_URL|HTTP_BASIC_.*|PYPI_TOKEN_.*)")
    for k, v in os.environ.items():
        if pat.match(k):
            sev = "info" if "INDEX_URL" in k else "low"
            if "INDEX_URL" in k:
                url_creds(v, f"env {k}")
            add(sev, f"env {k}", f"set ({mask(v) if 'URL' not in k else urlsplit(v).hostname})")
    for rc in (".bashrc", ".zshrc", ".profile", ".bash_profile", ".config/fish/config.fish"):
        p = HOME / rc
        if not p.exists():
            continue
        for i, line in enumerate(p.read_text(errors="ignore").splitlines(), 1):
            m = re.search(r"\b((TWINE|UV|POETRY)_[A-Z_]*(PASSWORD|TOKEN)[A-Z_]*)\s*=", line)
            if m and "$(" not in line:
                add("medium", f"{p}:{i}", f"{m.group(1)} hard-coded in shell startup file")


def audit_keyring():
    try:
        import keyring  # noqa: F401
        backend = keyring.get_keyring()
        add("info", "keyring", f"available, backend {backend.__class__.__name__}")
    except Exception:
        add("info", "keyring", "python keyring not installed in this interpreter")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    hosts = set()
    audit_pypirc()
    audit_pip(hosts)
    audit_uv(hosts)
    audit_netrc(hosts)
    audit_env_and_rc()
    audit_keyring()
    order = {"high": 0, "medium": 1, "low": 2, "info": 3}
    findings.sort(key=lambda f: order[f["severity"]])
    if a.json:
        json.dump(findings, sys.stdout, indent=2)
        return
    for f in findings:
        print(f"{f['severity']:<7} {f['where']}\n        {f['message']}")
    counts = {s: sum(f["severity"] == s for f in findings) for s in order}
    print(f"\n{counts['high']} high, {counts['medium']} medium, {counts['low']} low, {counts['info']} info")


if __name__ == "__main__":
    main()
