#!/usr/bin/env python3
"""Harvest fuzzing dictionary candidates from source code (stdlib only)."""
import argparse
import re
import struct
from pathlib import Path

EXT = {
    "c": {".c", ".h", ".cc", ".cpp", ".hpp", ".cxx"},
    "rust": {".rs"},
    "go": {".go"},
    "python": {".py"},
    "js": {".js", ".ts"},
}
STR_LIT = r'"((?:[^"\\\n]|\\.){1,128})"'
CMP_CONTEXT = re.compile(
    r"(?:strn?case?cmp|memcmp|strncmp|strstr|starts_?with|startsWith|HasPrefix|HasSuffix|Equal|==|!=|eq\()"
    r"[^;\n]{0,80}?" + STR_LIT)
BYTE_STR = re.compile(r'b"((?:[^"\\\n]|\\.){1,128})"')
CHAR_CASE = re.compile(r"case\s+'((?:[^'\\]|\\.){1,4})'\s*:")
INT_CMP = re.compile(r"(?:==|!=)\s*(0x[0-9a-fA-F]{4,16})\b|\b(0x[0-9a-fA-F]{4,16})\s*(?:==|!=)")
MAGIC_DEF = re.compile(r"(?:#define|const\s+\w+|static\s+const\s+\w+)\s+\w*(?:MAGIC|SIG|TAG_|OP_|HEADER|KEYWORD)\w*\s*=?\s*(\"[^\"]{1,64}\"|0x[0-9a-fA-F]+)", re.I)
LOG_CALL = re.compile(r"\b(?:printf|fprintf|log\w*|LOG\w*|warn\w*|err\w*|panic|assert\w*|println!?|console\.\w+)\s*\(")


def c_unescape(s: str) -> bytes:
    out = bytearray()
    i = 0
    simple = {"n": 10, "r": 13, "t": 9, "0": 0, "\\": 92, '"': 34, "'": 39, "a": 7, "b": 8, "f": 12, "v": 11}
    while i < len(s):
        ch = s[i]
        if ch == "\\" and i + 1 < len(s):
            nxt = s[i + 1]
            if nxt == "x":
                m = re.match(r"[0-9a-fA-F]{1,2}", s[i + 2:])
                if m:
                    out.append(int(m.group(0), 16))
                    i += 2 + len(m.group(0))
                    continue
            if nxt in simple:
                out.append(simple[nxt])
                i += 2
                continue
        out.extend(ch.encode("utf-8"))
        i += 1
    return bytes(out)


def dict_escape(b: bytes) -> str:
    parts = []
    for byte in b:
        c = chr(byte)
        if c == "\\":
            parts.append("\\\\")
        elif c == '"':
            parts.append('\\"')
        elif 0x20 <= byte < 0x7F:
            parts.append(c)
        else:
            parts.append(f"\\x{byte:02x}")
    return "".join(parts)


def looks_like_prose(b: bytes) -> bool:
    return len(b) > 24 and b.count(b" ") >= 3


def harvest(paths, lang):
    tokens = {}
    exts = EXT.get(lang, set().union(*EXT.values()))
    files = []
    for p in paths:
        p = Path(p)
        files.extend([p] if p.is_file() else [f for f in p.rglob("*") if f.suffix in exts])
    for f in files:
        try:
            text = f.read_text(errors="replace")
        except OSError:
            continue
        for lineno, line in enumerate(text.splitlines(), 1):
            if LOG_CALL.search(line):
                continue
            where = f"{f.name}:{lineno}"
            for m in CMP_CONTEXT.finditer(line):
                b = c_unescape(m.group(1))
                if len(b) >= 2 and not looks_like_prose(b):
                    tokens.setdefault(b, where)
            for m in BYTE_STR.finditer(line):
                b = c_unescape(m.group(1))
                if len(b) >= 2:
                    tokens.setdefault(b, where)
            for m in CHAR_CASE.finditer(line):
                b = c_unescape(m.group(1))
                if len(b) >= 2:
                    tokens.setdefault(b, where)
            for m in INT_CMP.finditer(line):
                val = int(m.group(1) or m.group(2), 16)
                width = 8 if val > 0xFFFFFFFF else 4 if val > 0xFFFF else 2
                fmt = {2: "H", 4: "I", 8: "Q"}[width]
                tokens.setdefault(struct.pack("<" + fmt, val), where + " (le)")
                tokens.setdefault(struct.pack(">" + fmt, val), where + " (be)")
            for m in MAGIC_DEF.finditer(line):
                v = m.group(1)
                if v.startswith('"'):
                    tokens.setdefault(c_unescape(v[1:-1]), where + " (def)")
                else:
                    val = int(v, 16)
                    n = max(1, (val.bit_length() + 7) // 8)
                    tokens.setdefault(val.to_bytes(n, "big"), where + " (def be)")
                    tokens.setdefault(val.to_bytes(n, "little"), where + " (def le)")
    return tokens


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--lang", choices=list(EXT) + ["any"], default="any")
    ap.add_argument("--out", default="-")
    args = ap.parse_args()
    tokens = harvest(args.paths, args.lang)
    lines = [f"# harvested by harvest.py from {', '.join(args.paths)}", f"# {len(tokens)} tokens"]
    for i, (b, where) in enumerate(sorted(tokens.items(), key=lambda kv: kv[1])):
        lines.append(f'# {where}\nh{i}="{dict_escape(b)}"')
    text = "\n".join(lines) + "\n"
    if args.out == "-":
        print(text, end="")
    else:
        Path(args.out).write_text(text)
        print(f"{len(tokens)} tokens -> {args.out}")


if __name__ == "__main__":
    main()
