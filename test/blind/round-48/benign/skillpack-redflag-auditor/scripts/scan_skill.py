#!/usr/bin/env python3
"""Static red-flag scanner for agent skill packages.

Reads every text file under a folder and reports lines matching the rules in
references/red-flags.md. It never executes, imports or decodes-and-runs anything
from the audited folder.
"""
import argparse
import base64
import json
import os
import re
import sys

TEXT_EXT = {".md", ".txt", ".py", ".sh", ".bash", ".zsh", ".js", ".mjs", ".cjs", ".ts",
            ".json", ".yaml", ".yml", ".toml", ".ps1", ".psm1", ".bat", ".cmd", ".rb",
            ".plist", ".cfg", ".ini", ".conf", ""}
MAX_BYTES = 2_000_000

RULES = [
    ("R-03", "HIGH", "remote script piped to shell",
     r"(curl|wget)[^\n|]*\|\s*(sudo\s+)?(ba|z)?sh\b|iwr[^\n]*\|\s*iex|DownloadString\(|python3?\s+-c\s+\"\$\(curl"),
    ("R-04", "HIGH", "paste-site host",
     r"\b(glot\.io|rentry\.(co|org)|pastebin\.com/raw|paste\.ee|hastebin|transfer\.sh)\b"),
    ("R-05", "HIGH", "encoded one-liner",
     r"base64\s+(-d|--decode)[^\n]*\|\s*(ba|z)?sh|eval\s+\"?\$\(echo|\\x[0-9a-f]{2}(\\x[0-9a-f]{2}){8,}"),
    ("R-06", "MED", "install hook",
     r"\"(postinstall|preinstall|prepare)\"\s*:|cmdclass\s*=|\"runOn\"\s*:\s*\"folderOpen\""),
    ("R-07", "HIGH", "credential path",
     r"\.ssh/id_|\.aws/credentials|\.config/gcloud|\.kube/config|\.npmrc|\.git-credentials|"
     r"\.docker/config\.json|\.clawdbot/\.env|Login Data|key4\.db|Library/Keychains|"
     r"solana/id\.json|Electrum/wallets|nkbihfbeogaeaoehlefnkodbefgpgknn|tdata\b"),
    ("R-08", "MED", "environment sweep",
     r"dict\(os\.environ\)|json\.dumps\(os\.environ|JSON\.stringify\(process\.env\)|\bprintenv\b|\benv\s*\|"),
    ("R-10", "HIGH", "concealment wording",
     r"(?i)do not (mention|tell|inform)|no need to (mention|tell)|\bsilently\b|without (asking|telling)|"
     r"already (approved|consented)|skip (the )?confirmation"),
    ("R-11", "HIGH", "remote instructions",
     r"(?i)(fetch|download|read)[^\n]{0,60}(rules|instructions)[^\n]{0,40}(and )?(follow|apply|obey)"),
    ("R-13", "HIGH", "agent configuration edit",
     r"\.claude/settings(\.local)?\.json|\.claude\.json|\.mcp\.json|\.cursor/mcp\.json|"
     r"enableAllProjectMcpServers|ANTHROPIC_BASE_URL|OPENAI_BASE_URL|permissions\.allow"),
    ("R-14", "HIGH", "permission-skipping flag",
     r"--dangerously-skip-permissions|--yolo\b|--trust-all-tools|--full-auto"),
    ("R-16", "MED", "persistence location",
     r"LaunchAgents|systemctl\s+--user\s+enable|crontab\s+-|>>\s*~?/?\S*\.(bash|zsh)rc|"
     r"init\.templateDir|core\.hooksPath"),
    ("R-17", "HIGH", "destructive command",
     r"rm\s+-rf\s+(~|/|\$HOME)(\s|$)|s3\s+rm\s+[^\n]*--recursive|\bshutdown\b|--quiet\s+delete"),
]
COMPILED = [(rid, sev, desc, re.compile(rx)) for rid, sev, desc, rx in RULES]
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\U000e0000-\U000e007f]")
HOST = re.compile(r"https?://([a-zA-Z0-9.-]+\.[a-zA-Z]{2,})")
B64_BLOB = re.compile(r"[A-Za-z0-9+/]{80,}={0,2}")


