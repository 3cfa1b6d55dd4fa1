#!/usr/bin/env python3
"""Heuristic prompt-injection scanner. Scans text as data; never executes or fetches anything it reads.

  detect.py FILE|DIR|- [--recursive] [--json]
  detect.py --eval corpus.jsonl
"""
import argparse
import base64
import binascii
import codecs
import json
import re
import sys
import unicodedata
from pathlib import Path

THRESHOLD = 0.5

OVERRIDE = re.compile(
    r"(?i)\b(ignore|disregard|forget)\s+(all\s+|any\s+)?(the\s+|your\s+)?"
    r"(previous|prior|above|earlier|preceding)?\s*(instructions|prompts|rules|guidelines|directions)\b"
    r"|\byou are now (dan|in (developer|maintenance) mode|an unrestricted)"
    r"|\b(new|updated) system prompt\s*:"
    r"|\bsafety rules are suspended\b"
)
ROLE = re.compile(r"(?im)^\s*(system\s*:|#{1,3}\s*system\b|<\|im_start\|>\s*system|<\|system\|>|\[INST\]|<<SYS>>)")
SECRET = re.compile(
    r"(?i)(~/\.ssh/|id_rsa|id_ed25519|\.aws/credentials|(?<![\w.])\.env\b|mcp\.json|kubeconfig|system prompt|api[_ ]?key|private repositor)"
)
SECRET_VERB = re.compile(r"(?i)\b(read|send|include|paste|upload|pass|print|show|add|post|reveal|output)\b")
COERCE = re.compile(
    r"(?i)(run the following|call the \w+ tool|execute (this|the following)|without asking|"
    r"do(n'?t| not) (tell|mention|inform)|never mention)"
)
HTML_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
HIDDEN_CSS = re.compile(r"(?is)<[^>]+style\s*=\s*\"[^\"]*(display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0)[^\"]*\"[^>]*>(.*?)</")
ADDRESSED = re.compile(r"(?i)\b(assistant|ai|agent|claude|copilot|llm|model)\b")
MD_IMAGE = re.compile(r"!\[[^\]]*\]\((https?://[^)\s]+)\)")
B64 = re.compile(r"(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{24,}={0,2}(?![A-Za-z0-9+/=])")
HEX = re.compile(r"\b(?:[0-9a-fA-F]{2}){16,}\b")
INVISIBLE = {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069}


def show(s: str, n: int = 120) -> str:
    out = []
    for ch in s[: n * 2]:
        cp = ord(ch)
        if cp in INVISIBLE or 0xE0000 <= cp <= 0xE007F:
            out.append(f"<U+{cp:04X}>")
        else:
            out.append(ch)
    s = "".join(out).replace("\n", "⏎")
    return s[:n] + ("…" if len(s) > n else "")


def text_signals(text: str) -> list[tuple[str, float, str]]:
    hits = []
    if m := OVERRIDE.search(text):
        hits.append(("override-phrase", 0.45, m.group(0)))
    if m := ROLE.search(text):
        hits.append(("role-spoof", 0.35, m.group(0)))
    if SECRET.search(text) and SECRET_VERB.search(text) and (OVERRIDE.search(text) or COERCE.search(text) or ADDRESSED.search(text)):
        hits.append(("secret-request", 0.35, SECRET.search(text).group(0)))
    if m := COERCE.search(text):
        hits.append(("tool-coercion", 0.25, m.group(0)))
    return hits


def decode_candidates(text: str):
    for m in B64.finditer(text):
        try:
            raw = base64.b64decode(m.group(0) + "=" * (-len(m.group(0)) % 4), validate=True)
            s = raw.decode("utf-8")
            if s.isprintable():
                yield "base64", s
        except (binascii.Error, UnicodeDecodeError):
            pass
    for m in HEX.finditer(text):
        try:
            s = bytes.fromhex(m.group(0)).decode("utf-8")
            if s.isprintable():
                yield "hex", s
        except (ValueError, UnicodeDecodeError):
            pass
    for line in text.splitlines():
        if re.fullmatch(r"[A-Za-z ,.'!?]{12,}", line.strip()):
            yield "rot13", codecs.decode(line, "rot13")


