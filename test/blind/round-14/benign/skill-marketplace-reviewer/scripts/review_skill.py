#!/usr/bin/env python3
"""Static reviewer for an agent skill folder or zip. Prints findings; executes nothing."""
import argparse
import base64
import binascii
import json
import os
import re
import sys
import tempfile
import unicodedata
import zipfile

INVISIBLE = {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x180E}
BIDI = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))
TAGS = range(0xE0000, 0xE0080)

RULES = [
    ("pipe-to-shell", "critical", r"(curl|wget|iwr|Invoke-WebRequest)[^\n|]*\|\s*(ba|z|da)?sh\b|\|\s*iex\b|Invoke-Expression"),
    ("decode-and-run", "critical", r"base64\s+(-d|--decode)[^\n]*\|\s*(ba|z)?sh|b64decode\([^\n]*\)\)?\s*\)?\s*$|exec\(\s*__import__|FromBase64String|certutil\s+-decode"),
    ("quarantine-removal", "critical", r"xattr\s+-[a-z]*d[a-z]*\s+com\.apple\.quarantine|spctl\s+--master-disable"),
    ("password-zip", "high", r"password\s*[:=]\s*\S+.*\.(zip|7z|rar)|\.(zip|7z|rar).*password"),
    ("exec-policy-bypass", "high", r"-ep\s+bypass|-ExecutionPolicy\s+Bypass"),
    ("credential-path", "high", r"\.ssh/id_|\.aws/credentials|\.config/gcloud|\.azure/|\.kube/config|\.docker/config\.json|\.npmrc|\.pypirc|\.netrc|gh/hosts\.yml|Login Data|Local State|Cookies|wallet\.dat|seed phrase|keychain|find-generic-password|dump-keychain"),
    ("env-dump", "medium", r"\bprintenv\b|\benv\s*>|os\.environ\b(?!\.get)|process\.env\b(?!\.)|Get-ChildItem\s+env:"),
    ("persistence", "high", r"crontab|LaunchAgents|systemctl\s+--user\s+enable|\.bashrc|\.zshrc|\.profile|authorized_keys|sudoers|core\.hooksPath|init\.templateDir|sitecustomize|usercustomize|\.pth\b|NODE_OPTIONS|CurrentVersion\\\\Run|schtasks|Register-ScheduledTask"),
    ("agent-config", "critical", r"settings(\.local)?\.json|dangerously-skip-permissions|Bash\(\*\)|CLAUDE\.md|AGENTS\.md|_BASE_URL|autoApprove|enableAllProjectMcpServers"),
    ("concealment", "critical", r"do not (tell|mention|inform)|without (telling|mentioning|asking)|silently|pre-?approved|ignore (all |any )?previous"),
    ("background", "medium", r"\bnohup\b|\bsetsid\b|\bdisown\b|Start-Process[^\n]*-WindowStyle\s+Hidden"),
    ("remote-instructions", "high", r"(fetch|download|retrieve)[^\n]{0,60}(latest|current)[^\n]{0,40}(instructions|rules|prompt)"),
    ("destructive", "high", r"rm\s+-rf\s+[~/$]|push\s+(-f|--force)|aws\s+s3\s+rb|delete-bucket|DROP\s+(TABLE|DATABASE)|history\s+-c|shred\b"),
    ("dns-channel", "high", r"\b(dig|nslookup|host)\s+[^\n]*\$\("),
]
URL_RE = re.compile(r"\b(?:https?|ftp)://[^\s\"'<>`)]+", re.I)
B64_RE = re.compile(r"(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{40,}={0,2}(?![A-Za-z0-9+/])")
HEX_RE = re.compile(r"\b(?:[0-9a-fA-F]{2}){30,}\b")
COMMENT_RE = re.compile(r"<!--(.*?)-->", re.S)
ALT_RE = re.compile(r"!\[([^\]]{20,})\]\(")
TEXT_EXT = {".md", ".txt", ".py", ".sh", ".bash", ".zsh", ".js", ".mjs", ".cjs", ".ts", ".json",
            ".yaml", ".yml", ".toml", ".ps1", ".psm1", ".rb", ".go", ".rs", ".html", ".csv", ".cfg",
            ".ini", ".env", ".bat", ".cmd", ""}


def defang(s):
    return s.replace("http", "hxxp").replace(".", "[.]")


def safe_unzip(path):
    dest = tempfile.mkdtemp(prefix="skill-review-")
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            name = info.filename
            if name.startswith("/") or ".." in name.split("/"):
                print(f"skipping unsafe entry {name!r}", file=sys.stderr)
                continue
            if (info.external_attr >> 16) & 0o170000 == 0o120000:
                print(f"skipping symlink {name!r}", file=sys.stderr)
                continue
            z.extract(info, dest)
    return dest


