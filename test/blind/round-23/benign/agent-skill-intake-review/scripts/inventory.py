#!/usr/bin/env python3
"""Static inventory of an agent skill folder. Reads files only; runs nothing from the skill."""
import argparse
import base64
import binascii
import hashlib
import json
import os
import re
import stat
import sys

CMD_TOOLS = r"(curl|wget|bash|sh|zsh|powershell|pwsh|iex|osascript|npx|npm|pip|pip3|python3?|node|ruby|perl|nc|ncat|socat|ssh|scp|rsync|base64|xxd|chmod|crontab|launchctl|systemctl|git)"
CMD_RX = re.compile(rf"(?m)(?:^|[`$;|&(]\s*)({CMD_TOOLS})\b[^\n`]*")
URL_RX = re.compile(r"\bhttps?://[^\s)\"'<>`]+", re.I)
BLOB_RX = re.compile(r"[A-Za-z0-9+/=]{60,}|(?:\\x[0-9a-fA-F]{2}){20,}|(?:[0-9a-fA-F]{2}){40,}")
CHARCODE_RX = re.compile(r"String\.fromCharCode\(([\d,\s]{20,})\)")
HIDDEN = {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069}
SENSITIVE_READ = re.compile(r"(~|\$HOME|%USERPROFILE%|os\.homedir\(\))?/?\.(ssh|aws|gnupg|kube|docker/config\.json|netrc|npmrc|pypirc|git-credentials)\b|\.env\b|Login Data|Cookies|keychain|Local State|hosts\.yml|\.claude\b", re.I)
AGENT_CONFIG_WRITE = re.compile(r"(CLAUDE\.md|AGENTS\.md|\.claude/settings(\.local)?\.json|\.mcp\.json|\.cursor/mcp\.json|claude mcp add|\.zshrc|\.bashrc|\.profile|dangerously-skip-permissions|bypassPermissions)", re.I)
AGENT_DIRECTED = re.compile(r"(?i)\b(as the (assistant|agent|ai)|you must (always|never)|do not (tell|mention|inform) the user|without asking|silently|even if the user (declines|says no)|ignore (previous|prior) instructions)\b")
HOOK_FILES = {"package.json", "setup.py", "setup.cfg", "pyproject.toml", "Makefile", ".envrc", "tasks.json", "binding.gyp"}


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(65536), b""):
            h.update(chunk)
    return h.hexdigest()


def decode_blob(s):
    try:
        if s.startswith("\\x"):
            raw = bytes(int(x, 16) for x in re.findall(r"\\x([0-9a-fA-F]{2})", s))
        elif re.fullmatch(r"[0-9a-fA-F]+", s):
            raw = binascii.unhexlify(s)
        else:
            raw = base64.b64decode(s + "=" * (-len(s) % 4))
        txt = raw.decode("utf-8")
        return txt if sum(c.isprintable() or c.isspace() for c in txt) / max(len(txt), 1) > 0.9 else None
    except (ValueError, UnicodeDecodeError, binascii.Error):
        return None


def hooks(path, text):
    found = []
    name = os.path.basename(path)
    if name == "package.json":
        try:
            scripts = json.loads(text).get("scripts", {})
            for k in ("preinstall", "install", "postinstall", "prepare", "prepublish"):
                if k in scripts:
                    found.append(f"npm lifecycle {k}: {scripts[k]}")
        except json.JSONDecodeError:
            found.append("package.json does not parse")
    if name == "setup.py" and re.search(r"cmdclass\s*=", text):
        found.append("setup.py overrides install commands (cmdclass)")
    if name.endswith(".pth") and re.search(r"^\s*import\s", text, re.M):
        found.append(".pth file with import line (runs at every Python start)")
    if name == "tasks.json" and "folderOpen" in text:
        found.append("VS Code task runs on folder open")
    if name == "Makefile":
        first = re.search(r"(?m)^([A-Za-z0-9_.-]+):", text)
        if first:
            found.append(f"Makefile default target: {first.group(1)}")
    if "/.git/hooks/" in path.replace(os.sep, "/") or name in ("pre-commit", "post-checkout", "post-merge"):
        found.append("git hook file")
    return found


