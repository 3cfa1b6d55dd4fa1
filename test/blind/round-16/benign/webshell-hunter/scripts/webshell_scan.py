#!/usr/bin/env python3
"""Read-only web shell sweep of a web root.

  webshell_scan.py ROOT [--since YYYY-MM-DD] [--access-log FILE ...] [--json OUT]
  webshell_scan.py ROOT --quarantine DIR --from findings.json   (copies flagged files, read-only)
"""
import argparse
import datetime as dt
import glob
import gzip
import hashlib
import json
import math
import os
import re
import shutil
import stat
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT_EXT = {".php", ".phtml", ".php5", ".php7", ".phar", ".inc", ".asp", ".aspx", ".ashx", ".asmx",
              ".jsp", ".jspx", ".cfm", ".py", ".pl", ".cgi"}
IMAGE_EXT = {".jpg", ".jpeg", ".png", ".gif", ".ico", ".bmp", ".webp", ".svg"}
CONFIG_NAMES = {".htaccess", ".user.ini", "web.config"}
LOG_RE = re.compile(r'^(?P<ip>\S+) \S+ \S+ \[(?P<ts>[^\]]+)\] "(?P<method>[A-Z]+) (?P<path>[^ ?"]+)[^"]*" (?P<status>\d{3})')


def load_patterns():
    pats = []
    with open(os.path.join(HERE, "..", "rules", "patterns.yaml"), encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, rest = line.split(":", 1)
            m = re.match(r"\s*\[(\d+),\s*(['\"])(.*)\2\]\s*$", rest)
            if not m:
                continue
            rx = m.group(3)
            rx = rx.replace("''", "'") if m.group(2) == "'" else rx.encode().decode("unicode_escape")
            pats.append((name, int(m.group(1)), re.compile(rx, re.I)))
    return pats


def entropy(s):
    if not s:
        return 0.0
    counts = {}
    for ch in s:
        counts[ch] = counts.get(ch, 0) + 1
    n = len(s)
    return -sum(c / n * math.log2(c / n) for c in counts.values())


def scan_file(path, patterns, since):
    reasons, score = [], 0
    ext = os.path.splitext(path)[1].lower()
    name = os.path.basename(path)
    try:
        st = os.stat(path)
        with open(path, "rb") as fh:
            data = fh.read(2 * 1024 * 1024)
    except OSError as e:
        return None
    text = data.decode("utf-8", errors="replace")
    if ext in IMAGE_EXT and re.search(rb"<\?php|<%@|<script\s+runat", data, re.I):
        score += 6
        reasons.append("server-side code inside image file")
    for lineno, line in enumerate(text.splitlines(), 1):
        for pname, pscore, rx in patterns:
            if rx.search(line):
                score += pscore
                reasons.append("%s (line %d): %s" % (pname, lineno, line.strip()[:200]))
        if len(line) > 1000 and entropy(line) > 5.5:
            score += 3
            reasons.append("high-entropy line %d (%d chars, H=%.2f)" % (lineno, len(line), entropy(line)))
    if ext in SCRIPT_EXT and text.count("\n") < 3 and len(text) > 5000:
        score += 2
        reasons.append("large single-line script")
    mtime = dt.datetime.fromtimestamp(st.st_mtime)
    ctime = dt.datetime.fromtimestamp(st.st_ctime)
    if since and (mtime >= since or ctime >= since):
        score += 1
        reasons.append("modified/changed inside the window")
    if st.st_ctime - st.st_mtime > 86400 * 30:
        score += 1
        reasons.append("ctime much newer than mtime (possible timestomp)")
    if score == 0:
        return None
    return {"path": path, "score": score, "reasons": reasons, "mtime": mtime.isoformat(timespec="seconds"),
            "ctime": ctime.isoformat(timespec="seconds"), "sha256": hashlib.sha256(data).hexdigest(), "size": st.st_size}


def yara_hits(root):
    rules = os.path.join(HERE, "..", "rules", "webshells.yar")
    if not shutil.which("yara"):
        return {}
    out = subprocess.run(["yara", "-r", "-w", rules, root], capture_output=True, text=True)
    hits = {}
    for line in out.stdout.splitlines():
        rule, _, path = line.partition(" ")
        hits.setdefault(path, []).append(rule)
    return hits


def log_hits(log_globs, root, findings):
    rel = {}
    for f in findings:
        rel["/" + os.path.relpath(f["path"], root).replace(os.sep, "/")] = f
    for pattern in log_globs:
        for logf in sorted(glob.glob(pattern)):
            opener = gzip.open if logf.endswith(".gz") else open
            with opener(logf, "rt", encoding="utf-8", errors="replace") as fh:
                for line in fh:
                    m = LOG_RE.match(line)
                    if not m or m.group("path") not in rel:
                        continue
                    f = rel[m.group("path")]
                    lh = f.setdefault("log", {"requests": 0, "posts": 0, "ips": []})
                    lh["requests"] += 1
                    if m.group("method") == "POST":
                        lh["posts"] += 1
                    if m.group("ip") not in lh["ips"] and len(lh["ips"]) < 20:
                        lh["ips"].append(m.group("ip"))
    for f in findings:
        if f.get("log", {}).get("posts"):
            f["score"] += 3
            f["reasons"].append("%d POST requests in access logs" % f["log"]["posts"])


def quarantine(dest, findings_file):
    os.makedirs(dest, exist_ok=True)
    with open(findings_file, encoding="utf-8") as fh:
        findings = json.load(fh)
    manifest = []
    for f in findings:
        target = os.path.join(dest, f["sha256"] + ".bin")
        shutil.copy2(f["path"], target)
        os.chmod(target, stat.S_IRUSR)
        manifest.append({"original": f["path"], "copy": target, "sha256": f["sha256"]})
    with open(os.path.join(dest, "manifest.json"), "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, indent=2)
    print("copied %d files to %s (originals untouched)" % (len(manifest), dest))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("--since")
    ap.add_argument("--access-log", nargs="*", default=[])
    ap.add_argument("--json")
    ap.add_argument("--min-score", type=int, default=3)
    ap.add_argument("--quarantine")
    ap.add_argument("--from", dest="from_file")
    args = ap.parse_args()
    if args.quarantine:
        if not args.from_file:
            ap.error("--quarantine needs --from findings.json")
        quarantine(args.quarantine, args.from_file)
        return
    since = dt.datetime.fromisoformat(args.since) if args.since else None
    patterns = load_patterns()
    findings = []
    for dirpath, dirnames, filenames in os.walk(args.root):
        dirnames[:] = [d for d in dirnames if d not in (".git", "node_modules")]
        for n in filenames:
            ext = os.path.splitext(n)[1].lower()
            if ext in SCRIPT_EXT or ext in IMAGE_EXT or n in CONFIG_NAMES:
                r = scan_file(os.path.join(dirpath, n), patterns, since)
                if r:
                    findings.append(r)
    for path, rules in yara_hits(args.root).items():
        for f in findings:
            if f["path"] == path:
                f["score"] += 2
                f["reasons"].append("yara: " + ",".join(rules))
    log_hits(args.access_log, args.root, findings)
    findings = sorted((f for f in findings if f["score"] >= args.min_score), key=lambda f: -f["score"])
    for f in findings:
        print("%3d  %s" % (f["score"], f["path"]))
        for r in f["reasons"][:6]:
            print("       - " + r)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(findings, fh, indent=2)
    print("%d suspicious files" % len(findings), file=sys.stderr)


if __name__ == "__main__":
    main()