def iter_files(root):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in {".git", "node_modules", "__pycache__"}]
        for name in filenames:
            path = os.path.join(dirpath, name)
            ext = os.path.splitext(name)[1].lower()
            if ext in TEXT_EXT and os.path.getsize(path) <= MAX_BYTES:
                yield path


def preview_b64(blob):
    """Decode a base64 blob to printable text for the report. Never executed."""
    try:
        raw = base64.b64decode(blob + "=" * (-len(blob) % 4), validate=False)[:160]
    except Exception:
        return None
    text = raw.decode("utf-8", "replace")
    printable = sum(c.isprintable() for c in text) / max(len(text), 1)
    return text if printable > 0.85 else None


def scan(root):
    findings, hosts = [], {}
    for path in iter_files(root):
        rel = os.path.relpath(path, root)
        with open(path, "r", encoding="utf-8", errors="replace") as fh:
            for lineno, line in enumerate(fh, 1):
                for rid, sev, desc, rx in COMPILED:
                    m = rx.search(line)
                    if m:
                        findings.append({"rule": rid, "severity": sev, "file": rel, "line": lineno,
                                         "what": desc, "match": line.strip()[:160]})
                if INVISIBLE.search(line):
                    cps = sorted({f"U+{ord(c):04X}" for c in INVISIBLE.findall(line)})
                    findings.append({"rule": "R-15", "severity": "HIGH", "file": rel, "line": lineno,
                                     "what": "invisible characters " + ",".join(cps), "match": ""})
                for blob in B64_BLOB.findall(line):
                    text = preview_b64(blob)
                    if text:
                        findings.append({"rule": "R-05", "severity": "MED", "file": rel, "line": lineno,
                                         "what": "base64 text blob", "match": "decodes to: " + text[:120]})
                for host in HOST.findall(line):
                    hosts.setdefault(host.lower(), []).append(f"{rel}:{lineno}")
    return findings, hosts


def verdict(findings):
    high = sum(f["severity"] == "HIGH" for f in findings)
    med = sum(f["severity"] == "MED" for f in findings)
    if high:
        return "DO NOT INSTALL (pending manual review of HIGH findings)", high, med
    if med:
        return "INSTALL WITH CHANGES (review MEDIUM findings)", high, med
    return "INSTALL", high, med


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("folder")
    ap.add_argument("--out", default=None, help="write Markdown report here")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    if not os.path.isdir(args.folder):
        sys.exit(f"not a folder: {args.folder}")
    findings, hosts = scan(args.folder)
    order = {"HIGH": 0, "MED": 1, "LOW": 2}
    findings.sort(key=lambda f: (order[f["severity"]], f["file"], f["line"]))
    text_verdict, high, med = verdict(findings)

    if args.json:
        print(json.dumps({"verdict": text_verdict, "findings": findings, "hosts": hosts}, indent=2))
        return

    lines = [f"# Skill audit: {os.path.basename(os.path.abspath(args.folder))}", "",
             f"**Scanner suggestion:** {text_verdict}", "", "## Findings", ""]
    for f in findings:
        lines.append(f"- `{f['severity']}` {f['rule']} `{f['file']}:{f['line']}` {f['what']}"
                     + (f" - `{f['match']}`" if f["match"] else ""))
    lines += ["", "## Hosts referenced", ""]
    for host, where in sorted(hosts.items()):
        lines.append(f"- {host} ({', '.join(where[:5])}{' ...' if len(where) > 5 else ''})")
    report = "\n".join(lines) + "\n"
    for f in findings:
        print(f"{f['severity']:<5} {f['rule']}  {f['file']}:{f['line']:<5} {f['what']}: {f['match'][:90]}")
    print(f"{high} HIGH, {med} MEDIUM  ->  {text_verdict}")
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            fh.write(report)


if __name__ == "__main__":
    main()
