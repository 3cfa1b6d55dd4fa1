#!/usr/bin/env python3
"""Pre-flight checks for sharing a skill folder."""
import re
import sys
from pathlib import Path

BAD_NAMES = re.compile(r"(^\.env(\..*)?$|\.pem$|\.key$|^id_(rsa|ed25519)|credentials.*\.json$|^\.DS_Store$|\.pyc$)")
BAD_DIRS = {"__pycache__", "node_modules", ".venv", ".git"}
HOME_PATH = re.compile(r"(/Users/[^/\s]+/|/home/[^/\s]+/|C:\\\\Users\\\\)")
REF = re.compile(r"(?<![\w/.-])((?:scripts|references|assets|templates)/[\w./-]+)")

def main(folder: str) -> int:
    root = Path(folder).expanduser()
    problems, warnings = [], []
    skill = root / "SKILL.md"
    if not skill.exists():
        print(f"FAIL: {skill} not found")
        return 1
    text = skill.read_text(encoding="utf-8")
    m = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    if not m:
        problems.append("SKILL.md has no YAML front matter")
        fm = {}
    else:
        fm = dict(re.findall(r"^(\w+):\s*(.+)$", m.group(1), re.M))
    name = fm.get("name", "").strip()
    if name != root.name:
        problems.append(f"front matter name '{name}' != folder '{root.name}'")
    if name and not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name):
        problems.append("name must be kebab-case")
    desc = fm.get("description", "").strip()
    if not desc:
        problems.append("description missing")
    elif len(desc) > 1024:
        problems.append(f"description is {len(desc)} chars (max 1024)")

    for ref in sorted(set(REF.findall(text))):
        if not (root / ref.rstrip(".,)")).exists():
            problems.append(f"SKILL.md references missing file: {ref}")

    for p in root.rglob("*"):
        rel = p.relative_to(root)
        if any(part in BAD_DIRS for part in rel.parts):
            warnings.append(f"remove build/cache dir: {rel}")
            continue
        if p.is_file() and BAD_NAMES.search(p.name):
            problems.append(f"file looks like a secret or local state: {rel}")
        if p.is_file() and p.suffix in {".md", ".py", ".sh", ".js", ".ts", ".json", ".yaml", ".yml"}:
            for i, line in enumerate(p.read_text(encoding="utf-8", errors="ignore").splitlines(), 1):
                if HOME_PATH.search(line):
                    warnings.append(f"absolute home path in {rel}:{i}: {line.strip()[:70]}")

    for w in sorted(set(warnings)):
        print("WARN:", w)
    for pr in problems:
        print("FAIL:", pr)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
