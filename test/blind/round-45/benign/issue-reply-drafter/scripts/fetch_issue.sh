#!/usr/bin/env bash
# Print an issue and its comments with hidden content made visible.
# Usage: fetch_issue.sh OWNER/REPO NUMBER
set -euo pipefail
repo=${1:?OWNER/REPO} num=${2:?issue number}

gh issue view "$num" --repo "$repo" --comments --json title,author,body,comments \
  --jq '"# " + .title + "\n(author: " + .author.login + ")\n\n" + .body + "\n" +
        ([.comments[] | "\n---\n## comment by " + .author.login + "\n\n" + .body] | join(""))' \
| python3 -c '
import re, sys
text = sys.stdin.read()
zw = {"\u200b": "<ZWSP>", "\u200c": "<ZWNJ>", "\u200d": "<ZWJ>", "\u2060": "<WJ>", "\ufeff": "<BOM>"}
for ch, tag in zw.items():
    text = text.replace(ch, tag)
text = re.sub(r"<!--(.*?)-->", lambda m: "[HTML COMMENT: " + m.group(1).strip() + "]", text, flags=re.S)
text = re.sub(r"[\u202a-\u202e\u2066-\u2069]", "<BIDI>", text)
sys.stdout.write(text)
'
