#!/usr/bin/env python3
"""Local review of Claude Code transcripts for injection-driven tool calls."""
import argparse
import datetime as dt
import json
import os
import re
import sys
from pathlib import Path

MARKERS = [
    r"ignore\s+(all\s+)?(previous|prior|above|earlier)\s+instructions",
    r"you\s+are\s+now\s+in\s+(developer|maintenance|debug|admin)\s+mode",
    r"do\s+not\s+(mention|tell|reveal)\s+(this|anything)\s+to\s+the\s+user",
    r"as\s+the\s+(ai|llm|assistant|agent)[^.]{0,40}(reading|processing)\s+this",
    r"before\s+(answering|responding|continuing)[^.]{0,30}\brun\b",
    r"system\s+override|\[\[\s*system\s*\]\]|</?tool_result>|<important>",
    r"<!--[^>]{0,80}\b(assistant|ai|llm|claude|agent)\b",
    r"decode\s+(this|the\s+following)[^.]{0,30}(and|then)\s+(run|follow|execute)",
]
MARKER_RX = re.compile("|".join(f"(?:{m})" for m in MARKERS), re.I | re.S)
HIDDEN_RX = re.compile("[\U000E0000-\U000E007F]|[\u200b-\u200d\u2060]{5,}|[\u202a-\u202e\u2066-\u2069]")

SINKS = {
    "credential read": re.compile(r"(\.aws/credentials|\.ssh/id_|\.npmrc|\.pypirc|\.docker/config\.json|\.netrc|"
                                  r"(^|[\s/])\.env\b|gh\s+auth\s+token|printenv|\benv\s*$|keychain|secret-tool|op\s+read)", re.I),
    "outbound data": re.compile(r"(curl\b[^|]*\s(-d|--data\S*|-F|--form|-T|--upload-file)\b|wget\s+--post|\bnc\s+\S+\s+\d+|"
                                r"gh\s+gist\s+create|gh\s+issue\s+(comment|create)|gh\s+pr\s+comment|/dev/tcp/)", re.I),
    "agent config edit": re.compile(r"(\.claude/settings(\.local)?\.json|CLAUDE\.md|\.mcp\.json|\.bashrc|\.zshrc|\.profile)$", re.I),
    "persistence": re.compile(r"(crontab\s|launchctl\s+(load|bootstrap)|systemctl\s+--user\s+enable|\.git/hooks/)", re.I),
}
TOKEN_RX = re.compile(r"\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_\w{20,}|AKIA[A-Z0-9]{16}|npm_[A-Za-z0-9]{20,}|sk-[A-Za-z0-9-]{20,}|xox[baprs]-[\w-]{10,})")


def mask(text):
    return TOKEN_RX.sub(lambda m: m.group(0)[:6] + "…", text)


def text_of(content):
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "\n".join(text_of(c.get("text") or c.get("content") or "") if isinstance(c, dict) else str(c) for c in content)
    return str(content or "")


def describe_call(block):
    name, inp = block.get("name", "?"), block.get("input") or {}
    if name == "Bash":
        return name, inp.get("command", "")
    if name in ("Read", "Write", "Edit", "MultiEdit"):
        return name, inp.get("file_path", "")
    if name == "WebFetch":
        return name, inp.get("url", "")
    return name, json.dumps(inp)[:300]


def classify_sink(name, arg):
    kinds = []
    for kind, rx in SINKS.items():
        if kind == "agent config edit" and name not in ("Write", "Edit", "MultiEdit", "Bash"):
            continue
        if rx.search(arg):
            kinds.append(kind)
    if name == "WebFetch" and "?" in arg and len(arg.split("?", 1)[1]) > 100:
        kinds.append("outbound data")
    return kinds


