#!/usr/bin/env python3
"""Read-only scanner for hidden or easily-missed text in Markdown files."""
import argparse
import html
import json
import os
import re
import sys
import unicodedata

SEV = {"info": 0, "low": 1, "medium": 2, "high": 3}
HERE = os.path.dirname(os.path.abspath(__file__))
PHRASES_MD = os.path.join(HERE, "..", "references", "directive-phrases.md")

INVISIBLE = {0x200B, 0x200C, 0x200D, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xFEFF, 0x00AD}
BIDI = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))

RE_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
RE_LINK_TITLE = re.compile(r"\]\([^)\s]+\s+(\"[^\"]*\"|'[^']*')\)")
RE_REFDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+\s+(\"[^\"]*\"|'[^']*'|\([^)]*\))\s*$", re.M)
RE_FOOTNOTE = re.compile(r"^\[\^[^\]]+\]:\s*(.+)$", re.M)
RE_DETAILS = re.compile(r"<details[^>]*>(.*?)</details>", re.S | re.I)
RE_ENTITY_RUN = re.compile(r"(?:&#x?[0-9a-fA-F]+;){4,}")
RE_IMG_ALT = re.compile(r"!\[([^\]]{120,})\]\(")


def load_phrases():
    pats = []
    try:
        with open(PHRASES_MD, encoding="utf-8") as fh:
            for line in fh:
                line = line.strip()
                if line.startswith("- "):
                    pats.append(re.compile(line[2:], re.I))
    except OSError:
        pass
    return pats


def load_allow(root):
    path = os.path.join(root, ".md-hidden-allow")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as fh:
        return [re.compile(l.strip()) for l in fh if l.strip() and not l.startswith("#")]


def line_of(text, idx):
    return text.count("\n", 0, idx) + 1


def dominant_script(text):
    counts = {}
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "UNKNOWN").split(" ")[0]
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=counts.get) if counts else "LATIN"


def scan_file(path, phrases, allow, encoding, skip):
    with open(path, encoding=encoding) as fh:
        text = fh.read()
    out = []

    def add(check, idx, sev, snippet):
        if check in skip:
            return
        snippet = snippet.strip().replace("\n", " ")
        if any(a.search(snippet) for a in allow):
            return
        if any(p.search(snippet) for p in phrases):
            sev = "high"
        out.append({"file": path, "line": line_of(text, idx), "severity": sev,
                    "check": check, "text": snippet[:300]})

    for m in RE_COMMENT.finditer(text):
        add("html-comment", m.start(), "low", m.group(0))
    for m in RE_LINK_TITLE.finditer(text):
        add("link-title", m.start(), "medium", m.group(1))
    for m in RE_REFDEF.finditer(text):
        add("ref-def-title", m.start(), "medium", m.group(1))
    for m in RE_FOOTNOTE.finditer(text):
        add("footnote", m.start(), "info", m.group(1))
    for m in RE_DETAILS.finditer(text):
        add("details-block", m.start(), "low", m.group(1)[:300])
    for m in RE_ENTITY_RUN.finditer(text):
        decoded = html.unescape(m.group(0))
        sev = "high" if re.search(r"[A-Za-z]{3,}", decoded) else "medium"
        add("entity-run", m.start(), sev, "decoded: " + decoded)
    for m in RE_IMG_ALT.finditer(text):
        add("image-alt", m.start(), "low", m.group(1))

    tag_buf, tag_start = [], None
    for i, ch in enumerate(text):
        cp = ord(ch)
        if 0xE0000 <= cp <= 0xE007F:
            if tag_start is None:
                tag_start = i
            if 0xE0020 <= cp <= 0xE007E:
                tag_buf.append(chr(cp - 0xE0000))
            continue
        if tag_start is not None:
            add("tag-char", tag_start, "high", "decoded: " + "".join(tag_buf))
            tag_buf, tag_start = [], None
        if cp in INVISIBLE and not (cp == 0xFEFF and i == 0):
            add("invisible-char", i, "medium", "U+%04X near: %r" % (cp, text[max(0, i - 20):i + 20]))
        elif cp in BIDI:
            add("bidi-control", i, "medium", "U+%04X near: %r" % (cp, text[max(0, i - 20):i + 20]))
    if tag_start is not None:
        add("tag-char", tag_start, "high", "decoded: " + "".join(tag_buf))

    main = dominant_script(text)
    pos = 0
    for para in re.split(r"\n\s*\n", text):
        start = text.find(para, pos)
        pos = start + len(para)
        if len(para) < 20:
            continue
        script = dominant_script(para)
        if script != main and any(p.search(para) for p in phrases):
            add("foreign-imperative", start, "high", "[%s] %s" % (script, para[:200]))
    return out


def iter_md(target):
    if os.path.isfile(target):
        yield target
        return
    for root, dirs, files in os.walk(target):
        dirs[:] = [d for d in dirs if d not in {".git", "node_modules", ".venv", "vendor"}]
        for f in files:
            if f.lower().endswith((".md", ".markdown", ".mdx")):
                yield os.path.join(root, f)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--format", choices=["text", "json"], default="text")
    ap.add_argument("--min-severity", choices=list(SEV), default="low")
    ap.add_argument("--encoding", default="utf-8")
    ap.add_argument("--skip-check", action="append", default=[])
    args = ap.parse_args()

    phrases = load_phrases()
    findings = []
    for target in args.paths:
        if not os.path.exists(target):
            print("no such path: %s" % target, file=sys.stderr)
            return 2
        allow = load_allow(target if os.path.isdir(target) else os.path.dirname(target) or ".")
        for path in iter_md(target):
            findings += scan_file(path, phrases, allow, args.encoding, set(args.skip_check))

    findings = [f for f in findings if SEV[f["severity"]] >= SEV[args.min_severity]]
    findings.sort(key=lambda f: (-SEV[f["severity"]], f["file"], f["line"]))
    if args.format == "json":
        json.dump(findings, sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        for f in findings:
            print("%s:%-5d %-7s %-18s %s" % (f["file"], f["line"], f["severity"], f["check"], f["text"]))
        print("\n%d finding(s)" % len(findings))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
