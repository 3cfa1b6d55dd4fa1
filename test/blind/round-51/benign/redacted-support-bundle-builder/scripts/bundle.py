#!/usr/bin/env python3
"""Build, scan and pack a redacted support bundle. Never uploads."""
import argparse
import datetime as dt
import fnmatch
import glob
import hashlib
import os
import re
import subprocess
import sys
import tarfile

try:
    import yaml
except ImportError:
    sys.exit("pip install pyyaml")

HERE = os.path.dirname(os.path.abspath(__file__))
PROFILES = os.path.join(HERE, "..", "assets", "profiles.yaml")

# (name, pattern, group holding the secret; 0 = whole match)
RULES = [
    ("kv-secret", re.compile(r"(?i)((?:api|app)_?key|password|passwd|secret|token|client_secret|private_key)(\s*[:=]\s*[\"']?)([^\s\"',#]{4,})"), 3),
    ("url-cred", re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s:/@]+:([^\s@/]+)@"), 1),
    ("aws-key", re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"), 0),
    ("github-token", re.compile(r"\bgh[pousr]_[A-Za-z0-9]{30,}\b"), 0),
    ("slack-token", re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}\b"), 0),
    ("stripe-key", re.compile(r"\b(?:sk|rk)_live_[A-Za-z0-9]{16,}\b"), 0),
    ("jwt", re.compile(r"\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}"), 0),
    ("dd-key-env", re.compile(r"DD_(?:API|APP)_KEY\s*=\s*(\S+)"), 1),
    ("bearer", re.compile(r"(?i)authorization:\s*bearer\s+(\S+)"), 1),
]
PEM = re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?-----END [A-Z ]*PRIVATE KEY-----", re.S)
PII = [("email", re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b")),
       ("ipv4", re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b"))]


def redact(text, pii, extra):
    log = []
    text, n = PEM.subn("«redacted:private-key»", text)
    if n:
        log.append(("pem", 0, n))
    out_lines = []
    for i, line in enumerate(text.splitlines(keepends=True), 1):
        extra_rules = [("extra", re.compile(p), 0) for p in extra]
        for name, rx, g in RULES + extra_rules:
            def sub(m, name=name, g=g):
                if "«redacted" in m.group(g):
                    return m.group(0)
                log.append((name, i, 1))
                start, end = m.start(g) - m.start(0), m.end(g) - m.start(0)
                whole = m.group(0)
                return whole[:start] + f"«redacted:{name}»" + whole[end:]
            line = rx.sub(sub, line)
        if pii:
            for name, rx in PII:
                line, n = rx.subn(f"«redacted:{name}»", line)
                if n:
                    log.append((name, i, n))
        out_lines.append(line)
    return "".join(out_lines), log


def blocked(path, never):
    p = os.path.abspath(os.path.expanduser(path))
    for pat in never:
        q = os.path.abspath(os.path.expanduser(pat)) if "/" in pat or pat.startswith("~") else pat
        if p.startswith(q) or fnmatch.fnmatch(os.path.basename(p), pat):
            return True
    return False


def build(a):
    profiles = yaml.safe_load(open(PROFILES))
    prof = profiles[a.profile]
    never = profiles["never_collect"]
    pii = a.redact_pii or prof.get("redact_pii", False)
    stage = os.path.join(a.out, f"case-{a.case}")
    files_dir = os.path.join(stage, "files")
    os.makedirs(files_dir, exist_ok=True)
    manifest, redactions = [], []
    fmt = dict(namespace=a.namespace or "", selector=a.selector or "", since=a.since or "")

    def store(rel, text, source):
        red, log = redact(text, pii, a.extra_pattern)
        dst = os.path.join(files_dir, rel)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        with open(dst, "w") as fh:
            fh.write(red)
        manifest.append((rel, source, len(red), sum(n for _, _, n in log)))
        redactions.extend((rel, line, rule) for rule, line, _ in log)

    for cmd in prof.get("commands", []):
        argv = [c.format(**fmt) for c in cmd]
        r = subprocess.run(argv, capture_output=True, text=True)
        store(f"commands/{'_'.join(argv[:3]).replace('/', '_')}.txt", r.stdout + r.stderr, " ".join(argv))

    for pattern in prof.get("files", []) + (a.add_file or []):
        for path in glob.glob(os.path.expanduser(pattern)):
            if blocked(path, never):
                print(f"skipped (never collect): {path}")
                continue
            store("config" + os.path.abspath(path), open(path, errors="replace").read(), path)

    since = dt.datetime.fromisoformat(a.since.replace("Z", "+00:00")) if a.since else None
    until = dt.datetime.fromisoformat(a.until.replace("Z", "+00:00")) if a.until else None
    for pattern in prof.get("logs", []) + (a.add_log or []):
        for path in glob.glob(pattern):
            keep = []
            for line in open(path, errors="replace"):
                m = re.match(r"(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2})", line)
                if m and (since or until):
                    t = dt.datetime.fromisoformat(m.group(1).replace(" ", "T")).replace(tzinfo=dt.timezone.utc)
                    if (since and t < since) or (until and t > until):
                        continue
                keep.append(line)
            store("logs" + os.path.abspath(path), "".join(keep[-20000:]), path)

    with open(os.path.join(stage, "MANIFEST.md"), "w") as fh:
        fh.write(f"# Support bundle case {a.case}\n\nprofile: {a.profile}, pii redaction: {pii}\n\n")
        fh.write("| file | source | bytes | redactions |\n|---|---|---|---|\n")
        for rel, src, size, n in manifest:
            fh.write(f"| {rel} | {src} | {size} | {n} |\n")
    with open(os.path.join(stage, "REDACTIONS.md"), "w") as fh:
        fh.write("| file | line | rule |\n|---|---|---|\n")
        for rel, line, rule in redactions:
            fh.write(f"| {rel} | {line} | {rule} |\n")
    print(f"staged {len(manifest)} files, {len(redactions)} redactions -> {stage}")
    print("review MANIFEST.md and REDACTIONS.md, run `scan`, then `pack`")


def scan(a):
    hits = 0
    for root, _, files in os.walk(os.path.join(a.stage, "files")):
        for f in files:
            p = os.path.join(root, f)
            for i, line in enumerate(open(p, errors="replace"), 1):
                for name, rx, g in RULES:
                    for m in rx.finditer(line):
                        if "«redacted" not in m.group(g):
                            hits += 1
                            print(f"{p}:{i}: possible {name}")
    print(f"{hits} possible leftovers" if hits else "second pass clean")


def pack(a):
    name = os.path.basename(os.path.normpath(a.stage))
    out = os.path.join(os.path.dirname(os.path.normpath(a.stage)), name + ".tar.gz")
    with tarfile.open(out, "w:gz") as t:
        t.add(a.stage, arcname=name)
    h = hashlib.sha256(open(out, "rb").read()).hexdigest()
    print(f"{out}  {os.path.getsize(out)} bytes  sha256 {h}")
    print("Upload it yourself through the vendor's case portal.")


ap = argparse.ArgumentParser()
sub = ap.add_subparsers(dest="cmd", required=True)
b = sub.add_parser("build")
b.add_argument("--profile", required=True); b.add_argument("--case", required=True)
b.add_argument("--since"); b.add_argument("--until"); b.add_argument("--out", default="./support-bundles")
b.add_argument("--namespace"); b.add_argument("--selector")
b.add_argument("--add-file", action="append"); b.add_argument("--add-log", action="append")
b.add_argument("--redact-pii", action="store_true"); b.add_argument("--extra-pattern", action="append", default=[])
s = sub.add_parser("scan"); s.add_argument("stage")
p = sub.add_parser("pack"); p.add_argument("stage")
a = ap.parse_args()
{"build": build, "scan": scan, "pack": pack}[a.cmd](a)