def scan(text: str) -> dict:
    findings = []

    def add(signal, score, excerpt):
        findings.append({"signal": signal, "score": score, "excerpt": show(excerpt)})

    for sig, sc, ex in text_signals(text):
        add(sig, sc, ex)

    invisible = [ch for ch in text if ord(ch) in INVISIBLE and not (ch == "\ufeff" and text.startswith(ch))]
    tags = "".join(chr(ord(ch) - 0xE0000) for ch in text if 0xE0020 <= ord(ch) <= 0xE007E)
    if invisible or tags:
        revealed = tags or "".join(ch for ch in text if ord(ch) not in INVISIBLE)
        score = 0.4 + (0.3 if tags or text_signals(revealed) else 0.0)
        add("invisible-unicode", score, f"{len(invisible)} zero-width/bidi, tag text: {tags!r}" if tags else f"{len(invisible)} zero-width/bidi chars")

    for m in HTML_COMMENT.finditer(text):
        body = m.group(1)
        if ADDRESSED.search(body) or text_signals(body):
            add("hidden-html", 0.3, body)
    for m in HIDDEN_CSS.finditer(text):
        add("hidden-html", 0.3, m.group(2))

    for kind, decoded in decode_candidates(text):
        inner = [s for s, _, _ in text_signals(decoded) if s in ("override-phrase", "secret-request")]
        if not inner and kind != "rot13":
            if SECRET.search(decoded) and SECRET_VERB.search(decoded):
                inner = ["secret-request"]
        if inner:
            add("encoded-instruction", 0.4, f"{kind} → {decoded}")

    for m in MD_IMAGE.finditer(text):
        url = m.group(1)
        query = url.split("?", 1)[1] if "?" in url else ""
        if re.search(r"[{}$]|%7B|%24", query) or any(len(v) > 100 for v in query.split("&")):
            add("exfil-image", 0.4, url)

    total = min(1.0, sum(f["score"] for f in findings))
    return {"score": round(total, 2), "likely_injection": total >= THRESHOLD, "findings": findings}


def evaluate(corpus: Path) -> int:
    tp = fp = fn = tn = 0
    wrong = []
    for line in corpus.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        pred = scan(rec["text"])["likely_injection"]
        actual = rec["label"] == "injection"
        if pred and actual:
            tp += 1
        elif pred and not actual:
            fp += 1
            wrong.append(f"FP {rec['id']} ({rec['technique']})")
        elif actual:
            fn += 1
            wrong.append(f"FN {rec['id']} ({rec['technique']})")
        else:
            tn += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"tp={tp} fp={fp} fn={fn} tn={tn}")
    print(f"precision={precision:.2f} recall={recall:.2f} f1={f1:.2f} (threshold {THRESHOLD})")
    for w in wrong:
        print("  " + w)
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("target", nargs="?")
    ap.add_argument("--recursive", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--eval", metavar="CORPUS")
    a = ap.parse_args()

    if a.eval:
        return evaluate(Path(a.eval))
    if not a.target:
        ap.error("give a file, directory or '-'")

    if a.target == "-":
        items = [("<stdin>", sys.stdin.read())]
    else:
        p = Path(a.target)
        files = sorted(p.rglob("*") if a.recursive else p.iterdir()) if p.is_dir() else [p]
        items = [(str(f), f.read_text(encoding="utf-8", errors="replace")) for f in files if f.is_file()]

    results = {name: scan(text) for name, text in items}
    if a.json:
        print(json.dumps(results, indent=2, ensure_ascii=True))
    else:
        for name, r in results.items():
            if not r["findings"]:
                continue
            flag = "LIKELY INJECTION" if r["likely_injection"] else "suspicious"
            print(f"{name}: {flag} (score {r['score']})")
            for f in r["findings"]:
                print(f"  - {f['signal']:<20} +{f['score']:.2f}  {f['excerpt']}")
    return 1 if any(r["likely_injection"] for r in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
