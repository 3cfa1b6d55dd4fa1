#!/usr/bin/env python3
"""Read-only audit of Git config files for keys that make Git execute programs.

Parses config files as text; never invokes git inside the scanned repositories.
"""
import argparse
import json
import os
import re
import sys
from pathlib import Path

EXEC_KEYS = {
    "core.fsmonitor": "high",
    "core.sshcommand": "medium",
    "core.gitproxy": "medium",
    "core.pager": "low",
    "core.editor": "low",
    "sequence.editor": "low",
    "core.hookspath": "medium",
    "diff.external": "medium",
    "uploadpack.packobjectshook": "high",
    "http.proxy": "medium",
}
PATTERN_KEYS = [
    (re.compile(r"^filter\..+\.(clean|smudge|process)$"), "medium"),
    (re.compile(r"^diff\..+\.textconv$"), "medium"),
    (re.compile(r"^merge\..+\.driver$"), "medium"),
    (re.compile(r"^pager\..+$"), "low"),
    (re.compile(r"^alias\..+$"), "shell-alias"),
    (re.compile(r"^credential(\..+)?\.helper$"), "credential"),
    (re.compile(r"^url\..+\.insteadof$"), "medium"),
    (re.compile(r"^http\..+\.proxy$"), "medium"),
    (re.compile(r"^include(if\..+)?\.path$"), "info"),
]
RISKY_VALUE = re.compile(
    r"(curl|wget|\bnc\b|ncat|socat|/dev/tcp/|base64\s+-d|xxd\s+-r|openssl\s+enc|"
    r"nohup|setsid|disown|/tmp/|/var/tmp/|python[0-9.]*\s+-c|node\s+-e|perl\s+-e|-enc\b|&\s*$)",
    re.I,
)
BENIGN_VALUES = {
    "core.fsmonitor": {"true", "false", "0", "1"},
}
KNOWN_GOOD = re.compile(r"^(git-lfs\b|delta\b|less\b|osxkeychain$|manager(-core)?$|store$|cache\b|libsecret$)")

SECTION_RE = re.compile(r'^\s*\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]\s*$')
KV_RE = re.compile(r"^\s*([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*))?$")


def parse_config(path):
    """Yield (key, value, lineno) from a git config file."""
    section = None
    try:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise PermissionError(str(exc))
    buf, start = "", 0
    for i, raw in enumerate(lines, 1):
        line = buf + raw
        if line.rstrip().endswith("\\"):
            buf, start = line.rstrip()[:-1], start or i
            continue
        buf = ""
        lineno = start or i
        start = 0
        stripped = line.strip()
        if not stripped or stripped[0] in "#;":
            continue
        m = SECTION_RE.match(stripped)
        if m:
            name, sub = m.group(1).lower(), m.group(2)
            if "." in name and sub is None:
                head, _, rest = name.partition(".")
                section = f"{head}.{rest}"
            else:
                section = f"{name}.{sub}" if sub is not None else name
            continue
        kv = KV_RE.match(stripped)
        if kv and section:
            key = f"{section}.{kv.group(1).lower()}"
            value = (kv.group(2) or "true").strip()
            if len(value) >= 2 and value[0] == value[-1] == '"':
                value = value[1:-1]
            yield key, value, lineno


def classify(key, value):
    k = key.lower()
    sev = EXEC_KEYS.get(k)
    if sev is None:
        for rx, s in PATTERN_KEYS:
            if rx.match(k):
                sev = s
                break
    if sev is None:
        return None
    if k in BENIGN_VALUES and value.lower() in BENIGN_VALUES[k]:
        return None
    if sev == "shell-alias":
        if not value.startswith("!"):
            return None
        sev = "low"
    if sev == "credential":
        sev = "high" if value.startswith("!") else ("info" if KNOWN_GOOD.match(value) else "medium")
    if KNOWN_GOOD.match(value) and sev in ("low", "medium"):
        sev = "info"
    if RISKY_VALUE.search(value) and sev != "info":
        sev = "high"
    return sev


def find_configs(roots, max_depth):
    for root in roots:
        root = Path(root).expanduser()
        if not root.exists():
            print(f"warning: {root} does not exist", file=sys.stderr)
            continue
        base_depth = len(root.parts)
        for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
            depth = len(Path(dirpath).parts) - base_depth
            if ".git" in dirnames or ".git" in filenames:
                gitdir = Path(dirpath) / ".git"
                if gitdir.is_dir():
                    for name in ("config", "config.worktree"):
                        if (gitdir / name).is_file():
                            yield "repo", gitdir / name
                    modules = gitdir / "modules"
                    if modules.is_dir():
                        for sub in modules.rglob("config"):
                            yield "submodule", sub
                dirnames[:] = []
                continue
            dirnames[:] = [d for d in dirnames if not d.startswith(".") or d == ".git"]
            if depth >= max_depth:
                dirnames[:] = []


def global_configs():
    home = Path.home()
    xdg = Path(os.environ.get("XDG_CONFIG_HOME", home / ".config"))
    for scope, p in (("global", home / ".gitconfig"), ("global", xdg / "git" / "config"), ("system", Path("/etc/gitconfig"))):
        if p.is_file():
            yield scope, p


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("roots", nargs="*", help="directories to search for repositories")
    ap.add_argument("--include-global", action="store_true")
    ap.add_argument("--max-depth", type=int, default=3)
    ap.add_argument("--follow-includes", action="store_true")
    ap.add_argument("--format", choices=("table", "json"), default="table")
    args = ap.parse_args()

    if not args.roots and not args.include_global:
        ap.error("name at least one directory, or pass --include-global")

    targets = list(find_configs(args.roots, args.max_depth))
    if args.include_global:
        targets.extend(global_configs())

    findings, unreadable, seen = [], [], set()
    queue = list(targets)
    while queue:
        scope, path = queue.pop(0)
        rp = str(Path(path).resolve())
        if rp in seen:
            continue
        seen.add(rp)
        try:
            entries = list(parse_config(path))
        except PermissionError:
            unreadable.append(str(path))
            continue
        for key, value, lineno in entries:
            sev = classify(key, value)
            if sev is None:
                continue
            findings.append({"severity": sev, "scope": scope, "file": str(path), "line": lineno, "key": key, "value": value})
            if args.follow_includes and key.endswith(".path") and key.startswith("include"):
                inc = Path(os.path.expanduser(value))
                if not inc.is_absolute():
                    inc = Path(path).parent / inc
                if inc.is_file():
                    queue.append(("include", inc))

    order = {"high": 0, "medium": 1, "low": 2, "info": 3}
    findings.sort(key=lambda f: (order[f["severity"]], f["file"], f["line"]))

    if args.format == "json":
        json.dump({"findings": findings, "unreadable": unreadable, "files_scanned": len(seen)}, sys.stdout, indent=2)
        print()
        return
    print(f"scanned {len(seen)} config file(s); {len(findings)} finding(s)\n")
    for f in findings:
        print(f"[{f['severity'].upper():6}] {f['file']}:{f['line']} ({f['scope']})")
        print(f"         {f['key']} = {f['value']}")
    if findings:
        print("\nTo remove a key (review first, nothing has been changed):")
        print("  git config --file <file> --unset <key>")
    for u in unreadable:
        print(f"unreadable: {u}")


if __name__ == "__main__":
    main()
