#!/usr/bin/env python3
"""Local half of a PyPI token rotation: status, store in keyring, clean ~/.pypirc."""
import argparse
import base64
import configparser
import datetime as dt
import difflib
import getpass
import json
import os
import re
import shutil
import sys
from pathlib import Path

REPOS = {"pypi": "https://upload.pypi.org/legacy/", "testpypi": "https://test.pypi.org/legacy/"}
PYPIRC = Path.home() / ".pypirc"


def short(tok):
    return f"{tok[:9]}…({len(tok)} chars)"


def scope_of(token):
    """Decode macaroon caveats (best effort, no external libs) to show project scope."""
    if not token.startswith("pypi-"):
        return "not a PyPI token"
    raw = token[5:]
    try:
        blob = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4))
    except Exception:
        return "undecodable"
    caveats = re.findall(rb'\{"version":\s*1,\s*"permissions":.*?\}\}|\[\d+,\s*\[.*?\]\]|\{"permissions":.*?\}', blob)
    for c in caveats:
        try:
            data = json.loads(c)
        except json.JSONDecodeError:
            continue
        if isinstance(data, dict):
            perms = data.get("permissions")
            if perms == "user":
                return "ACCOUNT-WIDE (all projects)"
            if isinstance(perms, dict) and "projects" in perms:
                return "projects: " + ", ".join(perms["projects"])
        if isinstance(data, list) and data and data[0] == 1:  # v2 caveat: [1, [project names]]
            return "projects: " + ", ".join(data[1])
    return "ACCOUNT-WIDE (no project caveat found)"


def get_keyring():
    try:
        import keyring  # type: ignore
    except ImportError:
        sys.exit("python keyring not installed: pip install --user keyring")
    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if "plaintext" in name.lower() or "fail" in name.lower() or "null" in name.lower():
        sys.exit(f"keyring backend is {name}: no secure OS keyring available. Stop here.")
    return keyring, name


def status(_):
    if PYPIRC.exists():
        cp = configparser.RawConfigParser()
        cp.read(PYPIRC)
        for sect in cp.sections():
            if cp.has_option(sect, "password"):
                tok = cp.get(sect, "password")
                print(f"~/.pypirc [{sect}] password: {short(tok)}  scope: {scope_of(tok)}")
            elif sect in REPOS:
                print(f"~/.pypirc [{sect}] no password line (good)")
    else:
        print("~/.pypirc: not present")
    if os.environ.get("TWINE_PASSWORD"):
        print(f"TWINE_PASSWORD is set in this environment: {short(os.environ['TWINE_PASSWORD'])}")
    kr, name = get_keyring()
    print(f"keyring backend: {name}")
    for repo, url in REPOS.items():
        tok = kr.get_password(url, "__token__")
        print(f"keyring {repo}: " + (f"{short(tok)}  scope: {scope_of(tok)}" if tok else "none"))


def store(a):
    kr, name = get_keyring()
    url = REPOS[a.repository]
    tok = getpass.getpass(f"Paste the NEW {a.repository} token (input hidden): ").strip()
    if not re.fullmatch(r"pypi-[A-Za-z0-9_\-]{50,}", tok):
        sys.exit("that does not look like a PyPI API token (pypi-...)")
    print(f"token {short(tok)}, scope: {scope_of(tok)}")
    if "ACCOUNT-WIDE" in scope_of(tok):
        print("note: account-wide tokens can upload to every project you own; a project-scoped token is safer.")
    if input(f"Store it in {name} for {url} (user __token__)? [y/N] ").strip().lower() != "y":
        sys.exit("aborted; nothing stored")
    kr.set_password(url, "__token__", tok)
    ok = kr.get_password(url, "__token__") == tok
    print("stored and read back OK" if ok else "WARNING: read-back mismatch")
    del tok


def clean_pypirc(a):
    if not PYPIRC.exists():
        print("~/.pypirc not present; nothing to clean")
        return
    before = PYPIRC.read_text()
    after_lines, section = [], None
    for line in before.splitlines(True):
        m = re.match(r"\s*\[([^\]]+)\]", line)
        if m:
            section = m.group(1).strip()
        if section and re.match(r"\s*password\s*[=:]", line):
            continue
        after_lines.append(line)
    after = "".join(after_lines)
    if after == before:
        print("no password lines in ~/.pypirc")
        return
    redacted = lambda t: re.sub(r"(password\s*[=:]\s*)(\S+)", lambda m: m.group(1) + short(m.group(2)), t)
    sys.stdout.writelines(difflib.unified_diff(redacted(before).splitlines(True), after.splitlines(True),
                                               "~/.pypirc", "~/.pypirc (new)"))
    if not a.yes and input("Apply? A backup will be kept. [y/N] ").strip().lower() != "y":
        sys.exit("aborted")
    backup = PYPIRC.with_name(f".pypirc.bak-{dt.datetime.now():%Y%m%d-%H%M%S}")
    shutil.copy2(PYPIRC, backup)
    os.chmod(backup, 0o600)
    PYPIRC.write_text(after)
    os.chmod(PYPIRC, 0o600)
    print(f"done. Backup (still contains the old token): {backup}. Delete it once the old token is revoked.")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("status").set_defaults(fn=status)
    p = sub.add_parser("store"); p.add_argument("--repository", choices=REPOS, default="pypi"); p.set_defaults(fn=store)
    p = sub.add_parser("clean-pypirc"); p.add_argument("--yes", action="store_true"); p.set_defaults(fn=clean_pypirc)
    a = ap.parse_args()
    a.fn(a)


if __name__ == "__main__":
    main()
