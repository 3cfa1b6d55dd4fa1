#!/usr/bin/env python3
"""Export a local Claude Code session (.jsonl) to Markdown, with best-effort redaction."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

PROJECTS = Path.home() / ".claude" / "projects"

REDACTIONS = [
    ("pem-private-key", re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]+?-----END [A-Z ]*PRIVATE KEY-----")),
    ("github-token", re.compile(r"\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{60,})\b")),
    ("aws-access-key", re.compile(r"\b(AKIA|ASIA)[A-Z0-9]{16}\b")),
    ("aws-secret", re.compile(r"(?i)(aws_secret_access_key\s*[=:]\s*)[A-Za-z0-9/+=]{40}")),
    ("slack-token", re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}\b")),
    ("stripe-key", re.compile(r"\b[sr]k_(live|test)_[A-Za-z0-9]{16,}\b")),
    ("jwt", re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b")),
    ("bearer", re.compile(r"(?i)(authorization:\s*bearer\s+)[A-Za-z0-9._~+/=-]{12,}")),
    ("assignment", re.compile(r"(?i)\b((?:password|passwd|secret|token|api[_-]?key)\s*[=:]\s*)(['\"]?)[^\s'\"]{6,}\2")),
]


def project_dir_for(cwd: Path) -> Path:
    return PROJECTS / re.sub(r"[^A-Za-z0-9]", "-", str(cwd.resolve()))


class Redactor:
    def __init__(self, enabled: bool, extra: list[str]):
        self.enabled = enabled
        self.extra = [re.compile(p) for p in extra]
        self.counts: Counter = Counter()
        self.home = str(Path.home())

    def __call__(self, text: str) -> str:
        if not text:
            return text
        text = text.replace(self.home, "~")
        if not self.enabled:
            return text
        for kind, rx in REDACTIONS:
            def sub(m, kind=kind):
                self.counts[kind] += 1
                prefix = m.group(1) if kind in ("aws-secret", "bearer", "assignment") else ""
                return f"{prefix}[REDACTED:{kind}]"
            text = rx.sub(sub, text)
        for rx in self.extra:
            n = len(rx.findall(text))
            if n:
                self.counts["custom"] += n
                text = rx.sub("[REDACTED:custom]", text)
        return text


def load(path: Path) -> list[dict]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError:
                continue
    return out


def ts(rec: dict) -> dt.datetime | None:
    t = rec.get("timestamp")
    if not t:
        return None
    try:
        return dt.datetime.fromisoformat(t.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return None


def title_of(records: list[dict]) -> str:
    for r in records:
        if r.get("type") == "summary" and r.get("summary"):
            return r["summary"]
    for r in records:
        if r.get("type") == "user":
            c = r.get("message", {}).get("content")
            text = c if isinstance(c, str) else " ".join(b.get("text", "") for b in c or [] if isinstance(b, dict) and b.get("type") == "text")
            if text.strip():
                return text.strip().splitlines()[0][:80]
    return "(untitled)"


def list_sessions(dirs: list[Path]) -> None:
    rows = []
    for d in dirs:
        for f in d.glob("*.jsonl"):
            recs = load(f)
            msgs = [r for r in recs if r.get("type") in ("user", "assistant")]
            if not msgs:
                continue
            start = next((ts(r) for r in msgs if ts(r)), None)
            branch = next((r.get("gitBranch") for r in msgs if r.get("gitBranch")), "")
            rows.append((start or dt.datetime.fromtimestamp(f.stat().st_mtime), f.stem, branch, len(msgs), title_of(recs)))
    for start, sid, branch, n, title in sorted(rows, reverse=True):
        print(f"{start:%Y-%m-%d %H:%M}  {sid[:4]}…{sid[-2:]}  {branch[:18]:<18} {n:>4} msgs  \"{title}\"")


def find_session(prefix: str, dirs: list[Path]) -> Path:
    matches = [f for d in dirs for f in d.glob(f"{prefix}*.jsonl")]
    if not matches:
        sys.exit(f"no session starting with {prefix!r}")
    if len(matches) > 1:
        sys.exit("ambiguous prefix: " + ", ".join(m.stem for m in matches))
    return matches[0]


def tool_line(block: dict, R) -> str:
    name = block.get("name", "tool")
    inp = block.get("input", {}) or {}
    if name == "Bash":
        return f"Bash: `{R(inp.get('command', ''))[:200]}`"
    for key in ("file_path", "path", "pattern", "url", "query", "description"):
        if key in inp:
            return f"{name} `{R(str(inp[key]))[:160]}`"
    return name


def result_text(block: dict) -> str:
    c = block.get("content")
    if isinstance(c, str):
        return c
    if isinstance(c, list):
        return "\n".join(b.get("text", "") for b in c if isinstance(b, dict) and b.get("type") == "text")
    return ""


def render(records: list[dict], args, R) -> str:
    msgs = [r for r in records if r.get("type") in ("user", "assistant")]
    if args.since:
        since = dt.datetime.fromisoformat(args.since).astimezone()
        msgs = [m for m in msgs if (ts(m) or since) >= since]
    if args.no_subagents:
        msgs = [m for m in msgs if not m.get("isSidechain")]
    first, last = (ts(msgs[0]) if msgs else None), (ts(msgs[-1]) if msgs else None)
    meta = next((m for m in msgs if m.get("cwd")), {})
    lines = [f"# {R(title_of(records))}",
             f"_Session {meta.get('sessionId', '?')[:4]}…{meta.get('sessionId', '??')[-2:]} · project {R(meta.get('cwd', '?'))} · "
             f"branch {meta.get('gitBranch', '?')} · {first:%Y-%m-%d %H:%M}–{last:%H:%M}_" if first and last else "",
             "", "---", ""]
    tool_calls = 0
    turns = 0
    for m in msgs:
        role = m["type"]
        content = m.get("message", {}).get("content")
        blocks = [{"type": "text", "text": content}] if isinstance(content, str) else (content or [])
        texts = [b for b in blocks if isinstance(b, dict) and b.get("type") == "text" and b.get("text", "").strip()]
        tools = [b for b in blocks if isinstance(b, dict) and b.get("type") == "tool_use"]
        results = [b for b in blocks if isinstance(b, dict) and b.get("type") == "tool_result"]
        indent = "> " if m.get("isSidechain") else ""
        when = f" · {ts(m):%H:%M}" if ts(m) else ""
        if texts:
            turns += 1
            who = "User" if role == "user" else ("Subagent" if m.get("isSidechain") else "Claude")
            lines.append(f"{indent}**{who}**{when}")
            for b in texts:
                lines += [indent + l for l in R(b["text"]).splitlines()]
            lines.append("")
        if args.tools != "none":
            for b in tools:
                tool_calls += 1
                if args.tools == "full":
                    lines += [f"{indent}> 🔧 {b.get('name')}", "```json", R(json.dumps(b.get("input", {}), indent=2)), "```"]
                else:
                    lines.append(f"{indent}> 🔧 {tool_line(b, R)}")
            for b in results:
                out = R(result_text(b)).splitlines()
                if not out:
                    continue
                shown = out if args.tools == "full" else out[: args.max_output]
                more = "" if len(shown) == len(out) else f"\n… ({len(out) - len(shown)} more lines)"
                lines += [f"<details><summary>output ({len(out)} lines)</summary>", "", "```", *shown, "```" + more, "", "</details>", ""]
    lines.append(f"\n_{turns} turns, {tool_calls} tool calls._")
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("session", nargs="?")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--all-projects", action="store_true")
    ap.add_argument("-o", "--output", type=Path)
    ap.add_argument("--tools", choices=["summary", "full", "none"], default="summary")
    ap.add_argument("--no-redact", action="store_true")
    ap.add_argument("--redact-file", type=Path)
    ap.add_argument("--since")
    ap.add_argument("--max-output", type=int, default=40)
    ap.add_argument("--no-subagents", action="store_true")
    args = ap.parse_args()

    dirs = sorted(p for p in PROJECTS.iterdir() if p.is_dir()) if args.all_projects else [project_dir_for(Path.cwd())]
    dirs = [d for d in dirs if d.exists()]
    if not dirs:
        sys.exit(f"no session logs found under {PROJECTS}")

    if args.list or not args.session:
        list_sessions(dirs)
        return 0

    path = find_session(args.session, dirs if args.all_projects else dirs + sorted(p for p in PROJECTS.iterdir() if p.is_dir()))
    extra = [l.strip() for l in args.redact_file.read_text().splitlines() if l.strip()] if args.redact_file else []
    R = Redactor(not args.no_redact, extra)
    md = render(load(path), args, R)
    out = args.output or Path(f"session-{dt.date.today():%Y-%m-%d}-{path.stem[:8]}.md")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(md, encoding="utf-8")
    print(f"wrote {out}")
    if R.counts:
        print("redactions: " + ", ".join(f"{k}={v}" for k, v in R.counts.most_common()))
    elif not args.no_redact:
        print("redactions: none found (still skim before sharing)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
