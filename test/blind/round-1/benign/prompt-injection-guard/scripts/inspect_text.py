#!/usr/bin/env python3
"""Offline heuristics for spotting prompt injection in untrusted text."""
import argparse
import base64
import re
import sys
import unicodedata

HEURISTICS = [
    # (id, weight, regex, explanation)
    ("override", 3, r"(?i)\b(ignore|disregard|forget)\b.{0,30}\b(previous|prior|above|earlier)\b.{0,20}\b(instructions?|rules?|prompts?)", "asks to drop earlier instructions"),
    ("addressed-to-ai", 2, r"(?i)\b(ai|llm|assistant|agent|copilot|claude|model)s?\b[^.\n]{0,40}\b(must|should|need to|are required to|reading this)\b", "text addressed to an AI reader"),
    ("concealment", 3, r"(?i)\b(do not|don't|never)\s+(mention|tell|inform|reveal|show)\b|\bwithout (telling|asking|notifying)\b|\bsilently\b", "asks to hide an action"),
    ("secret-paths", 3, r"(?i)(~/\.ssh/|id_rsa|id_ed25519|\.aws/credentials|\.env\b|mcp\.json|\.npmrc|\.netrc|keychain)", "mentions credential files"),
    ("secret-vars", 2, r"\b[A-Z][A-Z0-9_]*(TOKEN|SECRET|API_KEY|PASSWORD)\b", "mentions secret-looking variables"),
    ("image-exfil", 3, r"!\[[^\]]*\]\(https?://[^)\s]+\?[^)\s]*=", "Markdown image with query parameters"),
    ("decode-follow", 3, r"(?i)\b(decode|base64|rot13|reverse)\b.{0,60}\b(follow|execute|run|obey)\b", "decode-and-follow instruction"),
    ("pipe-shell", 3, r"(curl|wget)[^|\n]{0,200}\|\s*(ba|z)?sh\b", "download piped to a shell"),
    ("config-persist", 3, r"(?i)(CLAUDE\.md|AGENTS\.md|settings\.json|mcp add|bypassPermissions|dangerously-skip-permissions|_BASE_URL)", "touches agent configuration"),
    ("important-tag", 2, r"(?i)<\s*(important|system|instructions?)\s*>", "pseudo-system tag"),
    ("html-comment-ai", 2, r"(?is)<!--(?=[^>]*\b(ai|assistant|agent|model)\b).*?-->", "HTML comment mentioning an AI"),
]
INVISIBLE = {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD}
BIDI = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))
B64 = re.compile(r"[A-Za-z0-9+/]{40,}={0,2}")


def show(ch: str) -> str:
    return f"<U+{ord(ch):04X}>"


def invisible_report(text: str):
    hits, tag_text = [], []
    for i, ch in enumerate(text):
        cp = ord(ch)
        if 0xE0000 <= cp <= 0xE007F:
            tag_text.append(chr(cp - 0xE0000) if 0x20 <= cp - 0xE0000 < 0x7F else "")
            hits.append((i, show(ch)))
        elif cp in INVISIBLE or cp in BIDI or unicodedata.category(ch) == "Cf":
            hits.append((i, show(ch)))
    return hits, "".join(tag_text)


def b64_blobs(text: str):
    out = []
    for m in B64.finditer(text):
        try:
            decoded = base64.b64decode(m.group(0), validate=True).decode("utf-8")
        except Exception:
            continue
        if decoded.isprintable():
            out.append(decoded[:120])
    return out


def inspect(name: str, text: str, threshold: int) -> int:
    score, lines = 0, []
    for hid, weight, rx, why in HEURISTICS:
        for m in re.finditer(rx, text):
            score += weight
            snippet = text[max(0, m.start() - 30): m.end() + 30].replace("\n", " ")
            lines.append(f"  [{hid}] {why}: …{snippet}…")
            break
    hits, tag_text = invisible_report(text)
    if hits:
        score += 4
        lines.append(f"  [invisible] {len(hits)} invisible/bidi characters, first at offset {hits[0][0]} {hits[0][1]}")
    if tag_text.strip():
        lines.append(f"  [tag-block] hidden text reads: {tag_text.strip()!r}")
    for blob in b64_blobs(text):
        score += 2
        lines.append(f"  [base64] decodes to readable text: {blob!r}")
    verdict = "clean" if score == 0 else "suspicious" if score < threshold else "hostile"
    print(f"{name}: {verdict} (score {score})")
    for line in lines:
        print(line)
    return {"clean": 0, "suspicious": 1, "hostile": 2}[verdict]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("files", nargs="*")
    ap.add_argument("--stdin", action="store_true")
    ap.add_argument("--threshold", type=int, default=6)
    ap.add_argument("--explain", action="store_true")
    args = ap.parse_args()
    if args.explain:
        for hid, weight, _, why in HEURISTICS:
            print(f"{hid:16} weight {weight}  {why}")
        print(f"{'invisible':16} weight 4  zero-width, tag-block or bidi control characters")
        print(f"{'base64':16} weight 2  long base64 run that decodes to text")
        return 0
    worst = 0
    if args.stdin:
        worst = inspect("<stdin>", sys.stdin.read(), args.threshold)
    for path in args.files:
        with open(path, encoding="utf-8", errors="replace") as fh:
            worst = max(worst, inspect(path, fh.read(), args.threshold))
    return worst


if __name__ == "__main__":
    sys.exit(main())
