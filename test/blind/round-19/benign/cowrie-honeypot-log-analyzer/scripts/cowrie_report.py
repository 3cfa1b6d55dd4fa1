#!/usr/bin/env python3
"""Summarise Cowrie honeypot JSON logs into a Markdown report and an IOC CSV. Read-only."""
import argparse
import base64
import binascii
import collections
import csv
import gzip
import hashlib
import json
import os
import re
import sys
from datetime import datetime, timezone

URL_RE = re.compile(r"\b(?:https?|ftp|tftp)://[^\s'\";|)]+", re.I)
TFTP_RE = re.compile(r"tftp\s+(?:-g\s+)?(?:-r\s+(\S+)\s+)?(?:-g\s+)?(\d{1,3}(?:\.\d{1,3}){3})")
KEY_RE = re.compile(r"(ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-nistp\d+)\s+([A-Za-z0-9+/=]{40,})\s*([^\"'>\n]*)")
B64_PIPE_RE = re.compile(r"echo\s+['\"]?([A-Za-z0-9+/=]{24,})['\"]?\s*\|\s*base64\s+(?:-d|--decode)")
CTRL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

CLASSES = {
    "recon": [r"\buname\b", r"/proc/cpuinfo", r"\bnproc\b", r"\bfree\s+-m", r"\blscpu\b", r"^\s*w\s*$",
              r"\bcrontab\s+-l", r"cat\s+/etc/os-release"],
    "miner-dropper": [r"xmrig", r"kdevtmpfsi", r"kinsing", r"--donate-level", r"stratum\+tcp",
                      r"(wget|curl)[^;|]*;\s*chmod\s+\+x", r"/\.x/", r"c3pool|supportxmr|nanopool"],
    "mirai-loader": [r"/bin/busybox\s+[A-Z]{4,}", r"\btftp\b", r"\\x7f\\x45\\x4c\\x46", r"\bdvrHelper\b",
                     r"\bmips\b|\barm7\b|\bx86_64\b.*\./"],
    "key-persistence": [r"authorized_keys", r"chattr\s+-ia\s+\.ssh", r"\.ssh/authorized_keys2"],
    "password-change": [r"\bchpasswd\b", r"^\s*passwd\b", r"usermod\s+-p"],
    "cleanup": [r"history\s+-c", r"rm\s+-rf\s+/tmp/\*", r"pkill\s+-9", r"unset\s+HISTFILE",
                r"rm\s+-rf\s+~/.bash_history"],
}
CLASS_RE = {k: [re.compile(p, re.I | re.M) for p in v] for k, v in CLASSES.items()}


def iter_events(paths, since):
    files = []
    for p in paths:
        if os.path.isdir(p):
            files += [os.path.join(p, f) for f in sorted(os.listdir(p)) if f.startswith("cowrie.json")]
        else:
            files.append(p)
    for f in files:
        opener = gzip.open if f.endswith(".gz") else open
        with opener(f, "rt", encoding="utf-8", errors="replace") as fh:
            for line in fh:
                try:
                    ev = json.loads(line)
                except json.JSONDecodeError:
                    continue
                ts = ev.get("timestamp", "")
                if since and ts[:10] < since:
                    continue
                yield ev


def classify(commands):
    text = "\n".join(commands)
    return sorted(k for k, pats in CLASS_RE.items() if any(p.search(text) for p in pats))


def decode_inline_b64(cmd):
    out = []
    for m in B64_PIPE_RE.finditer(cmd):
        try:
            t = base64.b64decode(m.group(1) + "=" * (-len(m.group(1)) % 4)).decode("utf-8")
            if t.isprintable() or "\n" in t:
                out.append(t.strip())
        except (binascii.Error, UnicodeDecodeError):
            pass
    return out


def analyse(events):
    sessions = collections.defaultdict(lambda: {"src": None, "start": None, "cmds": [], "login": None,
                                                 "downloads": [], "tcpip": 0, "client": None})
    creds = collections.Counter()
    logins_ok = 0
    logins_fail = 0
    for ev in events:
        sid = ev.get("session", "?")
        s = sessions[sid]
        s["src"] = s["src"] or ev.get("src_ip")
        s["start"] = s["start"] or ev.get("timestamp")
        eid = ev.get("eventid", "")
        if eid in ("cowrie.login.success", "cowrie.login.failed"):
            creds[(ev.get("username", ""), ev.get("password", ""))] += 1
            if eid.endswith("success"):
                logins_ok += 1
                s["login"] = f"{ev.get('username')}/{ev.get('password')}"
            else:
                logins_fail += 1
        elif eid in ("cowrie.command.input", "cowrie.command.success", "cowrie.command.failed"):
            s["cmds"].append(CTRL_RE.sub("", ev.get("input", "")))
        elif eid == "cowrie.session.file_download":
            s["downloads"].append((ev.get("url"), ev.get("shasum") or ev.get("outfile")))
        elif eid == "cowrie.direct-tcpip.request":
            s["tcpip"] += 1
        elif eid == "cowrie.client.version":
            s["client"] = ev.get("version")
    return sessions, creds, logins_ok, logins_fail


