#!/usr/bin/env python3
"""Audit .gitmodules and gitlinks without initialising submodules.

Only runs read-only git commands: version, show, ls-tree, config --get-regexp.
"""
from __future__ import annotations

import argparse
import configparser
import re
import subprocess
import sys
from urllib.parse import urlparse

MIN_SAFE = (2, 45, 1)


def git(*args: str, check: bool = True) -> str:
    res = subprocess.run(["git", *args], capture_output=True, text=True)
    if check and res.returncode != 0:
        raise RuntimeError(res.stderr.strip())
    return res.stdout


def parse_gitmodules(text: str) -> dict[str, dict[str, str]]:
    cp = configparser.ConfigParser(interpolation=None, strict=False)
    cp.optionxform = str
    # git config syntax: [submodule "name"]  -> configparser section 'submodule "name"'
    cp.read_string(text)
    mods = {}
    for sec in cp.sections():
        m = re.match(r'submodule\s+"(.*)"', sec)
        if m:
            mods[m.group(1)] = dict(cp.items(sec))
    return mods


def levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def url_host(url: str) -> tuple[str, str]:
    """Return (transport, host)."""
    if url.startswith("ext::"):
        return "ext", ""
    if re.match(r"^[\w.-]+@[\w.-]+:", url):  # scp-like ssh
        return "ssh", url.split("@", 1)[1].split(":", 1)[0].lower()
    p = urlparse(url)
    if p.scheme:
        return p.scheme, (p.hostname or "").lower()
    return "local", ""


def git_version() -> tuple[int, ...]:
    m = re.search(r"(\d+)\.(\d+)\.(\d+)", git("version"))
    return tuple(int(x) for x in m.groups()) if m else (0, 0, 0)


def gitlinks(rev: str) -> dict[str, str]:
    out = {}
    for line in git("ls-tree", "-r", rev).splitlines():
        meta, path = line.split("\t", 1)
        mode, typ, sha = meta.split()
        if mode == "160000":
            out[path] = sha
    return out


def symlinks(rev: str) -> dict[str, str]:
    out = {}
    for line in git("ls-tree", "-r", rev).splitlines():
        meta, path = line.split("\t", 1)
        mode, typ, sha = meta.split()
        if mode == "120000":
            out[path] = git("cat-file", "-p", sha).strip()
    return out


def audit(rev: str, base: str | None, allow: list[str]) -> list[tuple[str, str, str]]:
    findings: list[tuple[str, str, str]] = []

    ver = git_version()
    if ver < MIN_SAFE:
        findings.append(("INFO", "git", f"git {'.'.join(map(str, ver))} < 2.45.1: update git before recursive clones of untrusted repos"))

    raw = git("show", f"{rev}:.gitmodules", check=False)
    mods = parse_gitmodules(raw) if raw.strip() else {}
    links = gitlinks(rev)
    if not mods and not links:
        return findings + [("INFO", "-", "no submodules at " + rev)]

    paths_lower: dict[str, str] = {}
    for name, cfg in mods.items():
        url = cfg.get("url", "")
        path = cfg.get("path", "")
        label = path or name
        transport, host = url_host(url)

        if url.startswith("-") or path.startswith("-"):
            findings.append(("HIGH", label, f"url/path starts with '-' (option injection): {url}"))
        if transport == "ext":
            findings.append(("HIGH", label, f"transport ext:: executes a command: {url}"))
        elif transport in ("file", "local"):
            findings.append(("HIGH", label, f"local/file transport reads from this machine: {url}"))
        elif transport == "http":
            findings.append(("MED", label, f"plain http transport: {url}"))
        if host and allow and host not in allow:
            close = [a for a in allow if levenshtein(host, a) <= 2 or host.replace("-", "").startswith(a.replace(".", ""))]
            if close:
                findings.append(("HIGH", label, f"url host '{host}' looks like allowed host '{close[0]}'"))
            else:
                findings.append(("MED", label, f"url host '{host}' not in allow-list"))
        for val, what in ((name, "name"), (path, "path")):
            segs = re.split(r"[\\/]", val)
            if ".." in segs or val.startswith("/") or re.match(r"^[A-Za-z]:", val):
                findings.append(("HIGH", label, f"{what} escapes the worktree: {val!r}"))
            if any(s.lower() == ".git" for s in segs):
                findings.append(("HIGH", label, f"{what} points inside .git: {val!r}"))
        low = path.lower()
        if low in paths_lower and paths_lower[low] != path:
            findings.append(("HIGH", label, f"case-folding collision with {paths_lower[low]!r}"))
        paths_lower[low] = path
        upd = cfg.get("update", "")
        if upd.startswith("!"):
            findings.append(("HIGH", label, f"custom update command in .gitmodules: {upd!r} (ignored by modern git, but deliberate)"))
        if "branch" in cfg:
            findings.append(("MED", label, f"tracks branch '{cfg['branch']}' (update --remote will follow it)"))
        if path and path not in links:
            findings.append(("MED", label, "declared in .gitmodules but no gitlink in tree"))

    for p in links:
        if p not in {c.get("path") for c in mods.values()}:
            findings.append(("MED", p, "gitlink without .gitmodules entry (hidden submodule)"))

    for link, target in symlinks(rev).items():
        norm = target.replace("\\", "/")
        if ".git" in norm.split("/") or any(norm.rstrip("/").endswith(p) for p in links):
            findings.append(("HIGH", link, f"symlink to {target!r} (CVE-2024-32002 shape)"))

    # local overrides
    local = git("config", "--local", "--get-regexp", r"^submodule\..*\.url$", check=False)
    for line in local.splitlines():
        key, _, val = line.partition(" ")
        findings.append(("INFO", key, f"local .git/config override url={val}"))

    if base:
        braw = git("show", f"{base}:.gitmodules", check=False)
        bmods = parse_gitmodules(braw) if braw.strip() else {}
        blinks = gitlinks(base)
        for name in sorted(set(mods) | set(bmods)):
            a, b = bmods.get(name), mods.get(name)
            if a is None:
                findings.append(("MED", name, f"added submodule: {b.get('url')}"))
            elif b is None:
                findings.append(("INFO", name, "removed submodule"))
            elif a.get("url") != b.get("url"):
                findings.append(("MED", name, f"url changed: {a.get('url')} -> {b.get('url')}"))
        for p in sorted(set(links) & set(blinks)):
            if links[p] != blinks[p]:
                findings.append(("INFO", p, f"commit changed {blinks[p][:10]} -> {links[p][:10]}"))
    return findings


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rev", default="HEAD")
    ap.add_argument("--base")
    ap.add_argument("--allow-host", action="append", default=[])
    args = ap.parse_args()
    try:
        findings = audit(args.rev, args.base, [h.lower() for h in args.allow_host])
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    order = {"HIGH": 0, "MED": 1, "INFO": 2}
    for sev, where, msg in sorted(findings, key=lambda f: order[f[0]]):
        print(f"{sev:6} {where:20} {msg}")
    return 1 if any(f[0] == "HIGH" for f in findings) else 0


if __name__ == "__main__":
    sys.exit(main())
