#!/usr/bin/env python3
"""Find text that a browser hides but an LLM would read, and score it for injection.

Offline. Input: HTML / Markdown / text files or directories.
"""
import argparse
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
HIDDEN_CLASSES = {"sr-only", "visually-hidden", "hidden", "d-none", "screen-reader-text"}
INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]")
TAGS = re.compile("[\U000E0000-\U000E007F]+")

PHRASES = [
    (r"ignore (all |any )?(previous|prior|above|earlier) (instructions|prompts|rules)", 3),
    (r"\byou are now\b|developer mode|jailbreak", 2),
    (r"\b(as an|note to|attention|instruction for the)\s+(ai|llm|assistant|agent|model)s?\b", 3),
    (r"\b(ai|llm|assistant|agent|model)s?\s*:", 2),
    (r"do not (tell|mention|reveal|inform)|without telling", 2),
    (r"\b(email|send|post|upload|forward|paste|open|visit|fetch|run|execute|curl)\b", 1),
    (r"\b(password|api key|token|secret|credential|conversation|system prompt)s?\b", 1),
    (r"https?://", 1),
    (r"\b(recommend|rate|rank)\b.*\b(over|above|10/10|best)\b", 1),
]


def score(text):
    low = text.lower()
    return sum(w for rx, w in PHRASES if re.search(rx, low))


def defang(s):
    return re.sub(r"http(s?)://([^/\s\"'`]+)", lambda m: f"hxxp{m.group(1)}://{m.group(2).replace('.', '[.]')}", s)


def parse_style_blocks(html):
    """Map class names to hide-reasons from inline <style> blocks (simple selectors only)."""
    rules = {}
    for block in re.findall(r"<style[^>]*>(.*?)</style>", html, flags=re.S | re.I):
        for sel, body in re.findall(r"([^{}]+)\{([^}]*)\}", block):
            reason = style_reason(body)
            if reason:
                for cls in re.findall(r"\.([A-Za-z0-9_-]+)", sel):
                    rules[cls] = reason
    return rules


def style_reason(style, page_bg="#ffffff"):
    s = style.replace(" ", "").lower()
    if "display:none" in s:
        return "display:none"
    if "visibility:hidden" in s:
        return "visibility:hidden"
    if re.search(r"font-size:0(px|em|rem|%)?(;|$)|font-size:[01]px", s):
        return "font-size:0"
    if re.search(r"opacity:0(\.0+)?(;|$)", s):
        return "opacity:0"
    if re.search(r"(left|top|text-indent):-\d{3,}", s) or "clip:rect(0" in s:
        return "offscreen"
    m = re.search(r"(?<![-a-z])color:(#fff(fff)?|white)\b", s)
    if m:
        return "same-color"
    return None


class Splitter(HTMLParser):
    def __init__(self, class_rules):
        super().__init__(convert_charrefs=True)
        self.class_rules = class_rules
        self.stack = []  # (tag, reason or None)
        self.visible, self.hidden = [], []

    def _reason_for(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "style"):
            return "skip"
        if tag in ("noscript", "template"):
            return tag
        if "hidden" in a or a.get("aria-hidden") == "true":
            return "aria-hidden" if "aria-hidden" in a else "hidden-attr"
        r = style_reason(a.get("style") or "")
        if r:
            return r
        for cls in (a.get("class") or "").split():
            if cls in self.class_rules:
                return self.class_rules[cls]
        return None

    def current(self):
        for _, r in reversed(self.stack):
            if r:
                return r
        return None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for attr in ("alt", "title", "aria-label", "data-prompt"):
            if a.get(attr) and len(a[attr]) > 25:
                self.hidden.append((f"attr:{attr}", a[attr]))
        if tag == "meta" and a.get("content") and len(a["content"]) > 25:
            self.hidden.append(("meta", a["content"]))
        if tag not in VOID:
            self.stack.append((tag, self._reason_for(tag, attrs)))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_comment(self, data):
        if data.strip():
            self.hidden.append(("comment", data.strip()))

    def handle_data(self, data):
        if not data.strip():
            return
        reason = self.current()
        if reason == "skip":
            return
        (self.hidden.append((reason, data.strip())) if reason else self.visible.append(data))


def analyse(path: Path):
    raw = path.read_text(encoding="utf-8", errors="replace")
    findings = []
    if path.suffix.lower() in (".html", ".htm", ".xhtml"):
        sp = Splitter(parse_style_blocks(raw))
        sp.feed(raw)
        visible = " ".join(sp.visible)
        segments = sp.hidden
    else:
        visible = raw
        segments = [("comment", c) for c in re.findall(r"<!--(.*?)-->", raw, flags=re.S)]
    for reason, text in segments:
        findings.append({"reason": reason, "score": score(text), "text": defang(text[:300])})
    for m in TAGS.finditer(raw):
        decoded = "".join(chr(ord(c) - 0xE0000) for c in m.group(0))
        findings.append({"reason": "tag-chars", "score": score(decoded) + 2, "text": defang(decoded[:300])})
    zw = INVISIBLE.findall(raw)
    if zw:
        findings.append({"reason": "zero-width", "score": 1,
                         "text": f"{len(zw)} invisible chars: " + " ".join(sorted({f'U+{ord(c):04X}' for c in zw}))})
    return visible, findings


def iter_files(targets):
    for t in targets:
        p = Path(t)
        if p.is_dir():
            yield from (f for f in sorted(p.rglob("*")) if f.suffix.lower() in {".html", ".htm", ".md", ".txt", ".xhtml"})
        else:
            yield p


def selftest():
    corpus = Path(__file__).resolve().parent.parent / "assets" / "test-pages"
    expected = json.loads((corpus / "expected.json").read_text())
    ok = True
    for name, exp in expected.items():
        _, f = analyse(corpus / name)
        top = max((x["score"] for x in f), default=0)
        reasons = {x["reason"] for x in f if x["score"] >= 3}
        if "max_score_below" in exp and top >= exp["max_score_below"]:
            ok = False
            print(f"FAIL {name}: clean page scored {top}")
        for r in exp.get("reasons", []):
            if r not in reasons:
                ok = False
                print(f"FAIL {name}: expected reason {r}, got {sorted(reasons)}")
        print(f"{'ok  ' if ok else '    '} {name}: top score {top}")
    sys.exit(0 if ok else 1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("targets", nargs="*")
    ap.add_argument("--min-score", type=int, default=3)
    ap.add_argument("--json")
    ap.add_argument("--emit-visible")
    ap.add_argument("--selftest", action="store_true")
    a = ap.parse_args()
    if a.selftest:
        selftest()
    report = {}
    for f in iter_files(a.targets):
        visible, findings = analyse(f)
        shown = [x for x in findings if x["score"] >= a.min_score]
        report[str(f)] = shown
        print(f"== {f}: {len(shown)} suspicious hidden segment(s)")
        for x in sorted(shown, key=lambda x: -x["score"]):
            print(f"  [{x['score']}] {x['reason']}: {x['text']}")
        if a.emit_visible:
            flat = re.sub(r"[ \t]+", " ", visible).strip()
            with open(a.emit_visible, "a", encoding="utf-8") as fh:
                fh.write(f"\n### {f}\n{flat}\n")
    if a.json:
        Path(a.json).write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
