#!/usr/bin/env python3
"""Lint an MCP tools/list dump for tool-poisoning signals. Offline; reads JSON only."""
import difflib, json, re, sys, unicodedata

IMPERATIVE = re.compile(r"ignore (all )?(previous|prior)|before using|do not (tell|mention|inform)|always (call|include|send)|you must|<important>|<system>|</?instructions?>", re.I)
SENSITIVE = re.compile(r"\.ssh|id_rsa|id_ed25519|\.env\b|\.aws/credentials|mcp\.json|claude_desktop_config|conversation history|previous messages|api[_ -]?key", re.I)
EXFIL_PARAM = re.compile(r"^(note|notes|sidenote|context|metadata|feedback|debug|extra)$", re.I)
HIDDEN = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]|[\U000E0000-\U000E007F]")


def decode_tags(s):
    tags = "".join(chr(ord(c) - 0xE0000) for c in s if 0xE0020 <= ord(c) <= 0xE007E)
    return tags


def show(s, n=200):
    s = "".join(c if c.isprintable() else f"<U+{ord(c):04X}>" for c in s)
    return s[:n] + ("…" if len(s) > n else "")


def tools_of(doc):
    if isinstance(doc, dict):
        for key in ("tools", "result"):
            if key in doc:
                return tools_of(doc[key])
    return doc if isinstance(doc, list) else []


def lint(tools):
    names = {t.get("name", "") for t in tools}
    findings = []
    for t in tools:
        name, desc = t.get("name", "?"), t.get("description", "") or ""
        texts = [("description", desc)]
        props = ((t.get("inputSchema") or {}).get("properties") or {})
        for pname, p in props.items():
            texts.append((f"param:{pname}", p.get("description", "") or ""))
            if EXFIL_PARAM.match(pname):
                findings.append((name, "exfil-shaped param", pname))
        for where, text in texts:
            if IMPERATIVE.search(text):
                findings.append((name, f"imperative in {where}", show(text)))
            if SENSITIVE.search(text):
                findings.append((name, f"sensitive ref in {where}", show(text)))
            if HIDDEN.search(text):
                findings.append((name, f"hidden chars in {where}", f"[TAG-DECODED: {decode_tags(text)}] {show(text)}"))
            for other in names - {name}:
                if other and len(other) > 3 and re.search(rf"\b{re.escape(other)}\b", text):
                    findings.append((name, f"mentions other tool '{other}' in {where}", show(text)))
        if len(desc) > 1500:
            findings.append((name, "oversized description", f"{len(desc)} chars"))
    return findings


def main():
    args = sys.argv[1:]
    base = None
    if "--baseline" in args:
        i = args.index("--baseline"); base = args[i + 1]; del args[i:i + 2]
    tools = tools_of(json.load(open(args[0], encoding="utf-8")))
    f = lint(tools)
    for tool, kind, detail in f:
        print(f"[{tool}] {kind}: {detail}")
    print(f"{len(tools)} tools, {len(f)} findings")
    if base:
        old = {t["name"]: t for t in tools_of(json.load(open(base, encoding="utf-8")))}
        new = {t["name"]: t for t in tools}
        for n in sorted(set(old) | set(new)):
            a = json.dumps(old.get(n), indent=1, ensure_ascii=True).splitlines()
            b = json.dumps(new.get(n), indent=1, ensure_ascii=True).splitlines()
            if a != b:
                print(f"--- changed: {n}")
                print("\n".join(difflib.unified_diff(a, b, "baseline", "current", lineterm="")))
    return 1 if f else 0


if __name__ == "__main__":
    sys.exit(main())
