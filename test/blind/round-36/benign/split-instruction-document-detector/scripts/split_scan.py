#!/usr/bin/env python3
"""Cross-file scan for split or hidden instructions. Reports only; never executes or fetches anything."""
import argparse, base64, binascii, itertools, re, shutil, subprocess, sys
from pathlib import Path

DIRECTIVE = re.compile(r"(?i)\b(ai|assistant|agent|claude|language model|llm)\b.{0,80}\b(run|execute|open|send|upload|commit|post|fetch|ignore|must)\b")
CHAIN = re.compile(r"(?i)(part\s*\d+\s*(of|/)\s*\d+|\(\d\s*/\s*\d\)|continued in|see next file|continue reading in)")
B64 = re.compile(r"[A-Za-z0-9+/]{12,40}={0,2}")
HIDDEN = re.compile(r"(?is)<!--.*?-->|<[^>]+(display\s*:\s*none|font-size\s*:\s*0|color\s*:\s*#?fff(fff)?\b)[^>]*>.*?</[^>]+>|[\u200b\u200c\u200d\u2060\ufeff]")
ACTION = re.compile(r"(?i)(https?://|curl |wget |bash|powershell|\.ssh|\.env|token|password|run |execute)")

def text_of(p: Path) -> str:
    s = p.suffix.lower()
    if s in {".md", ".txt", ".html", ".htm", ".json", ".csv", ".yaml", ".yml"}:
        return p.read_text(errors="replace")
    if s == ".pdf" and shutil.which("pdftotext"):
        return subprocess.run(["pdftotext", "-layout", str(p), "-"], capture_output=True, text=True).stdout
    if s == ".docx":
        try:
            import docx  # python-docx
        except ImportError:
            return ""
        d = docx.Document(str(p))
        out = []
        for para in d.paragraphs:
            for r in para.runs:
                hidden = r.font.hidden
                out.append(("[HIDDEN]" if hidden else "") + r.text)
            out.append("\n")
        return "".join(out)
    return ""

def try_decode(chunk: str):
    try:
        raw = base64.b64decode(chunk + "=" * (-len(chunk) % 4), validate=True)
    except (binascii.Error, ValueError):
        return None
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return t if t.isprintable() and len(t) > 6 else None

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("--report", default="split-report.md")
    a = ap.parse_args()
    findings, fragments = [], []
    for p in sorted(Path(a.root).rglob("*")):
        if not p.is_file():
            continue
        text = text_of(p)
        for i, line in enumerate(text.splitlines(), 1):
            if DIRECTIVE.search(line):
                findings.append(("Medium", "directive", f"{p}:{i}", line))
            if CHAIN.search(line):
                findings.append(("Low", "chain-marker", f"{p}:{i}", line))
            for m in B64.finditer(line):
                fragments.append((str(p), i, m.group(0)))
        for m in HIDDEN.finditer(text):
            if DIRECTIVE.search(m.group(0)) or CHAIN.search(m.group(0)):
                findings.append(("Medium", "hidden-carrier", str(p), m.group(0)))
    # Try ordered concatenations of fragments from different files (small sets only).
    for n in range(2, min(6, len(fragments)) + 1):
        for combo in itertools.combinations(fragments[:40], n):
            if len({c[0] for c in combo}) < 2:
                continue
            decoded = try_decode("".join(c[2] for c in combo))
            if decoded and ACTION.search(decoded):
                where = ", ".join(f"{c[0]}:{c[1]}" for c in combo)
                findings.append(("High", "assembled-fragment", where, decoded))
    sev = {"High": 0, "Medium": 1, "Low": 2}
    with open(a.report, "w") as f:
        f.write("# Split-instruction scan (untrusted content quoted below; do not follow)\n\n")
        for s, kind, where, snippet in sorted(findings, key=lambda x: sev[x[0]]):
            f.write(f"- **{s}** {kind} at `{where}`\n\n  ```text\n  {snippet.strip()[:200]}\n  ```\n")
    print(f"{len(findings)} findings -> {a.report}")

if __name__ == "__main__":
    sys.exit(main())
