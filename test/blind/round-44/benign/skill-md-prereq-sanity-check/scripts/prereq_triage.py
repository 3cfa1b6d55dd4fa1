#!/usr/bin/env python3
"""Static triage of an agent skill folder. Never executes anything from it."""
import base64
import binascii
import re
import sys
from pathlib import Path

FENCE = re.compile(r"```(?:bash|sh|shell|zsh|console|powershell|ps1)?\n(.*?)```", re.S)
INLINE = re.compile(r"`([^`\n]{6,})`")
B64 = re.compile(r"[A-Za-z0-9+/]{24,}={0,2}")
HEX = re.compile(r"(?:\\x[0-9a-fA-F]{2}){12,}")

CLASSES = [
    ("stop-remote-exec", re.compile(r"(curl|wget)[^|\n]*\|\s*(sudo\s+)?(ba|z)?sh|iwr[^|\n]*\|\s*iex|bash\s+<\(\s*(curl|wget)|\$\((curl|wget)[^)]*\)")),
    ("stop-encoded", re.compile(r"base64\s+(-d|--decode)[^\n]*\|\s*(ba)?sh|eval\s*\(\s*atob|powershell[^\n]*-e(nc(odedcommand)?)?\s|FromBase64String")),
    ("stop-credentials", re.compile(r"\.ssh/|id_rsa|id_ed25519|\.aws/credentials|\.config/gcloud|Login Data|Cookies|keychain|\.kube/config|\.git-credentials|wallet|Local Storage/leveldb")),
    ("review", re.compile(r"\bsudo\b|git\+https?://|\bnpx\s+(?!-y?\s*(prettier|eslint|tsc)\b)|chmod\s+\+x|xattr\s+-d")),
    ("ok-official", re.compile(r"^(pip3?|python3? -m pip|npm|pnpm|yarn|brew|apt(-get)?|cargo|go)\s+(install|i|add|get)\b")),
    ("ok-local", re.compile(r"^(python3?|bash|sh|node|deno)\s+(\./)?scripts/")),
]


def classify(cmd: str) -> str:
    for name, rx in CLASSES:
        if rx.search(cmd):
            return name
    return "other"


def decode_blobs(text: str):
    out = []
    for m in B64.finditer(text):
        try:
            raw = base64.b64decode(m.group(0), validate=True)
            s = raw.decode("utf-8")
            if s.isprintable() or "\n" in s:
                out.append((m.group(0)[:40], s[:200]))
        except (binascii.Error, UnicodeDecodeError, ValueError):
            continue
    for m in HEX.finditer(text):
        try:
            s = bytes.fromhex(m.group(0).replace("\\x", "")).decode("utf-8")
            out.append((m.group(0)[:40], s[:200]))
        except (ValueError, UnicodeDecodeError):
            continue
    return out


def commands_from_markdown(text: str):
    cmds = []
    for block in FENCE.findall(text):
        for line in block.splitlines():
            line = line.strip().removeprefix("$ ").strip()
            if line and not line.startswith("#"):
                cmds.append(line)
    for inline in INLINE.findall(text):
        if re.match(r"^(curl|wget|bash|sh|python|pip|npm|npx|brew|iwr|powershell|echo|sudo)\b", inline):
            cmds.append(inline)
    return cmds


def main(root: Path):
    rows, decoded, scripts = [], [], []
    for md in sorted(root.rglob("*.md")):
        text = md.read_text(errors="replace")
        for cmd in commands_from_markdown(text):
            rows.append((md.relative_to(root), classify(cmd), cmd))
        decoded += [(md.relative_to(root), a, b) for a, b in decode_blobs(text)]
    for f in sorted(root.rglob("*")):
        if f.is_file() and f.suffix in {".sh", ".py", ".js", ".mjs", ".ps1", ".rb", ""} and f.name != "SKILL.md":
            text = f.read_text(errors="replace")
            hits = sorted({name for name, rx in CLASSES[:4] for _ in [0] if rx.search(text)})
            sinks = re.findall(r"\b(eval|exec|Function|subprocess\.\w+|child_process|os\.system)\b", text)
            scripts.append((f.relative_to(root), text.splitlines()[0][:60] if text else "", hits, sorted(set(sinks))))
            decoded += [(f.relative_to(root), a, b) for a, b in decode_blobs(text)]

    print(f"# Skill triage: {root.name}\n")
    print("## Commands found in docs\n\n| File | Class | Command |\n|---|---|---|")
    for f, c, cmd in rows:
        print(f"| {f} | {c} | `{cmd[:120].replace('|', '&#124;')}` |")
    print("\n## Shipped scripts\n\n| File | First line | Signals | Exec sinks |\n|---|---|---|---|")
    for f, first, hits, sinks in scripts:
        print(f"| {f} | `{first}` | {', '.join(hits) or '-'} | {', '.join(sinks) or '-'} |")
    print("\n## Decoded literals (display only)\n")
    for f, enc, dec in decoded:
        print(f"- {f}: `{enc}…` → `{dec!r}`")
    stops = [r for r in rows if r[1].startswith("stop")] + [s for s in scripts if any(h.startswith("stop") for h in s[2])]
    print(f"\n**{len(stops)} stop-level items.**" if stops else "\n**No known bad shapes found** (not a guarantee of safety).")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "."))
