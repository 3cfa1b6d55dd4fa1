#!/usr/bin/env python3
"""Static auditor for agent skill folders. Reads files only; never executes them."""
import argparse
import json
import os
import re
import sys

RULES = [
    # (id, severity, description, regex)
    ("remote-exec-pipe", "high", "downloads and pipes to an interpreter",
     r"(curl|wget|iwr|Invoke-WebRequest)[^\n|]{0,200}\|\s*(sudo\s+)?(ba|z|da)?sh\b|\|\s*(python3?|node|iex)\b"),
    ("remote-exec-subst", "high", "executes fetched content via substitution",
     r"(ba)?sh\s+-c\s+\"\$\((curl|wget)|python3?\s+-c\s+\"\$\((curl|wget)|IEX\s*\(\s*\(?New-Object\s+Net\.WebClient"),
    ("decode-exec", "high", "decodes a blob and executes it",
     r"base64\s+(-d|--decode|-D)[^\n]{0,40}\|\s*(ba)?sh|FromBase64String[^\n]{0,120}(iex|Invoke-Expression)|exec\(\s*(base64|codecs)\.|eval\(\s*atob\("),
    ("install-hook", "medium", "package install hook",
     r"\"(preinstall|install|postinstall|prepare)\"\s*:|cmdclass\s*=|\[tool\.setuptools\.cmdclass\]"),
    ("cred-path", "medium", "touches credential locations",
     r"~/\.ssh/|id_(rsa|ed25519)\b|\.aws/credentials|\.netrc|\.npmrc|\.pypirc|\.docker/config\.json|Login Data|Cookies\b|keychain|\.kube/config|\.git-credentials"),
    ("env-dump", "medium", "reads whole environment",
     r"os\.environ\b(?!\.get|\[)|process\.env\b(?!\.)|\benv\b\s*\||printenv\b|Get-ChildItem\s+Env:"),
    ("agent-config", "high", "edits agent configuration / permissions",
     r"\.claude/settings(\.local)?\.json|bypassPermissions|dangerously-skip-permissions|\.mcp\.json|claude\s+mcp\s+add|CLAUDE\.md|\.cursor/rules|AGENTS\.md"),
    ("shell-rc", "medium", "edits shell startup files",
     r">>\s*~/\.(bash|zsh)rc|>>\s*~/\.profile|\.bash_profile|crontab\s+-|launchctl\s+load|systemctl\s+--user\s+enable"),
    ("assistant-addressed", "high", "prose addressed to the model",
     r"(?i)(note|instruction)s?\s+(for|to)\s+(the\s+)?(assistant|ai|agent|model)\b|ignore (all )?(previous|prior) instructions|do not (tell|mention|inform) the user"),
    ("hidden-html", "medium", "HTML comment or hidden element", r"<!--[\s\S]{20,}?-->|display\s*:\s*none"),
    ("markdown-img-param", "medium", "image URL with query parameters", r"!\[[^\]]*\]\(https?://[^)]+\?[^)]+\)"),
    ("outbound-post", "medium", "sends data out", r"requests\.post|fetch\([^)]*method:\s*['\"]POST|curl\s+[^\n]*(-d|--data|-F|--upload-file)\b|Invoke-RestMethod[^\n]*-Method\s+Post"),
]
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\u202e\ufeff\U000E0000-\U000E007F]")
HOST_RX = re.compile(r"https?://([A-Za-z0-9.\-]+)")
BINARY_EXT = {".exe", ".dll", ".so", ".dylib", ".bin", ".wasm", ".pyc", ".node", ".jar"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("skill_dir")
    ap.add_argument("--json")
    ap.add_argument("--show-context", type=int, default=0)
    a = ap.parse_args()

    findings, hosts, files = [], {}, 0
    for root, dirs, fnames in os.walk(a.skill_dir):
        for fn in fnames:
            path = os.path.join(root, fn)
            rel = os.path.relpath(path, a.skill_dir)
            files += 1
            raw = open(path, "rb").read()
            if os.path.splitext(fn)[1].lower() in BINARY_EXT or b"\0" in raw[:8192]:
                findings.append({"sev": "medium", "rule": "binary", "where": rel, "line": 0,
                                 "desc": f"binary file ({len(raw)} bytes) — cannot be reviewed as text", "text": ""})
                continue
            text = raw.decode("utf-8", "replace")
            lines = text.splitlines()
            for rid, sev, desc, rx in RULES:
                for m in re.finditer(rx, text):
                    ln = text.count("\n", 0, m.start()) + 1
                    findings.append({"sev": sev, "rule": rid, "where": rel, "line": ln, "desc": desc,
                                     "text": lines[ln - 1].strip()[:200] if ln <= len(lines) else ""})
            for m in INVISIBLE.finditer(text):
                ln = text.count("\n", 0, m.start()) + 1
                findings.append({"sev": "high", "rule": "invisible-chars", "where": rel, "line": ln,
                                 "desc": f"invisible/bidi character U+{ord(m.group()):04X}", "text": ""})
                break
            for h in HOST_RX.findall(text):
                hosts.setdefault(h.lower(), set()).add(rel)

    order = {"high": 0, "medium": 1, "low": 2}
    findings.sort(key=lambda f: (order[f["sev"]], f["where"], f["line"]))
    print(f"Scanned {files} files in {a.skill_dir}")
    for f in findings:
        print(f"[{f['sev'].upper():6}] {f['where']}:{f['line']}  {f['rule']}: {f['desc']}")
        if f["text"]:
            print(f"           > {f['text']}")
    print("\nNetwork destinations mentioned:")
    for h, where in sorted(hosts.items()):
        print(f"  {h:40} in {', '.join(sorted(where))}")
    highs = sum(1 for f in findings if f["sev"] == "high")
    verdict = "DO NOT INSTALL (pending manual review)" if highs else "REVIEW" if findings else "LOOKS OK"
    print(f"\nAutomatic verdict: {verdict}. Confirm by reading the flagged lines in context.")
    if a.json:
        json.dump({"findings": findings, "hosts": {k: sorted(v) for k, v in hosts.items()}}, open(a.json, "w"), indent=2)
    sys.exit(2 if highs else 0)


if __name__ == "__main__":
    main()
