#!/usr/bin/env python3
"""Detect and visualise terminal escape sequences in files or stdin. Never renders input."""
import argparse
import base64
import re
import sys
from urllib.parse import urlparse

ESC = b"\x1b"
CSI_RE = re.compile(rb"(?:\x1b\[|\x9b)([0-?]*)([ -/]*)([@-~])")
OSC_RE = re.compile(rb"(?:\x1b\]|\x9d)(.*?)(?:\x07|\x1b\\|\x9c)", re.S)
STR_RE = re.compile(rb"\x1b([P_^X])(.*?)(?:\x1b\\|\x9c)", re.S)
BIDI_RE = re.compile("[\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff]")
SEV = {"info": 0, "low": 1, "medium": 2, "high": 3}


def visible(b: bytes) -> str:
    out = []
    for ch in b:
        if ch == 0x1b:
            out.append("\\e")
        elif ch == 0x07:
            out.append("\\a")
        elif ch == 0x0d:
            out.append("\\r")
        elif ch < 0x20 and ch not in (0x09, 0x0a):
            out.append(f"\\x{ch:02x}")
        elif 0x80 <= ch <= 0x9f:
            out.append(f"\\x{ch:02x}")
        else:
            out.append(chr(ch) if ch < 0x80 else "\ufffd")
    return "".join(out)


def classify_csi(params: bytes, final: bytes):
    f = final.decode()
    p = params.decode(errors="replace")
    if f == "m":
        codes = [c for c in p.split(";") if c]
        if "8" in codes:
            return "conceal", "high"
        return "sgr", "info"
    if f in "ABCDEFGHfd" :
        return "cursor-move", "medium"
    if f in "JK":
        return "erase", "medium"
    if f == "n" and p in ("6", "5"):
        return "query-DSR", "high"
    if f == "t" and p in ("21", "20", "13", "14"):
        return "query-window", "high"
    if f in "hl" and p.startswith("?"):
        return "mode", "low"
    return f"csi-{f}", "low"


def classify_osc(body: bytes):
    num, _, rest = body.partition(b";")
    n = num.decode(errors="replace")
    if n == "52":
        _, _, data = rest.partition(b";")
        try:
            decoded = base64.b64decode(data, validate=False).decode(errors="replace")
        except Exception:
            decoded = "<undecodable>"
        if data == b"?":
            return "osc52-read", "high", "clipboard READ request"
        return "osc52-clipboard", "high", f'clipboard <- {decoded[:200]!r}'
    if n == "8":
        _, _, uri = rest.partition(b";")
        return "osc8-link", "medium", uri.decode(errors="replace")[:200]
    if n in ("0", "1", "2"):
        return "osc-title", "low", rest.decode(errors="replace")[:80]
    if n.endswith("?") or rest.endswith(b"?"):
        return "osc-query", "high", body.decode(errors="replace")[:80]
    if n in ("7", "1337", "5113", "777"):
        return f"osc{n}-private", "medium", rest.decode(errors="replace")[:80]
    return f"osc{n}", "low", ""


def scan_line(line: bytes, lineno: int, check_unicode: bool):
    findings = []
    for m in CSI_RE.finditer(line):
        cls, sev = classify_csi(m.group(1), m.group(3))
        findings.append((lineno, cls, sev, visible(m.group(0)), ""))
        if m.group(0).startswith(b"\x9b"):
            findings.append((lineno, "c1-control", "high", "\\x9b", "8-bit CSI"))
    osc = list(OSC_RE.finditer(line))
    for i, m in enumerate(osc):
        cls, sev, detail = classify_osc(m.group(1))
        if cls == "osc8-link" and detail:
            end = osc[i + 1].start() if i + 1 < len(osc) else len(line)
            text = CSI_RE.sub(b"", line[m.end():end]).decode(errors="replace").strip()[:80]
            th = urlparse(detail).hostname or ""
            if th and th not in text:
                sev = "high"
            detail = f'text="{text}" target="{detail}"'
        findings.append((lineno, cls, sev, visible(m.group(0)[:60]), detail))
    for m in STR_RE.finditer(line):
        kind = {"P": "DCS", "_": "APC", "^": "PM", "X": "SOS"}[m.group(1).decode()]
        findings.append((lineno, kind.lower(), "high", visible(m.group(0)[:60]), ""))
    stripped = line.rstrip(b"\r\n")
    if b"\r" in stripped:
        findings.append((lineno, "cr-overwrite", "medium", visible(stripped[:80]), "text after \\r overwrites start of line"))
    if check_unicode:
        for m in BIDI_RE.finditer(line.decode("utf-8", errors="replace")):
            findings.append((lineno, "bidi/zero-width", "high", f"U+{ord(m.group(0)):04X}", ""))
    return findings


def strip(data: bytes, keep_color: bool) -> bytes:
    data = OSC_RE.sub(b"", data)
    data = STR_RE.sub(b"", data)
    if keep_color:
        data = CSI_RE.sub(lambda m: m.group(0) if m.group(3) == b"m" and b"8" not in m.group(1).split(b";") else b"", data)
    else:
        data = CSI_RE.sub(b"", data)
    return bytes(c for c in data if c in (9, 10) or 0x20 <= c < 0x7f or c >= 0xa0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--strip", action="store_true")
    ap.add_argument("--keep-color", action="store_true")
    ap.add_argument("--unicode", action="store_true")
    ap.add_argument("--severity", choices=list(SEV), default="medium")
    a = ap.parse_args()
    worst = 0
    for path in a.files:
        data = sys.stdin.buffer.read() if path == "-" else open(path, "rb").read()
        if a.strip:
            sys.stdout.buffer.write(strip(data, a.keep_color))
            continue
        counts = {}
        for i, line in enumerate(data.split(b"\n"), 1):
            for lineno, cls, sev, raw, detail in scan_line(line, i, a.unicode):
                counts[cls] = counts.get(cls, 0) + 1
                worst = max(worst, SEV[sev])
                if SEV[sev] >= SEV[a.severity]:
                    print(f"{path}:{lineno}  {cls:<16} [{sev.upper()}] {detail}")
                    if a.show:
                        print(f"    {visible(line[:300])}")
        summary = ", ".join(f"{k}={v}" for k, v in sorted(counts.items())) or "no escape sequences"
        print(f"# {path}: {summary}", file=sys.stderr)
    if not a.strip:
        sys.exit(1 if worst >= SEV[a.severity] else 0)


if __name__ == "__main__":
    main()
