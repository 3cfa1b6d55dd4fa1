#!/usr/bin/env python3
"""Heuristic prompt-injection screen for untrusted text. Reads a file path or '-' for stdin."""
import json
import re
import sys
import unicodedata

ZERO_WIDTH = {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF}
BIDI = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))
TAGS = range(0xE0000, 0xE0080)

PHRASES = {
    "override": r"\b(ignore|disregard|forget)\b.{0,30}\b(previous|prior|above|earlier|all)\b.{0,20}\b(instructions?|rules|prompt)",
    "new-role": r"\b(you are now|new system prompt|act as (the )?system|developer mode|maintenance mode)\b",
    "secrecy": r"\b(do not|don't|never)\b.{0,20}\b(tell|mention|inform|reveal|show)\b.{0,20}\b(user|human|anyone)\b|\bwithout asking\b|\bsilently\b",
    "authority-block": r"<\s*(important|system|admin|instructions?)\s*>|\[(admin|system)\]|system override",
    "decode-and-follow": r"\b(decode|base64|deobfuscate|rot13)\b.{0,60}\b(follow|execute|run|obey)\b",
}
SENSITIVE = r"(~/\.ssh|id_rsa|id_ed25519|\.env\b|\.aws/credentials|mcp\.json|\.npmrc|\.pypirc|keychain|wallet|api[_ ]?key|token)"
ACTION = r"\b(read|cat|send|post|upload|include|attach|paste|copy|print|list|exfiltrate|pass)\b"
IMG = re.compile(r"!\[[^\]]*\]\((https?://([^/\s)]+)[^\s)]*)\)")
BLOB = re.compile(r"[A-Za-z0-9+/]{40,}={0,2}|\b[0-9a-fA-F]{64,}\b")
COMMENT = re.compile(r"<!--(.*?)-->", re.S)


def is_emoji(ch: str) -> bool:
    return unicodedata.category(ch) == "So"


def invisible_findings(text: str):
    out, tag_msg = [], []
    for i, ch in enumerate(text):
        cp = ord(ch)
        if cp in ZERO_WIDTH:
            if cp == 0x200D and 0 < i < len(text) - 1 and is_emoji(text[i - 1]) and is_emoji(text[i + 1]):
                continue
            out.append(("zero-width", f"U+{cp:04X} at offset {i}"))
        elif cp in BIDI:
            out.append(("bidi-override", f"U+{cp:04X} at offset {i}"))
        elif cp in TAGS:
            tag_msg.append(chr(cp - 0xE0000) if 0xE0020 <= cp <= 0xE007E else "")
    if tag_msg:
        out.append(("tag-characters", "decoded: " + "".join(tag_msg)))
    return out


def visible(text: str) -> str:
    def rep(ch):
        cp = ord(ch)
        if cp in ZERO_WIDTH or cp in BIDI or cp in TAGS:
            return f"⟦U+{cp:04X}⟧"
        return ch
    return "".join(rep(c) for c in text)


def screen(text: str):
    findings = invisible_findings(text)
    low = text.lower()
    for name, rx in PHRASES.items():
        for m in re.finditer(rx, low, re.S):
            findings.append((name, text[max(0, m.start() - 20): m.end() + 20].replace("\n", " ")))
    for m in re.finditer(SENSITIVE, low):
        window = low[max(0, m.start() - 80): m.end() + 80]
        if re.search(ACTION, window):
            findings.append(("sensitive-target", text[max(0, m.start() - 40): m.end() + 40].replace("\n", " ")))
    hosts = {}
    for m in IMG.finditer(text):
        url, host = m.group(1), m.group(2)
        hosts[host] = hosts.get(host, 0) + 1
        query = url.split("?", 1)[1] if "?" in url else ""
        if len(query) > 32:
            findings.append(("image-beacon", url[:120]))
    for host, n in hosts.items():
        if n > 8:
            findings.append(("image-sequence", f"{n} images from {host}"))
    for m in BLOB.finditer(text):
        ctx = low[max(0, m.start() - 120): m.start()]
        if re.search(r"decode|base64|follow|execute", ctx):
            findings.append(("encoded-blob", m.group(0)[:60] + "…"))
    for m in COMMENT.finditer(text):
        body = m.group(1).strip()
        if re.search(ACTION + "|" + PHRASES["override"], body.lower()):
            findings.append(("html-comment", body[:120]))
    return findings


def verdict(findings) -> str:
    kinds = {k for k, _ in findings}
    if not kinds:
        return "clean"
    hostile = {"tag-characters", "image-sequence"}
    if kinds & hostile or ({"override", "secrecy"} & kinds and "sensitive-target" in kinds):
        return "hostile"
    return "suspicious"


def main():
    import argparse
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("source", help="file to screen, or - for stdin")
    ap.add_argument("--json", action="store_true", help="print findings as JSON")
    args = ap.parse_args()
    if args.source == "-":
        text = sys.stdin.read()
    else:
        with open(args.source, encoding="utf-8", errors="replace") as fh:
            text = fh.read()
    f = screen(text)
    v = verdict(f)
    if args.json:
        print(json.dumps({"verdict": v, "findings": f}, ensure_ascii=False, indent=2))
    else:
        print(f"verdict: {v}")
        for kind, detail in f:
            print(f"  - {kind:18} {visible(detail)}")
    return 0 if v == "clean" else 1


if __name__ == "__main__":
    sys.exit(main())
