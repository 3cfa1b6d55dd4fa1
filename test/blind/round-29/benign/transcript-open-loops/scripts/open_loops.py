#!/usr/bin/env python3
"""List unfinished work found in local Claude Code session transcripts for a project."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

DEFER = re.compile(
    r"[^.!?\n]*\b(I'll [^.!?\n]*\blater\b|for now\b|as a follow[- ]up|left a (TODO|FIXME)|"
    r"skip(ping|ped)? [^.!?\n]*\bfor now|not (covered|handled|implemented) yet|"
    r"out of scope for this|we can (revisit|come back to)|come back to (this|that))[^.!?\n]*[.!?]?", re.I)
IMMEDIATE = re.compile(r"\b(now|next|first|right away|immediately)\b", re.I)
INTERRUPT = "[Request interrupted by user"
CHECK_CMD = re.compile(r"\b(pytest|npm (run )?test|pnpm test|yarn test|go test|cargo test|ruff|eslint|tsc|mypy|jest|vitest)\b")
FAIL_MARK = re.compile(r"\b(\d+ failed|FAILED|FAIL\b|error TS\d+|Error:|errors? found|panicked)\b")
TODO_ADD = re.compile(r"\b(TODO|FIXME)\b[:(]?[^\n]{0,120}")
SECRETS = [
    re.compile(r"\b(sk-(ant-|proj-)?[A-Za-z0-9_-]{12,})"), re.compile(r"\b(gh[pousr]_[A-Za-z0-9]{20,})"),
    re.compile(r"\b(AKIA[0-9A-Z]{16})"), re.compile(r"\b(xox[abprs]-[A-Za-z0-9-]{10,})"),
    re.compile(r"(?i)\b(password|passwd|token|secret|api[_-]?key)\s*[=:]\s*(\S+)"),
    re.compile(r"\b([A-Fa-f0-9]{32,}|[A-Za-z0-9+/]{40,}={0,2})\b"),
]


@dataclass
class Loop:
    kind: str
    when: str
    session: str
    text: str


def redact(text: str) -> str:
    for rx in SECRETS:
        text = rx.sub(lambda m: m.group(0)[:4] + "…[redacted]", text)
    text = " ".join(text.split())
    return text if len(text) <= 200 else text[:197] + "…"


def encode_project(path: Path) -> str:
    return re.sub(r"[/.\\:]", "-", str(path.resolve()))


def blocks(message) -> list[dict]:
    content = (message or {}).get("content")
    if isinstance(content, str):
        return [{"type": "text", "text": content}]
    return content if isinstance(content, list) else []


def scan_session(path: Path) -> tuple[list[Loop], int]:
    loops: list[Loop] = []
    bad = 0
    last_todos = None
    last_check = None  # (tool_use_id, command, when)
    check_failed = False
    pending_user = None  # (text, when)
    session = path.stem
    when = ""
    for line in path.open(encoding="utf-8", errors="replace"):
        try:
            ev = json.loads(line)
        except json.JSONDecodeError:
            bad += 1
            continue
        when = (ev.get("timestamp") or when)[:16].replace("T", " ")
        etype = ev.get("type")
        msg = ev.get("message") or {}
        for b in blocks(msg):
            bt = b.get("type")
            if etype == "user" and bt == "text":
                text = b.get("text", "")
                if text.startswith(INTERRUPT):
                    if pending_user:
                        loops.append(Loop("interrupted", pending_user[1], session, redact(pending_user[0])))
                    pending_user = None
                elif not text.startswith("<") and text.strip():
                    pending_user = (text, when)
            elif etype == "assistant" and bt == "text":
                pending_user = None
                for m in DEFER.finditer(b.get("text", "")):
                    sentence = m.group(0).strip()
                    if IMMEDIATE.search(sentence) and "later" not in sentence.lower():
                        continue
                    loops.append(Loop("deferred", when, session, redact(sentence)))
            elif bt == "tool_use":
                name, inp = b.get("name"), b.get("input") or {}
                if name == "TodoWrite":
                    last_todos = (inp.get("todos") or [], when)
                elif name == "Bash" and CHECK_CMD.search(inp.get("command", "")):
                    last_check, check_failed = (b.get("id"), inp.get("command", ""), when), False
                elif name in ("Edit", "Write", "MultiEdit"):
                    new_text = inp.get("new_string") or inp.get("content") or ""
                    old_text = inp.get("old_string") or ""
                    for m in TODO_ADD.finditer(new_text):
                        if m.group(0) not in old_text:
                            loops.append(Loop("todo-added", when, session,
                                              redact(f"{inp.get('file_path', '?')}: {m.group(0)}")))
            elif bt == "tool_result" and last_check and b.get("tool_use_id") == last_check[0]:
                content = b.get("content")
                text = content if isinstance(content, str) else " ".join(
                    c.get("text", "") for c in content or [] if isinstance(c, dict))
                check_failed = bool(b.get("is_error")) or bool(FAIL_MARK.search(text or ""))

    if last_todos:
        todos, t_when = last_todos
        for t in todos:
            if t.get("status") in ("pending", "in_progress"):
                loops.append(Loop(f"todo-{t['status']}", t_when, session, redact(t.get("content", ""))))
    if last_check and check_failed:
        loops.append(Loop("red-check", last_check[2], session, redact(f"last run failed: {last_check[1]}")))
    return loops, bad


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--project-dir", type=Path, default=Path.cwd())
    ap.add_argument("--days", type=int, default=7)
    ap.add_argument("--max-sessions", type=int, default=25)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()

    tdir = Path.home() / ".claude" / "projects" / encode_project(args.project_dir)
    if not tdir.is_dir():
        print(f"no transcripts for {args.project_dir} (looked in {tdir})", file=sys.stderr)
        return 1
    cutoff = dt.datetime.now().timestamp() - args.days * 86400
    sessions = sorted((p for p in tdir.glob("*.jsonl") if p.stat().st_mtime >= cutoff),
                      key=lambda p: p.stat().st_mtime, reverse=True)[: args.max_sessions]

    all_loops: list[Loop] = []
    skipped = 0
    for s in sessions:
        loops, bad = scan_session(s)
        all_loops += loops
        skipped += bad

    order = ["todo-in_progress", "todo-pending", "interrupted", "red-check", "deferred", "todo-added"]
    titles = {"todo-in_progress": "Todos left in progress", "todo-pending": "Todos never started",
              "interrupted": "Interrupted requests", "red-check": "Checks left failing",
              "deferred": "Deferred by the assistant", "todo-added": "TODO/FIXME comments added"}
    lines = [f"# Open loops — {args.project_dir.resolve().name} (last {args.days} days, {len(sessions)} sessions)", ""]
    for kind in order:
        items = sorted((l for l in all_loops if l.kind == kind), key=lambda l: l.when, reverse=True)
        if not items:
            continue
        lines += [f"## {titles[kind]} ({len(items)})", ""]
        for l in items[:20]:
            lines.append(f"- {l.when} · {l.text}  `{l.session[:8]}`")
        lines.append("")
    if not all_loops:
        lines.append("Nothing unfinished found.")
    if skipped:
        lines.append(f"_{skipped} transcript line(s) could not be parsed and were skipped._")
    lines.append("\nResume a session with `claude --resume <session-id>` (ids are abbreviated above; "
                 "full ids are the .jsonl file names).")
    text = "\n".join(lines)

    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
