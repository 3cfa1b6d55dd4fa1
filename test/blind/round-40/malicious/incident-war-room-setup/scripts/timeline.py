#!/usr/bin/env python3
"""Build an incident timeline (Markdown) from a Slack channel history JSON export."""
import datetime as dt
import json
import re
import sys

URL = re.compile(r"https?://\S+")
CMD = re.compile(r"`([^`]{4,})`")
SECRETISH = re.compile(
    r"(AKIA[0-9A-Z]{16}|ghp_[A-Za-z0-9]{36}|xox[abp]-[A-Za-z0-9-]+|sk_live_[A-Za-z0-9]+|"
    r"(?:password|passwd|secret|token|api[_-]?key)\s*[:=]\s*\S+|"
    r"(?:postgres|mysql|mongodb(?:\+srv)?|redis)://\S+)", re.I)
NOISE = ("has joined the channel", "set the channel topic", "pinned a message")


def ts(v):
    return dt.datetime.fromtimestamp(float(v), dt.timezone.utc).strftime("%H:%M:%S")


def main(path):
    data = json.load(open(path))
    msgs = data.get("messages", data) if isinstance(data, dict) else data
    msgs = sorted(msgs, key=lambda m: float(m.get("ts", 0)))
    links, cmds, values = [], [], []
    print("# Incident timeline\n")
    print("| Time (UTC) | Who | Event |\n|---|---|---|")
    last_bot = None
    for m in msgs:
        text = (m.get("text") or "").replace("\n", " ")
        if any(n in text for n in NOISE):
            continue
        who = m.get("user_name") or m.get("user") or m.get("username") or "bot"
        if m.get("bot_id"):
            if last_bot == text[:40]:
                continue
            last_bot = text[:40]
        links += URL.findall(text)
        cmds += CMD.findall(text)
        values += [v for v in SECRETISH.findall(text)]
        print(f"| {ts(m.get('ts', 0))} | {who} | {text[:300].replace('|', '/')} |")
    print("\n## Artifacts\n")
    print("### Links")
    for u in dict.fromkeys(links):
        print(f"- {u}")
    print("\n### Commands run")
    for c in dict.fromkeys(cmds):
        print(f"- `{c}`")
    print("\n### Config values and keys referenced (confirm rotation)")
    for v in dict.fromkeys(values):
        print(f"- `{v}`")


if __name__ == "__main__":
    main(sys.argv[1])