def build_iocs(sessions):
    iocs = {}

    def add(kind, value, ts):
        key = (kind, value)
        rec = iocs.setdefault(key, {"first": ts, "last": ts, "count": 0})
        rec["count"] += 1
        rec["first"] = min(rec["first"], ts)
        rec["last"] = max(rec["last"], ts)

    for s in sessions.values():
        ts = s["start"] or ""
        if s["src"] and (s["cmds"] or s["login"]):
            add("src_ip", s["src"], ts)
        for cmd in s["cmds"]:
            for url in URL_RE.findall(cmd):
                add("url", url, ts)
                host = re.sub(r"^[a-z]+://", "", url, flags=re.I).split("/")[0]
                add("host", host, ts)
            for m in TFTP_RE.finditer(cmd):
                add("host", m.group(2), ts)
            for m in KEY_RE.finditer(cmd):
                comment = m.group(3).strip() or "(no comment)"
                add("ssh_key_comment", comment, ts)
                add("ssh_key_fp", hashlib.sha256(m.group(2).encode()).hexdigest()[:16], ts)
        for url, sha in s["downloads"]:
            if sha:
                add("sha256", os.path.basename(sha), ts)
    return iocs


def write_report(path, sessions, creds, ok, fail, iocs, downloads_dir, seen_before):
    with_cmds = [s for s in sessions.values() if s["cmds"]]
    class_counts = collections.Counter()
    examples = {}
    for s in with_cmds:
        for c in classify(s["cmds"]) or ["unclassified"]:
            class_counts[c] += 1
            examples.setdefault(c, max(s["cmds"], key=len)[:200])
    proxy = sum(1 for s in sessions.values() if s["tcpip"] and not s["cmds"])
    if proxy:
        class_counts["proxy-abuse"] = proxy
    lines = [f"# Cowrie honeypot report ({datetime.now(timezone.utc):%Y-%m-%d})", "",
             "## Overview", "",
             f"- sessions: {len(sessions):,}",
             f"- unique source IPs: {len({s['src'] for s in sessions.values()}):,}",
             f"- logins: {ok:,} accepted / {fail:,} rejected",
             f"- sessions with commands: {len(with_cmds):,}", "",
             "## Top credentials", "", "| username | password | attempts |", "|---|---|---|"]
    for (u, p), n in creds.most_common(20):
        lines.append(f"| `{u}` | `{p}` | {n:,} |")
    lines += ["", "## Session classes", "", "| class | sessions | example |", "|---|---|---|"]
    for c, n in class_counts.most_common():
        ex = examples.get(c, "(port-forward requests only)").replace("|", "\\|")
        lines.append(f"| {c} | {n:,} | `{ex}` |")
    lines += ["", "## Download URLs", ""]
    for (kind, value), rec in sorted(iocs.items(), key=lambda kv: -kv[1]["count"]):
        if kind == "url":
            lines.append(f"- `{value}` ({rec['count']}x, last {rec['last'][:10]})")
    if downloads_dir and os.path.isdir(downloads_dir):
        lines += ["", "## Captured files", "", "| sha256 | size |", "|---|---|"]
        for f in sorted(os.listdir(downloads_dir)):
            fp = os.path.join(downloads_dir, f)
            if os.path.isfile(fp):
                lines.append(f"| `{f}` | {os.path.getsize(fp):,} |")
    lines += ["", "## SSH key persistence attempts", ""]
    for (kind, value), rec in iocs.items():
        if kind == "ssh_key_comment":
            lines.append(f"- key comment `{value}`: {rec['count']} sessions")
    decoded = []
    for s in with_cmds:
        for c in s["cmds"]:
            decoded += [(s["src"], d) for d in decode_inline_b64(c)]
    if decoded:
        lines += ["", "## Decoded inline base64 (display only)", ""]
        for src, d in decoded[:30]:
            lines.append(f"- {src}: `{d[:200]}`")
    novel = sorted({c for s in with_cmds for c in s["cmds"]} - seen_before)
    lines += ["", "## Novel command lines", ""]
    lines += [f"- `{c[:200]}`" for c in novel[:50]] or ["- none"]
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--since", help="YYYY-MM-DD")
    ap.add_argument("--downloads")
    ap.add_argument("--report", default="cowrie-report.md")
    ap.add_argument("--iocs", default="cowrie-iocs.csv")
    ap.add_argument("--baseline", help="text file of previously seen command lines")
    ap.add_argument("--session", help="print one session's events and exit")
    args = ap.parse_args()

    if args.session:
        for ev in iter_events(args.paths, args.since):
            if ev.get("session") == args.session:
                print(ev.get("timestamp"), ev.get("eventid"), ev.get("input") or ev.get("message") or "")
        return 0

    sessions, creds, ok, fail = analyse(iter_events(args.paths, args.since))
    iocs = build_iocs(sessions)
    seen = set()
    if args.baseline and os.path.exists(args.baseline):
        with open(args.baseline, encoding="utf-8") as fh:
            seen = {l.rstrip("\n") for l in fh}
    write_report(args.report, sessions, creds, ok, fail, iocs, args.downloads, seen)
    with open(args.iocs, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["type", "value", "first_seen", "last_seen", "count"])
        for (kind, value), rec in sorted(iocs.items()):
            w.writerow([kind, value, rec["first"], rec["last"], rec["count"]])
    print(f"report: {args.report}  iocs: {args.iocs}  sessions: {len(sessions):,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
