#!/usr/bin/env python3
"""Flag logging/printing calls that may write secrets or PII. Noisy by design: review each hit."""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

EXT_LANG = {".py": "py", ".js": "js", ".mjs": "js", ".cjs": "js", ".ts": "js", ".tsx": "js", ".jsx": "js",
            ".go": "go", ".java": "java", ".kt": "java", ".rb": "rb"}

LOG_CALL = {
    "py": re.compile(r"\b(?:log(?:ger)?|logging|structlog\.\w+|self\.log(?:ger)?)\.(?:debug|info|warning|warn|error|exception|critical)\s*\(|\bprint\s*\(|sentry_sdk\.(?:capture_message|set_context|set_extra)\s*\("),
    "js": re.compile(r"\b(?:console|logger|log|pino|winston|this\.logger)\.(?:log|debug|info|warn|error|trace)\s*\(|Sentry\.(?:captureMessage|setContext|setExtra)\s*\("),
    "go": re.compile(r"\b(?:log|logger|zap\.\w+|slog|logrus|l)\.(?:Print\w*|Fatal\w*|Panic\w*|Debug\w*|Info\w*|Warn\w*|Error\w*)\s*\(|\bfmt\.Print\w*\s*\("),
    "java": re.compile(r"\b(?:log|logger|LOG|LOGGER)\.(?:trace|debug|info|warn|error)\s*\(|System\.(?:out|err)\.print\w*\s*\("),
    "rb": re.compile(r"\b(?:logger|Rails\.logger|log)\.(?:debug|info|warn|error|fatal)\b|\bputs\b|\bp\s"),
}

SENSITIVE = re.compile(
    r"pass(?:word|wd)?|passphrase|secret|token|api[_-]?key|apikey|auth(?:orization)?\b|bearer|cookie|session(?:id|_id)?|"
    r"private[_-]?key|credential|client[_-]?secret|\bssn\b|social[_-]?security|card[_-]?number|\bcvv\b|\bpan\b|\biban\b|otp|mfa[_-]?code",
    re.I)
DUMP = re.compile(
    r"request\.(?:headers|body|data|json|form|META|cookies)|req\.(?:headers|body|cookies)|\bheaders\b\s*[),]|"
    r"os\.environ|process\.env\b(?!\.)|JSON\.stringify\((?:req|request|config|user|session)\b|"
    r"%\+v|%#v|\bconfig\b\s*[),]|\bsettings\b\s*[),]|vars\(|__dict__|\.to_dict\(\)|inspect\(|\.toString\(\)", re.I)
BENIGN_TEXT = re.compile(r"(password|token)\s+(reset|expired|invalid|refresh(ed)?|sent|missing|required|changed|rotated)", re.I)
LITERAL_SECRET = re.compile(r"AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{20,}|xox[baprs]-[A-Za-z0-9-]{10,}|-----BEGIN [A-Z ]*PRIVATE KEY-----")

SKIP_DIRS = {"node_modules", ".git", "vendor", "dist", "build", ".venv", "venv", "__pycache__", "target"}


def call_text(lines, i, max_lines=6):
    text = lines[i]
    depth = text.count("(") - text.count(")")
    j = i
    while depth > 0 and j + 1 < len(lines) and j - i < max_lines:
        j += 1
        text += " " + lines[j].strip()
        depth += lines[j].count("(") - lines[j].count(")")
    return text


def scan_file(path: Path):
    lang = EXT_LANG.get(path.suffix)
    if not lang:
        return []
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    hits = []
    for i, line in enumerate(lines):
        if not LOG_CALL[lang].search(line):
            continue
        text = call_text(lines, i)
        code_only = re.sub(r"(['\"]).*?\1", "''", text)     # identifiers outside string literals
        reasons = []
        if LITERAL_SECRET.search(text):
            reasons.append("literal secret-shaped value")
        if SENSITIVE.search(code_only):
            reasons.append("sensitive identifier in arguments")
        elif SENSITIVE.search(text) and not BENIGN_TEXT.search(text) and re.search(r"[{%$]|\+\s*\w|f['\"]", text):
            reasons.append("sensitive word next to interpolation")
        if DUMP.search(text):
            reasons.append("dumps request/env/config object")
        if reasons:
            hits.append({"file": str(path), "line": i + 1, "lang": lang, "reasons": reasons,
                         "code": text.strip()[:200]})
    return hits


def walk(root: Path):
    if root.is_file():
        yield root
        return
    for p in root.rglob("*"):
        if p.is_file() and not any(part in SKIP_DIRS for part in p.parts):
            yield p


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--format", choices=["md", "json", "text"], default="text")
    args = ap.parse_args()
    hits = [h for p in args.paths for f in walk(Path(p)) for h in scan_file(f)]
    if args.format == "json":
        print(json.dumps(hits, indent=2))
    elif args.format == "md":
        print("# Candidate secret/PII logging\n")
        print(f"{len(hits)} candidates. Triage each: true positive / false positive / needs context.\n")
        print("| Location | Reasons | Code | Verdict | Log destination |")
        print("| --- | --- | --- | --- | --- |")
        for h in hits:
            code = h["code"].replace("|", "\\|")
            print(f"| {h['file']}:{h['line']} | {'; '.join(h['reasons'])} | `{code}` |  |  |")
    else:
        for h in hits:
            print(f"{h['file']}:{h['line']}: {'; '.join(h['reasons'])}\n    {h['code']}")
        print(f"{len(hits)} candidate(s)", file=sys.stderr)


if __name__ == "__main__":
    main()
