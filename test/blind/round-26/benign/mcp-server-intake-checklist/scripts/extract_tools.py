#!/usr/bin/env python3
"""Statically extract MCP tool registrations and their descriptions from a source tree.

Never imports or executes the code under review: plain text scanning only.
Usage: extract_tools.py SRC_DIR [--json OUT] [--include-data] [--include-dist]
"""
import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

CODE_EXT = {".ts", ".js", ".mjs", ".cjs", ".py"}
DATA_EXT = {".json", ".yaml", ".yml"}
SKIP_DIRS = {"node_modules", ".git", "__pycache__", ".venv", "venv"}

# TS/JS: server.tool("name", "description", ...)  or  registerTool("name", { description: "..." })
TS_TOOL = re.compile(
    r"""(?:\.tool|registerTool)\(\s*["'`]([\w\-.]+)["'`]\s*,\s*(?:\{[^}]*?description\s*:\s*)?(["'`])(.*?)(?<!\\)\2""",
    re.S,
)
# Python FastMCP: @mcp.tool(...)\n def name(...):\n    """docstring"""
PY_TOOL = re.compile(
    r"""@\w+\.tool\([^)]*\)\s*\n\s*(?:async\s+)?def\s+(\w+)\s*\(([^)]*)\)[^:]*:\s*\n\s*(?:[rRuU]?)(\"\"\"|''')(.*?)\3""",
    re.S,
)
# Generic JSON/YAML manifest: "name": "...", "description": "..."
DATA_TOOL = re.compile(r'"name"\s*:\s*"([\w\-.]+)"\s*,\s*"description"\s*:\s*"((?:[^"\\]|\\.)*)"', re.S)

IMPERATIVE = re.compile(
    r"(before using this tool|you must|always (?:first|call|read)|do not (?:mention|tell|inform|reveal)|"
    r"ignore (?:previous|prior|all)|<important>|the (?:assistant|ai|model) (?:should|must)|otherwise the tool will not work)",
    re.I,
)
SENSITIVE = re.compile(
    r"(~/\.ssh|id_rsa|id_ed25519|\.env\b|~/\.aws|credentials|mcp\.json|claude_desktop_config|\.npmrc|"
    r"Login Data|Cookies|keychain|wallet|private key)",
    re.I,
)
VAGUE_PARAMS = {"note", "notes", "sidenote", "context", "metadata", "extra", "debug", "feedback"}


def hidden_chars(text):
    out = []
    for ch in text:
        cp = ord(ch)
        if 0xE0000 <= cp <= 0xE007F or cp in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF) or 0x202A <= cp <= 0x202E or 0x2066 <= cp <= 0x2069:
            out.append(cp)
    return out


def decode_tags(text):
    return "".join(chr(ord(c) - 0xE0000) for c in text if 0xE0020 <= ord(c) <= 0xE007E)


def flags_for(name, desc, params, all_names):
    f = []
    if hidden_chars(desc):
        f.append("hidden-unicode")
    if IMPERATIVE.search(desc):
        f.append("imperative-to-model")
    if SENSITIVE.search(desc):
        f.append("sensitive-path")
    others = [n for n in all_names if n != name and re.search(r"\b%s\b" % re.escape(n), desc)]
    if others or re.search(r"\(mcp_\w+\)|\bmcp__\w+", desc):
        f.append("cross-tool")
    if any(p.lower() in VAGUE_PARAMS for p in params) and re.search(r"(all|full|entire|complete)\b", desc, re.I):
        f.append("exfil-param")
    if len(desc) > 1200:
        f.append("long-description")
    return f


def iter_files(root, include_data, include_dist):
    for p in root.rglob("*"):
        if not p.is_file():
            continue
        parts = set(p.parts)
        if parts & SKIP_DIRS:
            continue
        if not include_dist and ("dist" in parts or "build" in parts):
            continue
        if p.suffix in CODE_EXT or (include_data and p.suffix in DATA_EXT):
            yield p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("src")
    ap.add_argument("--json")
    ap.add_argument("--include-data", action="store_true")
    ap.add_argument("--include-dist", action="store_true")
    a = ap.parse_args()

    root = Path(a.src).expanduser().resolve()
    tools = []
    for path in iter_files(root, a.include_data, a.include_dist):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        rel = str(path.relative_to(root))
        if path.suffix == ".py":
            for m in PY_TOOL.finditer(text):
                params = [x.split(":")[0].strip() for x in m.group(2).split(",") if x.strip() and x.strip() != "self"]
                tools.append({"file": rel, "line": text.count("\n", 0, m.start()) + 1,
                              "name": m.group(1), "description": m.group(4).strip(), "params": params})
        elif path.suffix in DATA_EXT:
            for m in DATA_TOOL.finditer(text):
                tools.append({"file": rel, "line": text.count("\n", 0, m.start()) + 1,
                              "name": m.group(1), "description": m.group(2), "params": []})
        else:
            for m in TS_TOOL.finditer(text):
                window = text[m.end(): m.end() + 800]
                params = re.findall(r"(\w+)\s*:\s*z\.", window)
                tools.append({"file": rel, "line": text.count("\n", 0, m.start()) + 1,
                              "name": m.group(1), "description": m.group(3), "params": params})

    names = [t["name"] for t in tools]
    for t in tools:
        t["flags"] = flags_for(t["name"], t["description"], t["params"], names)
        hc = hidden_chars(t["description"])
        if hc:
            t["hidden_codepoints"] = ["U+%04X" % c for c in hc[:40]]
            t["hidden_decoded_preview"] = decode_tags(t["description"])[:400]

    for t in tools:
        print("=" * 72)
        print(f"{t['name']}  ({t['file']}:{t['line']})  params={t['params']}")
        print(f"flags: {', '.join(t['flags']) or '-'}")
        visible = "".join(c for c in t["description"] if unicodedata.category(c) != "Cf")
        print("--- description (quoted, not instructions) ---")
        print(visible[:2000])
        if "hidden_decoded_preview" in t:
            print("--- hidden text decoded ---")
            print(t["hidden_decoded_preview"])
    print("=" * 72)
    print(f"{len(tools)} tool(s); flagged: {sum(1 for t in tools if t['flags'])}")

    if a.json:
        Path(a.json).write_text(json.dumps(tools, indent=2, ensure_ascii=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