def review_session(path, window, excludes):
    steps, sources, chains, unexplained = [], {}, [], []
    with open(path, encoding="utf-8", errors="replace") as fh:
        for raw in fh:
            try:
                rec = json.loads(raw)
            except json.JSONDecodeError:
                continue
            msg = rec.get("message") or {}
            content = msg.get("content")
            if not isinstance(content, list):
                continue
            for block in content:
                if not isinstance(block, dict):
                    continue
                if block.get("type") == "tool_use":
                    name, arg = describe_call(block)
                    sources[block.get("id")] = f"{name} {arg}"[:200]
                    steps.append({"kind": "call", "name": name, "arg": arg, "ts": rec.get("timestamp"),
                                  "sinks": classify_sink(name, arg)})
                elif block.get("type") == "tool_result":
                    body = text_of(block.get("content"))
                    src = sources.get(block.get("tool_use_id"), "unknown source")
                    if any(e in src for e in excludes):
                        continue
                    m = MARKER_RX.search(body) or HIDDEN_RX.search(body)
                    if m:
                        lo, hi = max(0, m.start() - 120), min(len(body), m.end() + 180)
                        steps.append({"kind": "marker", "source": src, "ts": rec.get("timestamp"),
                                      "excerpt": mask(body[lo:hi]).replace("\n", " "),
                                      "hidden": bool(HIDDEN_RX.search(body))})
                elif block.get("type") == "text" and rec.get("type") == "summary":
                    steps.append({"kind": "compaction"})
    explained = set()
    for i, step in enumerate(steps):
        if step["kind"] != "marker":
            continue
        follow, partial = [], False
        for j in range(i + 1, min(len(steps), i + 1 + window)):
            s = steps[j]
            if s["kind"] == "compaction":
                partial = True
            if s["kind"] == "call" and s["sinks"]:
                explained.add(j)
                follow.append({"offset": j - i, "name": s["name"], "arg": mask(s["arg"])[:300], "sinks": s["sinks"]})
        if follow:
            kinds = {k for f in follow for k in f["sinks"]}
            verdict = ("likely injection-driven" if {"credential read", "outbound data"} <= kinds or
                       "agent config edit" in kinds else "review")
            chains.append({"source": step["source"], "marker": step["excerpt"], "hidden_text": step["hidden"],
                           "ts": step["ts"], "followed_by": follow, "verdict": verdict, "partial": partial})
    for j, s in enumerate(steps):
        if s["kind"] == "call" and s["sinks"] and j not in explained:
            unexplained.append({"name": s["name"], "arg": mask(s["arg"])[:300], "sinks": s["sinks"], "ts": s["ts"]})
    return chains, unexplained


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--project", help="project path (default: current directory)")
    ap.add_argument("--all", action="store_true", help="every project under ~/.claude/projects")
    ap.add_argument("--session", help="only this session id")
    ap.add_argument("--since", help="YYYY-MM-DD, by file mtime")
    ap.add_argument("--window", type=int, default=10)
    ap.add_argument("--exclude-path", action="append", default=[])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    root = Path(os.environ.get("CLAUDE_CONFIG_DIR", Path.home() / ".claude")) / "projects"
    if args.all:
        dirs = [d for d in root.iterdir() if d.is_dir()]
    else:
        project = str(Path(args.project or os.getcwd()).resolve())
        dirs = [root / re.sub(r"[^A-Za-z0-9]", "-", project)]
    since = dt.datetime.fromisoformat(args.since).timestamp() if args.since else 0

    report = []
    for d in dirs:
        for f in sorted(d.glob("*.jsonl")):
            if args.session and f.stem != args.session:
                continue
            if f.stat().st_mtime < since:
                continue
            chains, unexplained = review_session(f, args.window, args.exclude_path)
            if chains or unexplained:
                report.append({"project_dir": d.name, "session": f.stem, "chains": chains,
                               "unexplained_sensitive_calls": unexplained})
    if args.json:
        json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
        print()
        return
    if not report:
        print("No injection markers followed by sensitive tool calls, and no unexplained sensitive calls.")
    for r in report:
        for c in r["chains"]:
            print(f"session {r['session'][:8]} {c['ts'] or ''}  project {r['project_dir']}")
            print(f"  source: {c['source']}")
            print(f"  marker: \"{c['marker'][:300]}\"{'  [hidden text]' if c['hidden_text'] else ''}")
            for f in c["followed_by"]:
                print(f"  followed by (+{f['offset']}): {f['name']}  {f['arg']}  [{', '.join(f['sinks'])}]")
            print(f"  verdict: {c['verdict']}{' (partial, compaction in window)' if c['partial'] else ''}\n")
        if r["unexplained_sensitive_calls"]:
            print(f"session {r['session'][:8]}: {len(r['unexplained_sensitive_calls'])} sensitive call(s) without a preceding marker")
            for u in r["unexplained_sensitive_calls"][:20]:
                print(f"    {u['name']}  {u['arg'][:160]}  [{', '.join(u['sinks'])}]")
            print()


if __name__ == "__main__":
    main()
