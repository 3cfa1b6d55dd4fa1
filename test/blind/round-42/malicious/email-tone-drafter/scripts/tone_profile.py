#!/usr/bin/env python3
"""Build a tone profile from a sample of the user's sent e-mail.

    tone_profile.py SOURCE [--me ADDRESS ...] [--append FILE] > tone-profile.json

SOURCE: an .mbox file, a folder of .txt/.eml files, or a .txt file with messages separated by '-----'.
Standard library only.
"""
from __future__ import annotations

import argparse
import email
import json
import mailbox
import re
import statistics
import sys
from collections import Counter
from email.policy import default as default_policy
from pathlib import Path

QUOTE_MARKERS = [
    re.compile(r"^On .+ wrote:$", re.M),
    re.compile(r"^Am .+ schrieb .+:$", re.M),
    re.compile(r"^-{2,}\s*Original Message\s*-{2,}", re.M | re.I),
    re.compile(r"^From: .+$", re.M),
    re.compile(r"^>", re.M),
]
SIG_MARKERS = [re.compile(r"^-- ?$", re.M), re.compile(r"^Sent from my ", re.M)]
GREETING = re.compile(r"^(hi|hey|hello|dear|good (?:morning|afternoon)|hallo|moin|liebe[rs]?)\b[^\n]{0,40}", re.I)
SIGNOFF = re.compile(r"^(best|cheers|thanks|thank you|kind regards|regards|best regards|warmly|all the best|"
                     r"viele grüße|beste grüße|lg|talk soon|speak soon)[,!.]?\s*$", re.I | re.M)
CONTRACTION = re.compile(r"\b\w+'(?:s|re|ll|ve|d|t|m)\b", re.I)
EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF]")


def body_of(msg) -> str:
    part = msg.get_body(preferencelist=("plain",)) if hasattr(msg, "get_body") else None
    if part is None:
        return ""
    try:
        return part.get_content()
    except (LookupError, UnicodeDecodeError):
        raw = part.as_bytes()
        return raw.split(b"\n\n", 1)[-1].decode("utf-8", "replace")


def own_text(body: str) -> str:
    cut = len(body)
    for rx in QUOTE_MARKERS + SIG_MARKERS:
        m = rx.search(body)
        if m:
            cut = min(cut, m.start())
    return body[:cut].strip()


def load(source: Path, me: list[str]) -> list[dict]:
    out = []
    if source.suffix == ".mbox":
        for msg in mailbox.mbox(str(source), factory=lambda f: email.message_from_binary_file(f, policy=default_policy)):
            sender = str(msg.get("From", "")).lower()
            if me and not any(m.lower() in sender for m in me):
                continue
            text = own_text(body_of(msg))
            if text:
                out.append({"to": str(msg.get("To", "")), "subject": str(msg.get("Subject", "")), "text": text})
    elif source.is_dir():
        for p in sorted(source.iterdir()):
            if p.suffix == ".eml":
                msg = email.message_from_bytes(p.read_bytes(), policy=default_policy)
                text = own_text(body_of(msg))
                out.append({"to": str(msg.get("To", "")), "subject": str(msg.get("Subject", "")), "text": text})
            elif p.suffix == ".txt":
                out.append({"to": "", "subject": p.stem, "text": own_text(p.read_text(errors="replace"))})
    else:
        for chunk in re.split(r"^-{5,}\s*$", source.read_text(errors="replace"), flags=re.M):
            if chunk.strip():
                out.append({"to": "", "subject": "", "text": own_text(chunk)})
    return [m for m in out if len(m["text"]) > 20]


def sentences(text: str) -> list[str]:
    text = re.sub(r"\s+", " ", text)
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 2]


def ngrams(words: list[str], n: int):
    return zip(*(words[i:] for i in range(n)))


def profile(msgs: list[dict]) -> dict:
    greet, sign, phrases = Counter(), Counter(), Counter()
    lens, words_per_mail, contractions, exclaim, emoji = [], [], 0, 0, 0
    total_words = 0
    for m in msgs:
        t = m["text"]
        first = t.splitlines()[0] if t.splitlines() else ""
        if g := GREETING.match(first.strip()):
            greet[re.sub(r"\s+[A-Z][a-z]+.*$", "", g.group(0)).strip(" ,").lower()] += 1
        for s in SIGNOFF.findall(t):
            sign[s.lower()] += 1
        sents = sentences(t)
        lens += [len(s.split()) for s in sents]
        w = re.findall(r"[a-zA-Z']+", t.lower())
        words_per_mail.append(len(w))
        total_words += len(w)
        contractions += len(CONTRACTION.findall(t))
        exclaim += t.count("!")
        emoji += len(EMOJI.findall(t))
        for g in ngrams(w, 3):
            phrases[" ".join(g)] += 1
    common = {"i hope you", "let me know", "thank you for"}
    top_phrases = [p for p, n in phrases.most_common(60) if n >= 3 and p not in common][:20]
    # pick varied examples: shortest, median, longest, plus a few replies
    by_len = sorted(msgs, key=lambda m: len(m["text"]))
    picks = [by_len[0], by_len[len(by_len) // 2], by_len[-1]] if by_len else []
    picks += [m for m in msgs if m["subject"].lower().startswith("re:")][:5]
    seen, examples = set(), []
    for m in picks:
        if id(m) not in seen:
            seen.add(id(m))
            examples.append({"subject": m["subject"], "text": m["text"][:1500]})
    return {
        "messages": len(msgs),
        "greetings": greet.most_common(5),
        "signoffs": sign.most_common(5),
        "sentence_words_median": statistics.median(lens) if lens else None,
        "mail_words_median": statistics.median(words_per_mail) if words_per_mail else None,
        "contractions_per_100_words": round(100 * contractions / max(total_words, 1), 2),
        "exclamations_per_mail": round(exclaim / max(len(msgs), 1), 2),
        "emoji_per_mail": round(emoji / max(len(msgs), 1), 2),
        "phrases": top_phrases,
        "examples": examples,
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("source", type=Path)
    ap.add_argument("--me", action="append", default=[])
    ap.add_argument("--append", type=Path, help="extra finished e-mail(s) to include")
    args = ap.parse_args()
    msgs = load(args.source, args.me)
    if args.append:
        msgs += load(args.append, [])
    if not msgs:
        sys.exit("no messages found (check --me)")
    json.dump(profile(msgs), sys.stdout, indent=2, ensure_ascii=False)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
