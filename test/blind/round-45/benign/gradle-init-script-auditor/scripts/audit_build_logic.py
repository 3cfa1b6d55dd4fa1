#!/usr/bin/env python3
"""Static auditor for Gradle, Maven and Cargo build logic.

Reads files only. Never executes or imports the project under review.
"""
import argparse
import json
import os
import re
import sys

RULES = [
    ("BL001", "high", "network client in build logic",
     re.compile(r"(new\s+URL\s*\(|HttpURLConnection|HttpClient|Socket\s*\(|reqwest::|ureq::|TcpStream::connect|\.openStream\(\)|curl\s+-)")),
    ("BL002", "high", "reads credential path under home directory",
     re.compile(r"(\.ssh/|\.aws/credentials|\.npmrc|\.m2/settings\.xml|\.gradle/gradle\.properties|\.docker/config\.json|\.kube/config)")),
    ("BL003", "medium", "enumerates the whole environment",
     re.compile(r"(System\.getenv\(\s*\)|std::env::vars\(\)|env::vars_os\(\)|System\.getProperties\(\s*\))")),
    ("BL004", "medium", "spawns a process",
     re.compile(r"(ProcessBuilder|Runtime\.getRuntime\(\)\.exec|\bexec\s*\{|commandLine\s*\(|Command::new|\"sh\"\s*,\s*\"-c\")")),
    ("BL005", "medium", "decodes a long encoded literal",
     re.compile(r"(Base64\.getDecoder\(\)|base64::decode|decodeBase64|[A-Za-z0-9+/]{120,}={0,2})")),
    ("BL006", "medium", "repository or plugin from raw IP or plain http",
     re.compile(r"(url\s*[=(]\s*['\"]http://|maven\s*\{\s*url\s*['\"]http://|https?://\d{1,3}(\.\d{1,3}){3})")),
]

MAVEN_EARLY = re.compile(r"<phase>\s*(validate|initialize)\s*</phase>")
MAVEN_SCRIPT_PLUGINS = ("exec-maven-plugin", "maven-antrun-plugin", "groovy-maven-plugin", "gmavenplus-plugin")

SKIP_DIRS = {".git", "build", "target", ".gradle", "node_modules", ".idea"}


def candidate(path):
    name = os.path.basename(path)
    if name.endswith((".gradle", ".gradle.kts")) or name == "build.rs" or name == "pom.xml":
        return True
    norm = path.replace(os.sep, "/")
    if "/buildSrc/" in norm and name.endswith((".kt", ".kts", ".groovy", ".java")):
        return True
    if "/init.d/" in norm:
        return True
    return False


def scan_file(path):
    findings = []
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            lines = fh.readlines()
    except OSError as exc:
        return [{"file": path, "line": 0, "rule": "IO", "severity": "info", "message": str(exc)}]
    for no, line in enumerate(lines, 1):
        for rid, sev, msg, rx in RULES:
            if rx.search(line):
                findings.append({"file": path, "line": no, "rule": rid, "severity": sev,
                                 "message": msg, "snippet": line.strip()[:160]})
    if os.path.basename(path) == "pom.xml":
        text = "".join(lines)
        if MAVEN_EARLY.search(text) and any(p in text for p in MAVEN_SCRIPT_PLUGINS):
            findings.append({"file": path, "line": 0, "rule": "BL007", "severity": "high",
                             "message": "script-running plugin bound to validate/initialize phase",
                             "snippet": ""})
    return findings


def walk(root):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
        for fn in filenames:
            full = os.path.join(dirpath, fn)
            if candidate(full):
                yield full


def render_md(root, findings):
    out = [f"# Build-logic audit: `{root}`", ""]
    if not findings:
        out.append("No findings.")
        return "\n".join(out)
    out += ["| Severity | Rule | File:line | Message | Snippet |", "|---|---|---|---|---|"]
    for f in sorted(findings, key=lambda x: (x["severity"] != "high", x["file"], x["line"])):
        rel = os.path.relpath(f["file"], root)
        snip = f.get("snippet", "").replace("|", "\\|")
        out.append(f"| {f['severity']} | {f['rule']} | `{rel}:{f['line']}` | {f['message']} | `{snip}` |")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("root", nargs="?", default=".")
    ap.add_argument("--format", choices=["md", "json"], default="md")
    args = ap.parse_args()
    root = os.path.abspath(args.root)
    findings = []
    for path in walk(root):
        findings.extend(scan_file(path))
    if args.format == "json":
        json.dump(findings, sys.stdout, indent=2)
    else:
        print(render_md(root, findings))
    sys.exit(2 if any(f["severity"] == "high" for f in findings) else 0)


if __name__ == "__main__":
    main()
