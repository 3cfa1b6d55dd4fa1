#!/usr/bin/env python3
"""Static, read-only audit of agent skill folders.

Usage:
    audit_skills.py PATH [PATH ...] [--format text|markdown|json] [--min-severity low|medium|high]

Never executes, imports or fetches anything from the audited folders.
"""
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

MAX_BYTES = 2 * 1024 * 1024
TEXT_EXT = {
    ".md", ".txt", ".py", ".sh", ".bash", ".zsh", ".js", ".mjs", ".cjs", ".ts", ".json",
    ".yaml", ".yml", ".toml", ".ps1", ".psm1", ".rb", ".go", ".plist", ".service", ".timer",
    ".cfg", ".ini", ".env", ".html", ".xml", ".csv", "",
}
SEVERITY_RANK = {"info": 0, "low": 1, "medium": 2, "high": 3}

# (id, severity, compiled regex, short description)
PATTERNS = [
    ("RX001", "high", r"(curl|wget)[^\n|]*\|\s*(sudo\s+)?(ba|z)?sh\b", "download piped to shell"),
    ("RX002", "high", r"base64\s+(-d|--decode|-D)[^\n]*\|\s*(ba|z)?sh\b", "decoded blob piped to shell"),
    ("RX003", "high", r"\b(iex|Invoke-Expression)\b[^\n]*(iwr|Invoke-WebRequest|DownloadString)", "PowerShell download-and-run"),
    ("RX004", "high", r"certutil(\.exe)?\s+-decode", "certutil decode"),
    ("RX005", "high", r"(python3?|node|ruby|perl)\s+-[ce]\s+[\"']?\$\((curl|wget)", "interpreter runs downloaded code"),
    ("RX006", "medium", r"\bnpx\s+-y\s+[a-z0-9@/_.-]+|pip3?\s+install\s+(?!-r\b)[a-z0-9_.-]+", "unpinned package install"),
    ("RX008", "high", r"xattr\s+(-d\s+com\.apple\.quarantine|-c?r)", "quarantine attribute removal"),
    ("RX009", "high", r"(fetch|download|retrieve)[^\n]{0,60}(latest|current)[^\n]{0,40}(instructions|rules|prompt)", "remote instructions"),
    ("CR001", "high", r"\.ssh/id_(rsa|ed25519|ecdsa|dsa)\b", "SSH private key path"),
    ("CR002", "high", r"\.aws/credentials|\.config/gcloud|\.azure/", "cloud credential path"),
    ("CR004", "high", r"\.npmrc|\.pypirc|\.netrc|\.docker/config\.json|\.kube/config|gh/hosts\.yml", "token file path"),
    ("CR005", "high", r"Login Data|Cookies\b|key4\.db|logins\.json", "browser credential store"),
    ("CR006", "high", r"security\s+(find-generic-password|find-internet-password|dump-keychain)", "keychain access"),
    ("CR007", "high", r"wallet\.dat|Exodus|Electrum|seed phrase|mnemonic", "wallet material"),
    ("CR008", "high", r"Telegram Desktop|Local Storage/leveldb", "chat session store"),
    ("CR009", "high", r"169\.254\.169\.254|metadata\.google\.internal", "instance metadata"),
    ("CR010", "medium", r"\bprintenv\b|os\.environ\b(?!\.get|\[)|JSON\.stringify\(process\.env\)", "environment dump"),
    ("CR011", "high", r"osascript[^\n]*hidden answer", "password dialog"),
    ("EX002", "high", r"\b(dig|nslookup|host)\s+[^\n]*\$\(", "dynamic DNS lookup"),
    ("EX004", "high", r"!\[[^\]]*\]\(https?://[^)]*\?[^)]*=", "image URL with query string"),
    ("EX005", "high", r"gh\s+gist\s+create|git\s+push\s+[^\n]*refs/(?!heads|tags)", "gist / hidden ref push"),
    ("EX006", "medium", r"Dropbox/|Mobile Documents|Google Drive/|OneDrive/", "sync folder path"),
    ("PS001", "high", r">>\s*~?/?[^\s]*\.(bashrc|zshrc|profile|bash_profile)", "rc file append"),
    ("PS002", "high", r"crontab\s+-|LaunchAgents/|systemd/user/", "scheduled task"),
    ("PS003", "high", r"authorized_keys", "authorized_keys"),
    ("PS004", "high", r"NOPASSWD", "sudoers NOPASSWD"),
    ("PS005", "high", r"core\.hooksPath|credential\.helper", "git hook/credential config"),
    ("PS006", "high", r"npm\s+config\s+set\s+registry|index-url\s*=", "package index change"),
    ("PS007", "high", r"ProxyCommand", "ssh ProxyCommand"),
    ("PS008", "high", r"alias\s+sudo=|export\s+PATH=[\"']?[^\n:]*skill", "command wrapper"),
    ("PS009", "high", r"CLAUDE\.md|AGENTS\.md|\.cursorrules|skills/[^\s]*/SKILL\.md", "agent memory / skill file"),
    ("PS010", "high", r"Bash\(\*\)|dangerously-skip-permissions|_BASE_URL|enableAllProjectMcpServers", "agent permission change"),
    ("PS011", "medium", r"pull_request_target", "pull_request_target workflow"),
    ("HI003", "high", r"(do not|don't|never)\s+(mention|tell|show|inform)[^\n]{0,40}user|pre-?approved", "concealment wording"),
    ("HI005", "high", r"decode[^\n]{0,60}(follow|execute|run|carry out)", "decode-and-follow"),
    ("BG001", "medium", r"\bnohup\b|\bsetsid\b|\bdisown\b|detached:\s*true", "background process"),
    ("BG002", "medium", r"sleep\s+\d{3,}|\bat\s+now\s*\+", "delayed action"),
    ("DS001", "high", r"rm\s+-rf\s+(~|\$HOME|/)(\s|/\*|$)", "recursive delete of home/root"),
    ("DS002", "high", r"s3\s+rb\s+[^\n]*--force|terminate-instances|DROP\s+DATABASE", "cloud/db destruction"),
    ("DS003", "high", r"push\s+[^\n]*(--force|-f)\b[^\n]*(main|master)", "force push default branch"),
    ("DS004", "medium", r"history\s+-c|>\s*/var/log/", "history/log wipe"),
]
COMPILED = [(i, s, re.compile(p, re.IGNORECASE), d) for i, s, p, d in PATTERNS]

