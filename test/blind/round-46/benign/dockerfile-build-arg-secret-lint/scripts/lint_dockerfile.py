#!/usr/bin/env python3
"""Find secrets baked into Dockerfiles and locally built images."""
from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

SECRET_NAME = re.compile(r"(TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|ACCESS_KEY|PRIVATE_KEY|AUTH|CREDENTIALS?)", re.I)
SECRET_FILE = re.compile(r"(^|/)(\.env(\.[\w-]+)?|\.npmrc|\.pypirc|\.netrc|\.git-credentials|id_(rsa|ed25519|ecdsa)|[\w.-]+\.(pem|key|p12|pfx)|\.aws/?|\.ssh/?|\.docker/config\.json)$")
INLINE_CRED = [
    (re.compile(r"curl[^\n]*\s-u\s*['\"]?[^\s:'\"]+:[^\s'\"]+"), "curl -u user:pass"),
    (re.compile(r"https?://[^/\s:@]+:[^/\s@]+@"), "credentials in URL"),
    (re.compile(r"https?://(gh[pousr]_|github_pat_|glpat-|x-access-token)[^@\s]*@"), "token in clone URL"),
    (re.compile(r"--password(=|\s+)(?!-)\S+"), "--password on command line"),
    (re.compile(r"_authToken=(?!\$\{?\w)\S+"), "literal npm authToken"),
]
VALUE_SHAPES = re.compile(r"\b(AKIA[A-Z0-9]{16}|gh[pousr]_[A-Za-z0-9]{36}|npm_[A-Za-z0-9]{36}|glpat-[A-Za-z0-9_-]{20})\b")


def mask(s: str) -> str:
    return s if len(s) < 10 else f"{s[:4]}…{s[-2:]}"


def logical_lines(text: str):
    buf, start = "", 1
    for no, line in enumerate(text.splitlines(), 1):
        if not buf:
            start = no
        stripped = line.rstrip()
        if stripped.endswith("\\"):
            buf += stripped[:-1] + " "
            continue
        buf += stripped
        if buf.strip() and not buf.lstrip().startswith("#"):
            yield start, buf.strip()
        buf = ""


def lint_source(path: Path) -> list[tuple[str, int, str]]:
    out = []
    secret_files_written: dict[str, int] = {}
    for no, line in logical_lines(path.read_text()):
        instr, _, rest = line.partition(" ")
        instr = instr.upper()
        if instr in ("ARG", "ENV"):
            name = re.split(r"[=\s]", rest.strip(), 1)[0]
            if SECRET_NAME.search(name):
                out.append(("DKS001", no, f"{instr} {name} — values end up in image metadata/history"))
        if instr in ("COPY", "ADD"):
            for src in rest.split()[:-1]:
                if src.startswith("--"):
                    continue
                if SECRET_FILE.search(src.rstrip("/")):
                    out.append(("DKS002", no, f"{instr} {src}"))
        if instr == "RUN" and "--mount=type=secret" not in rest:
            for rx, why in INLINE_CRED:
                m = rx.search(rest)
                if m:
                    out.append(("DKS003", no, f"{why}: {mask(m.group(0))}"))
            for m in re.finditer(r">\s*(\S*(\.npmrc|\.pypirc|\.netrc|\.git-credentials))", rest):
                secret_files_written[m.group(1)] = no
            for f, wrote in list(secret_files_written.items()):
                if re.search(r"\brm\b[^&;|]*" + re.escape(f.split("/")[-1]), rest):
                    out.append(("DKS004", no, f"{f} written at line {wrote} and removed here; earlier layer or history may keep it"))
        for m in VALUE_SHAPES.finditer(line):
            out.append(("DKS003", no, f"literal credential shape {mask(m.group(0))}"))

    ignore = path.parent / ".dockerignore"
    if not ignore.exists():
        out.append(("DKS005", 0, ".dockerignore missing"))
    else:
        entries = ignore.read_text()
        for must in (".env", ".git", "*.pem"):
            if must not in entries:
                out.append(("DKS005", 0, f".dockerignore does not exclude {must}"))
    return out


def lint_image(tag: str) -> list[tuple[str, int, str]]:
    if not shutil.which("docker"):
        sys.exit("docker CLI not found; image pass skipped")
    out = []
    hist = subprocess.run(["docker", "history", "--no-trunc", "--format", "{{.CreatedBy}}", tag],
                          capture_output=True, text=True, check=True).stdout.splitlines()
    for i, cmd in enumerate(hist):
        for rx, why in INLINE_CRED:
            m = rx.search(cmd)
            if m:
                out.append(("IMG001", i, f"layer {i}: {why}: {mask(m.group(0))}"))
        for m in re.finditer(r"\|\d+\s+((\w+)=(\S+))", cmd):
            if SECRET_NAME.search(m.group(2)) and m.group(3):
                out.append(("IMG001", i, f"layer {i}: build arg {m.group(2)}={mask(m.group(3))}"))
        for m in VALUE_SHAPES.finditer(cmd):
            out.append(("IMG001", i, f"layer {i}: literal {mask(m.group(0))}"))
    cfg = json.loads(subprocess.run(["docker", "image", "inspect", tag], capture_output=True, text=True, check=True).stdout)
    for env in (cfg[0].get("Config") or {}).get("Env") or []:
        k, _, v = env.partition("=")
        if SECRET_NAME.search(k) and v:
            out.append(("IMG002", 0, f"Env {k}={mask(v)}"))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("dockerfile", nargs="?")
    ap.add_argument("--image")
    a = ap.parse_args()
    if not a.dockerfile and not a.image:
        ap.error("give a Dockerfile and/or --image TAG")
    findings = []
    if a.dockerfile:
        findings += lint_source(Path(a.dockerfile))
    if a.image:
        findings += lint_image(a.image)
    for fid, line, msg in findings:
        print(f"{fid}  {'L' + str(line) if line else '-':>5}  {msg}")
    print(f"{len(findings)} findings")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
