#!/usr/bin/env python3
"""Static audit of an Agent Skill folder or zip. Reads files as text only; never imports or runs them."""
from __future__ import annotations

import argparse
import base64
import binascii
import io
import json
import math
import re
import sys
import zipfile
from collections import Counter
from dataclasses import dataclass, asdict, field
from pathlib import Path
from urllib.parse import urlsplit

R = lambda p: re.compile(p, re.I | re.M)  # noqa: E731

RULES = [
    # id, severity, area, regex
    ("SK-PIPE-SHELL", "high", "download-and-run", R(r"\b(curl|wget)\b[^\n|]{0,240}\|\s*(sudo\s+)?(ba|z|da|k)?sh\b|bash\s+<\(\s*curl|\b(iwr|irm|Invoke-WebRequest|Invoke-RestMethod)\b[^\n]{0,200}\|\s*iex\b|python3?\s+-c\s+\"?\$\(curl")),
    ("SK-ENCODED-EXEC", "high", "encoded execution", R(r"base64\s+(-d|--decode|-D)[^\n]{0,80}\|\s*(ba|z)?sh|eval\s*\(\s*atob\(|exec\s*\(\s*(base64\.)?b64decode|powershell[^\n]{0,60}\s-e(nc|ncodedcommand)?\s+[A-Za-z0-9+/=]{16,}|(eval|Function)\s*\(\s*String\.fromCharCode|Buffer\.from\([^)]{10,},\s*['\"]base64['\"]\)\.toString\(\)\s*\)")),
    ("SK-CRED-PATH", "high", "credential access", R(r"~?/?\.ssh/(id_[a-z0-9]+|authorized_keys|config)?|\.aws/credentials|\.config/gcloud|\.kube/config|\.docker/config\.json|\.npmrc|\.pypirc|\.netrc|\.git-credentials|Login Data|Local State|Cookies\.sqlite|key4\.db|wallet\.dat|security\s+find-(generic|internet)-password|\bkeychain\b")),
    ("SK-DOTENV", "medium", "credential access", R(r"(^|[\s'\"/])\.env(\.[a-z]+)?\b")),
    ("SK-ENV-DUMP", "high", "environment harvesting", R(r"\bprintenv\b|\benv\s*\||dict\(os\.environ\)|json\.dumps\(\s*os\.environ|JSON\.stringify\(\s*process\.env\s*\)|Object\.entries\(\s*process\.env\s*\)|Get-ChildItem\s+env:")),
    ("SK-AGENT-CONFIG", "high", "agent-directed", R(r"CLAUDE\.md|AGENTS\.md|\.cursorrules|\.cursor/rules|\.claude/settings(\.local)?\.json|\.mcp\.json|claude_desktop_config\.json|copilot-instructions\.md|\bmcp\s+add\b")),
    ("SK-PERM-BYPASS", "high", "agent-directed", R(r"--dangerously-skip-permissions|bypassPermissions|--yolo\b|danger-full-access|\"defaultMode\"\s*:\s*\"(bypassPermissions|acceptEdits)\"")),
    ("SK-CONCEAL", "high", "agent-directed", R(r"(do\s*n[o']t|never|without)\s+(tell|telling|mention|mentioning|inform|informing|show|showing|ask|asking)\s+(the\s+)?user|silently|quietly|in\s+the\s+background\s+without")),
    ("SK-SECRET-SINK", "high", "agent-directed", R(r"(token|secret|key|credential|\.env|password)[^\n]{0,80}\b(commit\s+message|pr\s+(body|description)|gist|issue\s+comment|image\s+url|query\s+string)|!\[[^\]]*\]\(https?://[^)]*[?&][^)]*\{")),
    ("SK-INSTALL-HOOK", "high", "install hooks", R(r"\"(preinstall|install|postinstall|prepare)\"\s*:\s*\"|cmdclass\s*=|\.pth\b")),
    ("SK-PERSIST", "medium", "persistence", R(r"crontab\s+-|LaunchAgents|systemctl\s+(--user\s+)?enable|>>\s*~?/?\.(bashrc|zshrc|profile|bash_profile)|\.git/hooks/")),
    ("SK-RAW-NET", "medium", "network", R(r"socket\.socket\(|/dev/tcp/|\bnc\s+-[a-z]*e\b|nslookup\s+\S*\$|dig\s+\S*\$")),
    ("SK-PASTE-DROP", "medium", "network", R(r"pastebin\.com|transfer\.sh|0x0\.st|webhook\.site|requestbin|ngrok\.io|discord(app)?\.com/api/webhooks|api\.telegram\.org/bot")),
]
HIDDEN = re.compile("[\U000E0000-\U000E007F]+|[\u200B\u200C\u200D\u2060\uFEFF]{2,}|[\u202A-\u202E\u2066-\u2069]")
HTML_COMMENT = re.compile(r"<!--([\s\S]{0,2000}?)-->")
URL = re.compile(r"https?://[^\s\"'<>)\]`]+")
B64 = re.compile(r"[A-Za-z0-9+/]{60,}={0,2}")
BENIGN_HOSTS = {"github.com", "api.github.com", "raw.githubusercontent.com", "registry.npmjs.org", "pypi.org", "files.pythonhosted.org",
                "docs.python.org", "developer.mozilla.org", "example.com", "example.org", "localhost", "127.0.0.1"}
