#!/usr/bin/env python3
"""Search local Claude Code session transcripts for Bash commands.

Reads ~/.claude/projects/**.jsonl (or $CLAUDE_CONFIG_DIR/projects). Read-only;
prints matches with secrets masked. Nothing leaves the machine.
"""
import argparse
import json
import os
import re
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

SECRET_PATTERNS = [
    (re.compile(r"(\w+://[^:/\s]+:)([^@\s]+)(@)"), r"\1****\3"),
    (re.compile(r"(?i)(authorization:\s*bearer\s+)[^\s'\"]+"), r"\1****"),
    (re.compile(r"(?i)\b(bearer\s+)[A-Za-z0-9._\-]{16,}"), r"\1****"),
    (re.compile(r"(?i)\b([A-Z0-9_]*(TOKEN|SECRET|PASSWORD|PASSWD|API_KEY|ACCESS_KEY)[A-Z0-9_]*=)(\"[^\"]*\"|'[^']*'|\S+)"), r"\1****"),
    (re.compile(r"\bAKIA[0-9A-Z]{16}\b"), "AKIA****"),
    (re.compile(r"\b(gh[pousr]_)[A-Za-z0-9]{20,}\b"), r"\1****"),
    (re.compile(r"\b(github_pat_)[A-Za-z0-9_]{20,}\b"), r"\1****"),
    (re.compile(r"\b(xox[abprs]-)[A-Za-z0-9-]{10,}\b"), r"\1****"),
    (re.compile(r"\b(sk-(?:ant-|proj-)?)[A-Za-z0-9_\-]{16,}\b"), r"\1****"),
    (re.compile(r"(-p\s*|--password[= ])(\S+)"), r"\1****"),
]


def mask(s):
    for rx, rep in SECRET_PATTERNS:
        s = rx.sub(rep, s)
    return s


def config_dir():
    return Path(os.environ.get("CLAUDE_CONFIG_DIR") or Path.home() / ".claude")


def project_slug(path):
    return re.sub(r"[\\/:.]", "-", str(path))


def project_dirs(all_projects):
    root = config_dir() / "projects"
    if not root.is_dir():
        sys.exit(f"no transcripts folder at {root}")
    if all_projects:
        return [p for p in root.iterdir() if p.is_dir()]
    slug = project_slug(Path.cwd().resolve())
    cand = root / slug
    if cand.is_dir():
        return [cand]
    # fall back to a looser match (older versions kept dots)
    loose = [p for p in root.iterdir() if p.name.replace(".", "-") == slug]
    if loose:
        return loose
    sys.exit(f"no sessions for this directory ({slug}); try --all-projects")


def parse_since(s):
    if not s:
        return None
    m = re.fullmatch(r"(\d+)([dh])", s)
    now = datetime.now(timezone.utc)
    if m:
        n, unit = int(m.group(1)), m.group(2)
        return now - (timedelta(days=n) if unit == "d" else timedelta(hours=n))
    return datetime.fromisoformat(s).replace(tzinfo=timezone.utc)


def parse_ts(ts):
    try:
        return datetime.fromisoformat(ts.replace("Z", "+00:00"))
    except (AttributeError, ValueError):
        return None


def result_text(content):
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "\n".join(c.get("text", "") for c in content if isinstance(c, dict))
    return ""


def scan_file(path, since):
    calls, results = {}, {}
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                continue
            ts = parse_ts(rec.get("timestamp", ""))
            if since and ts and ts < since:
                continue
            msg = rec.get("message") or {}
            content = msg.get("content")
            if not isinstance(content, list):
                continue
            for c in content:
                if not isinstance(c, dict):
                    continue
                if c.get("type") == "tool_use" and c.get("name") == "Bash":
                    inp = c.get("input") or {}
                    calls[c.get("id")] = {
                        "ts": ts, "cwd": rec.get("cwd", ""), "branch": rec.get("gitBranch", ""),
                        "side": bool(rec.get("isSidechain")),
                        "command": inp.get("command", ""), "description": inp.get("description", ""),
                        "session": rec.get("sessionId", path.stem),
                    }
                elif c.get("type") == "tool_result":
                    results[c.get("tool_use_id")] = (bool(c.get("is_error")), result_text(c.get("content")))
    for cid, call in calls.items():
        err, out = results.get(cid, (None, ""))
        call["ok"] = None if err is None else not err
        call["output"] = out
        yield call


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("query", nargs="?", default="")
    ap.add_argument("--regex", action="store_true")
    ap.add_argument("--all-projects", action="store_true")
    ap.add_argument("--since")
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--ok-only", action="store_true")
    g.add_argument("--errors-only", action="store_true")
    ap.add_argument("--with-output", action="store_true")
    ap.add_argument("--limit", type=int, default=30)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()

    rx = re.compile(a.query, re.I) if a.regex else None
    q = a.query.lower()
    since = parse_since(a.since)
    hits = []
    for d in project_dirs(a.all_projects):
        for f in d.glob("*.jsonl"):
            for call in scan_file(f, since):
                hay = f"{call['command']}\n{call['description']}"
                if rx and not rx.search(hay):
                    continue
                if not rx and q and q not in hay.lower():
                    continue
                if a.ok_only and call["ok"] is not True:
                    continue
                if a.errors_only and call["ok"] is not False:
                    continue
                hits.append(call)

    hits.sort(key=lambda c: c["ts"] or datetime.min.replace(tzinfo=timezone.utc), reverse=True)
    hits = hits[: a.limit]
    home = str(Path.home())

    if a.json:
        print(json.dumps([{
            "time": c["ts"].isoformat() if c["ts"] else None, "ok": c["ok"], "cwd": c["cwd"],
            "branch": c["branch"], "subagent": c["side"], "description": mask(c["description"]),
            "command": mask(c["command"]),
            **({"output": mask(c["output"][:2000])} if a.with_output else {}),
        } for c in hits], indent=2))
        return

    for c in hits:
        when = c["ts"].astimezone().strftime("%Y-%m-%d %H:%M") if c["ts"] else "????-??-?? ??:??"
        status = {True: "ok ", False: "err", None: "?  "}[c["ok"]]
        where = c["cwd"].replace(home, "~")
        br = f"  (branch {c['branch']})" if c["branch"] else ""
        sub = " [sub]" if c["side"] else ""
        print(f"{when}  {status}  {where}{br}{sub}")
        if c["description"]:
            print(f"  # {mask(c['description'])}")
        for line in mask(c["command"]).splitlines() or [""]:
            print(f"  {line}")
        if c["ok"] is False or a.with_output:
            out = mask(c["output"]).strip().splitlines()
            if out:
                print("  -> " + "\n     ".join(out[:6]))
        print()
    if not hits:
        print("no matching commands")


if __name__ == "__main__":
    main()
