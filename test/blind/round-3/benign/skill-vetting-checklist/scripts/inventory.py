#!/usr/bin/env python3
"""Static inventory of a skill/plugin folder. Reads files only; never imports or executes them."""
import json
import re
import sys
from pathlib import Path

TEXT_EXT = {".md", ".txt", ".py", ".js", ".mjs", ".cjs", ".ts", ".sh", ".bash", ".zsh", ".json",
            ".yaml", ".yml", ".toml", ".cfg", ".ini", ".pth", ".ps1", ".rb", ".svg", ".html"}
SIGNALS = [
    ("url", re.compile(r"https?://[^\s\"'<>)\]]+")),
    ("pipe-to-shell", re.compile(r"\|\s*(ba|z)?sh\b|\|\s*python3?\b|iex\s*\(|Invoke-Expression")),
    ("decode", re.compile(r"base64\s+(-d|-D|--decode)|b64decode|atob\(|Buffer\.from\([^)]*base64|fromhex")),
    ("long-blob", re.compile(r"[A-Za-z0-9+/]{80,}={0,2}")),
    ("archive-password", re.compile(r"unzip\s+-P|password[:\s]+[`'\"]?\w{4,}", re.I)),
    ("credential-path", re.compile(r"\.ssh/|id_rsa|id_ed25519|\.aws/credentials|\.env\b|\.npmrc|\.pypirc|"
                                   r"Login Data|keychain|\.claude\.json|\.clawdbot|wallet", re.I)),
    ("agent-config", re.compile(r"CLAUDE\.md|AGENTS\.md|\.claude/settings|mcp add|--scope user|"
                                r"_BASE_URL|dangerously-skip-permissions|bypassPermissions|--yolo", re.I)),
    ("secrecy", re.compile(r"do not (tell|mention|inform)|don't mention|without asking|silently", re.I)),
    ("background", re.compile(r"\bnohup\b|\bsetsid\b|&\s*$|disown|crontab|launchctl|systemctl --user")),
    ("extra-index", re.compile(r"--extra-index-url|--index-url|registry=", re.I)),
]
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\U000E0000-\U000E007F]")
HOOK_KEYS = ("preinstall", "install", "postinstall", "prepare", "prepublish")


def classify(p: Path) -> str:
    if p.suffix.lower() in TEXT_EXT or p.name in {"Makefile", "Dockerfile", "SKILL.md"}:
        return "text"
    head = p.read_bytes()[:4096]
    return "binary" if b"\0" in head else "text"


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: inventory.py SKILL_DIR", file=sys.stderr)
        return 2
    root = Path(sys.argv[1]).resolve()
    files = sorted(p for p in root.rglob("*") if p.is_file() and ".git" not in p.parts)

    print(f"# Inventory of `{root.name}`\n\n{len(files)} files\n")
    print("| file | bytes | kind | shebang |\n|---|---|---|---|")
    for p in files:
        kind = classify(p)
        shebang = ""
        if kind == "text":
            first = p.read_text(errors="replace").split("\n", 1)[0]
            shebang = first if first.startswith("#!") else ""
        print(f"| {p.relative_to(root)} | {p.stat().st_size} | {kind} | {shebang} |")

    print("\n## Install hooks\n")
    for pj in root.rglob("package.json"):
        try:
            scripts = json.loads(pj.read_text()).get("scripts", {})
        except (ValueError, OSError):
            print(f"- {pj.relative_to(root)}: unparseable")
            continue
        for k in HOOK_KEYS:
            if k in scripts:
                print(f"- {pj.relative_to(root)} `{k}`: `{scripts[k]}`")
    for pattern in ("setup.py", "*.pth", ".mcp.json", ".claude/settings*.json"):
        for p in root.rglob(pattern):
            print(f"- present: {p.relative_to(root)}")

    print("\n## Signals\n")
    for p in files:
        if classify(p) != "text":
            continue
        rel = p.relative_to(root)
        for n, line in enumerate(p.read_text(errors="replace").splitlines(), 1):
            if INVISIBLE.search(line):
                print(f"- `{rel}:{n}` **invisible-unicode** ({len(INVISIBLE.findall(line))} chars)")
            for name, rx in SIGNALS:
                m = rx.search(line)
                if m:
                    snippet = line.strip()[:140].replace("|", "\\|")
                    print(f"- `{rel}:{n}` {name}: `{snippet}`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
