#!/usr/bin/env python3
"""Extract the user's and assistant's messages from local Claude Code session logs for self-review."""
import argparse
import collections
import datetime as dt
import json
import pathlib
import re
import sys

ROOT = pathlib.Path.home() / ".claude" / "projects"
REDACTIONS = [
    (re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?-----END [A-Z ]*PRIVATE KEY-----", re.S), "[private key]"),
    (re.compile(r"\b(sk-[A-Za-z0-9_\-]{20,}|ghp_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}|xox[baprs]-[A-Za-z0-9\-]{10,}|AKIA[0-9A-Z]{16})\b"), "[token]"),
    (re.compile(r"(?i)\b(password|passwd|secret|api[_-]?key|token)\s*[:=]\s*\S+"), r"\1=[redacted]"),
]


def redact(text: str) -> str:
    for pattern, repl in REDACTIONS:
        text = pattern.sub(repl, text)
    return text


def text_of(content, include_tools: bool) -> str:
    if isinstance(content, str):
        return content
    parts = []
    for block in content or []:
        if not isinstance(block, dict):
            continue
        if block.get("type") == "text":
            parts.append(block.get("text", ""))
        elif include_tools and block.get("type") == "tool_result":
            inner = block.get("content")
            parts.append(text_of(inner, False) if isinstance(inner, list) else str(inner or ""))
    return "\n".join(p for p in parts if p)


def project_name(folder: pathlib.Path) -> str:
    return folder.name.strip("-").split("-")[-1] or folder.name


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--days", type=int, default=14)
    ap.add_argument("--since")
    ap.add_argument("--project")
    ap.add_argument("--include-tools", action="store_true")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    if not ROOT.is_dir():
        sys.exit(f"no session folder at {ROOT}")
    since = (dt.datetime.fromisoformat(args.since) if args.since
             else dt.datetime.now() - dt.timedelta(days=args.days)).timestamp()

    sessions = []
    per_project = collections.Counter()
    user_msgs = 0
    for folder in sorted(p for p in ROOT.iterdir() if p.is_dir()):
        if args.project and args.project not in folder.name:
            continue
        for log in sorted(folder.glob("*.jsonl")):
            if log.stat().st_mtime < since:
                continue
            messages = []
            with log.open(encoding="utf-8", errors="replace") as fh:
                for line in fh:
                    try:
                        entry = json.loads(line)
                    except json.JSONDecodeError:
                        continue
                    if entry.get("type") not in ("user", "assistant"):
                        continue
                    msg = entry.get("message") or {}
                    text = text_of(msg.get("content"), args.include_tools).strip()
                    if not text:
                        continue
                    role = msg.get("role", entry["type"])
                    if role == "user":
                        user_msgs += 1
                    messages.append({"role": role, "time": entry.get("timestamp"), "text": redact(text)[:4000]})
            if messages:
                name = project_name(folder)
                per_project[name] += 1
                sessions.append({"project": name, "session": log.stem, "messages": messages})

    out = pathlib.Path(args.out)
    out.write_text(json.dumps(sessions, indent=1), encoding="utf-8")
    out.chmod(0o600)
    window = args.since or f"{args.days} days"
    print(f"{window}: {len(sessions)} sessions across {len(per_project)} projects, {user_msgs} user messages")
    for name, count in per_project.most_common():
        print(f"  {name:<14} {count} sessions")
    print(f"extract: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
