#!/usr/bin/env python3
"""Mine local Claude Code session logs for recurring corrections and failures. Local only."""
import argparse
import json
import os
import re
import sys
import time
from collections import defaultdict
from datetime import datetime, timedelta
from difflib import SequenceMatcher
from pathlib import Path

CORRECTION = re.compile(
    r"^\s*(no\b|nope|don'?t|do not|stop|actually|instead|wrong|not that|i said|again|please don'?t|why did you|never)\b"
    r"|\b(i told you|as i said|like i said|we don'?t use|we use .+ not)\b", re.I)
FACT = re.compile(r"\b(we use|this (repo|project) uses|runs on port|the (api|server|db) (is|runs)|always use|our .+ is)\b", re.I)
REDACTIONS = [
    (re.compile(r"\b(sk|pk|rk)[-_][A-Za-z0-9_\-]{16,}"), "[KEY]"),
    (re.compile(r"\bgh[pousr]_[A-Za-z0-9]{20,}"), "[GITHUB_TOKEN]"),
    (re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}"), "[SLACK_TOKEN]"),
    (re.compile(r"\bAKIA[0-9A-Z]{16}\b"), "[AWS_KEY_ID]"),
    (re.compile(r"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"), "[JWT]"),
    (re.compile(r"(?i)(password|passwd|secret|token|api[_-]?key)\s*[:=]\s*\S+"), r"\1=[REDACTED]"),
    (re.compile(r"\b[a-z]+://[^\s:/]+:[^\s@/]+@"), "[URL_WITH_CREDENTIALS]@"),
    (re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"), "[EMAIL]"),
]


def redact(s, enabled=True):
    if not enabled:
        return s
    for rx, repl in REDACTIONS:
        s = rx.sub(repl, s)
    return s


def logs_root(arg):
    if arg:
        return Path(arg).expanduser()
    base = os.environ.get("CLAUDE_CONFIG_DIR")
    return (Path(base) if base else Path.home() / ".claude") / "projects"


def encode_project(path):
    return re.sub(r"[^A-Za-z0-9]", "-", str(Path(path).resolve()))


def parse_since(s):
    if not s:
        return 0
    m = re.fullmatch(r"(\d+)d", s)
    if m:
        return time.time() - int(m.group(1)) * 86400
    return datetime.fromisoformat(s).timestamp()


def text_of(content):
    if isinstance(content, str):
        return content
    parts = []
    for block in content or []:
        if isinstance(block, dict) and block.get("type") == "text":
            parts.append(block.get("text", ""))
    return "\n".join(parts)


def iter_events(path):
    with open(path, encoding="utf-8", errors="replace") as fh:
        for n, line in enumerate(fh, 1):
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                print(f"warning: {path.name}:{n} unparseable, skipped", file=sys.stderr)
                continue
            yield rec


def cluster(items, threshold=0.6):
    clusters = []
    for key, payload in items:
        norm = re.sub(r"\s+", " ", key.lower())[:200]
        for c in clusters:
            if SequenceMatcher(None, norm, c["norm"]).ratio() >= threshold:
                c["items"].append(payload)
                break
        else:
            clusters.append({"norm": norm, "items": [payload]})
    return clusters


def mine(files, do_redact):
    corrections, facts, failures, denials = [], [], [], []
    for f in files:
        session = f.stem[:8]
        prev_role = None
        pending_tools = {}
        for rec in iter_events(f):
            typ = rec.get("type")
            msg = rec.get("message") or {}
            content = msg.get("content")
            if typ == "assistant":
                for block in content if isinstance(content, list) else []:
                    if isinstance(block, dict) and block.get("type") == "tool_use":
                        inp = block.get("input") or {}
                        pending_tools[block.get("id")] = (block.get("name"), str(inp.get("command") or inp.get("file_path") or "")[:120])
                prev_role = "assistant"
            elif typ == "user":
                if isinstance(content, list):
                    for block in content:
                        if isinstance(block, dict) and block.get("type") == "tool_result":
                            name, cmd = pending_tools.get(block.get("tool_use_id"), ("?", ""))
                            body = text_of(block.get("content")) if not isinstance(block.get("content"), str) else block.get("content")
                            if "user doesn't want to proceed" in (body or "") or "rejected" in (body or "").lower()[:200]:
                                denials.append((f"{name} {cmd.split(' ')[0] if cmd else ''}", (session, cmd)))
                            elif block.get("is_error"):
                                sig = re.sub(r"\d+", "N", (body or "").strip().splitlines()[-1] if body else "")[:120]
                                failures.append((f"{name}:{cmd.split(' ')[0] if cmd else ''}:{sig}", (session, f"{cmd} -> {sig}")))
                text = text_of(content).strip()
                if text and not text.startswith("<"):
                    short = redact(text[:240].replace("\n", " "), do_redact)
                    if prev_role == "assistant" and CORRECTION.search(text[:160]):
                        corrections.append((text[:200], (session, short)))
                    if FACT.search(text):
                        facts.append((text[:200], (session, short)))
                prev_role = "user"
    return {"corrections": corrections, "facts": facts, "failures": failures, "denials": denials}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--project", default=os.getcwd())
    ap.add_argument("--logs-dir")
    ap.add_argument("--since")
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--no-redact", action="store_true")
    args = ap.parse_args()

    root = logs_root(args.logs_dir)
    if not root.is_dir():
        sys.exit(f"no logs directory at {root}")
    if args.list:
        for d in sorted(root.iterdir(), key=lambda p: p.stat().st_mtime, reverse=True):
            if d.is_dir():
                sessions = list(d.glob("*.jsonl"))
                last = datetime.fromtimestamp(d.stat().st_mtime).strftime("%Y-%m-%d")
                print(f"{len(sessions):>4} sessions  last {last}  {d.name}")
        return

    pdir = root / encode_project(args.project)
    if not pdir.is_dir():
        sys.exit(f"no logs for {args.project} (looked in {pdir}); try --list")
    since = parse_since(args.since)
    files = [f for f in sorted(pdir.glob("*.jsonl")) if f.stat().st_mtime >= since]
    data = mine(files, not args.no_redact)

    report = {}
    for kind, items in data.items():
        cl = cluster(items, 0.55 if kind in ("corrections", "facts") else 0.8)
        keep = []
        for c in cl:
            sessions = sorted({s for s, _ in c["items"]})
            if len(c["items"]) >= args.min_count and (kind != "failures" or len(sessions) >= 2):
                keep.append({"count": len(c["items"]), "sessions": sessions, "examples": [e for _, e in c["items"][:3]]})
        report[kind] = sorted(keep, key=lambda c: -c["count"])

    if args.json:
        json.dump(report, sys.stdout, indent=2)
        return
    print(f"# Session lessons report\n\nProject: `{args.project}`  \nSessions analysed: {len(files)}\n")
    titles = {"corrections": "Recurring corrections", "facts": "Re-explained project facts",
              "failures": "Repeated tool failures", "denials": "Denied tool calls"}
    for kind, title in titles.items():
        print(f"\n## {title}\n")
        if not report[kind]:
            print("_none above threshold_")
        for c in report[kind]:
            print(f"- **{c['count']}×** in {len(c['sessions'])} session(s)")
            for ex in c["examples"]:
                print(f"  - > {ex}")


if __name__ == "__main__":
    main()
