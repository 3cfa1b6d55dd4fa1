#!/usr/bin/env python3
"""Find regexes that look like security validators and flag anchor/escaping pitfalls."""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

EXTS = {".py": "py", ".js": "js", ".mjs": "js", ".cjs": "js", ".ts": "js", ".tsx": "js", ".jsx": "js",
        ".rb": "rb", ".go": "go", ".java": "java", ".kt": "java", ".php": "php", ".cs": "cs"}
SKIP_DIRS = {"node_modules", ".git", "vendor", "dist", "build", ".venv", "venv", "__pycache__", "target"}

CALL_PATTERNS = {
    "py": [r"re\.(?:compile|match|search|fullmatch)\(\s*[rbu]*(['\"])(?P<rx>(?:\\.|(?!\1).)*)\1"],
    "js": [r"new RegExp\(\s*(['\"`])(?P<rx>(?:\\.|(?!\1).)*)\1", r"(?<![\w)\]])/(?P<rx>(?:\\/|[^/\n])+)/(?P<flags>[gimsuyd]*)"],
    "rb": [r"Regexp\.new\(\s*(['\"])(?P<rx>(?:\\.|(?!\1).)*)\1", r"(?<![\w)\]])/(?P<rx>(?:\\/|[^/\n])+)/(?P<flags>[imxo]*)", r"%r\{(?P<rx>[^}]+)\}"],
    "go": [r"regexp\.(?:MustCompile|Compile|MatchString)\(\s*[`\"](?P<rx>[^`\"]+)[`\"]"],
    "java": [r"Pattern\.compile\(\s*\"(?P<rx>(?:\\.|[^\"])*)\"", r"\.matches\(\s*\"(?P<rx>(?:\\.|[^\"])*)\""],
    "php": [r"preg_match\(\s*(['\"])(?P<d>.)(?P<rx>.*?)(?P=d)[imsxu]*\1"],
    "cs": [r"new Regex\(\s*@?\"(?P<rx>(?:\"\"|[^\"])*)\"", r"Regex\.IsMatch\([^,]+,\s*@?\"(?P<rx>(?:\"\"|[^\"])*)\""],
}
CONTEXT_NAMES = re.compile(r"allow|valid|whitelist|origin|redirect|safe|trust|host|domain|callback|return_?to|next_?url", re.I)
HOSTY = re.compile(r"[a-z0-9-]+(\\?\.)[a-z0-9-]+(\\?\.)?(com|org|net|io|dev|app|co|example|internal|local)\b", re.I)
SCHEMEY = re.compile(r"https?:|\\/\\/|//")


def flags_for(lang: str, rx: str, flags: str, line: str) -> list[str]:
    out = []
    core = rx.strip()
    if not (core.startswith("^") or core.startswith("\\A") or core.startswith("(?i)^")):
        out.append("NO_START")
    if not (core.endswith("$") or core.endswith("\\z") or core.endswith("\\Z")):
        out.append("NO_END")
    if re.search(r"(?<!\\)\.(?=[a-z0-9-]{2,})", core) and HOSTY.search(core.replace("\\.", ".")):
        if re.search(r"[a-z0-9-](?<!\\)\.[a-z]", core, re.I):
            out.append("DOT_HOST")
    if re.match(r"^\^[^()|]*\|", core) or re.search(r"\|[^()|]*\$$", core):
        out.append("ALT_PRECEDENCE")
    if lang == "rb" and ("^" in core or core.endswith("$")) and "\\A" not in core:
        out.append("RUBY_LINE_ANCHOR")
    if lang == "py" and core.endswith("$") and "fullmatch" not in line:
        out.append("PY_DOLLAR_NEWLINE")
    if lang == "py" and "re.match" in line and "NO_END" in out:
        out.append("PY_MATCH_PREFIX")
    if lang == "js" and "g" in (flags or "") and ".test(" in line:
        out.append("JS_GLOBAL_TEST")
    if "A-z" in core:
        out.append("RANGE_AZ")
    if HOSTY.search(core) and "i" not in (flags or "") and "(?i)" not in core and "IGNORECASE" not in line and "re.I" not in line:
        out.append("CASE")
    if SCHEMEY.search(core) and re.search(r"\.\*|\[\^/\]\*|\\S\*|\.\+", core.split("//", 1)[-1][:20]):
        out.append("USERINFO")
    return out


def looks_security_relevant(rx: str, line: str, prev: str) -> bool:
    return bool(HOSTY.search(rx) or SCHEMEY.search(rx) or CONTEXT_NAMES.search(line) or CONTEXT_NAMES.search(prev))


def scan_file(path: Path):
    lang = EXTS.get(path.suffix)
    if not lang:
        return
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith(("#", "//", "*")):
            continue
        prev = lines[i - 1] if i else ""
        for pat in CALL_PATTERNS[lang]:
            for m in re.finditer(pat, line):
                rx = m.group("rx")
                if len(rx) < 4:
                    continue
                fl = m.groupdict().get("flags") or ""
                if not looks_security_relevant(rx, line, prev):
                    continue
                flags = flags_for(lang, rx, fl, line)
                if "RegExp(" in line and ("+" in line or "join(" in line):
                    flags.append("DYNAMIC")
                if flags:
                    yield {"file": str(path), "line": i + 1, "lang": lang, "regex": rx, "flags": flags}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--format", choices=["table", "json"], default="table")
    args = ap.parse_args()

    hits = []
    for root in args.paths:
        if root.is_file():
            hits += list(scan_file(root))
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
            for fn in filenames:
                hits += list(scan_file(Path(dirpath) / fn))

    if args.format == "json":
        json.dump(hits, sys.stdout, indent=2)
        print()
    else:
        for h in hits:
            rx = h["regex"] if len(h["regex"]) < 70 else h["regex"][:67] + "..."
            print(f"{h['file']}:{h['line']}  [{h['lang']}]  {rx}")
            print(f"    {' '.join(h['flags'])}")
        print(f"\n{len(hits)} candidate validator regexes flagged (leads, not findings)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
