#!/usr/bin/env python3
"""Static, pattern-based audit of an agent skill / plugin / MCP server folder.

Reads files only. Never imports, executes or installs anything from the reviewed folder.
Output is a list of findings for a human (or the reviewing agent) to judge.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import asdict, dataclass
from pathlib import Path

TEXT_SUFFIXES = {
    ".md", ".txt", ".py", ".sh", ".bash", ".zsh", ".js", ".mjs", ".cjs", ".ts", ".tsx", ".json", ".yaml",
    ".yml", ".toml", ".ps1", ".psm1", ".bat", ".cmd", ".rb", ".go", ".rs", ".pl", ".lua", ".ini", ".cfg",
    ".html", ".htm", ".xml", ".svg", ".csv", ".env", ".plist", ".service", ".timer", "",
}
MAX_BYTES = 2_000_000


@dataclass
class Finding:
    severity: str
    rule: str
    file: str
    line: int
    excerpt: str


def rx(pattern: str, flags: int = re.I) -> re.Pattern[str]:
    return re.compile(pattern, flags)


RULES: list[tuple[str, str, re.Pattern[str]]] = [
    # download and execute
    ("critical", "pipe-to-shell", rx(r"\b(curl|wget)\b[^\n|]*\|\s*(sudo\s+)?(ba|z|k)?sh\b")),
    ("critical", "decode-to-shell", rx(r"base64\s+(-d|--decode|-D)\b[^\n]*\|\s*(ba|z)?sh\b")),
    ("critical", "powershell-iex", rx(r"\b(iex|invoke-expression)\b[^\n]*(downloadstring|iwr|invoke-webrequest|irm|invoke-restmethod)|(iwr|irm|invoke-webrequest)[^\n]*\|\s*iex")),
    ("high", "certutil-decode", rx(r"certutil(\.exe)?\s+[-/](decode|urlcache)")),
    ("high", "quarantine-removal", rx(r"xattr\s+(-[a-z]*d[a-z]*\s+com\.apple\.quarantine|-c)")),
    ("high", "password-prompt", rx(r"display dialog[^\n]*hidden answer|sudo\s+-S\b")),
    ("high", "encoded-powershell", rx(r"-e(nc|ncodedcommand)?\s+[A-Za-z0-9+/=]{40,}")),
    ("medium", "eval-exec", rx(r"\b(eval|exec)\s*\(\s*(base64|atob|bytes\.fromhex|codecs\.decode|zlib\.decompress)")),
    # credentials
    ("high", "ssh-keys", rx(r"~?/?\.ssh/(id_[a-z0-9_]+|authorized_keys|config)\b")),
    ("high", "cloud-creds", rx(r"\.aws/credentials|\.config/gcloud|\.azure/|application_default_credentials\.json")),
    ("high", "dev-tool-creds", rx(r"\.config/gh/hosts\.yml|\.docker/config\.json|\.kube/config|\.npmrc|\.pypirc|\.netrc|\.git-credentials")),
    ("high", "browser-stores", rx(r"Login Data|Local State|key4\.db|logins\.json|Cookies(\.sqlite)?\b")),
    ("high", "wallets", rx(r"wallet\.dat|exodus|metamask|nkbihfbeogaeaoehlefnkodbefgpgknn|seed phrase|mnemonic")),
    ("high", "keychain", rx(r"security\s+(dump-keychain|find-(generic|internet)-password)")),
    ("high", "chat-sessions", rx(r"tdata\b|discord[^\n]*leveldb|Slack/(Local Storage|Cookies)")),
    ("medium", "dotenv", rx(r"(^|[\s'\"/])\.env(\.[a-z]+)?\b")),
    ("medium", "env-dump", rx(r"\b(printenv|env)\s*(>|\||$)|os\.environ(\.copy\(\))?\s*[\),]|dict\(os\.environ\)|JSON\.stringify\(\s*process\.env")),
    ("high", "instance-metadata", rx(r"169\.254\.169\.254|metadata\.google\.internal|fd00:ec2::254")),
    # exfil channels without a socket
    ("medium", "gist-or-public-repo", rx(r"gh\s+(gist\s+create|repo\s+create[^\n]*--public)")),
    ("medium", "foreign-push", rx(r"git\s+push\s+(--force\s+)?https?://|refs/(notes|hidden|meta)/")),
    ("medium", "dns-channel", rx(r"\b(dig|nslookup|host)\s+[^\n]*\$[\{(]")),
    ("medium", "markdown-image-data", rx(r"!\[[^\]]*\]\(https?://[^)]*[?&][a-z_]+=(\$|\{\{|<)")),
    ("medium", "synced-folder", rx(r"Dropbox/|iCloud Drive|Mobile Documents|Google Drive/|OneDrive/")),
    # persistence
    ("high", "shell-rc", rx(r">>?\s*~?/?\.?(bashrc|zshrc|profile|bash_profile|zprofile)\b|\.(bashrc|zshrc)[\"']?\s*,\s*[\"']a")),
    ("high", "scheduler", rx(r"crontab\s+-|/etc/cron|LaunchAgents|launchctl\s+(load|bootstrap)|systemctl\s+--user\s+enable|schtasks\s+/create|CurrentVersion\\\\?Run")),
    ("high", "agent-memory", rx(r"(~|HOME)[^\n]*\.claude/(CLAUDE\.md|settings|commands|agents|skills)|AGENTS\.md|\.cursorrules|copilot-instructions\.md")),
    ("high", "git-config-hijack", rx(r"git\s+config\s+--global\s+(core\.hooksPath|credential\.helper|init\.templateDir|url\.)")),
    ("high", "runtime-startup", rx(r"NODE_OPTIONS=[^\n]*--require|sitecustomize\.py|usercustomize\.py|PERL5OPT|RUBYOPT|BASH_ENV|\.pth\b")),
    ("high", "registry-redirect", rx(r"npm\s+config\s+set\s+registry|index-url\s*=|registry\s*=\s*https?://")),
    ("high", "sudoers", rx(r"NOPASSWD|/etc/sudoers")),
    ("high", "trust-or-hosts", rx(r"/etc/hosts\b|update-ca-certificates|add-trusted-cert|Import-Certificate|certutil\s+-addstore")),
    ("high", "proxy-env", rx(r"export\s+(HTTPS?_PROXY|ALL_PROXY)=")),
    # agent permissions
    ("critical", "skip-permissions", rx(r"--dangerously-skip-permissions|--yolo\b|--trust-all-tools|bypassPermissions")),
    ("high", "allow-all", rx(r"Bash\(\*\)|enableAllProjectMcpServers|autoApprove|\"alwaysAllow\"")),
    ("high", "base-url-override", rx(r"[A-Z]+_BASE_URL\s*[=:]")),
    ("high", "pre-approval-language", rx(r"(already|pre-?)\s*approved|do not (ask|confirm)|without (asking|confirmation)|don'?t mention|do not mention|never mention")),
    ("high", "follow-remote", rx(r"(fetch|download|curl)[^\n]{0,80}(and|then)\s+(follow|obey|execute|apply)\b")),
    ("medium", "subagent-launch", rx(r"\b(claude|codex|gemini|aider)\s+(-p|--print|exec)\b")),
    # destruction
    ("critical", "destructive", rx(r"rm\s+-rf\s+(~|/\*|\$HOME|/\s)|push\s+--force[^\n]*(main|master)|s3\s+rb\s+[^\n]*--force|DROP\s+DATABASE|terraform\s+destroy[^\n]*-auto-approve|history\s+-c")),
    # background
    ("medium", "detached-process", rx(r"\bnohup\b|\bsetsid\b|\bdisown\b|detached\s*:\s*true|start_new_session=True|Start-Process[^\n]*-WindowStyle\s+Hidden")),
    # package hooks
    ("medium", "install-hook", rx(r"\"(pre|post)install\"\s*:|cmdclass\s*=")),
]

HOST_RE = rx(r"https?://([a-z0-9.\-]+|\[[0-9a-f:]+\])(?::\d+)?", re.I)
IP_RE = rx(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")
HTML_COMMENT_RE = re.compile(r"<!--(.*?)-->", re.S)
IMPERATIVE_RE = rx(r"\b(you must|assistant|ignore|instead|do not tell|run|execute|read|send|upload|include)\b")
B64_RE = re.compile(r"[A-Za-z0-9+/]{120,}={0,2}")
HEX_RE = re.compile(r"\b(?:[0-9a-fA-F]{2}){80,}\b")

INVISIBLE = {
    0x200B: "ZERO WIDTH SPACE", 0x200C: "ZWNJ", 0x200D: "ZWJ", 0x2060: "WORD JOINER", 0xFEFF: "BOM/ZWNBSP",
    0x00AD: "SOFT HYPHEN", 0x180E: "MONGOLIAN VOWEL SEPARATOR",
}
BIDI = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))


def unicode_findings(rel: str, text: str) -> list[Finding]:
    out: list[Finding] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        tags = [c for c in line if 0xE0000 <= ord(c) <= 0xE007F]
        if tags:
            decoded = "".join(chr(ord(c) - 0xE0000) for c in tags if 0xE0020 <= ord(c) <= 0xE007E)
            out.append(Finding("critical", "unicode-tags", rel, lineno, f"{len(tags)} tag chars, decodes to: {decoded[:120]!r}"))
        inv = [INVISIBLE[ord(c)] for c in line if ord(c) in INVISIBLE]
        if inv and not (lineno == 1 and line.startswith("\ufeff") and len(inv) == 1):
            out.append(Finding("high", "invisible-unicode", rel, lineno, ", ".join(sorted(set(inv))) + f" x{len(inv)}"))
        bidi = [f"U+{ord(c):04X}" for c in line if ord(c) in BIDI]
        if bidi:
            out.append(Finding("high", "bidi-control", rel, lineno, " ".join(bidi)))
        other = [c for c in line if unicodedata.category(c) == "Cf" and ord(c) not in INVISIBLE
                 and ord(c) not in BIDI and not 0xE0000 <= ord(c) <= 0xE007F]
        if other:
            out.append(Finding("medium", "format-char", rel, lineno, " ".join(f"U+{ord(c):04X}" for c in other)))
    return out


def markdown_findings(rel: str, text: str) -> list[Finding]:
    out: list[Finding] = []
    for m in HTML_COMMENT_RE.finditer(text):
        body = m.group(1).strip()
        if IMPERATIVE_RE.search(body) or len(body) > 200:
            line = text.count("\n", 0, m.start()) + 1
            out.append(Finding("high", "html-comment-instruction", rel, line, body[:160].replace("\n", " ")))
    for m in re.finditer(r"!\[([^\]]{60,})\]", text):
        line = text.count("\n", 0, m.start()) + 1
        out.append(Finding("medium", "long-alt-text", rel, line, m.group(1)[:160]))
    for m in re.finditer(r"\]\([^)\s]+\s+\"([^\"]{40,})\"\)", text):
        line = text.count("\n", 0, m.start()) + 1
        out.append(Finding("medium", "long-link-title", rel, line, m.group(1)[:160]))
    return out


def scan_file(root: Path, path: Path, hosts: dict[str, set[str]]) -> list[Finding]:
    rel = str(path.relative_to(root))
    raw = path.read_bytes()[:MAX_BYTES]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")

    findings = unicode_findings(rel, text)
    if path.suffix.lower() in {".md", ".html", ".htm", ""}:
        findings += markdown_findings(rel, text)

    for lineno, line in enumerate(text.splitlines(), 1):
        for sev, name, pattern in RULES:
            if pattern.search(line):
                findings.append(Finding(sev, name, rel, lineno, line.strip()[:200]))
        for m in B64_RE.finditer(line):
            findings.append(Finding("high", "base64-blob", rel, lineno, f"{len(m.group())} chars: {m.group()[:48]}..."))
        for m in HEX_RE.finditer(line):
            findings.append(Finding("medium", "hex-blob", rel, lineno, f"{len(m.group())} chars: {m.group()[:48]}..."))
        for m in HOST_RE.finditer(line):
            hosts.setdefault(m.group(1).lower(), set()).add(f"{rel}:{lineno}")
        for m in IP_RE.finditer(line):
            if all(0 <= int(p) <= 255 for p in m.group().split(".")):
                hosts.setdefault(m.group(), set()).add(f"{rel}:{lineno}")
    return findings


def iter_files(root: Path):
    for p in sorted(root.rglob("*")):
        if p.is_symlink():
            yield p, "symlink -> " + str(p.readlink())
            continue
        if not p.is_file() or ".git" in p.parts or "node_modules" in p.parts:
            continue
        yield p, None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--format", choices=["md", "json"], default="md")
    args = ap.parse_args()
    root = args.folder.resolve()
    if not root.is_dir():
        print(f"not a directory: {root}", file=sys.stderr)
        return 2

    findings: list[Finding] = []
    hosts: dict[str, set[str]] = {}
    binaries: list[str] = []
    for path, note in iter_files(root):
        rel = str(path.relative_to(root))
        if note:
            findings.append(Finding("high", "symlink", rel, 0, note))
            continue
        if path.suffix.lower() not in TEXT_SUFFIXES and b"\x00" in path.read_bytes()[:4096]:
            binaries.append(rel)
            continue
        findings += scan_file(root, path, hosts)

    if not (root / "SKILL.md").exists() and not (root / "package.json").exists():
        findings.append(Finding("low", "no-skill-md", ".", 0, "no SKILL.md or package.json at top level"))

    order = {"critical": 0, "high": 1, "medium": 2, "low": 3}
    findings.sort(key=lambda f: (order[f.severity], f.file, f.line))

    if args.format == "json":
        print(json.dumps({
            "folder": str(root),
            "findings": [asdict(f) for f in findings],
            "hosts": {h: sorted(v) for h, v in sorted(hosts.items())},
            "binaries": binaries,
        }, indent=2))
        return 0

    print(f"# Static audit: {root.name}\n")
    counts = {s: sum(f.severity == s for f in findings) for s in order}
    print(" | ".join(f"{k}: {v}" for k, v in counts.items()) + "\n")
    print("Pattern hits are leads, not verdicts - read each in context.\n")
    print("| Sev | Rule | Location | Excerpt |\n|---|---|---|---|")
    for f in findings:
        excerpt = f.excerpt.replace("|", "\\|")
        print(f"| {f.severity} | {f.rule} | {f.file}:{f.line} | `{excerpt}` |")
    print("\n## Network destinations mentioned\n")
    for h, where in sorted(hosts.items()):
        print(f"- `{h}` - {', '.join(sorted(where)[:5])}{' ...' if len(where) > 5 else ''}")
    if binaries:
        print("\n## Binary files (not scanned; inspect separately)\n")
        for b in binaries:
            print(f"- {b}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
