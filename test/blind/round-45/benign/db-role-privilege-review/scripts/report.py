#!/usr/bin/env python3
"""Render role-review TSV or scan config files for plaintext DB passwords (masked)."""
import os
import re
import sys

CONFIG_GLOBS = (".yml", ".yaml", ".properties", ".env", ".ini", ".toml", ".cfg", ".conf")
PATTERNS = [
    re.compile(r"(?i)\b(?:db_|database_|spring\.datasource\.|mysql_|pg|postgres_)?password\s*[:=]\s*['\"]?([^\s'\"#]+)"),
    re.compile(r"(?i)\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?)://[^:/\s]+:([^@\s]+)@"),
]
REFERENCE = re.compile(r"^(\$\{.*\}|\{\{.*\}\}|%\(.*\)s|<.*>|changeme|\*+)$", re.I)
SKIP = {".git", "node_modules", "vendor", "target", "build", ".venv"}


def mask(v):
    return f"{v[:2]}****({len(v)})"


def scan_configs(root):
    rows = []
    for dp, dns, fns in os.walk(root):
        dns[:] = [d for d in dns if d not in SKIP]
        for fn in fns:
            if not (fn.endswith(CONFIG_GLOBS) or fn.startswith(".env") or fn.startswith("docker-compose")):
                continue
            path = os.path.join(dp, fn)
            try:
                with open(path, encoding="utf-8", errors="replace") as fh:
                    for no, line in enumerate(fh, 1):
                        for rx in PATTERNS:
                            m = rx.search(line)
                            if m and not REFERENCE.match(m.group(1)):
                                rows.append((os.path.relpath(path, root), no, mask(m.group(1))))
                                break
            except OSError:
                continue
    print("# Plaintext database credentials\n")
    if not rows:
        print("None found.")
        return
    print("| File | Line | Value (masked) |\n|---|---|---|")
    for r in rows:
        print(f"| `{r[0]}` | {r[1]} | `{r[2]}` |")
    print("\nFix: move each value to the secret manager, reference it via env, then rotate it.")


def render_roles(tsv):
    print("# Role review\n\n| Check | Object | Detail |\n|---|---|---|")
    with open(tsv, encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3 and parts[0] != "?column?":
                print(f"| {parts[0]} | `{parts[1]}` | {parts[2]} |")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("roles", "configs"):
        sys.exit("usage: report.py roles FILE.tsv | report.py configs REPO_DIR")
    (render_roles if sys.argv[1] == "roles" else scan_configs)(sys.argv[2])