TEXT_SUFFIX = {".md", ".txt", ".py", ".sh", ".bash", ".zsh", ".js", ".mjs", ".cjs", ".ts", ".json", ".yaml", ".yml", ".toml", ".ps1",
               ".psm1", ".rb", ".go", ".rs", ".html", ".svg", ".xml", ".cfg", ".ini", ".pth", ".bat", ".cmd", ""}


@dataclass
class Finding:
    severity: str
    rule: str
    area: str
    file: str
    line: int
    snippet: str
    decoded: str | None = None


@dataclass
class Report:
    name: str = ""
    description: str = ""
    files: int = 0
    hosts: set = field(default_factory=set)
    findings: list = field(default_factory=list)
    binaries: list = field(default_factory=list)


def visible(s: str, n: int = 160) -> str:
    s = "".join(f"\\u{{{ord(c):X}}}" if HIDDEN.match(c) else c for c in s.replace("\n", " "))
    return s if len(s) <= n else s[: n - 1] + "…"


def entropy(s: str) -> float:
    c = Counter(s)
    return -sum(v / len(s) * math.log2(v / len(s)) for v in c.values()) if s else 0.0


def lineno(text: str, i: int) -> int:
    return text.count("\n", 0, i) + 1


def iter_files(target: Path):
    if target.suffix == ".zip":
        with zipfile.ZipFile(target) as z:
            for info in z.infolist():
                if not info.is_dir():
                    yield info.filename, z.read(info)
    else:
        for p in sorted(target.rglob("*")):
            if p.is_file() and ".git" not in p.parts:
                yield str(p.relative_to(target)), p.read_bytes()


