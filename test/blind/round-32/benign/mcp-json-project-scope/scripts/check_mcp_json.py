#!/usr/bin/env python3
"""Lint a project .mcp.json for committed secrets, unpinned packages and non-portable paths."""
import json
import re
import sys

SECRET_KEY = re.compile(r"(token|secret|passw(or)?d|api[_-]?key|private[_-]?key|authorization|cookie)", re.I)
SECRET_VALUE = [
    re.compile(r"gh[pousr]_[A-Za-z0-9]{20,}"),
    re.compile(r"github_pat_[A-Za-z0-9_]{20,}"),
    re.compile(r"sk-[A-Za-z0-9-_]{20,}"),
    re.compile(r"xox[baprs]-[A-Za-z0-9-]{10,}"),
    re.compile(r"AKIA[0-9A-Z]{16}"),
    re.compile(r"(?i)bearer\s+[A-Za-z0-9._~+/-]{20,}=*"),
    re.compile(r"://[^/\s:@]+:[^/\s@]+@"),  # credentials in a URL
]
VAR = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-[^}]*)?\}")
RUNNERS = {"npx": r"@[\w.-]+$|@\d", "uvx": r"==|@", "pipx": r"==|@", "bunx": r"@\d"}


def strip_vars(s):
    return VAR.sub("", s)


def walk(name, server):
    issues, vars_used = [], set()

    def check_value(where, key, value):
        if not isinstance(value, str):
            return
        vars_used.update(VAR.findall(value))
        literal = strip_vars(value)
        if key and SECRET_KEY.search(key) and literal.strip() and not literal.strip().lower() in ("bearer",):
            issues.append(("ERROR", f"{where}.{key} has a literal value; use ${{VAR}}"))
        for pat in SECRET_VALUE:
            if pat.search(literal):
                issues.append(("ERROR", f"{where}{'.' + key if key else ''} looks like a credential ({pat.pattern[:18]}…)"))
                break

    for k, v in (server.get("env") or {}).items():
        check_value("env", k, v)
    for k, v in (server.get("headers") or {}).items():
        check_value("headers", k, v)
    for i, a in enumerate(server.get("args") or []):
        check_value(f"args[{i}]", None, a)
    check_value("url", None, server.get("url", ""))
    check_value("command", None, server.get("command", ""))

    cmd = server.get("command", "")
    args = server.get("args") or []
    if cmd in RUNNERS:
        pkgs = [a for a in args if not a.startswith("-")]
        if cmd == "uvx" and "--from" in args:
            pkgs = [args[args.index("--from") + 1]]
        if pkgs and not re.search(RUNNERS[cmd], pkgs[0].lstrip("@").split("/", 1)[-1] if cmd in ("npx", "bunx") else pkgs[0]):
            issues.append(("WARN", f"{cmd} package {pkgs[0]!r} is not pinned to a version"))
    if re.match(r"^(/Users/|/home/|C:\\\\Users\\\\)", cmd) or any(re.match(r"^(/Users/|/home/)", a) for a in args if isinstance(a, str)):
        issues.append(("WARN", "absolute user path; teammates won't have it — use a repo-relative path"))
    return issues, vars_used


def main(path):
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    servers = data.get("mcpServers", {})
    all_vars, worst = set(), 0
    for name, server in servers.items():
        issues, vars_used = walk(name, server)
        all_vars |= vars_used
        kind = server.get("type", "stdio")
        print(f"{name} ({kind})")
        for level, msg in issues or [("OK", "no issues")]:
            print(f"  {level:5} {msg}")
            worst = max(worst, {"OK": 0, "WARN": 1, "ERROR": 2}[level])
    if all_vars:
        print("\nEnvironment variables teammates need:")
        for v in sorted(all_vars):
            print(f"  - {v}")
    return 1 if worst == 2 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ".mcp.json"))
