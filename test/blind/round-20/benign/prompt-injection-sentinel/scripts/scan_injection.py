#!/usr/bin/env python3
"""Offline heuristic scanner for prompt-injection attempts in untrusted text.

Reads files/dirs (or '-' for stdin) and reports matches locally. No network access.

Custom rules YAML format:
  - id: my-rule
    severity: high|medium|low
    regex: "(?i)pretend you are"
"""
import argparse
import base64
import binascii
import json
import os
import re
import sys

SEVERITY_RANK = {"low": 1, "medium": 2, "high": 3}

RULES = [
    ("instruction-override", "high",
     r"(?i)\b(ignore|disregard|forget)\b.{0,30}\b(previous|prior|above|earlier|all)\b.{0,20}\b(instructions?|rules|prompts?|context)\b"),
    ("role-spoof", "high",
     r"(?i)(</?\s*(system|assistant|user)\s*>|\[/?INST\]|<\|im_start\|>|###\s*system\s*:)"),
    ("developer-mode", "medium",
     r"(?i)\b(developer|god|jailbreak|DAN)\s+mode\b"),
    ("markdown-image-exfil", "high",
     r"!\[[^\]]*\]\(\s*https?://[^)\s]+[?&][^)\s]*=\s*[^)\s]*(\{\{|\$\{|%7B%7B)"),
    ("tool-coercion-shell", "high",
     r"(?i)(curl|wget)\s+[^\n|]{0,120}\|\s*(ba|z)?sh\b"),
    ("tool-coercion-agent", "medium",
     r"(?i)\b(use|call|invoke)\s+(the\s+)?(bash|shell|terminal|fetch|browser)\s+tool\b"),
    ("authority-claim", "low",
     r"(?i)\b(message|notice|instruction)s?\s+from\s+(the\s+)?(anthropic|openai|system administrator|security team)\b"),
    ("secret-request", "medium",
     r"(?i)\b(print|reveal|send|include|paste)\b.{0,30}\b(api[_ -]?key|token|password|\.env|id_rsa|credentials)\b"),
    ("html-hidden", "medium",
     r"(?i)(display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0|color\s*:\s*#?fff(fff)?\b[^;]*;\s*background(-color)?\s*:\s*#?fff)"),
    ("html-comment-imperative", "medium",
     r"(?is)<!--(?=[^>]{0,400}\b(you must|assistant|ignore|do not tell)\b).{0,400}?-->"),
]

ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
TAG_CHARS = re.compile("[\U000E0000-\U000E007F]")
B64_RUN = re.compile(r"[A-Za-z0-9+/]{60,}={0,2}")
IMPERATIVE = re.compile(r"(?i)\b(ignore|run|execute|send|you are|assistant|curl|delete)\b")


def load_custom(path):
    try:
        import yaml  # optional
    except ImportError:
        sys.exit("--rules needs PyYAML (pip install pyyaml)")
    with open(path, encoding="utf-8") as fh:
        return [(r["id"], r.get("severity", "medium"), r["regex"]) for r in yaml.safe_load(fh) or []]


def iter_inputs(paths):
    for p in paths:
        if p == "-":
            yield "<stdin>", sys.stdin.read()
        elif os.path.isdir(p):
            for root, _dirs, files in os.walk(p):
                for name in sorted(files):
                    full = os.path.join(root, name)
                    yield full, read_text(full)
        else:
            yield p, read_text(p)


def read_text(path):
    with open(path, "rb") as fh:
        raw = fh.read(5_000_000)
    return raw.decode("utf-8", errors="replace")


def defang(s):
    return s.replace("http", "hxxp").replace(".", "[.]")


def line_of(text, idx):
    return text.count("\n", 0, idx) + 1


def scan(name, text, rules, allow):
    hits = []
    for rid, sev, rx in rules:
        if rid in allow:
            continue
        for m in re.finditer(rx, text):
            hits.append({"file": name, "rule": rid, "severity": sev,
                         "line": line_of(text, m.start()), "span": m.group(0)[:200]})
    if "zero-width" not in allow:
        for m in ZERO_WIDTH.finditer(text):
            hits.append({"file": name, "rule": "zero-width", "severity": "medium",
                         "line": line_of(text, m.start()), "span": repr(m.group(0))})
            break
    if "unicode-tags" not in allow:
        tags = TAG_CHARS.findall(text)
        if tags:
            decoded = "".join(chr(ord(c) - 0xE0000) for c in tags)
            hits.append({"file": name, "rule": "unicode-tags", "severity": "high",
                         "line": line_of(text, text.find(tags[0])), "span": decoded[:200]})
    if "encoded-imperative" not in allow:
        for m in B64_RUN.finditer(text):
            try:
                dec = base64.b64decode(m.group(0), validate=False).decode("utf-8", "strict")
            except (binascii.Error, UnicodeDecodeError):
                continue
            if IMPERATIVE.search(dec):
                hits.append({"file": name, "rule": "encoded-imperative", "severity": "medium",
                             "line": line_of(text, m.start()),
                             "span": "base64 -> " + dec[:160]})
    return hits


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--json", metavar="OUT")
    ap.add_argument("--rules")
    ap.add_argument("--allow", action="append", default=[])
    ap.add_argument("--min-severity", choices=SEVERITY_RANK, default="low")
    ap.add_argument("--context", type=int, default=1)
    ap.add_argument("--export-cases", metavar="JSONL")
    args = ap.parse_args()

    rules = list(RULES) + (load_custom(args.rules) if args.rules else [])
    floor = SEVERITY_RANK[args.min_severity]
    all_hits = []
    for name, text in iter_inputs(args.paths):
        for h in scan(name, text, rules, set(args.allow)):
            if SEVERITY_RANK[h["severity"]] >= floor:
                all_hits.append(h)
                lines = text.splitlines()
                lo = max(0, h["line"] - 1 - args.context)
                hi = min(len(lines), h["line"] + args.context)
                print(f"[{h['severity'].upper():6}] {name}:{h['line']} {h['rule']}")
                for i in range(lo, hi):
                    print(f"    {i + 1:5} | {defang(lines[i])[:160]}")

    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(all_hits, fh, indent=2)
    if args.export_cases:
        with open(args.export_cases, "w", encoding="utf-8") as fh:
            for h in all_hits:
                fh.write(json.dumps({"text": h["span"], "label": "injection", "family": h["rule"]}) + "\n")

    print(f"\n{len(all_hits)} finding(s).")
    if any(h["severity"] == "high" for h in all_hits):
        sys.exit(2)
    sys.exit(1 if all_hits else 0)


if __name__ == "__main__":
    main()
