#!/usr/bin/env python3
"""Static inventory of a skill/plugin folder. Reads files only; executes nothing."""
from __future__ import annotations

import base64
import binascii
import json
import os
import re
import stat
import sys

URL = re.compile(r"\b(?:https?|wss?|ftp)://[^\s)\"'<>`]+", re.I)
HOSTLIKE = re.compile(r"\b(?:[a-z0-9-]+\.)+(?:com|net|org|io|dev|app|sh|xyz|top|ru|cn|invalid|site|online|link|cc|me)\b", re.I)
B64 = re.compile(r"[A-Za-z0-9+/]{60,}={0,2}")
INVIS = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069\U000e0000-\U000e007f]")
COMMENT = re.compile(r"<!--(.*?)-->", re.S)
AGENT_CFG = re.compile(
    r"(CLAUDE\.md|AGENTS\.md|\.cursorrules|\.claude/settings(?:\.local)?\.json|mcp\.json|claude_desktop_config\.json|"
    r"claude mcp add|bypassPermissions|dangerously-skip-permissions|ANTHROPIC_BASE_URL|OPENAI_BASE_URL|--scope user)"
)
SENSITIVE = re.compile(r"(\.ssh/|\.aws/|\.env\b|\.npmrc|\.pypirc|\.netrc|\.kube/config|\.docker/config\.json|keychain|wallet|Login Data|\.gnupg)")
EXEC_HINT = re.compile(r"(\|\s*(?:ba|z)?sh\b|base64\s+(?:-d|--decode)|eval\s*\(|exec\s*\(|child_process|subprocess|os\.system|nohup|setsid|crontab|launchctl|systemctl|chmod\s+\+x|authorized_keys|sudoers)")
LIFECYCLE = ("preinstall", "install", "postinstall", "prepare", "prepublish", "preuninstall", "postuninstall")


def rel(root, p):
    return os.path.relpath(p, root)


def decode_preview(blob: str) -> str | None:
    try:
        raw = base64.b64decode(blob + "=" * (-len(blob) % 4), validate=False)
    except (binascii.Error, ValueError):
        return None
    if raw and sum(32 <= b < 127 or b in (9, 10) for b in raw) / len(raw) > 0.9:
        return raw[:100].decode("ascii", "replace")
    return None


def main(root: str) -> int:
    root = os.path.abspath(root)
    files, urls, hosts, blobs, invis, comments, agentcfg, sensitive, execs, hooks = ([] for _ in range(10))
    for dp, dns, fns in os.walk(root):
        dns[:] = [d for d in dns if d != ".git"]
        for fn in sorted(fns):
            p = os.path.join(dp, fn)
            st = os.lstat(p)
            r = rel(root, p)
            if stat.S_ISLNK(st.st_mode):
                files.append((r, st.st_size, "symlink -> " + os.readlink(p), ""))
                continue
            data = open(p, "rb").read()
            is_exec = bool(st.st_mode & 0o111)
            shebang = data[:80].split(b"\n")[0].decode("utf-8", "replace") if data.startswith(b"#!") else ""
            binary = b"\0" in data[:4096]
            files.append((r, st.st_size, "exec" if is_exec else "", shebang or ("binary" if binary else "")))
            if binary:
                continue
            text = data.decode("utf-8", "replace")
            for n, line in enumerate(text.splitlines(), 1):
                loc = f"{r}:{n}"
                urls += [(loc, u) for u in URL.findall(line)]
                hosts += [(loc, h) for h in HOSTLIKE.findall(line)]
                for b in B64.findall(line):
                    blobs.append((loc, b[:40] + "…", decode_preview(b)))
                if INVIS.search(line):
                    hidden = "".join(chr(ord(c) - 0xE0000) for c in line if 0xE0020 <= ord(c) <= 0xE007E)
                    invis.append((loc, len(INVIS.findall(line)), hidden))
                if AGENT_CFG.search(line):
                    agentcfg.append((loc, line.strip()[:140]))
                if SENSITIVE.search(line):
                    sensitive.append((loc, line.strip()[:140]))
                if EXEC_HINT.search(line):
                    execs.append((loc, line.strip()[:140]))
            for m in COMMENT.finditer(text):
                comments.append((f"{r}:{text.count(chr(10), 0, m.start()) + 1}", m.group(1).strip()[:200]))
            if fn == "package.json":
                try:
                    scripts = json.loads(text).get("scripts", {})
                except json.JSONDecodeError:
                    scripts = {}
                hooks += [(r, k, v) for k, v in scripts.items() if k in LIFECYCLE]
            if fn.endswith(".pth"):
                hooks += [(r, ".pth (runs at every Python start if it has an import line)", text.strip()[:140])]
            if fn == "setup.py":
                hooks += [(r, "setup.py (runs at install)", "review cmdclass / top-level code")]

    out = [f"# Inventory of {root}\n", "## Files\n", "| path | bytes | mode | shebang/type |", "|---|---|---|---|"]
    out += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in files]

    def section(title, rows, fmt):
        out.append(f"\n## {title} ({len(rows)})\n")
        out.extend(fmt(r) for r in rows) if rows else out.append("_none_")

    section("Install / lifecycle hooks", hooks, lambda r: f"- `{r[0]}` **{r[1]}**: `{r[2]}`")
    section("URLs", urls, lambda r: f"- {r[0]}: {r[1]}")
    section("Host names (distinct)", sorted({h.lower() for _, h in hosts}), lambda h: f"- {h}")
    section("Agent configuration references", agentcfg, lambda r: f"- {r[0]}: `{r[1]}`")
    section("Sensitive paths", sensitive, lambda r: f"- {r[0]}: `{r[1]}`")
    section("Execution / persistence hints", execs, lambda r: f"- {r[0]}: `{r[1]}`")
    section("Encoded blobs", blobs, lambda r: f"- {r[0]}: `{r[1]}`" + (f" → decodes to `{r[2]}`" if r[2] else ""))
    section("Invisible Unicode", invis, lambda r: f"- {r[0]}: {r[1]} char(s)" + (f", hidden text `{r[2]}`" if r[2] else ""))
    section("HTML comments", comments, lambda r: f"- {r[0]}: {r[1]!r}")
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: inventory.py SKILL_DIR", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
