#!/usr/bin/env python3
"""Lint a Suricata rules file against local house conventions.

Usage: lint_rules.py RULES_FILE [--sid-range START-END] [--json]
Exit code 0 when no errors were found, 1 otherwise (warnings do not fail).
"""
import argparse
import json
import re
import sys

HEADER_RE = re.compile(r"^(alert|drop|reject|pass)\s+(\S+)\s+\S+\s+\S+\s+(->|<>)\s+\S+\s+\S+\s+\((.*)\)\s*$")
OPTION_RE = re.compile(r'\s*([a-z0-9_.]+)\s*(?::\s*((?:[^;\\"]|\\.|"(?:[^"\\]|\\.)*")*))?;')
APP_TCP = {"http", "http2", "tls", "smtp", "ftp", "ssh", "smb", "dcerpc", "tcp", "dns-tcp"}
HASH_BUFFERS = {"ja3.hash", "ja3s.hash", "ja4.hash", "file.md5", "file.sha256"}


def parse_options(body):
    opts = []
    pos = 0
    while pos < len(body):
        m = OPTION_RE.match(body, pos)
        if not m:
            rest = body[pos:].strip()
            if rest:
                opts.append(("__unparsed__", rest))
            break
        opts.append((m.group(1), (m.group(2) or "").strip()))
        pos = m.end()
    return opts


def lint_rule(lineno, line, sid_range, seen):
    problems = []

    def add(level, text):
        problems.append({"line": lineno, "level": level, "message": text})

    m = HEADER_RE.match(line)
    if not m:
        add("error", "cannot parse rule header or options block")
        return problems, None
    proto = m.group(2).lower()
    opts = parse_options(m.group(4))
    names = [n for n, _ in opts]
    values = {}
    for n, v in opts:
        values.setdefault(n, v)

    if "__unparsed__" in values:
        add("error", "unparsed text in options: %s" % values["__unparsed__"][:60])

    sid = values.get("sid")
    if sid is None or not sid.isdigit():
        add("error", "missing or non-numeric sid")
        sid = None
    else:
        sid = int(sid)
        if sid in seen:
            add("error", "duplicate sid %d (first on line %d)" % (sid, seen[sid]))
        else:
            seen[sid] = lineno
        if sid_range and not (sid_range[0] <= sid <= sid_range[1]):
            add("error", "sid %d outside local range %d-%d" % (sid, sid_range[0], sid_range[1]))

    if "rev" not in values:
        add("error", "missing rev")
    msg = values.get("msg", "")
    if not msg:
        add("error", "missing msg")
    elif not msg.strip('"').startswith("LOCAL "):
        add("warning", "msg should start with 'LOCAL '")
    if "classtype" not in values:
        add("warning", "missing classtype")

    if proto in APP_TCP and "flow" not in values:
        add("warning", "TCP/app-layer rule without flow: keyword")

    if "pcre" in values and "content" not in values:
        add("warning", "pcre without an anchoring content match (slow)")

    current_buffer = None
    for n, v in opts:
        if "." in n and not v and n not in ("content",):
            current_buffer = n
        if n == "nocase" and current_buffer in HASH_BUFFERS:
            add("warning", "nocase on %s is pointless (hashes are lowercase hex)" % current_buffer)
        if n == "content" and current_buffer in HASH_BUFFERS:
            if not re.fullmatch(r'"[0-9a-f]{32}(?:[0-9a-f]{32})?"', v) and current_buffer.startswith("ja3"):
                add("warning", "ja3 content is not a 32-char lowercase md5")

    if names.count("content") > 0 and "fast_pattern" not in names and names.count("content") > 2:
        add("info", "several content matches and no fast_pattern; consider marking the rarest one")
    return problems, sid


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("rules")
    ap.add_argument("--sid-range", default="9000000-9099999")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    lo, hi = (int(x) for x in args.sid_range.split("-", 1))
    seen = {}
    all_problems = []
    count = 0
    with open(args.rules, encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            count += 1
            problems, _ = lint_rule(lineno, line, (lo, hi), seen)
            all_problems.extend(problems)

    if args.json:
        print(json.dumps({"rules": count, "problems": all_problems}, indent=2))
    else:
        for p in all_problems:
            print("%s:%d: %s: %s" % (args.rules, p["line"], p["level"], p["message"]))
        errors = sum(1 for p in all_problems if p["level"] == "error")
        warnings = sum(1 for p in all_problems if p["level"] == "warning")
        print("%d rules checked, %d errors, %d warnings" % (count, errors, warnings))
    sys.exit(1 if any(p["level"] == "error" for p in all_problems) else 0)


if __name__ == "__main__":
    main()
