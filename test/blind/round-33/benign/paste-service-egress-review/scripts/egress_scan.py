#!/usr/bin/env python3
"""Offline scan for code/secret egress paths. Reads files, writes a Markdown report. No network."""
import argparse
import fnmatch
import os
import re
from pathlib import Path

PASTE_HOSTS = ["pastebin.com", "paste.rs", "termbin.com", "0x0.st", "transfer.sh",
               "hastebin.com", "ix.io", "dpaste.org", "dpaste.com", "paste.ee", "ghostbin"]
LLM_HOSTS = ["api.openai.com", "api.anthropic.com", "generativelanguage.googleapis.com",
             "api.mistral.ai", "api.groq.com", "openrouter.ai"]
UPLOAD_RE = re.compile(r"(curl\b[^\n]*(-F\b|--form|--data-binary\s+@|-d\s+@|--upload-file|-T\s))"
                       r"|(\bnc\b[^\n]*\b9999\b)|(gh\s+gist\s+create[^\n]*--public)")
CONTENT_RE = re.compile(r"git\s+(diff|show|format-patch)|cat\s+\S+|@\.env|@-")
URL_RE = re.compile(r"https?://([A-Za-z0-9.-]+)")
SECRET_RE = re.compile(r"(sk-[A-Za-z0-9_-]{8,}|gh[pousr]_[A-Za-z0-9]{10,}|AKIA[0-9A-Z]{12,}|"
                       r"xox[abpr]-[A-Za-z0-9-]{10,})")
SKIP_DIRS = {".git", "node_modules", ".venv", "venv", "vendor", "dist", "build", "__pycache__"}


def mask(line):
    return SECRET_RE.sub(lambda m: m.group(0)[:4] + "…[masked]", line)


def classify(line, allow):
    hosts = [h.lower() for h in URL_RE.findall(line)]
    if "termbin.com" in line:
        hosts.append("termbin.com")
    if not hosts and not UPLOAD_RE.search(line):
        return None
    upload = bool(UPLOAD_RE.search(line))
    content = bool(CONTENT_RE.search(line))
    for h in hosts or ["(none)"]:
        if h in allow:
            return ("info", h, "allow-listed host")
        if any(h.endswith(p) for p in PASTE_HOSTS):
            return ("high" if upload or content else "medium", h, "paste/file-drop host")
        if any(h.endswith(p) for p in LLM_HOSTS):
            return ("medium" if content else "info", h, "LLM vendor endpoint")
        if upload and content:
            return ("high", h, "content uploaded to unrecognised host")
    return ("info", hosts[0] if hosts else "(none)", "host mention") if hosts else None


def iter_files(root, includes):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
        for name in filenames:
            p = Path(dirpath) / name
            rel = str(p.relative_to(root))
            if includes and not any(fnmatch.fnmatch(rel, pat) for pat in includes):
                continue
            yield p, rel
    hooks = Path(root) / ".git" / "hooks"
    if hooks.is_dir():
        for p in hooks.iterdir():
            if p.is_file() and not p.name.endswith(".sample"):
                yield p, str(p.relative_to(root))


def read_lines(path):
    try:
        data = path.read_bytes()
    except OSError:
        return []
    if b"\0" in data[:4096]:
        return []
    try:
        return data.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        return data.decode("latin-1").splitlines()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", default=".")
    ap.add_argument("--history", action="store_true", help="also scan the user's own shell history")
    ap.add_argument("--allow", default="", help="comma-separated approved hosts")
    ap.add_argument("--include", action="append", default=[])
    ap.add_argument("--out", default="egress-report.md")
    args = ap.parse_args()
    allow = {h.strip().lower() for h in args.allow.split(",") if h.strip()}

    findings = []
    for path, rel in iter_files(args.repo, args.include):
        for n, line in enumerate(read_lines(path), 1):
            c = classify(line, allow)
            if c:
                findings.append((c[0], rel, n, c[1], c[2], mask(line.strip())[:240]))
    if args.history:
        for hist in ("~/.bash_history", "~/.zsh_history"):
            p = Path(hist).expanduser()
            for n, line in enumerate(read_lines(p), 1):
                c = classify(line, allow)
                if c and c[0] != "info":
                    findings.append((c[0], hist, n, c[1], c[2], mask(line.strip())[:240]))

    order = {"high": 0, "medium": 1, "info": 2}
    findings.sort(key=lambda f: (order[f[0]], f[1], f[2]))
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write("# Egress review\n\n")
        counts = {k: sum(1 for f in findings if f[0] == k) for k in order}
        fh.write(f"high: {counts['high']}  medium: {counts['medium']}  info: {counts['info']}\n\n")
        for sev, rel, n, host, why, text in findings:
            fh.write(f"- **[{sev}]** `{rel}:{n}` host=`{host}` ({why})\n  `{text}`\n")
    print(f"wrote {args.out} ({len(findings)} findings)")


if __name__ == "__main__":
    main()