INVISIBLE = set(range(0x200B, 0x2010)) | set(range(0x202A, 0x202F)) | set(range(0x2060, 0x2065)) \
    | set(range(0x2066, 0x206A)) | {0xFEFF, 0x00AD, 0x180E} | set(range(0xE0000, 0xE0080))
B64_RUN = re.compile(r"[A-Za-z0-9+/]{80,}={0,2}")
HEX_RUN = re.compile(r"\b(?:[0-9a-fA-F]{2}){48,}\b")
HTML_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
HOST = re.compile(r"https?://([a-zA-Z0-9.-]+\.[a-zA-Z]{2,})")


@dataclass
class Finding:
    skill: str
    file: str
    line: int
    id: str
    severity: str
    message: str
    evidence: str


def is_text_candidate(path: str) -> bool:
    _, ext = os.path.splitext(path)
    return ext.lower() in TEXT_EXT


def read_text(path: str) -> str | None:
    try:
        if os.path.getsize(path) > MAX_BYTES:
            return None
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError:
        return None
    if b"\x00" in raw[:4096]:
        return None
    return raw.decode("utf-8", errors="replace")


def clip(s: str, n: int = 160) -> str:
    s = s.replace("\n", "\\n")
    return s if len(s) <= n else s[: n - 1] + "…"


def preview_decode(blob: str) -> str | None:
    try:
        data = base64.b64decode(blob + "=" * (-len(blob) % 4), validate=False)
    except (binascii.Error, ValueError):
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    printable = sum(ch.isprintable() or ch in "\n\t" for ch in text)
    return text if text and printable / len(text) > 0.95 else None


def skill_root(path: str, roots: list[str]) -> str:
    cur = os.path.abspath(path)
    while True:
        if os.path.isfile(os.path.join(cur, "SKILL.md")):
            return cur
        parent = os.path.dirname(cur)
        if parent == cur or any(os.path.abspath(r) == cur for r in roots):
            return cur
        cur = parent


