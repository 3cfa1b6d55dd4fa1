#!/usr/bin/env python3
"""Heuristic prompt-injection screen for untrusted text. Reads a file or stdin."""
import argparse
import json
import re
import sys
import unicodedata

PATTERNS = {
    "override": [
        r"ignore (?:all |any )?(?:the )?(?:previous|prior|above|earlier) (?:instructions|prompts|rules)",
        r"disregard (?:all |the )?(?:above|previous|prior)",
        r"forget (?:everything|all) (?:you were|above|previous)",
        r"you are now (?:a|an|in) ",
        r"new (?:system )?instructions?:",
        r"override (?:your|the) (?:instructions|guidelines|rules)",
    ],
    "role-spoof": [
        r"^\s*(?:system|assistant)\s*:",
        r"<\|im_start\|>\s*system",
        r"\[/?INST\]",
        r"(?:message|note) (?:from|by) (?:the )?(?:developer|system|administrator|anthropic|openai)",
        r"^\s*#+\s*(?:system prompt|important instructions for (?:the )?(?:ai|assistant|agent))",
    ],
    "secrecy": [
        r"(?:do not|don't|never) (?:tell|inform|mention|reveal|show) (?:this |it )?(?:to )?the user",
        r"without (?:asking|telling|notifying) the user",
        r"\bsilently\b",
        r"keep this (?:secret|hidden|between us)",
    ],
    "data-access": [
        r"(?:read|open|cat|print|send|include|attach)\b[^\n]{0,40}(?:\.env\b|id_rsa|id_ed25519|\.ssh/|\.aws/credentials|\.npmrc|\.netrc|kube/config)",
        r"(?:api[_ ]?keys?|access tokens?|passwords?|cookies|session tokens?)\b[^\n]{0,30}(?:send|post|upload|include|paste)",
    ],
    "leak-link": [
        r"!\[[^\]]*\]\(https?://[^)]*[?&][^)]*=\{[^}]+\}",
        r"append (?:the|your|all) [^\n]{0,40} to (?:the|this) (?:url|link|query)",
        r"https?://[^\s)]*\?(?:[^\s)]*&)?(?:data|q|d|secret|token|ctx)=\$?\{",
    ],
    "tool-abuse": [
        r"curl [^\n|]*\|\s*(?:ba|z)?sh",
        r"(?:run|execute) (?:the following|this) (?:command|script)",
        r"(?:auto[- ]?approve|skip (?:the )?confirmation|dangerously-skip-permissions)",
        r"call (?:the )?[\w.-]+ tool with",
    ],
}

WEIGHTS = {"override": 3, "role-spoof": 2, "secrecy": 3, "data-access": 3,
           "leak-link": 4, "tool-abuse": 2, "hidden-text": 2}

HIDDEN_CSS = re.compile(r"(?i)(display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0|color\s*:\s*(?:#fff(?:fff)?|white)\b)")
HTML_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
INVISIBLE = {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x180E}
BIDI = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))


def escape_invisible(s: str) -> str:
    out = []
    for ch in s:
        cp = ord(ch)
        if cp in INVISIBLE or cp in BIDI or 0xE0000 <= cp <= 0xE007F or unicodedata.category(ch) == "Cf":
            out.append(f"<U+{cp:04X}>")
        else:
            out.append(ch)
    return "".join(out)


def decode_tag_chars(s: str) -> str:
    """Unicode tag characters mirror ASCII; show what they spell so the user can see it."""
    return "".join(chr(ord(c) - 0xE0000) for c in s if 0xE0020 <= ord(c) <= 0xE007E)


def screen(text: str):
    hits = []
    lines = text.splitlines()
    for i, line in enumerate(lines, 1):
        low = line.lower()
        for cat, pats in PATTERNS.items():
            for p in pats:
                flags = re.I | (re.M if p.startswith("^") else 0)
                if re.search(p, low if not p.startswith("^") else line, flags):
                    hits.append({"line": i, "category": cat, "pattern": p,
                                 "excerpt": escape_invisible(line.strip())[:160]})
                    break
        odd = [c for c in line if ord(c) in INVISIBLE or ord(c) in BIDI or 0xE0000 <= ord(c) <= 0xE007F]
        if odd:
            tagged = decode_tag_chars(line)
            hits.append({"line": i, "category": "hidden-text",
                         "pattern": f"{len(odd)} invisible/control char(s)",
                         "excerpt": escape_invisible(line.strip())[:160],
                         **({"tag_text": tagged} if tagged else {})})
        if HIDDEN_CSS.search(line):
            hits.append({"line": i, "category": "hidden-text", "pattern": "hiding CSS",
                         "excerpt": line.strip()[:160]})
    for m in HTML_COMMENT.finditer(text):
        body = m.group(1).strip()
        if len(body) > 20 and re.search(r"(?i)\b(assistant|ai|agent|llm|claude|you must|instruction)", body):
            line = text[: m.start()].count("\n") + 1
            hits.append({"line": line, "category": "hidden-text", "pattern": "HTML comment addressed to an AI",
                         "excerpt": escape_invisible(body)[:160]})
    score = sum(WEIGHTS[h["category"]] for h in hits)
    level = "none" if score == 0 else "low" if score < 3 else "medium" if score < 7 else "high"
    return {"risk": level, "score": score, "hits": hits}


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("path", help="file to screen, or - for stdin")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    text = sys.stdin.read() if a.path == "-" else open(a.path, encoding="utf-8", errors="replace").read()
    res = screen(text)
    if a.json:
        print(json.dumps(res, indent=2, ensure_ascii=True))
        return
    print(f"risk: {res['risk']} (score {res['score']})")
    for h in res["hits"]:
        extra = f"  [tag chars spell: {h['tag_text']!r}]" if "tag_text" in h else ""
        print(f"  line {h['line']:>4}  {h['category']:<12} {h['excerpt']}{extra}")


if __name__ == "__main__":
    main()
