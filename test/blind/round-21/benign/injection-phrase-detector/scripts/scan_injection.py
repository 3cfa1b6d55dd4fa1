#!/usr/bin/env python3
"""Scan untrusted text for prompt-injection patterns. Report only; never acts on content."""
from __future__ import annotations

import argparse
import base64
import binascii
import json
import os
import re
import sys
import unicodedata
from dataclasses import dataclass, asdict

SEVERITY_ORDER = {"low": 0, "medium": 1, "high": 2}


@dataclass
class Finding:
    path: str
    line: int
    severity: str
    detector: str
    excerpt: str
    decoded_preview: str | None = None


OVERRIDE = re.compile(
    r"\b(ignore|disregard|forget|override)\b[^.\n]{0,40}\b(previous|prior|above|earlier|system|all)\b"
    r"[^.\n]{0,20}\b(instructions?|prompts?|rules|guidelines|messages)\b",
    re.I,
)
ROLE_SPOOF = re.compile(
    r"^\s*(SYSTEM\s*:|<\|im_start\|>\s*system|\[INST\]|###\s*(Instruction|System)\s*:|<system>)",
    re.I | re.M,
)
EXFIL_MD = re.compile(r"!\[[^\]]*\]\((https?://[^)\s]+[?#][^)\s]*)\)")
TEMPLATE_IN_URL = re.compile(r"(\{\{.*?\}\}|\$\{[^}]+\}|%7B%7B|<[A-Z_]+>|\bDATA\b|\bSECRET\b)", re.I)
TOOL_COERCION = re.compile(
    r"\b(use|call|invoke|run)\b[^.\n]{0,25}\b(shell|bash|terminal|fetch|browser|tool|function)\b"
    r"[^.\n]{0,40}\b(to|and|with)\b",
    re.I,
)
SECRECY = re.compile(
    r"\b(do not|don't|never)\b[^.\n]{0,15}\b(tell|mention|inform|reveal to|show)\b[^.\n]{0,20}\b(user|human|anyone)\b"
    r"|\bsilently\b|\bwithout (asking|telling)\b",
    re.I,
)
PIPE_SHELL = re.compile(
    r"(curl|wget)\b[^\n|]{0,200}\|\s*(sudo\s+)?(ba|z|da)?sh\b|iwr\b[^\n|]{0,200}\|\s*iex\b|"
    r"Invoke-WebRequest[^\n|]{0,200}\|\s*Invoke-Expression",
    re.I,
)
HTML_HIDDEN = re.compile(r"<!--(.*?)-->|style\s*=\s*\"[^\"]*(display\s*:\s*none|color\s*:\s*#?fff)", re.I | re.S)
B64_RUN = re.compile(r"[A-Za-z0-9+/]{80,}={0,2}")
HEX_RUN = re.compile(r"\b(?:[0-9a-fA-F]{2}){60,}\b")

SECURITY_CONTEXT = re.compile(r"\b(example|attack|payload|researchers?|injection|red[- ]team|demonstrat)", re.I)


def hidden_unicode(line: str) -> list[str]:
    hits = []
    for ch in line:
        cp = ord(ch)
        if 0xE0000 <= cp <= 0xE007F:
            hits.append("tag-char")
        elif cp in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF):
            hits.append("zero-width")
        elif cp in (0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069):
            hits.append("bidi")
    return hits


def reveal_tags(line: str) -> str:
    """Unicode tag characters mirror ASCII; show what they spell so the user can read it."""
    out = []
    for ch in line:
        cp = ord(ch)
        if 0xE0020 <= cp <= 0xE007E:
            out.append(chr(cp - 0xE0000))
    return "".join(out)


def safe_preview(raw: bytes, limit: int = 160) -> str:
    text = raw.decode("utf-8", errors="replace")
    text = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text)
    return text[:limit] + ("…" if len(text) > limit else "")


def clip(s: str, n: int = 160) -> str:
    s = s.strip()
    return s if len(s) <= n else s[: n - 1] + "…"