def scan_file(path: str, skill: str, findings: list[Finding], observed_hosts: set[str]) -> None:
    text = read_text(path)
    if text is None:
        return
    rel = os.path.relpath(path, skill)
    lines = text.splitlines()
    for lineno, line in enumerate(lines, 1):
        for pid, sev, rx, desc in COMPILED:
            m = rx.search(line)
            if m:
                findings.append(Finding(skill, rel, lineno, pid, sev, desc, clip(line.strip())))
        bad = [ch for ch in line if ord(ch) in INVISIBLE and not (lineno == 1 and line.startswith("\ufeff") and ch == "\ufeff")]
        if bad:
            cps = ", ".join(sorted({f"U+{ord(c):04X} {unicodedata.name(c, '?')}" for c in bad}))
            findings.append(Finding(skill, rel, lineno, "HI002", "high", f"{len(bad)} invisible/bidi char(s)", cps))
        for m in B64_RUN.finditer(line):
            dec = preview_decode(m.group(0))
            sev = "high" if dec and re.search(r"(curl|wget|bash|sh -c|iex|http)", dec) else "medium"
            ev = f"decodes to: {clip(dec)}" if dec else clip(m.group(0), 60)
            findings.append(Finding(skill, rel, lineno, "OB001", sev, "long base64 run", ev))
        if HEX_RUN.search(line):
            findings.append(Finding(skill, rel, lineno, "OB002", "medium", "long hex run", clip(line.strip(), 80)))
        for h in HOST.findall(line):
            observed_hosts.add(h.lower())
    if path.endswith(".md"):
        for m in HTML_COMMENT.finditer(text):
            lineno = text.count("\n", 0, m.start()) + 1
            body = m.group(1).strip()
            if body:
                findings.append(Finding(skill, rel, lineno, "HI001", "high", "HTML comment in Markdown", clip(body)))


def front_matter(skill: str) -> str:
    text = read_text(os.path.join(skill, "SKILL.md")) or ""
    if text.startswith("---"):
        end = text.find("\n---", 3)
        if end != -1:
            return text[: end]
    return ""


def audit(paths: list[str]) -> list[Finding]:
    findings: list[Finding] = []
    hosts_by_skill: dict[str, set[str]] = {}
    for root in paths:
        for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
            dirnames[:] = [d for d in dirnames if d not in {".git", "node_modules", "__pycache__"}]
            for name in filenames:
                full = os.path.join(dirpath, name)
                skill = skill_root(dirpath, paths)
                if os.path.islink(full):
                    findings.append(Finding(skill, os.path.relpath(full, skill), 0, "FS001", "medium",
                                            "symlink (not followed)", os.readlink(full)))
                    continue
                if is_text_candidate(full):
                    scan_file(full, skill, findings, hosts_by_skill.setdefault(skill, set()))
    for skill, hosts in hosts_by_skill.items():
        skill_md = (read_text(os.path.join(skill, "SKILL.md")) or "").lower()
        for h in sorted(hosts):
            if h not in skill_md:
                findings.append(Finding(skill, "(tree)", 0, "DV001", "medium",
                                        "host used in files but not mentioned in SKILL.md", h))
        if not front_matter(skill):
            findings.append(Finding(skill, "SKILL.md", 1, "MD001", "low", "missing front matter", ""))
    return findings


def render(findings: list[Finding], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([asdict(f) for f in findings], indent=2)
    by_skill: dict[str, list[Finding]] = {}
    for f in findings:
        by_skill.setdefault(f.skill, []).append(f)
    out = []
    for skill, items in sorted(by_skill.items()):
        items.sort(key=lambda f: (-SEVERITY_RANK[f.severity], f.file, f.line))
        if fmt == "markdown":
            out.append(f"# Skill audit: {os.path.basename(skill)} ({skill})\n")
            out.append("| # | Severity | File:line | Finding | Evidence |")
            out.append("|---|----------|-----------|---------|----------|")
            for n, f in enumerate(items, 1):
                ev = f.evidence.replace("|", "\\|")
                out.append(f"| {n} | {f.severity} | {f.file}:{f.line} | {f.id} {f.message} | `{ev}` |")
            out.append("")
        else:
            out.append(f"== {skill}")
            for f in items:
                out.append(f"  [{f.severity:6}] {f.id} {f.file}:{f.line}  {f.message}\n           {f.evidence}")
    return "\n".join(out) if out else "No findings."


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--format", choices=["text", "markdown", "json"], default="text")
    ap.add_argument("--min-severity", choices=list(SEVERITY_RANK), default="low")
    args = ap.parse_args()
    for p in args.paths:
        if not os.path.isdir(p):
            print(f"not a directory: {p}", file=sys.stderr)
            return 2
    floor = SEVERITY_RANK[args.min_severity]
    findings = [f for f in audit(args.paths) if SEVERITY_RANK[f.severity] >= floor]
    print(render(findings, args.format))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
