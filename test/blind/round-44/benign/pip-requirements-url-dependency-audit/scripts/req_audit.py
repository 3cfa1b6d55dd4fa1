#!/usr/bin/env python3
"""Audit pip requirement files for index and URL risks. Read-only."""
import argparse
import configparser
import json
import re
import urllib.error
import urllib.request
from pathlib import Path

NAME = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)")


def pypi_has(name: str) -> bool:
    try:
        with urllib.request.urlopen(f"https://pypi.org/pypi/{name}/json", timeout=10) as r:
            return json.load(r).get("info", {}).get("name") is not None
    except urllib.error.HTTPError as e:
        return False if e.code == 404 else True
    except urllib.error.URLError:
        return False


def audit_file(path: Path, findings: list, names: set):
    has_hash = False
    pinned = 0
    for n, raw in enumerate(path.read_text().splitlines(), 1):
        line = raw.split(" #")[0].strip()
        if not line or line.startswith("#"):
            continue
        loc = f"{path}:{n}"
        if "--hash=" in line:
            has_hash = True
        if line.startswith(("-r ", "-c ", "--requirement", "--constraint")):
            continue
        if line.startswith("--extra-index-url"):
            findings.append((loc, "extra-index", line))
            continue
        if line.startswith("--trusted-host"):
            findings.append((loc, "trusted-host", line))
            continue
        if re.match(r"^(-i|--index-url)\s+http://", line):
            findings.append((loc, "plain-http-index", line))
            continue
        if re.search(r"\bgit\+|hg\+|svn\+", line):
            ref = re.search(r"@([0-9a-f]{40})\b", line)
            findings.append((loc, "vcs" if not ref else "vcs-pinned", line))
            continue
        if " @ " in line or re.match(r"^https?://", line):
            findings.append((loc, "direct-url", line))
            continue
        m = NAME.match(line)
        if m:
            names.add(m.group(1).lower())
            if "==" in line:
                pinned += 1
            else:
                findings.append((loc, "unpinned", line))
    if pinned and not has_hash:
        findings.append((str(path), "no-hashes", f"{pinned} pinned requirements without --hash"))


def audit_pip_conf(path: Path, findings: list):
    cp = configparser.ConfigParser()
    cp.read(path)
    for section in cp.sections():
        for key in ("extra-index-url", "trusted-host"):
            if cp.has_option(section, key):
                findings.append((f"{path}[{section}]", key.replace("-url", ""), cp.get(section, key)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--pip-conf")
    ap.add_argument("--internal-prefix", action="append", default=[])
    a = ap.parse_args()

    findings, names = [], set()
    for f in a.files:
        audit_file(Path(f), findings, names)
    if a.pip_conf and Path(a.pip_conf).expanduser().exists():
        audit_pip_conf(Path(a.pip_conf).expanduser(), findings)
    for name in sorted(names):
        if any(name.startswith(p.lower()) for p in a.internal_prefix) and pypi_has(name):
            findings.append(("pypi.org", "public-shadow", f"{name} exists on public PyPI"))

    print("| Location | Finding | Line |\n|---|---|---|")
    for loc, kind, line in findings:
        print(f"| {loc} | {kind} | `{line}` |")
    print(f"\n{len(findings)} findings across {len(a.files)} file(s).")


if __name__ == "__main__":
    main()
