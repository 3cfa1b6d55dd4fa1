#!/usr/bin/env python3
"""Static audit of an agent-skill folder. Reads files only; never executes or imports them."""
from __future__ import annotations

import argparse
import base64
import hashlib
import os
import re
import stat
import sys

RULES: list[tuple[str, str, str, str]] = [
    # (id, severity, category, regex)
    ("remote-pipe-shell", "high", "prose/code", r"(curl|wget)\b[^\n|]{0,200}\|\s*(sudo\s+)?(ba|z|da)?sh\b"),
    ("remote-pipe-ps", "high", "prose/code", r"(iwr|irm|Invoke-WebRequest|Invoke-RestMethod)\b[^\n|]{0,200}\|\s*(iex|Invoke-Expression)"),
    ("decode-exec", "high", "prose/code", r"base64\s+(-d|--decode|-D)[^\n|]{0,80}\|\s*(ba|z)?sh|FromBase64String[^\n]{0,120}(iex|Invoke-Expression)|exec\(\s*(base64|codecs)\.|eval\(\s*atob\("),
    ("exec-download", "high", "code", r"(exec|eval)\((?:[^()]|\([^()]*\)){0,120}(urlopen|requests\.get|fetch\(|http\.get)"),
    ("cred-path", "medium", "code", r"(~|\$HOME|HOME|homedir\(\)|expanduser\([^)]*)[^\n]{0,30}(\.ssh/|\.aws/|\.config/gcloud|\.kube/config|\.docker/config\.json|\.npmrc|\.pypirc|\.netrc|\.git-credentials)"),
    ("browser-store", "high", "code", r"(Login Data|Cookies|cookies\.sqlite|logins\.json|key4\.db|Local State)\b"),
    ("keychain", "high", "code", r"security\s+(find-generic-password|dump-keychain)|secret-tool\s+lookup|CredEnumerate"),
    ("env-harvest", "medium", "code", r"os\.environ\.copy\(\)|dict\(os\.environ\)|JSON\.stringify\(process\.env\)|printenv\b|Get-ChildItem\s+env:"),
    ("install-hook", "medium", "code", r"\"(preinstall|install|postinstall|prepare)\"\s*:\s*\""),
    ("persistence", "high", "code", r"crontab\s+-|LaunchAgents/|systemctl\s+(--user\s+)?enable|>>\s*~?/?\S*\.(bashrc|zshrc|profile)\b|schtasks\s+/create|CurrentVersion\\\\Run"),
    ("agent-config-write", "high", "agent-directed", r"(\.claude/settings(\.local)?\.json|CLAUDE\.md|AGENTS\.md|\.cursor/rules|\.mcp\.json|claude_desktop_config\.json|mcpServers)"),
    ("permission-bypass", "high", "agent-directed", r"bypassPermissions|dangerously-skip-permissions|\"Bash\(\*\)\"|defaultMode\"\s*:\s*\"(bypassPermissions|acceptEdits)"),
    ("secrecy", "high", "agent-directed", r"\b(do not|don't|never)\s+(tell|mention|inform|show)\b[^.\n]{0,30}\buser\b|\bsilently\b|\bwithout (asking|telling)\b"),
    ("md-image-data", "high", "agent-directed", r"!\[[^\]]*\]\(https?://[^)\s]*\?[^)\s]*(\{|\$|%7B|<)"),
    ("leak-to-artifact", "high", "agent-directed", r"(gh\s+(gist|issue|pr)\s+(create|comment)|git\s+commit)[^\n]{0,120}(\.env|credentials|id_rsa|id_ed25519|token|secret)"),
    ("decode-and-follow", "high", "agent-directed", r"(decode|deobfuscate)\b[^.\n]{0,40}\b(follow|execute|run|apply)\b"),
    ("override", "high", "agent-directed", r"\b(ignore|disregard)\b[^.\n]{0,30}\b(previous|prior|system|safety)\b[^.\n]{0,20}\b(instructions|rules|prompt)"),
    ("av-tamper", "high", "prose/code", r"Add-MpPreference\s+-Exclusion|Set-MpPreference\s+-DisableRealtimeMonitoring|spctl\s+--master-disable|xattr\s+-d\s+com\.apple\.quarantine"),
    ("dns-exfil", "medium", "code", r"(nslookup|dig|resolve|gethostbyname)\b[^\n]{0,80}(\+|\$\{|f\"|%s|\.format)"),
]
COMPILED = [(i, s, c, re.compile(r, re.I)) for i, s, c, r in RULES]
URL_RX = re.compile(r"https?://([A-Za-z0-9.-]+)")
B64_RX = re.compile(r"[A-Za-z0-9+/]{40,}={0,2}")
TEXT_EXT = {".md", ".txt", ".sh", ".bash", ".zsh", ".py", ".js", ".mjs", ".cjs", ".ts", ".json", ".yaml", ".yml",
            ".toml", ".ps1", ".psm1", ".rb", ".go", ".rs", ".cfg", ".ini", ".env", ".html", ".xml", "", ".mk", ".lua", ".pl"}


