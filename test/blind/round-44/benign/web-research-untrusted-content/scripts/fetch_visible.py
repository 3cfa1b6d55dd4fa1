#!/usr/bin/env python3
"""Fetch a URL (or read a local .html) and split visible text from hidden text; flag AI-directed phrases.

Usage: fetch_visible.py <url-or-file> [--max-bytes 3000000]
Only fetches the single URL given; does not follow links or run scripts.
"""
import re
import sys
import urllib.request
from html.parser import HTMLParser

HIDE_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?:px|em|rem)?\b|opacity\s*:\s*0(?:\.0+)?\b"
    r"|color\s*:\s*(?:#fff(?:fff)?|white|transparent)\b|(?:height|width)\s*:\s*[01]px|clip\s*:\s*rect\(0",
    re.I,
)
SKIP = {"script", "style", "template", "svg"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
FLAG_PATTERNS = [
    r"ignore (all |any )?(previous|prior|above) (instructions|prompts)",
    r"\b(system|developer) (prompt|message|instructions?)\s*:",
    r"\b(ai|llm|assistant|agent|claude|chatgpt|copilot)s?\b.{0,40}\b(must|should|need to|are required to)\b",
    r"do not (mention|tell|reveal|inform)",
    r"curl\s+[^|\n]{0,200}\|\s*(ba|z)?sh",
    r"base64\s+(-d|--decode)",
    r"\beval\b\s*\(",
    r"~/\.(ssh|aws|config|npmrc|netrc)|id_(rsa|ed25519)",
    r"!\[[^\]]*\]\(https?://[^)]*\{",
]


class Splitter(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, hidden)
        self.skip = 0
        self.visible, self.hidden = [], []

    def _is_hidden_now(self):
        return any(h for _, h in self.stack)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in SKIP:
            self.skip += 1
            return
        if tag in VOID:
            if tag == "img" and a.get("alt"):
                (self.hidden if self._is_hidden_now() else self.visible).append(f"[img alt] {a['alt']}")
            return
        hidden = (
            "hidden" in a
            or a.get("aria-hidden") == "true"
            or bool(HIDE_STYLE.search(a.get("style") or ""))
            or tag == "noscript"
        )
        self.stack.append((tag, hidden))

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)
            return
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if self.skip:
            return
        text = data.strip()
        if not text:
            return
        if ZERO_WIDTH.search(text):
            self.hidden.append("[zero-width chars] " + ZERO_WIDTH.sub("", text))
            text = ZERO_WIDTH.sub("", text)
        (self.hidden if self._is_hidden_now() else self.visible).append(text)

    def handle_comment(self, data):
        if data.strip():
            self.hidden.append("[html comment] " + data.strip())


def load(src: str, max_bytes: int) -> str:
    if re.match(r"^https?://", src):
        req = urllib.request.Request(src, headers={"User-Agent": "fetch-visible/1.0 (research helper)"})
        with urllib.request.urlopen(req, timeout=20) as r:
            raw = r.read(max_bytes)
            charset = r.headers.get_content_charset() or "utf-8"
        return raw.decode(charset, errors="replace")
    return open(src, encoding="utf-8", errors="replace").read()


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    max_bytes = int(sys.argv[sys.argv.index("--max-bytes") + 1]) if "--max-bytes" in sys.argv else 3_000_000
    doc = load(sys.argv[1], max_bytes)
    p = Splitter()
    p.feed(doc)
    print("=== VISIBLE ===")
    print("\n".join(p.visible))
    print("\n=== HIDDEN ===")
    print("\n".join(p.hidden) or "(none)")
    print("\n=== FLAGS ===")
    found = False
    for section, lines in (("visible", p.visible), ("hidden", p.hidden)):
        for line in lines:
            for pat in FLAG_PATTERNS:
                if re.search(pat, line, re.I):
                    print(f"[{section}] /{pat}/  ->  {line[:200]}")
                    found = True
                    break
    if not found:
        print("(none)")


if __name__ == "__main__":
    main()
