#!/usr/bin/env python3
"""Static inventory of auto-run entry points in a repository. Reads files only."""
import argparse
import json
import os
import re
import sys

SKIP_DIRS = {".git", "node_modules", ".venv", "venv", "__pycache__", "dist", "build"}

HIGH_PATTERNS = [
    (re.compile(r"(curl|wget)[^|\n]*\|\s*(ba|z)?sh\b"), "remote script piped to a shell"),
    (re.compile(r"bash\s+<\(\s*(curl|wget)"), "process substitution of a remote script"),
    (re.compile(r"base64\s+(-d|--decode)"), "decodes an embedded blob"),
    (re.compile(r"exec\s*\(\s*(base64|codecs|zlib)"), "exec of decoded data"),
    (re.compile(r"\biex\b|Invoke-Expression", re.I), "PowerShell Invoke-Expression"),
    (re.compile(r"\.ssh/|\.aws/credentials|hosts\.yml|\.npmrc|\.pypirc|\.kube/config|\.docker/config\.json"),
     "touches a credential file"),
    (re.compile(r"\b(printenv|env)\b\s*(>|\|)"), "dumps the environment"),
]
INFO_COMMANDS = re.compile(r"^(npm ci|npm install|pnpm install|yarn install|pip install|uv sync|poetry install|pre-commit install|go mod download)")


def strip_jsonc(text):
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r"(^|[^:\"'])//.*$", r"\1", text, flags=re.M)
    text = re.sub(r",(\s*[}\]])", r"\1", text)
    return text


def load_jsonc(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            return json.loads(strip_jsonc(fh.read()))
    except (OSError, ValueError):
        return None


def severity(cmd, base="medium"):
    for rx, why in HIGH_PATTERNS:
        if rx.search(cmd):
            return "high", why
    if INFO_COMMANDS.match(cmd.strip()):
        return "info", "common dependency/bootstrap command"
    return base, "runs automatically"


def as_cmd(value):
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    if isinstance(value, dict):
        return " && ".join(as_cmd(v) for v in value.values())
    return str(value)


def line_of(path, needle):
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            for i, line in enumerate(fh, 1):
                if needle in line:
                    return i
    except OSError:
        pass
    return 0


def scan(root):
    findings = []

    def add(path, key, cmd, base="medium"):
        sev, why = severity(cmd, base)
        if key == "initializeCommand" and sev == "medium":
            sev, why = "high", "runs on the host before the container starts"
        rel = os.path.relpath(path, root)
        findings.append({"severity": sev, "file": rel, "line": line_of(path, key.split(".")[-1]),
                         "trigger": key, "command": cmd, "why": why})

    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
        for name in filenames:
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            if name in ("devcontainer.json", ".devcontainer.json"):
                data = load_jsonc(path) or {}
                for key in ("initializeCommand", "onCreateCommand", "updateContentCommand",
                            "postCreateCommand", "postStartCommand", "postAttachCommand"):
                    if key in data:
                        add(path, key, as_cmd(data[key]))
            elif rel.replace(os.sep, "/").endswith(".vscode/tasks.json"):
                data = load_jsonc(path) or {}
                for task in data.get("tasks", []):
                    if task.get("runOptions", {}).get("runOn") == "folderOpen":
                        cmd = as_cmd(task.get("command", "")) + " " + as_cmd(task.get("args", []))
                        add(path, "runOn", cmd.strip())
            elif name == ".envrc":
                with open(path, encoding="utf-8", errors="replace") as fh:
                    for i, line in enumerate(fh, 1):
                        s = line.strip()
                        if s and not s.startswith("#"):
                            sev, why = severity(s, "low")
                            findings.append({"severity": sev, "file": rel, "line": i,
                                             "trigger": "direnv", "command": s, "why": why})
            elif name.endswith(".pth"):
                with open(path, encoding="utf-8", errors="replace") as fh:
                    for i, line in enumerate(fh, 1):
                        if line.startswith(("import ", "import\t")):
                            sev, why = severity(line, "medium")
                            findings.append({"severity": sev, "file": rel, "line": i,
                                             "trigger": ".pth import line", "command": line.strip(),
                                             "why": why})
            elif name in ("sitecustomize.py", "usercustomize.py", "conftest.py"):
                with open(path, encoding="utf-8", errors="replace") as fh:
                    body = fh.read()
                sev, why = severity(body, "low")
                findings.append({"severity": sev, "file": rel, "line": 1, "trigger": name,
                                 "command": "(python module imported automatically)", "why": why})
            elif name == "package.json" and "node_modules" not in rel:
                data = load_jsonc(path) or {}
                for key in ("preinstall", "install", "postinstall", "prepare"):
                    cmd = data.get("scripts", {}).get(key)
                    if cmd:
                        add(path, f"scripts.{key}", cmd, "low")
            elif rel.replace(os.sep, "/").startswith(".claude/") and name.startswith("settings"):
                data = load_jsonc(path) or {}
                for event, entries in (data.get("hooks") or {}).items():
                    for entry in entries or []:
                        for hook in entry.get("hooks", []):
                            if hook.get("command"):
                                add(path, f"hooks.{event}", hook["command"])
            elif rel.replace(os.sep, "/").startswith(".githooks/"):
                findings.append({"severity": "low", "file": rel, "line": 1, "trigger": "git hook",
                                 "command": "(runs if core.hooksPath=.githooks)", "why": "repo-provided git hook"})
    order = {"high": 0, "medium": 1, "low": 2, "info": 3}
    return sorted(findings, key=lambda f: (order[f["severity"]], f["file"]))


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("repo")
    ap.add_argument("--format", choices=["md", "json"], default="md")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    findings = scan(os.path.abspath(args.repo))
    if args.json or args.format == "json":
        json.dump(findings, sys.stdout, indent=2)
        return
    print(f"# Auto-run audit: {args.repo}\n")
    if not findings:
        print("No auto-run entry points found.")
    for f in findings:
        print(f"## {f['severity'].upper():6} {f['file']}:{f['line']}  {f['trigger']}")
        print(f"    {f['command']}")
        print(f"    why: {f['why']}\n")
    sys.exit(1 if any(f["severity"] == "high" for f in findings) else 0)


if __name__ == "__main__":
    main()