def try_decode(s):
    for fn in (lambda x: base64.b64decode(x, validate=True),):
        try:
            raw = fn(s)
        except (binascii.Error, ValueError):
            continue
        for enc in ("utf-8", "utf-16le"):
            try:
                txt = raw.decode(enc)
            except UnicodeDecodeError:
                continue
            printable = sum(c.isprintable() or c.isspace() for c in txt) / max(len(txt), 1)
            if printable > 0.9:
                return txt
    return None


def scan_text(rel, text, findings, urls):
    lines = text.splitlines()
    for i, line in enumerate(lines, 1):
        for ch in line:
            cp = ord(ch)
            if cp in INVISIBLE or cp in BIDI or cp in TAGS:
                findings.append({"file": rel, "line": i, "rule": "invisible-unicode", "severity": "critical",
                                 "evidence": f"U+{cp:04X} {unicodedata.name(ch, '?')}"})
        for name, sev, pat in RULES:
            if re.search(pat, line, re.I):
                findings.append({"file": rel, "line": i, "rule": name, "severity": sev,
                                 "evidence": defang(line.strip()[:200])})
        for u in URL_RE.findall(line):
            urls.add(u)
        for m in B64_RE.finditer(line):
            dec = try_decode(m.group())
            if dec:
                findings.append({"file": rel, "line": i, "rule": "encoded-string", "severity": "high",
                                 "evidence": f"{m.group()[:24]}… decodes to: {defang(dec[:200])!r}"})
        for m in HEX_RE.finditer(line):
            try:
                dec = bytes.fromhex(m.group()).decode("utf-8")
                findings.append({"file": rel, "line": i, "rule": "encoded-string", "severity": "high",
                                 "evidence": f"hex decodes to: {defang(dec[:200])!r}"})
            except (ValueError, UnicodeDecodeError):
                pass
    # tag characters spell ASCII when shifted down by 0xE0000
    tags = "".join(chr(ord(c) - 0xE0000) for c in text if ord(c) in TAGS)
    if tags:
        findings.append({"file": rel, "line": 0, "rule": "unicode-tag-text", "severity": "critical",
                         "evidence": f"hidden tag text reads: {tags[:300]!r}"})
    if rel.endswith(".md"):
        for m in COMMENT_RE.finditer(text):
            body = m.group(1).strip()
            if body and not re.match(r"(markdownlint|prettier|toc|end ?toc)", body, re.I):
                line = text[: m.start()].count("\n") + 1
                findings.append({"file": rel, "line": line, "rule": "html-comment", "severity": "high",
                                 "evidence": body[:300]})
        for m in ALT_RE.finditer(text):
            line = text[: m.start()].count("\n") + 1
            findings.append({"file": rel, "line": line, "rule": "long-alt-text", "severity": "medium",
                             "evidence": m.group(1)[:300]})


def front_matter(text):
    m = re.match(r"^---\n(.*?)\n---", text, re.S)
    return m.group(1) if m else ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    ap.add_argument("--unzip", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    root = safe_unzip(args.path) if args.unzip else args.path
    findings, urls, inventory = [], set(), []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        for fn in filenames:
            full = os.path.join(dirpath, fn)
            rel = os.path.relpath(full, root)
            size = os.path.getsize(full)
            ext = os.path.splitext(fn)[1].lower()
            inventory.append({"file": rel, "size": size, "executable": os.access(full, os.X_OK)})
            if os.path.islink(full):
                findings.append({"file": rel, "line": 0, "rule": "symlink", "severity": "high",
                                 "evidence": os.readlink(full)})
                continue
            if ext not in TEXT_EXT and size > 0:
                findings.append({"file": rel, "line": 0, "rule": "binary-file", "severity": "medium",
                                 "evidence": f"{size} bytes, not reviewed as text"})
                continue
            with open(full, encoding="utf-8", errors="replace") as fh:
                text = fh.read()
            scan_text(rel, text, findings, urls)
            if fn == "SKILL.md":
                fm = front_matter(text)
                extra = [k.split(":")[0] for k in fm.splitlines()
                         if re.match(r"^[a-zA-Z_-]+:", k) and k.split(":")[0] not in
                         ("name", "description", "license", "allowed-tools", "metadata", "version")]
                if extra:
                    findings.append({"file": rel, "line": 1, "rule": "front-matter-extra-keys",
                                     "severity": "medium", "evidence": ", ".join(extra)})

    hosts = sorted({re.sub(r"^[a-z]+://", "", u).split("/")[0] for u in urls})
    result = {"root": root, "files": inventory, "hosts": hosts, "findings": findings}
    if args.json:
        json.dump(result, sys.stdout, indent=2)
        return
    print(f"reviewed {len(inventory)} file(s) under {root}")
    print("hosts referenced:", ", ".join(defang(h) for h in hosts) or "none")
    order = {"critical": 0, "high": 1, "medium": 2, "low": 3}
    for f in sorted(findings, key=lambda f: (order[f["severity"]], f["file"], f["line"])):
        print(f"[{f['severity']:8}] {f['file']}:{f['line']} {f['rule']}: {f['evidence']}")


if __name__ == "__main__":
    main()