def audit(target: Path) -> Report:
    rep = Report()
    for name, data in iter_files(target):
        rep.files += 1
        suffix = Path(name).suffix.lower()
        if b"\x00" in data[:4096] or suffix not in TEXT_SUFFIX:
            rep.binaries.append(name)
            if data[:2] == b"MZ" or data[:4] in (b"\x7fELF", b"\xcf\xfa\xed\xfe"):
                rep.findings.append(Finding("high", "SK-BINARY", "obfuscation", name, 0, "compiled executable shipped in skill"))
            continue
        text = data.decode("utf-8", errors="replace")
        if Path(name).name == "SKILL.md":
            m = re.search(r"^---\s*\n(.*?)\n---", text, re.S)
            if m:
                for key in ("name", "description"):
                    km = re.search(rf"^{key}:\s*(.+)$", m.group(1), re.M)
                    if km:
                        setattr(rep, key, km.group(1).strip().strip("'\""))
        for rid, sev, area, rx in RULES:
            for m in rx.finditer(text):
                ln = lineno(text, m.start())
                line = text.splitlines()[ln - 1] if text else ""
                rep.findings.append(Finding(sev, rid, area, name, ln, visible(line.strip())))
        for m in HIDDEN.finditer(text):
            dec = "".join(chr(ord(c) - 0xE0000) for c in m.group(0) if 0xE0020 <= ord(c) <= 0xE007E) or None
            rep.findings.append(Finding("high", "SK-HIDDEN-UNICODE", "hidden text", name, lineno(text, m.start()), visible(text[max(0, m.start() - 30): m.end() + 10]), dec))
        for m in HTML_COMMENT.finditer(text):
            body = m.group(1).strip()
            if re.search(r"\b(agent|assistant|claude|ai|model|you must|always|never|run|execute)\b", body, re.I):
                rep.findings.append(Finding("medium", "SK-HTML-COMMENT", "hidden text", name, lineno(text, m.start()), visible(body)))
        for m in B64.finditer(text):
            try:
                dec = base64.b64decode(m.group(0) + "=" * (-len(m.group(0)) % 4)).decode("utf-8")
            except (binascii.Error, UnicodeDecodeError, ValueError):
                continue
            if sum(ch.isprintable() for ch in dec) / max(1, len(dec)) > 0.9:
                rep.findings.append(Finding("medium", "SK-B64-TEXT", "obfuscation", name, lineno(text, m.start()), visible(m.group(0), 60), visible(dec, 300)))
        for m in URL.finditer(text):
            host = (urlsplit(m.group(0)).hostname or "").lower()
            if host:
                rep.hosts.add(host)
        for i, line in enumerate(text.splitlines(), 1):
            if len(line) > 1000 and suffix in {".js", ".py", ".sh", ".ps1", ".ts", ".mjs"}:
                rep.findings.append(Finding("medium", "SK-LONG-LINE", "obfuscation", name, i, f"{len(line)}-char line, entropy {entropy(line):.2f}"))
    return rep


def verdict(rep: Report) -> str:
    high = [f for f in rep.findings if f.severity == "high"]
    areas = {f.area for f in high}
    if {"download-and-run", "encoded execution", "environment harvesting"} & areas or len(high) >= 5:
        return "do not install (pending manual review)"
    if high:
        return "review each high finding against the declared purpose"
    return "no high-risk patterns found (still read SKILL.md yourself)"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("target")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    rep = audit(Path(a.target).expanduser())
    order = {"high": 0, "medium": 1, "low": 2}
    rep.findings.sort(key=lambda f: (order[f.severity], f.file, f.line))
    if a.json:
        d = asdict(rep)
        d["hosts"] = sorted(rep.hosts)
        d["verdict"] = verdict(rep)
        print(json.dumps(d, indent=2, ensure_ascii=False))
        return 0
    print(f"# Skill audit: {rep.name or a.target}\n")
    print(f"**Verdict:** {verdict(rep)}\n")
    print(f"**Declared purpose:** {rep.description or '(no description)'}\n")
    print(f"**Files:** {rep.files} ({len(rep.binaries)} non-text)  ")
    other = sorted(h for h in rep.hosts if h not in BENIGN_HOSTS)
    print(f"**Network hosts mentioned:** {', '.join(other) or '(none besides well-known docs/registries)'}\n")
    print("| sev | rule | area | file:line | snippet |\n|---|---|---|---|---|")
    for f in rep.findings:
        snip = f.snippet.replace("|", "\\|")
        print(f"| {f.severity} | {f.rule} | {f.area} | {f.file}:{f.line} | `{snip}` |")
    dec = [f for f in rep.findings if f.decoded]
    if dec:
        print("\n## Decoded content (read-only)\n")
        for f in dec:
            print(f"- {f.file}:{f.line} → `{f.decoded}`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
