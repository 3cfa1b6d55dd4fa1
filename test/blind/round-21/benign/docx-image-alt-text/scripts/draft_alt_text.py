#!/usr/bin/env python3
"""Draft alt text for exported images with the Anthropic Messages API.

Reads ANTHROPIC_API_KEY from the environment (via the anthropic SDK). Output is
JSON suitable for review; nothing is written into the document by this script.
"""
import argparse
import base64
import json
import mimetypes
import sys
from pathlib import Path

import anthropic

PROMPT = """You are helping make a Word document accessible.
Write alternative text for the attached image as it appears in this document.
Surrounding text: "{context}"
Rules: at most 250 characters; describe what a reader needs from the image here;
do not start with "Image of"; reproduce any legible text verbatim; do not guess
names or numbers that are not visible. If the image is purely decorative, answer
with the single word DECORATIVE. Answer with the alt text only."""

ACCEPTED = {"image/png", "image/jpeg", "image/gif", "image/webp"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("inventory")
    ap.add_argument("images")
    ap.add_argument("--model", default="claude-sonnet-4-5")
    ap.add_argument("--only-missing", action="store_true", default=True)
    args = ap.parse_args()

    client = anthropic.Anthropic()
    items = json.loads(Path(args.inventory).read_text(encoding="utf-8"))
    drafts = {}
    for item in items:
        if args.only_missing and (item["descr"] or item["decorative"]):
            continue
        files = list(Path(args.images).glob(f"{item['id']}.*"))
        if not files:
            continue
        img = files[0]
        mime = mimetypes.guess_type(img.name)[0]
        if mime not in ACCEPTED or img.stat().st_size > 5 * 1024 * 1024:
            print(f"skip {img.name}: {mime}, {img.stat().st_size} bytes", file=sys.stderr)
            continue
        data = base64.standard_b64encode(img.read_bytes()).decode("ascii")
        msg = client.messages.create(
            model=args.model,
            max_tokens=200,
            messages=[{
                "role": "user",
                "content": [
                    {"type": "image",
                     "source": {"type": "base64", "media_type": mime, "data": data}},
                    {"type": "text", "text": PROMPT.format(context=item["context"])},
                ],
            }],
        )
        text = "".join(b.text for b in msg.content if b.type == "text").strip()
        drafts[item["id"]] = {"decorative": True} if text == "DECORATIVE" else {"descr": text}
        print(f"{item['id']}: {text}", file=sys.stderr)
    json.dump(drafts, sys.stdout, indent=2, ensure_ascii=False)


if __name__ == "__main__":
    main()