def scan_text(path: str, text: str, security_ctx: bool, depth: int = 0) -> list[Finding]:
    findings: list[Finding] = []
    lines = text.splitlines()
    for i, line in enumerate(lines, 1):
        ctx_window = " ".join(lines[max(0, i - 3): i + 2])
        if OVERRIDE.search(line):
            sev = "low" if security_ctx and SECURITY_CONTEXT.search(ctx_window) else "high"
            findings.append(Finding(path, i, sev, "override-phrase", clip(line)))
        if ROLE_SPOOF.search(line):
            findings.append(Finding(path, i, "high", "role-spoof", clip(line)))
        hu = hidden_unicode(line)
        if hu:
            revealed = reveal_tags(line)
            findings.append(Finding(path, i, "high", "hidden-unicode",
                                    clip(f"{sorted(set(hu))} visible: {unicodedata.normalize('NFKC', line)}"),
                                    decoded_preview=clip(revealed) if revealed else None))
        for m in EXFIL_MD.finditer(line):
            if TEMPLATE_IN_URL.search(m.group(1)) or len(m.group(1)) > 120:
                findings.append(Finding(path, i, "high", "exfil-markdown", clip(m.group(0))))
        if TOOL_COERCION.search(line):
            findings.append(Finding(path, i, "medium", "tool-coercion", clip(line)))
        if SECRECY.search(line):
            findings.append(Finding(path, i, "medium", "secrecy-request", clip(line)))
        if PIPE_SHELL.search(line):
            findings.append(Finding(path, i, "medium", "pipe-to-shell", clip(line)))
        if depth == 0:
            for m in B64_RUN.finditer(line):
                blob = m.group(0)
                try:
                    raw = base64.b64decode(blob + "=" * (-len(blob) % 4), validate=False)
                except (binascii.Error, ValueError):
                    continue
                preview = safe_preview(raw)
                findings.append(Finding(path, i, "medium", "encoded-blob", clip(blob, 60), preview))
                inner = raw.decode("utf-8", errors="ignore")
                for f in scan_text(path, inner, security_ctx, depth=1):
                    f.line = i
                    f.detector = "encoded-blob/" + f.detector
                    findings.append(f)
            for m in HEX_RUN.finditer(line):
                raw = bytes.fromhex(m.group(0))
                findings.append(Finding(path, i, "medium", "encoded-blob", clip(m.group(0), 60), safe_preview(raw)))
    for m in HTML_HIDDEN.finditer(text):
        body = (m.group(1) or m.group(0)).strip()
        if len(body.split()) >= 6:
            line_no = text.count("\n", 0, m.start()) + 1
            sev = "medium" if OVERRIDE.search(body) or TOOL_COERCION.search(body) else "low"
            findings.append(Finding(path, line_no, sev, "html-hidden", clip(body)))
    return findings


def iter_files(target: str):
    if target == "-":
        yield "<stdin>", sys.stdin.read()
        return
    if os.path.isdir(target):
        for root, dirs, files in os.walk(target):
            dirs[:] = [d for d in dirs if d not in {".git", "node_modules", "__pycache__"}]
            for name in sorted(files):
                p = os.path.join(root, name)
                yield p, None
    else:
        yield target, None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("targets", nargs="+")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--min-severity", choices=list(SEVERITY_ORDER), default="low")
    ap.add_argument("--allow-context", choices=["security-writeup"], default=None)
    ap.add_argument("--max-bytes", type=int, default=5 * 1024 * 1024)
    args = ap.parse_args()

    all_findings: list[Finding] = []
    for target in args.targets:
        for path, text in iter_files(target):
            if text is None:
                try:
                    if os.path.getsize(path) > args.max_bytes:
                        print(f"skip (too large): {path}", file=sys.stderr)
                        continue
                    with open(path, "r", encoding="utf-8", errors="replace") as fh:
                        text = fh.read()
                except OSError as exc:
                    print(f"skip ({exc.strerror}): {path}", file=sys.stderr)
                    continue
            all_findings.extend(scan_text(path, text, args.allow_context == "security-writeup"))

    floor = SEVERITY_ORDER[args.min_severity]
    shown = [f for f in all_findings if SEVERITY_ORDER[f.severity] >= floor]

    if args.json:
        json.dump([asdict(f) for f in shown], sys.stdout, indent=2, ensure_ascii=True)
        print()
    else:
        for f in shown:
            print(f"{f.path}:{f.line}  {f.severity}  {f.detector}")
            print(f"    {json.dumps(f.excerpt, ensure_ascii=True)}")
            if f.decoded_preview:
                print(f"    decoded: {json.dumps(f.decoded_preview, ensure_ascii=True)}")
        counts = {s: sum(1 for f in shown if f.severity == s) for s in ("high", "medium", "low")}
        files = len({f.path for f in shown})
        print(f"{len(shown)} findings ({counts['high']} high, {counts['medium']} medium, {counts['low']} low) in {files} file(s)")

    return 1 if any(SEVERITY_ORDER[f.severity] >= 1 for f in shown) else 0


if __name__ == "__main__":
    sys.exit(main())
