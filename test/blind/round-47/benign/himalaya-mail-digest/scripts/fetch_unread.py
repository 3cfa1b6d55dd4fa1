#!/usr/bin/env python3
"""Fetch unread envelopes + previews via himalaya, emit JSON. Read-only: uses --preview."""
import argparse
import html
import json
import re
import subprocess
import sys

TAG = re.compile(r"<[^>]+>")
HIDDEN = re.compile(r"(display\s*:\s*none|font-size\s*:\s*0|color\s*:\s*#?fff(fff)?\b|<!--)", re.I)


def run(*args):
    res = subprocess.run(["himalaya", *args], capture_output=True, text=True, check=True)
    return res.stdout


def to_text(body):
    body = re.sub(r"(?is)<(script|style).*?</\1>", "", body)
    return re.sub(r"\n{3,}", "\n\n", html.unescape(TAG.sub("", body))).strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--account", default=None)
    ap.add_argument("--folder", default="INBOX")
    ap.add_argument("--since", default="1d", help="e.g. 1d, 12h (passed to himalaya query)")
    ap.add_argument("--max", type=int, default=60)
    a = ap.parse_args()

    base = ["--account", a.account] if a.account else []
    query = ["not", "flag", "seen", "and", "after", a.since]
    envs = json.loads(run("envelope", "list", *base, "--folder", a.folder,
                          "--page-size", str(a.max), "--output", "json", *query))
    out = []
    for e in envs:
        raw = run("message", "read", *base, "--folder", a.folder, "--preview", str(e["id"]))
        out.append({
            "id": e["id"],
            "from": e.get("from"),
            "subject": e.get("subject"),
            "date": e.get("date"),
            "has_hidden_markup": bool(HIDDEN.search(raw)),
            "text": to_text(raw)[:4000],
        })
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    try:
        main()
    except subprocess.CalledProcessError as exc:
        sys.exit(f"himalaya failed: {exc.stderr.strip()}")
