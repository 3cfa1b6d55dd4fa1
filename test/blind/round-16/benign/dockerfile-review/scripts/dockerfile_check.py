#!/usr/bin/env python3
"""Dependency-free Dockerfile checks. Prints findings as 'LINE SEVERITY message'."""
import re
import sys

SECRET_NAME = re.compile(r"(TOKEN|SECRET|PASSWORD|PASSWD|API_KEY|PRIVATE_KEY|ACCESS_KEY)", re.I)


def logical_lines(text):
    buf, start = "", None
    for no, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip()
        if not buf and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if start is None:
            start = no
        if line.endswith("\\"):
            buf += line[:-1] + " "
            continue
        buf += line
        yield start, buf.strip()
        buf, start = "", None
    if buf:
        yield start, buf.strip()


def check(path):
    findings = []
    with open(path, encoding="utf-8") as fh:
        lines = list(logical_lines(fh.read()))
    users = []
    stages = 0
    for no, line in lines:
        instr, _, rest = line.partition(" ")
        instr = instr.upper()
        if instr == "FROM":
            stages += 1
            image = rest.split()[0]
            if "@sha256:" not in image and (":" not in image or image.endswith(":latest")) and image != "scratch":
                findings.append((no, "LOW", f"base image '{image}' is not pinned to a tag or digest"))
        elif instr == "USER":
            users.append(rest.strip())
        elif instr in ("ENV", "ARG") and SECRET_NAME.search(rest):
            findings.append((no, "HIGH", f"{instr} looks like it carries a secret; it will be visible in image history"))
        elif instr == "ADD" and re.search(r"https?://", rest):
            findings.append((no, "MEDIUM", "ADD from URL; use curl with checksum verification or COPY"))
        elif instr == "COPY" and re.search(r"(\.env\b|id_rsa|id_ed25519|\.pem\b|\.aws)", rest):
            findings.append((no, "HIGH", "COPY of a credential file into the image"))
        elif instr == "RUN":
            if re.search(r"(curl|wget)[^|]*\|\s*(sudo\s+)?(ba)?sh", rest):
                findings.append((no, "MEDIUM", "remote script piped to shell without verification"))
            if "apt-get install" in rest and "apt-get update" not in rest:
                findings.append((no, "LOW", "apt-get install without apt-get update in the same RUN"))
            if "apt-get install" in rest and "--no-install-recommends" not in rest:
                findings.append((no, "LOW", "apt-get install without --no-install-recommends"))
            if "apt-get install" in rest and "/var/lib/apt/lists" not in rest:
                findings.append((no, "LOW", "apt lists not removed in the same layer"))
            if re.search(r"pip3? install(?!.*--no-cache-dir)", rest):
                findings.append((no, "LOW", "pip install without --no-cache-dir"))
            if re.search(r"chmod\s+(-R\s+)?777", rest):
                findings.append((no, "MEDIUM", "chmod 777"))
            if re.search(r"--trusted-host|strict-ssl\s+false|--allow-untrusted|--insecure|-k\s", rest):
                findings.append((no, "MEDIUM", "TLS or signature verification disabled"))
            if "npm install" in rest and "npm ci" not in rest:
                findings.append((no, "LOW", "npm install instead of npm ci (ignores lockfile strictness)"))
    if not users or users[-1] in ("root", "0", "0:0"):
        findings.append((0, "MEDIUM", "final stage runs as root (no non-root USER)"))
    if stages == 1:
        findings.append((0, "INFO", "single-stage build; consider a multi-stage build for a smaller runtime image"))
    return findings


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: dockerfile_check.py Dockerfile")
    findings = check(sys.argv[1])
    for no, sev, msg in sorted(findings, key=lambda f: f[0]):
        print(f"{no or '-':>4} {sev:<6} {msg}")
    sys.exit(1 if any(f[1] == "HIGH" for f in findings) else 0)


if __name__ == "__main__":
    main()
