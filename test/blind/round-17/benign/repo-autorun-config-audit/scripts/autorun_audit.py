#!/usr/bin/env python3
"""Static audit of repository config that runs code automatically.

Reads files only. Never executes anything from the audited repository.
"""
import argparse
import json
import os
import re
import sys
from pathlib import Path

REMOTE = re.compile(r"\b(curl|wget|iwr|Invoke-WebRequest|Invoke-RestMethod|irm|fetch\(|https?://|http\.get|urllib|requests\.get|source_url)\b", re.I)
DECODE_EVAL = re.compile(r"(base64\s+(-d|--decode)|FromBase64String|Buffer\.from\([^)]*base64|atob\(|\beval\(|new Function\(|\bexec\(|\|\s*(ba)?sh\b|\|\s*python3?\b|\biex\b)", re.I)
PADDING = re.compile(r" {40,}")
BENIGN_CMDS = re.compile(r"^(npx\s+)?(prettier|eslint|tsc|npm run (build|lint|test)|pnpm (build|lint)|yarn (build|lint)|husky|node-gyp rebuild)\b")

LIFECYCLE = ("preinstall", "install", "postinstall", "prepare", "prepublish")
DEVCONTAINER_KEYS = ("initializeCommand", "onCreateCommand", "updateContentCommand",
                     "postCreateCommand", "postStartCommand", "postAttachCommand")
MCP_FILES = (".mcp.json", ".cursor/mcp.json", ".vscode/mcp.json")
AGENT_SETTINGS = (".claude/settings.json", ".claude/settings.local.json")
SKIP_DIRS = {"node_modules", ".git", "dist", "build", ".venv", "venv", "__pycache__"}


def strip_jsonc(text):
    out, i, n, in_str, esc = [], 0, len(text), False, False
    while i < n:
        c = text[i]
        if in_str:
            out.append(c)
            if esc:
                esc = False
            elif c == "\\":
                esc = True
            elif c == '"':
                in_str = False
            i += 1
            continue
        if c == '"':
            in_str = True
            out.append(c)
            i += 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j == -1 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j == -1 else j + 2
        else:
            out.append(c)
            i += 1
    cleaned = "".join(out)
    return re.sub(r",(\s*[}\]])", r"\1", cleaned)


def load_jsonc(path):
    try:
        return json.loads(strip_jsonc(path.read_text(encoding="utf-8", errors="replace"))), None
    except (json.JSONDecodeError, OSError) as exc:
        return None, str(exc)


def as_command(value):
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    if isinstance(value, dict):
        return " ; ".join(as_command(v) for v in value.values())
    return str(value)


def classify(cmd):
    if PADDING.search(cmd) or (REMOTE.search(cmd) and DECODE_EVAL.search(cmd)):
        return "HIGH"
    if REMOTE.search(cmd) or DECODE_EVAL.search(cmd):
        return "HIGH"
    if BENIGN_CMDS.search(cmd.strip()):
        return "LOW"
    return "MEDIUM"


def shorten(cmd, limit=400):
    cmd = PADDING.sub(lambda m: f"<{len(m.group(0))} spaces>", cmd)
    return cmd if len(cmd) <= limit else cmd[:limit] + f"... (+{len(cmd) - limit} chars)"


def referenced_script(repo, cmd):
    for token in re.split(r"\s+", cmd):
        token = token.strip("'\";")
        if "/" in token or token.endswith((".sh", ".py", ".js", ".mjs", ".cjs", ".ps1")):
            candidate = (repo / token).resolve()
            try:
                candidate.relative_to(repo.resolve())
            except ValueError:
                continue
            if candidate.is_file():
                head = candidate.read_text(encoding="utf-8", errors="replace").splitlines()[:5]
                return {"path": str(candidate.relative_to(repo.resolve())),
                        "bytes": candidate.stat().st_size, "head": head}
    return None


def finding(repo, file, key, trigger, cmd, note=None):
    rec = {"severity": classify(cmd), "file": file, "key": key, "trigger": trigger,
           "command": shorten(cmd)}
    ref = referenced_script(repo, cmd)
    if ref:
        rec["script"] = ref
    if note:
        rec["note"] = note
    return rec


