#!/usr/bin/env python3
"""Screen an extracted document corpus for indirect prompt injection before embedding.

  scan_corpus.py CORPUS_DIR --manifest ingest-manifest.jsonl [--report scan-report.md]
                 [--sources sources.yaml] [--tools tools.txt]
"""
import argparse
import html.parser
import json
import os
import re
import sys

HIJACK = [
    r"\b(ignore|disregard|forget|override)\b[^.\n]{0,40}\b(previous|prior|above|earlier|all)\b[^.\n]{0,20}\b(instructions?|prompts?|rules|directions)\b",
    r"ignore[zr]?\s+les\s+instructions\s+pr[ée]c[ée]dentes",
    r"ignoriere\s+(alle\s+)?vorherigen\s+anweisungen",
    r"ignora\s+(todas\s+)?las\s+instrucciones\s+anteriores",
    r"ignore\s+as\s+instru[çc][õo]es\s+anteriores",
    r"以前の指示を無視",
    r"忽略(之前|以上)的?(所有)?(指令|指示)",
]
ROLE_SWITCH = r"\b(you are now|new system prompt|developer mode|maintenance mode|jailbreak mode)\b"
FAKE_DELIM = r"(</(document|context|source|search_results?)>|<\|im_end\|>)\s*\S"
CHAT_TOKENS = r"(<\|im_start\|>|\[INST\]|<<SYS>>|^###\s*(Human|System)\s*:)"
EXFIL_IMG = r"!\[[^\]]*\]\((https?://[^)\s]*(\{[^}]+\}|[?&](data|q|conv|chat|secret|token|ctx)=)[^)]*)\)"
EXFIL_INSTR = r"\b(append|include|add|encode|put)\b[^.\n]{0,60}\b(conversation|previous (message|question)s?|chat history|api keys?|credentials|password|system prompt)\b[^.\n]{0,60}\b(url|link|image|query)\b"
CALLBACK = r"\b(tell|inform|instruct)\s+(the\s+)?user\b[^.\n]{0,80}\b(call|text|whatsapp|message)\b[^.\n]{0,30}\+?\d[\d\s().-]{6,}"
AI_ADDRESS = r"\b(ai|assistant|model|llm|chatbot|gpt|claude)\b"
ZW = re.compile(r"[A-Za-z][\u200b\u200c\u200d\u2060\ufeff]+[A-Za-z]")
BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
TAGS = re.compile(r"[\U000E0000-\U000E007F]+")
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(px|pt|em)?\b|opacity\s*:\s*0(\.0+)?\b|(left|top)\s*:\s*-\d{3,}px|color\s*:\s*(#fff\b|#ffffff|white)", re.I)

TEXT_EXT = {".txt", ".md", ".markdown", ".csv", ".json", ".jsonl", ".html", ".htm", ".xml", ".rst"}


def visible(s):
    return "".join("<U+%04X>" % ord(c) if (0x200B <= ord(c) <= 0x200D or ord(c) in (0x2060, 0xFEFF) or 0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069 or 0xE0000 <= ord(c) <= 0xE007F) else c for c in s)


class HiddenHTML(html.parser.HTMLParser):
    """Collect text inside hidden elements and HTML comments."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.hidden_text = []
        self.comments = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        hidden = bool(HIDDEN_STYLE.search(a.get("style") or "")) or "hidden" in a or a.get("aria-hidden") == "true"
        if tag in ("br", "img", "meta", "link", "input", "hr"):
            return
        self.stack.append(hidden or (self.stack[-1] if self.stack else False))

    def handle_endtag(self, tag):
        if self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1] and data.strip():
            self.hidden_text.append(data.strip())

    def handle_comment(self, data):
        if data.strip():
            self.comments.append(data.strip())


def find(rx, text, flags=re.I | re.M):
    return [(m.start(), m.group(0)) for m in re.finditer(rx, text, flags)]


def scan_text(text, tools):
    hits = []
    for rx in HIJACK:
        hits += [("hijack-ignore-previous", "high", o, s) for o, s in find(rx, text)]
    hits += [("hijack-role-switch", "high", o, s) for o, s in find(ROLE_SWITCH, text) if re.search(AI_ADDRESS, text[max(0, o - 200):o + 200], re.I)]
    hits += [("fake-delimiter", "high", o, s) for o, s in find(FAKE_DELIM, text)]
    hits += [("chat-role-tokens", "medium", o, s) for o, s in find(CHAT_TOKENS, text)]
    hits += [("exfil-image-template", "high", o, s) for o, s in find(EXFIL_IMG, text)]
    hits += [("exfil-instruction", "high", o, s) for o, s in find(EXFIL_INSTR, text)]
    hits += [("phone-callback-lure", "low", o, s) for o, s in find(CALLBACK, text)]
    hits += [("zero-width", "medium", m.start(), m.group(0)) for m in ZW.finditer(text)]
    hits += [("bidi-control", "medium", m.start(), text[max(0, m.start() - 20):m.end() + 20]) for m in BIDI.finditer(text)]
    for m in TAGS.finditer(text):
        decoded = "".join(chr(ord(c) - 0xE0000) for c in m.group(0) if 0xE0020 <= ord(c) <= 0xE007E)
        hits.append(("unicode-tags", "high", m.start(), "tag-encoded text: " + decoded))
    for t in tools:
        hits += [("tool-call-imitation", "medium", o, s) for o, s in find(r'["\']?(tool|function|name)["\']?\s*[:=]\s*["\']%s["\']' % re.escape(t), text)]
    return hits


def scan_html(raw):
    p = HiddenHTML()
    try:
        p.feed(raw)
    except Exception:
        return []
    hits = []
    for t in p.hidden_text:
        if len(t) > 15:
            sev = "high" if scan_text(t, []) else "medium"
            hits.append(("hidden-css", sev, -1, t))
    for c in p.comments:
        if re.search(AI_ADDRESS, c, re.I) and re.search(r"\b(you must|you should|do not|always|never|ignore|instead)\b", c, re.I):
            hits.append(("html-comment-imperative", "medium", -1, c))
    return hits


def load_sources(path):
    expected = set()
    if path and os.path.exists(path):
        import yaml
        with open(path, encoding="utf-8") as fh:
            for src in yaml.safe_load(fh).get("sources", []):
                if src.get("expected_injection_examples"):
                    expected.add(os.path.normpath(src["path"]))
    return expected


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--manifest", required=True)
    ap.add_argument("--report")
    ap.add_argument("--sources")
    ap.add_argument("--tools")
    args = ap.parse_args()
    tools = []
    if args.tools:
        with open(args.tools, encoding="utf-8") as fh:
            tools = [l.strip() for l in fh if l.strip()]
    expected = load_sources(args.sources)

    rows, report = [], ["# RAG ingestion scan", ""]
    for dirpath, _, files in os.walk(args.corpus):
        for name in sorted(files):
            path = os.path.join(dirpath, name)
            if os.path.splitext(name)[1].lower() not in TEXT_EXT:
                continue
            with open(path, encoding="utf-8", errors="replace") as fh:
                raw = fh.read()
            hits = scan_text(raw, tools)
            if name.lower().endswith((".html", ".htm")):
                hits += scan_html(raw)
            if any(os.path.normpath(path).startswith(e) for e in expected):
                hits = [(r, "info", o, s) for r, _, o, s in hits]
            worst = "high" if any(h[1] == "high" for h in hits) else "medium" if any(h[1] == "medium" for h in hits) else ("info" if hits else "none")
            action = "quarantine" if worst == "high" else ("review" if worst == "medium" else "index")
            rows.append({"path": path, "action": action, "severity": worst, "rules": sorted({h[0] for h in hits})})
            if hits:
                report.append("## %s (%s -> %s)" % (path, worst, action))
                for rule, sev, off, snip in hits[:20]:
                    report.append("- `%s` [%s] @%s: `%s`" % (rule, sev, off, visible(snip)[:200].replace("`", "'")))
                report.append("")
    with open(args.manifest, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    if args.report:
        with open(args.report, "w", encoding="utf-8") as fh:
            fh.write("\n".join(report) + "\n")
    counts = {}
    for r in rows:
        counts[r["action"]] = counts.get(r["action"], 0) + 1
    print("scanned %d documents: %s" % (len(rows), ", ".join("%s=%d" % kv for kv in sorted(counts.items()))))


if __name__ == "__main__":
    main()
