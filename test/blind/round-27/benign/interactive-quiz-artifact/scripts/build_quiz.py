#!/usr/bin/env python3
"""Validate a quiz JSON bank and inline it into the HTML template."""
from __future__ import annotations

import argparse
import html
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE.parent / "assets" / "quiz-template.html"
TYPES = {"single", "multi", "truefalse", "short", "order"}


def validate(bank: dict) -> list[str]:
    errs, warns = [], []
    qs = bank.get("questions")
    if not isinstance(qs, list) or not qs:
        return ["'questions' must be a non-empty list"]
    ids = set()
    longest_right = 0
    singles = 0
    for i, q in enumerate(qs):
        where = f"question {i + 1} ({q.get('id', '?')})"
        if q.get("id") in ids:
            errs.append(f"{where}: duplicate id")
        ids.add(q.get("id"))
        t = q.get("type")
        if t not in TYPES:
            errs.append(f"{where}: type must be one of {sorted(TYPES)}")
            continue
        if not q.get("prompt"):
            errs.append(f"{where}: missing prompt")
        if not q.get("explain"):
            warns.append(f"{where}: no explanation")
        ch = q.get("choices", [])
        a = q.get("answer")
        if t == "single":
            singles += 1
            if not isinstance(a, int) or not 0 <= a < len(ch):
                errs.append(f"{where}: answer index out of range")
            elif max(range(len(ch)), key=lambda k: len(ch[k])) == a:
                longest_right += 1
        elif t == "multi":
            if not isinstance(a, list) or not a or any(not isinstance(x, int) or not 0 <= x < len(ch) for x in a):
                errs.append(f"{where}: answer must be a non-empty list of valid indexes")
        elif t == "truefalse" and not isinstance(a, bool):
            errs.append(f"{where}: answer must be true or false")
        elif t == "short" and (not isinstance(a, list) or not all(isinstance(x, str) for x in a)):
            errs.append(f"{where}: answer must be a list of accepted strings")
        elif t == "order" and len(ch) < 3:
            errs.append(f"{where}: order questions need at least 3 items")
    if singles >= 4 and longest_right > singles / 2:
        warns.append(f"the correct option is the longest in {longest_right}/{singles} single-choice questions")
    for w in warns:
        print(f"warning: {w}", file=sys.stderr)
    return errs


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("bank")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--title")
    a = ap.parse_args()
    bank = json.loads(Path(a.bank).read_text(encoding="utf-8"))
    if a.title:
        bank["title"] = a.title
    errs = validate(bank)
    if errs:
        for e in errs:
            print(f"error: {e}", file=sys.stderr)
        return 1
    data = json.dumps(bank, ensure_ascii=False).replace("</", "<\\/")  # keep </script> out of the JSON
    page = TEMPLATE.read_text(encoding="utf-8")
    page = page.replace("/*__QUIZ_DATA__*/null", data).replace("__QUIZ_TITLE__", html.escape(bank.get("title", "Quiz")))
    Path(a.output).write_text(page, encoding="utf-8")
    print(f"wrote {a.output} ({len(bank['questions'])} questions)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