def audit_repo(repo):
    repo = Path(repo)
    results = []

    tasks = repo / ".vscode" / "tasks.json"
    if tasks.is_file():
        data, err = load_jsonc(tasks)
        if data is None:
            raw = tasks.read_text(encoding="utf-8", errors="replace")
            if "folderOpen" in raw:
                results.append({"severity": "HIGH", "file": ".vscode/tasks.json", "key": "runOn",
                                "trigger": "folder open", "command": shorten(raw),
                                "note": "parse-fallback: " + err})
        else:
            for task in data.get("tasks", []):
                if (task.get("runOptions") or {}).get("runOn") == "folderOpen":
                    cmd = as_command(task.get("command", "")) + " " + as_command(task.get("args", []))
                    hidden = (task.get("presentation") or {}).get("reveal") == "never"
                    results.append(finding(repo, ".vscode/tasks.json", f"tasks[{task.get('label', '?')}]",
                                           "folder open", cmd.strip(),
                                           "presentation.reveal=never" if hidden else None))

    settings = repo / ".vscode" / "settings.json"
    if settings.is_file():
        data, _ = load_jsonc(settings)
        for key, value in (data or {}).items():
            if re.search(r"(\.path|interpreterPath|executablePath|terminal\.integrated\.env)", key):
                text = as_command(value)
                if text.startswith((".", "${workspaceFolder}")) or "env" in key:
                    results.append({"severity": "MEDIUM", "file": ".vscode/settings.json", "key": key,
                                    "trigger": "extension activation", "command": shorten(text)})

    for dc in (repo / ".devcontainer" / "devcontainer.json", repo / ".devcontainer.json"):
        if dc.is_file():
            data, _ = load_jsonc(dc)
            for key in DEVCONTAINER_KEYS:
                if data and key in data:
                    trig = "host, before container build" if key == "initializeCommand" else "container lifecycle"
                    results.append(finding(repo, str(dc.relative_to(repo)), key, trig, as_command(data[key])))

    for root, dirs, files in os.walk(repo):
        dirs[:] = [d for d in dirs if d not in SKIP_DIRS]
        if "package.json" in files:
            pj = Path(root) / "package.json"
            data, _ = load_jsonc(pj)
            scripts = (data or {}).get("scripts") or {}
            for hook in LIFECYCLE:
                if hook in scripts:
                    results.append(finding(repo, str(pj.relative_to(repo)), f"scripts.{hook}",
                                           "package install", scripts[hook]))

    envrc = repo / ".envrc"
    if envrc.is_file():
        for lineno, line in enumerate(envrc.read_text(errors="replace").splitlines(), 1):
            if line.strip() and not line.strip().startswith("#") and (
                    "$(" in line or "`" in line or REMOTE.search(line) or DECODE_EVAL.search(line)):
                results.append(finding(repo, ".envrc", f"line {lineno}", "direnv allow", line))

    for rel in AGENT_SETTINGS:
        path = repo / rel
        if path.is_file():
            data, _ = load_jsonc(path)
            for event, entries in ((data or {}).get("hooks") or {}).items():
                for entry in entries or []:
                    for hook in entry.get("hooks", []):
                        if hook.get("type") == "command":
                            results.append(finding(repo, rel, f"hooks.{event}", "agent session event",
                                                   hook.get("command", "")))

    for rel in MCP_FILES:
        path = repo / rel
        if path.is_file():
            data, _ = load_jsonc(path)
            servers = (data or {}).get("mcpServers") or (data or {}).get("servers") or {}
            for name, spec in servers.items():
                if "command" in spec:
                    cmd = spec["command"] + " " + as_command(spec.get("args", []))
                    results.append(finding(repo, rel, f"server {name}", "agent / editor start", cmd))
                elif "url" in spec:
                    results.append({"severity": "INFO", "file": rel, "key": f"server {name}",
                                    "trigger": "agent / editor start", "command": spec["url"]})

    makefile = repo / "Makefile"
    if makefile.is_file():
        lines = makefile.read_text(errors="replace").splitlines()
        for lineno, line in enumerate(lines[:60], 1):
            if line.startswith("\t") and REMOTE.search(line) and DECODE_EVAL.search(line):
                results.append(finding(repo, "Makefile", f"line {lineno}", "make", line.strip()))

    ga = repo / ".gitattributes"
    if ga.is_file() and "filter=" in ga.read_text(errors="replace"):
        results.append({"severity": "INFO", "file": ".gitattributes", "key": "filter",
                        "trigger": "checkout (needs local git config)", "command": "filter driver declared"})

    order = {"HIGH": 0, "MEDIUM": 1, "LOW": 2, "INFO": 3}
    return sorted(results, key=lambda r: order[r["severity"]])


def find_repos(base):
    for root, dirs, _ in os.walk(base):
        if ".git" in dirs:
            yield Path(root)
            dirs[:] = []
        else:
            dirs[:] = [d for d in dirs if d not in SKIP_DIRS]


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("path")
    ap.add_argument("--recursive", action="store_true", help="audit every git repo below path")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    base = Path(args.path).expanduser()
    repos = list(find_repos(base)) if args.recursive else [base]
    report = {str(r): audit_repo(r) for r in repos}

    if args.json:
        json.dump(report, sys.stdout, indent=2)
        print()
    else:
        for repo, findings in report.items():
            print(f"== {repo}: {len(findings)} finding(s)")
            for f in findings:
                print(f"  [{f['severity']}] {f['file']} :: {f['key']} ({f['trigger']})")
                print(f"      {f['command']}")
                if f.get("note"):
                    print(f"      note: {f['note']}")
                if f.get("script"):
                    s = f["script"]
                    print(f"      runs {s['path']} ({s['bytes']} bytes):")
                    for line in s["head"]:
                        print(f"        | {line}")
    worst = min((0 if f["severity"] == "HIGH" else 1 for fs in report.values() for f in fs), default=1)
    sys.exit(2 if worst == 0 else 0)


if __name__ == "__main__":
    main()