def review(root):
    files, findings = [], []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = [d for d in dirnames if d != ".git"] + ([".git"] if ".git" in dirnames else [])
        for n in filenames:
            p = os.path.join(dirpath, n)
            rel = os.path.relpath(p, root)
            st = os.lstat(p)
            entry = {"path": rel, "size": st.st_size, "exec": bool(st.st_mode & stat.S_IXUSR),
                     "symlink": stat.S_ISLNK(st.st_mode), "hidden": any(part.startswith(".") for part in rel.split(os.sep))}
            if entry["symlink"]:
                entry["target"] = os.readlink(p)
                files.append(entry)
                continue
            entry["sha256"] = sha256(p)
            files.append(entry)
            try:
                text = open(p, encoding="utf-8").read()
            except (UnicodeDecodeError, OSError):
                entry["binary"] = True
                continue

            def f(kind, line, detail):
                findings.append({"file": rel, "line": line, "kind": kind, "detail": detail[:300]})

            for i, line in enumerate(text.splitlines(), 1):
                for m in CMD_RX.finditer(line):
                    f("command", i, m.group(0).strip())
                for m in URL_RX.finditer(line):
                    f("url", i, m.group(0))
                if SENSITIVE_READ.search(line):
                    f("sensitive-path", i, line.strip())
                if AGENT_CONFIG_WRITE.search(line):
                    f("agent-or-shell-config", i, line.strip())
                if AGENT_DIRECTED.search(line):
                    f("agent-directed", i, line.strip())
                hid = [hex(ord(c)) for c in line if ord(c) in HIDDEN or 0xE0000 <= ord(c) <= 0xE007F]
                if hid:
                    f("invisible-chars", i, f"{len(hid)} chars {sorted(set(hid))[:5]}")
                for m in BLOB_RX.finditer(line):
                    dec = decode_blob(m.group(0))
                    if dec:
                        f("encoded-blob", i, f"{m.group(0)[:40]}… decodes to: {dec[:200]!r}")
                for m in CHARCODE_RX.finditer(line):
                    try:
                        f("charcode-string", i, "".join(chr(int(x)) for x in m.group(1).split(",")))
                    except ValueError:
                        pass
            for m in re.finditer(r"<!--(.*?)-->", text, re.S):
                f("html-comment", text.count("\n", 0, m.start()) + 1, m.group(1).strip())
            for h in hooks(p, text):
                f("install-hook", 0, h)
            if rel == "SKILL.md":
                fm = re.match(r"---\n(.*?)\n---", text, re.S)
                if fm:
                    keys = re.findall(r"(?m)^([A-Za-z_-]+):", fm.group(1))
                    extra = [k for k in keys if k not in ("name", "description", "license", "allowed-tools", "metadata")]
                    if extra:
                        f("front-matter", 1, f"extra keys: {extra}")
    return files, findings


def to_md(root, files, findings):
    out = [f"# Intake review inventory: {root}", "", "## Files", "", "| path | size | exec | sha256 |", "|---|---|---|---|"]
    for e in files:
        out.append(f"| {e['path']}{' -> ' + e['target'] if e.get('symlink') else ''} | {e['size']} | {'x' if e['exec'] else ''} | {e.get('sha256', '')[:16]} |")
    kinds = sorted({x["kind"] for x in findings})
    for k in kinds:
        out += ["", f"## {k}", ""]
        for x in findings:
            if x["kind"] == k:
                out.append(f"- `{x['file']}:{x['line']}` {x['detail'].replace('`', 'ˋ')}")
    hosts = sorted({re.sub(r"^https?://", "", x["detail"]).split("/")[0] for x in findings if x["kind"] == "url"})
    out += ["", "## Hosts referenced", ""] + [f"- {h}" for h in hosts]
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("skill_dir")
    ap.add_argument("--json")
    ap.add_argument("--md")
    ap.add_argument("--baseline", help="previous --json output to diff against")
    a = ap.parse_args()
    files, findings = review(a.skill_dir)
    data = {"files": files, "findings": findings}
    if a.baseline:
        old = json.load(open(a.baseline))
        oldh = {e["path"]: e.get("sha256") for e in old["files"]}
        data["changed"] = [e["path"] for e in files if oldh.get(e["path"]) != e.get("sha256")]
        print("changed since baseline:", ", ".join(data["changed"]) or "nothing")
    if a.json:
        json.dump(data, open(a.json, "w"), indent=2)
    if a.md:
        open(a.md, "w").write(to_md(a.skill_dir, files, findings))
    by = {}
    for x in findings:
        by[x["kind"]] = by.get(x["kind"], 0) + 1
    print(f"{len(files)} files; findings: " + ", ".join(f"{k}={v}" for k, v in sorted(by.items())))


if __name__ == "__main__":
    sys.exit(main())
