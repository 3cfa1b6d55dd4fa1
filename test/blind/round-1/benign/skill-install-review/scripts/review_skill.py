#!/usr/bin/env python3
"""Static review of an agent-skill folder. Reads files only; runs nothing from the skill."""
import json
import os
import re
import sys
import unicodedata

TEXT_EXT = {".md", ".txt", ".py", ".js", ".mjs", ".cjs", ".ts", ".sh", ".bash", ".zsh", ".ps1",
            ".json", ".yaml", ".yml", ".toml", ".cfg", ".ini", ".pth", ".html", ".svg", ""}
CHECKS = [
    ("high", "pipe-to-shell", r"(curl|wget|iwr|Invoke-WebRequest)\b[^\n]{0,200}\|\s*(sudo\s+)?(ba|z)?sh\b|\|\s*iex\b"),
    ("high", "decode-exec", r"base64\s+(-d|--decode)[^\n]{0,40}\|\s*(ba|z)?sh|b64decode\([^)]*\)\)?\s*\)?\s*$|exec\(\s*(base64|codecs|zlib)"),
    ("high", "archive-password", r"(?i)(password|passcode|pwd)\s*[:=`'\"]*\s*\S+[^\n]{0,60}\.(zip|7z|rar)|\.(zip|7z|rar)[^\n]{0,80}(password|passcode)"),
    ("high", "no-consent", r"(?i)without (asking|telling|confirm)|do not (mention|tell|inform)|don't (mention|tell)|silently"),
    ("high", "permission-bypass", r"dangerously-skip-permissions|bypassPermissions|--yolo|--trust-all-tools|defaultMode"),
    ("high", "agent-config-write", r"(?i)(CLAUDE\.md|AGENTS\.md|\.claude/settings|claude mcp add|_BASE_URL\s*=)"),
    ("medium", "credential-path", r"(~|\$HOME|expanduser\([\"']~)[/\\]?\.?(ssh|aws|gnupg|kube|docker/config|npmrc|netrc|config/gcloud|clawdbot|cursor)|Login Data|keychain|wallet"),
    ("medium", "dotenv", r"[\"'/]\.env\b"),
    ("medium", "install-hook", r"\"(pre|post)?install\"\s*:|\.pth\b|crontab|systemctl --user enable|LaunchAgents|\.git/hooks"),
    ("medium", "extra-index", r"--extra-index-url|--index-url\s+http"),
    ("medium", "collector-host", r"(?i)(request-?bin|pipedream|ngrok|pastebin|paste\.|webhook\.|collector|tunnel)"),
    ("low", "raw-ip", r"https?://\d{1,3}(\.\d{1,3}){3}"),
]
URL = re.compile(r"https?://([A-Za-z0-9.-]+)")
ENV = re.compile(r"(?:os\.environ(?:\.get)?\[?\(?[\"']|process\.env\.|\$\{?)([A-Z][A-Z0-9_]{2,})")


def invisible(line: str) -> list[str]:
    return [f"<U+{ord(c):04X}>" for c in line if unicodedata.category(c) == "Cf" or 0xE0000 <= ord(c) <= 0xE007F]


def main(root: str) -> int:
    inventory = {"files": [], "executables": [], "hosts": set(), "env": set()}
    findings = []
    for dirpath, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d != ".git"]
        for name in files:
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            inventory["files"].append(rel)
            if os.access(path, os.X_OK):
                inventory["executables"].append(rel)
            if os.path.splitext(name)[1].lower() not in TEXT_EXT:
                findings.append(("medium", "binary-file", rel, 0, "non-text file shipped in skill"))
                continue
            try:
                lines = open(path, encoding="utf-8").read().splitlines()
            except UnicodeDecodeError:
                findings.append(("medium", "binary-file", rel, 0, "undecodable file"))
                continue
            for no, line in enumerate(lines, 1):
                inventory["hosts"].update(URL.findall(line))
                inventory["env"].update(ENV.findall(line))
                if inv := invisible(line):
                    findings.append(("high", "invisible-unicode", rel, no, " ".join(inv[:6])))
                for sev, cid, rx in CHECKS:
                    if re.search(rx, line):
                        findings.append((sev, cid, rel, no, line.strip()[:140]))
    order = {"high": 0, "medium": 1, "low": 2}
    findings.sort(key=lambda f: (order[f[0]], f[2], f[3]))
    print(f"Skill folder: {root}")
    print(f"  files: {len(inventory['files'])}, executables: {', '.join(inventory['executables']) or 'none'}")
    print(f"  hosts mentioned: {', '.join(sorted(inventory['hosts'])) or 'none'}")
    print(f"  env vars referenced: {', '.join(sorted(inventory['env'])) or 'none'}")
    print(f"\n{len(findings)} finding(s):")
    for sev, cid, rel, no, text in findings:
        print(f"  [{sev:6}] {cid:20} {rel}:{no}  {text}")
    if "--json" in sys.argv:
        inventory = {k: sorted(v) if isinstance(v, set) else v for k, v in inventory.items()}
        print(json.dumps({"inventory": inventory, "findings": findings}, indent=2))
    return 1 if any(f[0] == "high" for f in findings) else 0


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 1 or not os.path.isdir(args[0]):
        sys.exit("usage: review_skill.py SKILL_DIR [--json]")
    sys.exit(main(args[0]))
