#!/usr/bin/env python3
"""List, redact and check Claude Code session transcripts (JSONL) for safe sharing.

Originals under ~/.claude/projects are only read, never modified.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path

PROJECTS = Path(os.environ.get("CLAUDE_CONFIG_DIR", Path.home() / ".claude")) / "projects"

RULES: list[tuple[str, re.Pattern, str]] = [
    ("private-key", re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----"), "[REDACTED:private-key]"),
    ("aws-key", re.compile(r"\b(AKIA|ASIA)[0-9A-Z]{16}\b"), "[REDACTED:aws-key]"),
    ("aws-secret", re.compile(r"(?i)(aws_secret_access_key|secretaccesskey)(\W{1,4})[A-Za-z0-9/+=]{40}"), r"\1\2[REDACTED:aws-secret]"),
    ("github-token", re.compile(r"\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b"), "[REDACTED:github-token]"),
    ("gitlab-token", re.compile(r"\bglpat-[A-Za-z0-9_-]{20,}\b"), "[REDACTED:gitlab-token]"),
    ("slack-token", re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}\b"), "[REDACTED:slack-token]"),
    ("api-key", re.compile(r"\b(sk-ant-[A-Za-z0-9_-]{20,}|sk-(?:proj-)?[A-Za-z0-9_-]{20,}|AIza[0-9A-Za-z_-]{35})\b"), "[REDACTED:api-key]"),
    ("jwt", re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b"), "[REDACTED:jwt]"),
    ("bearer", re.compile(r"(?i)(authorization:\s*(?:bearer|basic|token)\s+)[^\s\"']+"), r"\1[REDACTED:auth-header]"),
    ("conn-string", re.compile(r"\b([a-z][a-z0-9+.-]*://[^:/\s@]+:)[^@\s/]+(@)"), r"\1[REDACTED]\2"),
    ("assignment", re.compile(r"(?i)\b((?:pass(?:word|wd)?|secret|token|api[_-]?key|client[_-]?secret|private[_-]?key)[\"']?\s*[:=]\s*[\"']?)([^\s\"',;]{4,})"), r"\1[REDACTED:value]"),
]
EMAIL = re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b")
IPV4 = re.compile(r"\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b")
HOME = re.compile(r"(/Users/|/home/)([^/\s\"']+)|([A-Za-z]:\\Users\\)([^\\\s\"']+)")
CANDIDATE = re.compile(r"[A-Za-z0-9+/=_-]{32,}")


def entropy(s: str) -> float:
    c = Counter(s)
    return -sum(n / len(s) * math.log2(n / len(s)) for n in c.values())


class Redactor:
    def __init__(self, emails=True, paths=True, ips=True, extra=(), allow=()):
        self.emails, self.paths, self.ips = emails, paths, ips
        self.extra = [re.compile(p) for p in extra]
        self.allow = set(allow)
        self.counts: Counter = Counter()
        self.aliases: dict[str, dict[str, str]] = {"email": {}, "ip": {}}

    def _alias(self, kind: str, value: str) -> str:
        table = self.aliases[kind]
        if value not in table:
            table[value] = f"[{kind}-{len(table) + 1}]"
        return table[value]

    def text(self, s: str) -> str:
        protected = {}
        for i, a in enumerate(self.allow):
            if a in s:
                key = f"\x00ALLOW{i}\x00"
                protected[key] = a
                s = s.replace(a, key)
        for name, rx, repl in RULES:
            s, n = rx.subn(repl, s)
            self.counts[name] += n
        for rx in self.extra:
            s, n = rx.subn("[REDACTED:custom]", s)
            self.counts["custom"] += n
        if self.emails:
            s, n = EMAIL.subn(lambda m: self._alias("email", m.group(0).lower()), s)
            self.counts["email"] += n
        if self.ips:
            def ip_sub(m):
                v = m.group(0)
                if v.startswith("127.") or v in ("0.0.0.0", "255.255.255.255"):
                    return v
                self.counts["ip"] += 1
                return self._alias("ip", v)
            s = IPV4.sub(ip_sub, s)
        if self.paths:
            s, n = HOME.subn(lambda m: "~", s)
            self.counts["home-path"] += n

        def hi(m):
            v = m.group(0)
            if "REDACTED" in v or v.startswith("\x00ALLOW"):
                return v
            if entropy(v) > 4.0 and not v.isalpha():
                self.counts["high-entropy"] += 1
                return "[REDACTED:high-entropy]"
            return v
        s = CANDIDATE.sub(hi, s)
        for key, val in protected.items():
            s = s.replace(key, val)
        return s

    def walk(self, obj):
        if isinstance(obj, str):
            return self.text(obj)
        if isinstance(obj, list):
            return [self.walk(x) for x in obj]
        if isinstance(obj, dict):
            return {k: self.walk(v) for k, v in obj.items()}
        return obj


def session_files(all_projects: bool) -> list[Path]:
    if all_projects:
        return sorted(PROJECTS.glob("*/*.jsonl"), key=lambda p: p.stat().st_mtime, reverse=True)
    slug = str(Path.cwd()).replace("/", "-").replace("\\", "-").replace(":", "-")
    return sorted((PROJECTS / slug).glob("*.jsonl"), key=lambda p: p.stat().st_mtime, reverse=True)


def first_prompt(path: Path) -> tuple[str, str, int]:
    started, prompt, count = "", "", 0
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            count += 1
            if prompt:
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                continue
            started = started or rec.get("timestamp", "")
            msg = rec.get("message") or {}
            if rec.get("type") == "user" and isinstance(msg.get("content"), str):
                prompt = msg["content"].strip().replace("\n", " ")[:70]
    return started, prompt, count


def cmd_list(a) -> int:
    files = session_files(a.all)
    if not files:
        print(f"no sessions found under {PROJECTS}" + ("" if a.all else " for this directory (try --all)"))
        return 1
    for p in files[: a.limit]:
        started, prompt, n = first_prompt(p)
        size = p.stat().st_size
        proj = f"{p.parent.name}  " if a.all else ""
        print(f"{p.stem}  {started[:16]:<16}  {n:>5} lines  {size / 1024:>7.0f} KB  {proj}{prompt}")
    return 0


def resolve(a) -> Path:
    if a.file:
        return Path(a.file)
    matches = list(PROJECTS.glob(f"*/{a.session}*.jsonl"))
    if len(matches) != 1:
        sys.exit(f"session id {a.session!r} matched {len(matches)} files; give more characters or --file")
    return matches[0]


def block_to_md(block, keep_output: bool) -> str:
    if isinstance(block, str):
        return block
    t = block.get("type")
    if t == "text":
        return block.get("text", "")
    if t == "tool_use":
        inp = block.get("input", {})
        summary = inp.get("command") or inp.get("file_path") or inp.get("pattern") or json.dumps(inp)[:200]
        return f"> **{block.get('name')}**: `{summary}`"
    if t == "tool_result":
        content = block.get("content")
        text = content if isinstance(content, str) else "\n".join(
            c.get("text", "") for c in (content or []) if isinstance(c, dict))
        if not keep_output:
            return f"> [tool output omitted: {len(text):,} chars]"
        return "```\n" + text[:4000] + ("\n… (truncated)" if len(text) > 4000 else "") + "\n```"
    if t == "thinking":
        return ""
    return ""


def cmd_redact(a) -> int:
    src = resolve(a)
    r = Redactor(emails=not a.no_emails, paths=not a.no_paths, ips=not a.no_ips, extra=a.extra or (), allow=a.allow or ())
    out_lines = []
    with src.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                continue
            if rec.get("type") not in ("user", "assistant"):
                continue
            msg = rec.get("message") or {}
            content = msg.get("content")
            blocks = content if isinstance(content, list) else [content]
            if a.format == "jsonl":
                if not a.keep_tool_output:
                    blocks = [b if not (isinstance(b, dict) and b.get("type") == "tool_result")
                              else {"type": "tool_result", "content": f"[tool output omitted: {len(json.dumps(b.get('content'))):,} chars]"}
                              for b in blocks]
                slim = {"type": rec.get("type"), "timestamp": rec.get("timestamp"), "content": blocks}
                out_lines.append(json.dumps(r.walk(slim), ensure_ascii=False))
            else:
                body = "\n\n".join(x for x in (block_to_md(b, a.keep_tool_output) for b in blocks) if x)
                if body.strip():
                    who = "User" if rec.get("type") == "user" else "Claude"
                    out_lines.append(f"### {who}\n\n{r.text(body)}\n")
    out = Path(a.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    header = "" if a.format == "jsonl" else f"# Session {src.stem[:8]} (redacted {datetime.now():%Y-%m-%d})\n\n"
    out.write_text(header + "\n".join(out_lines) + "\n", encoding="utf-8")
    counts = ", ".join(f"{k}={v}" for k, v in sorted(r.counts.items()) if v) or "nothing matched"
    print(f"wrote {out} from {src}\nredactions: {counts}")
    print("Review the file before sharing; pattern-based redaction can miss names and pasted documents.")
    return 0


def cmd_check(a) -> int:
    text = Path(a.path).read_text(encoding="utf-8", errors="replace")
    probe = Redactor()
    probe.text(text)
    leftovers = {k: v for k, v in probe.counts.items() if v and k not in ("email", "ip", "home-path")}
    raw_emails = [e for e in EMAIL.findall(text)]
    if leftovers or raw_emails:
        print("possible leftovers:", leftovers, ("emails: " + ", ".join(raw_emails[:5])) if raw_emails else "")
        return 1
    print("no known secret patterns found")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    l = sub.add_parser("list")
    l.add_argument("--all", action="store_true")
    l.add_argument("--limit", type=int, default=20)
    r = sub.add_parser("redact")
    r.add_argument("session", nargs="?")
    r.add_argument("--file")
    r.add_argument("--format", choices=["md", "jsonl"], default="md")
    r.add_argument("-o", "--output", required=True)
    r.add_argument("--keep-tool-output", action="store_true")
    r.add_argument("--no-emails", action="store_true")
    r.add_argument("--no-paths", action="store_true")
    r.add_argument("--no-ips", action="store_true")
    r.add_argument("--extra", action="append")
    r.add_argument("--allow", action="append")
    c = sub.add_parser("check")
    c.add_argument("path")
    a = ap.parse_args()
    if a.cmd == "redact" and not (a.session or a.file):
        ap.error("redact needs a session id or --file")
    return {"list": cmd_list, "redact": cmd_redact, "check": cmd_check}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())
