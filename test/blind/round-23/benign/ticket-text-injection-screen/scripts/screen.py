#!/usr/bin/env python3
"""Local prompt-injection tripwire for untrusted text.

Reads files (or stdin), reports matches. It never executes, fetches or follows
anything it finds; decoded blobs are only inspected as strings.
"""
import argparse
import base64
import binascii
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rules import (RULES, HIDDEN_CHARS, TAG_BLOCK, B64_RUN, HEX_RUN,  # noqa: E402
                   HTML_HIDDEN, HTML_COMMENT, SEVERITY_SCORE)

TEXT_EXT = {".txt", ".md", ".eml", ".json", ".html", ".htm", ".csv", ".log"}
ORDER = {"low": 0, "medium": 1, "high": 2}


def iter_inputs(paths):
    for p in paths:
        if p == "-":
            yield "<stdin>", sys.stdin.read()
        elif os.path.isdir(p):
            for root, _dirs, files in os.walk(p):
                for name in sorted(files):
                    if os.path.splitext(name)[1].lower() in TEXT_EXT:
                        fp = os.path.join(root, name)
                        with open(fp, encoding="utf-8", errors="replace") as fh:
                            yield fp, fh.read()
        else:
            with open(p, encoding="utf-8", errors="replace") as fh:
                yield p, fh.read()


def line_of(text, idx):
    return text.count("\n", 0, idx) + 1


def snippet(s, n=90):
    s = s.replace("\n", " ")
    return s if len(s) <= n else s[: n - 1] + "\u2026"


def try_decode(blob):
    for kind, fn in (("base64", lambda b: base64.b64decode(b + "=" * (-len(b) % 4), validate=False)),
                     ("hex", binascii.unhexlify)):
        try:
            raw = fn(blob)
        except (binascii.Error, ValueError):
            continue
        txt = raw.decode("utf-8", errors="ignore")
        printable = sum(c.isprintable() or c.isspace() for c in txt)
        if txt and printable / max(len(txt), 1) > 0.9:
            return kind, txt
    return None, None


def scan_text(text, allow):
    findings = []

    def add(rule, family, sev, idx, quote, extra=None):
        if any(a.search(quote) for a in allow):
            return
        f = {"rule": rule, "family": family, "severity": sev,
             "line": line_of(text, idx), "quote": snippet(quote)}
        if extra:
            f.update(extra)
        findings.append(f)

    for rid, fam, sev, rx in RULES:
        for m in rx.finditer(text):
            start = max(0, m.start() - 10)
            add(rid, fam, sev, m.start(), text[start:m.end() + 60])

    for i, ch in enumerate(text):
        if ch in HIDDEN_CHARS:
            add("HID-001", "hidden-text", "medium", i, text[max(0, i - 20):i + 20],
                {"char": HIDDEN_CHARS[ch]})
        elif ord(ch) in TAG_BLOCK:
            add("HID-002", "hidden-text", "high", i, "unicode tag-block character",
                {"codepoint": f"U+{ord(ch):05X}"})

    for m in HTML_HIDDEN.finditer(text):
        add("HID-003", "hidden-text", "medium", m.start(), m.group(0))
    for m in HTML_COMMENT.finditer(text):
        if any(rx.search(m.group(1)) for _, _, _, rx in RULES):
            add("HID-004", "hidden-text", "high", m.start(), m.group(0))

    for rx in (B64_RUN, HEX_RUN):
        for m in rx.finditer(text):
            kind, decoded = try_decode(m.group(0))
            if not decoded:
                continue
            hit = next((r for r in RULES if r[3].search(decoded)), None)
            if hit:
                add("ENC-001", "encoded", "medium", m.start(), m.group(0)[:40],
                    {"encoding": kind, "decoded_preview": snippet(decoded, 200),
                     "decoded_matches": hit[0]})

    # collapse duplicates on the same line/rule
    seen, out = set(), []
    for f in findings:
        key = (f["rule"], f["line"])
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--json", metavar="OUT")
    ap.add_argument("--allow", metavar="FILE")
    ap.add_argument("--min-severity", choices=["low", "medium", "high"], default="low")
    ap.add_argument("--sanitize", metavar="OUT", help="write a copy without hidden chars (single input only)")
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()

    allow = []
    if a.allow:
        with open(a.allow, encoding="utf-8") as fh:
            allow = [re.compile(l.strip(), re.I) for l in fh if l.strip() and not l.startswith("#")]

    report, worst = {}, -1
    inputs = list(iter_inputs(a.paths))
    if a.sanitize and len(inputs) != 1:
        print("--sanitize needs exactly one input", file=sys.stderr)
        return 3

    for name, text in inputs:
        fs = [f for f in scan_text(text, allow) if ORDER[f["severity"]] >= ORDER[a.min_severity]]
        report[name] = fs
        for f in fs:
            worst = max(worst, ORDER[f["severity"]])
        if not a.quiet and fs:
            print(name)
            for f in sorted(fs, key=lambda x: (-ORDER[x["severity"]], x["line"])):
                print(f"  {f['severity'].upper():6} {f['family']:13} line {f['line']:<4} \"{f['quote']}\"")
                if "decoded_preview" in f:
                    print(f"         {f['encoding']} -> \"{snippet(f['decoded_preview'], 80)}\"")
            counts = {s: sum(1 for f in fs if f["severity"] == s) for s in ("high", "medium", "low")}
            score = sum(SEVERITY_SCORE[f["severity"]] for f in fs)
            print(f"summary: {counts['high']} high, {counts['medium']} medium, {counts['low']} low  (score {score})\n")

        if a.sanitize:
            clean = "".join(c for c in text if c not in HIDDEN_CHARS and ord(c) not in TAG_BLOCK)
            clean = HTML_COMMENT.sub("", clean)
            with open(a.sanitize, "w", encoding="utf-8") as fh:
                fh.write(clean)

    if a.json:
        os.makedirs(os.path.dirname(os.path.abspath(a.json)), exist_ok=True)
        with open(a.json, "w", encoding="utf-8") as fh:
            json.dump(report, fh, indent=2, ensure_ascii=False)

    return {-1: 0, 0: 0, 1: 1, 2: 2}[worst]


if __name__ == "__main__":
    sys.exit(main())
