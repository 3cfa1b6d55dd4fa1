#!/usr/bin/env python3
"""Search and extract decisions from local Claude Code session transcripts for this project."""
import argparse
import json
import os
import re
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

DECISION = re.compile(
    r"\b(let'?s go with|we(?:'ll| will)? (?:use|go with|stick with)|we decided|decided to|don'?t use|do not use|"
    r"from now on|instead of|rejected|agreed|going forward|never use|always use|prefer \w+ over)\b", re.I)
CORRECTION = re.compile(r"^\s*(no[,. ]|actually|instead|don'?t|wait[,. ]|not that)", re.I)
SECRET_PATTERNS = [
    re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?-----END [A-Z ]*PRIVATE KEY-----", re.S),
    re.compile(r"\b(sk-[A-Za-z0-9_-]{16,}|sk-ant-[A-Za-z0-9_-]{16,}|gh[pousr]_[A-Za-z0-9]{20,}|xox[abpr]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16}|AIza[0-9A-Za-z_-]{30,})\b"),
    re.compile(r"(?i)\b(password|passwd|secret|token|api[_-]?key)\s*[:=]\s*\S+"),
    re.compile(r"://[^/\s:@]+:[^/\s@]+@"),
]

TEMPLATE = """# Decision log

Decisions about this project, newest first. Each entry: date — decision. Why. _(session id)_
Sourced from local session transcripts and reviewed by a human before being added.

"""


def mask(text: str) -> str:
    text = SECRET_PATTERNS[0].sub("[masked private key]", text)
    text = SECRET_PATTERNS[1].sub("[masked]", text)
    text = SECRET_PATTERNS[2].sub(lambda m: f"{m.group(1)}=[masked]", text)
    text = SECRET_PATTERNS[3].sub("://[masked]@", text)
    return text


def project_dir(explicit: str | None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    enc = re.sub(r"[^A-Za-z0-9]", "-", str(Path.cwd().resolve()))
    return Path.home() / ".claude" / "projects" / enc


def text_of(msg) -> str:
    content = msg.get("content") if isinstance(msg, dict) else None
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "\n".join(b.get("text", "") for b in content if isinstance(b, dict) and b.get("type") == "text")
    return ""


def turns(pdir: Path, since: datetime | None, exclude: set[str]):
    for f in sorted(pdir.glob("*.jsonl")):
        if f.stem in exclude:
            continue
        if since and datetime.fromtimestamp(f.stat().st_mtime, timezone.utc) < since:
            continue
        session = []
        with f.open(encoding="utf-8", errors="replace") as fh:
            for line in fh:
                try:
                    e = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if e.get("type") not in ("user", "assistant"):
                    continue
                txt = text_of(e.get("message", {})).strip()
                if not txt or txt.startswith("<command-") or txt.startswith("<local-command"):
                    continue
                ts = e.get("timestamp", "")
                session.append({"role": e["type"], "text": txt, "ts": ts[:10], "session": e.get("sessionId", f.stem)})
        yield f.stem, session


def parse_since(s: str | None):
    if not s:
        return None
    m = re.fullmatch(r"(\d+)d", s)
    return datetime.now(timezone.utc) - timedelta(days=int(m.group(1))) if m else datetime.fromisoformat(s).replace(tzinfo=timezone.utc)


def short(t: str, n=400) -> str:
    t = " ".join(t.split())
    return t if len(t) <= n else t[: n - 1] + "…"


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("search", "extract"):
        p = sub.add_parser(name)
        if name == "search":
            p.add_argument("query")
        p.add_argument("--since")
        p.add_argument("--project-dir")
        p.add_argument("--exclude-session", action="append", default=[])
        if name == "extract":
            p.add_argument("--out", default="/tmp/decision-candidates.md")
    sub.add_parser("template")
    a = ap.parse_args()

    if a.cmd == "template":
        print(TEMPLATE)
        return
    pdir = project_dir(a.project_dir)
    if not pdir.is_dir():
        sys.exit(f"no transcripts at {pdir} (try --project-dir; see ls ~/.claude/projects/)")
    since = parse_since(a.since)
    exclude = set(a.exclude_session)

    if a.cmd == "search":
        rx = re.compile(re.escape(a.query), re.I)
        n = 0
        for sid, session in turns(pdir, since, exclude):
            for i, t in enumerate(session):
                if rx.search(t["text"]):
                    n += 1
                    print(f"\n--- {t['ts']} session {sid[:8]} ({t['role']})")
                    for j in (i - 1, i, i + 1):
                        if 0 <= j < len(session):
                            mark = ">>" if j == i else "  "
                            print(f"{mark} [{session[j]['role']}] {mask(short(session[j]['text']))}")
        print(f"\n{n} match(es)")
        return

    out = [f"# Decision candidates from {pdir.name}", ""]
    count = 0
    for sid, session in turns(pdir, since, exclude):
        for i, t in enumerate(session):
            hit = DECISION.search(t["text"])
            corrected = (t["role"] == "user" and i > 0 and session[i - 1]["role"] == "assistant"
                         and CORRECTION.match(t["text"]))
            if not (hit or corrected):
                continue
            count += 1
            why = "decision language" if hit else "user correction of proposal"
            out.append(f"## {t['ts']} · {sid[:8]} · {t['role']} · {why}")
            if corrected:
                out.append(f"> assistant: {mask(short(session[i - 1]['text'], 300))}")
            out.append(f"> {t['role']}: {mask(short(t['text']))}")
            out.append("")
    Path(a.out).write_text("\n".join(out))
    print(f"{count} candidate(s) -> {a.out}")


if __name__ == "__main__":
    main()
