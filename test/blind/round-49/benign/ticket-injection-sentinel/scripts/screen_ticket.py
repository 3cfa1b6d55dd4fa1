#!/usr/bin/env python3
"""Screen support-ticket text for prompt-injection patterns. Output JSON verdict."""
import argparse
import json
import re
import sys

HIDDEN = re.compile("[\u200b-\u200f\u2060-\u2064\u202a-\u202e\U000e0000-\U000e007f]")
RULES = {
    "ROLE_OVERRIDE": re.compile(r"\b(ignore|disregard|forget)\b.{0,30}\b(previous|prior|above|earlier)\b.{0,20}\b(instructions?|rules|prompt)", re.I),
    "ROLE_CLAIM": re.compile(r"\byou are now\b|\bact as (the )?(admin|administrator|system)\b|\bsystem prompt\b", re.I),
    "TOOL_REQUEST": re.compile(r"\b(use|call|run|execute)\b.{0,25}\b(sql|database|tool|query|shell|command)\b", re.I),
    "SQL_TEXT": re.compile(r"\bselect\s+\*?\s*[\w,\s]*\bfrom\s+\w+", re.I),
    "EXFIL_LINK": re.compile(r"!\[[^\]]*\]\(https?://[^)]*[?&][^)]*=", re.I),
    "SECRECY": re.compile(r"\b(do not|don't|never)\b.{0,20}\b(tell|mention|inform|reveal)\b", re.I),
    "ADDRESS_CHANGE": re.compile(r"\b(forward|send|redirect)\b.{0,40}\b(all|future)\b.{0,30}\b(invoices?|emails?|payments?)\b", re.I),
    "ENCODED": re.compile(r"(decode|base64).{0,40}(follow|execute|run)|[A-Za-z0-9+/]{120,}={0,2}", re.I),
}
STRONG = {"ROLE_OVERRIDE", "TOOL_REQUEST", "EXFIL_LINK", "HIDDEN_TEXT"}


def screen(text: str) -> dict:
    hits = []
    for n, line in enumerate(text.splitlines(), 1):
        if HIDDEN.search(line):
            hits.append({"rule": "HIDDEN_TEXT", "line": n, "excerpt": HIDDEN.sub("\u2423", line)[:120]})
        for name, rx in RULES.items():
            if rx.search(line):
                hits.append({"rule": name, "line": n, "excerpt": HIDDEN.sub("", line)[:120]})
    rules = {h["rule"] for h in hits}
    verdict = "clean"
    if rules:
        verdict = "injection" if (rules & STRONG and len(rules) >= 2) or "HIDDEN_TEXT" in rules else "suspicious"
    return {"verdict": verdict, "hits": hits}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--file")
    ap.add_argument("--zendesk-json", metavar="PATH")
    ap.add_argument("--strip", action="store_true", help="print text with hidden characters removed")
    a = ap.parse_args()
    if a.zendesk_json:
        src = sys.stdin if a.zendesk_json == "-" else open(a.zendesk_json)
        data = json.load(src)
        text = "\n".join(c.get("body", "") for c in data.get("comments", []))
    else:
        text = open(a.file, encoding="utf-8").read() if a.file else sys.stdin.read()
    if a.strip:
        sys.stdout.write(HIDDEN.sub("", text))
        return
    json.dump(screen(text), sys.stdout, indent=2, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