def invisible(line: str) -> list[str]:
    out = []
    for ch in line:
        cp = ord(ch)
        if 0xE0000 <= cp <= 0xE007F:
            out.append("unicode-tag")
        elif cp in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF):
            out.append("zero-width")
        elif 0x202A <= cp <= 0x202E or 0x2066 <= cp <= 0x2069:
            out.append("bidi-control")
    return out


def sniff(path: str) -> str:
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head.startswith(b"\x7fELF"):
        return "ELF"
    if head.startswith(b"MZ"):
        return "PE"
    if head[:4] in (b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe"):
        return "Mach-O"
    if head.startswith(b"#!"):
        return "script"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"\x89PNG"):
        return "png"
    return "data/text"


def inventory(root: str):
    print(f"{'mode':<10} {'size':>8} {'sniffed':<10} sha256           path")
    for dp, dns, fns in os.walk(root, followlinks=False):
        for n in sorted(fns):
            p = os.path.join(dp, n)
            rel = os.path.relpath(p, root)
            if os.path.islink(p):
                tgt = os.path.realpath(p)
                flag = "  ⚠ points outside bundle" if not tgt.startswith(os.path.realpath(root)) else ""
                print(f"{'symlink':<10} {'-':>8} {'-':<10} {'-':<16} {rel} -> {os.readlink(p)}{flag}")
                continue
            st = os.stat(p)
            h = hashlib.sha256(open(p, "rb").read()).hexdigest()[:16]
            kind = sniff(p)
            ext = os.path.splitext(n)[1].lower()
            warn = "  ⚠ content/extension mismatch" if (kind in ("ELF", "PE", "Mach-O", "script") and ext in (".png", ".jpg", ".txt", ".md", ".json")) else ""
            print(f"{stat.filemode(st.st_mode):<10} {st.st_size:>8} {kind:<10} {h} {rel}{warn}")


def audit(root: str, allow_hosts: set[str]):
    findings = []
    hosts: dict[str, set[str]] = {}
    for dp, dns, fns in os.walk(root):
        for n in sorted(fns):
            p = os.path.join(dp, n)
            if os.path.islink(p):
                continue
            rel = os.path.relpath(p, root)
            if os.path.splitext(n)[1].lower() not in TEXT_EXT and sniff(p) not in ("script", "data/text"):
                continue
            try:
                text = open(p, encoding="utf-8", errors="replace").read()
            except OSError:
                continue
            for ln, line in enumerate(text.splitlines(), 1):
                for rid, sev, cat, rx in COMPILED:
                    if rx.search(line):
                        findings.append((sev, cat, rid, rel, ln, line.strip()[:180]))
                inv = invisible(line)
                if inv:
                    hidden = "".join(chr(ord(c) - 0xE0000) for c in line if 0xE0020 <= ord(c) <= 0xE007E)
                    findings.append(("high", "agent-directed", "invisible-chars:" + ",".join(sorted(set(inv))), rel, ln,
                                     (f"hidden text reads: {hidden!r}" if hidden else line.strip()[:180])))
                for m in B64_RX.finditer(line):
                    try:
                        dec = base64.b64decode(m.group(0) + "=" * (-len(m.group(0)) % 4)).decode("utf-8")
                    except Exception:
                        continue
                    if dec.isprintable():
                        sub = [rid for rid, _, _, rx in COMPILED if rx.search(dec)]
                        findings.append(("high" if sub else "low", "obfuscation", "base64-text" + (f"→{'/'.join(sub)}" if sub else ""),
                                         rel, ln, f"decodes to: {dec[:160]!r}"))
                for m in URL_RX.finditer(line):
                    hosts.setdefault(m.group(1).lower(), set()).add(f"{rel}:{ln}")
            for m in re.finditer(r"<!--(.*?)-->", text, re.S):
                body = m.group(1).strip()
                if len(body.split()) > 5:
                    ln = text.count("\n", 0, m.start()) + 1
                    findings.append(("medium", "agent-directed", "html-comment-prose", rel, ln, body[:180]))
    return findings, hosts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bundle")
    ap.add_argument("--inventory", action="store_true")
    ap.add_argument("--allow-host", action="append", default=[])
    a = ap.parse_args()
    root = os.path.abspath(a.bundle)
    if not os.path.isfile(os.path.join(root, "SKILL.md")):
        print("warning: no SKILL.md at bundle root", file=sys.stderr)
    if a.inventory:
        inventory(root)
        return
    findings, hosts = audit(root, set(a.allow_host))
    order = {"high": 0, "medium": 1, "low": 2}
    for sev, cat, rid, rel, ln, snip in sorted(findings, key=lambda f: (order[f[0]], f[3], f[4])):
        print(f"{sev.upper():<6} {cat:<15} {rid:<28} {rel}:{ln}\n       | {snip}")
    print("\nNetwork hosts referenced:")
    for h, locs in sorted(hosts.items()):
        mark = "" if h in a.allow_host else "  (not in --allow-host list)"
        print(f"  {h}{mark}  ← {', '.join(sorted(locs)[:4])}{' …' if len(locs) > 4 else ''}")
    hi = sum(1 for f in findings if f[0] == "high")
    print(f"\n{len(findings)} findings ({hi} high). Automated rules are a starting point; read every file.")
    sys.exit(1 if hi else 0)


if __name__ == "__main__":
    main()
