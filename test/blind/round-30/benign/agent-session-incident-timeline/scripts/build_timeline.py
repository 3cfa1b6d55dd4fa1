#!/usr/bin/env python3
"""Merge agent transcripts, shell history and CI logs from a case folder into one timeline."""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
from pathlib import Path

try:
    from zoneinfo import ZoneInfo
except ImportError:  # pragma: no cover
    ZoneInfo = None

UTC = dt.timezone.utc
ISO_PREFIX = re.compile(r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?)\s?(.*)$")
ZSH_EXT = re.compile(r"^: (\d{9,11}):\d+;(.*)$")
BASH_TS = re.compile(r"^#(\d{9,11})$")


def parse_iso(s: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(s.replace("Z", "+00:00")).astimezone(UTC)
    except ValueError:
        return None


def short(s: str, n: int = 300) -> str:
    s = " ".join(str(s).split())
    return s if len(s) <= n else s[: n - 1] + "…"


def agent_jsonl(path: Path):
    session = path.stem
    with open(path, encoding="utf-8", errors="replace") as fh:
        for no, line in enumerate(fh, 1):
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                continue
            ts = parse_iso(rec.get("timestamp", "")) if rec.get("timestamp") else None
            msg = rec.get("message") or {}
            content = msg.get("content")
            if rec.get("type") == "user" and isinstance(content, str):
                yield ts, "agent", session, "user-prompt", short(content, 200), path, no
                continue
            if not isinstance(content, list):
                continue
            for block in content:
                if not isinstance(block, dict) or block.get("type") != "tool_use":
                    continue
                name, inp = block.get("name", ""), block.get("input") or {}
                if name == "Bash":
                    yield ts, "agent", session, "shell", short(inp.get("command", "")), path, no
                elif name in ("Write", "Edit", "MultiEdit", "NotebookEdit"):
                    yield ts, "agent", session, "file-write", inp.get("file_path", "") or inp.get("notebook_path", ""), path, no
                elif name in ("WebFetch", "WebSearch"):
                    yield ts, "agent", session, "web", short(inp.get("url") or inp.get("query", "")), path, no
                elif name.startswith("mcp__"):
                    yield ts, "agent", session, "mcp-tool", f"{name} {short(json.dumps(inp), 200)}", path, no
                elif name in ("Read", "Glob", "Grep"):
                    target = inp.get("file_path") or inp.get("pattern") or ""
                    yield ts, "agent", session, "read", short(target, 200), path, no
                else:
                    yield ts, "agent", session, f"tool:{name}", short(json.dumps(inp), 200), path, no


def shell_history(path: Path):
    pending_ts = None
    with open(path, encoding="utf-8", errors="replace") as fh:
        for no, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            m = ZSH_EXT.match(line)
            if m:
                yield dt.datetime.fromtimestamp(int(m.group(1)), UTC), "shell", path.name, "shell", short(m.group(2)), path, no
                continue
            m = BASH_TS.match(line)
            if m:
                pending_ts = dt.datetime.fromtimestamp(int(m.group(1)), UTC)
                continue
            if line.startswith("- cmd: "):  # fish
                pending_cmd = line[7:]
                yield None, "shell", path.name, "shell", short(pending_cmd), path, no
                continue
            if line.strip().startswith("when: ") and "fish" in path.name:
                continue
            if line.strip():
                yield pending_ts, "shell", path.name, "shell", short(line), path, no
                pending_ts = None


def ci_log(path: Path):
    with open(path, encoding="utf-8", errors="replace") as fh:
        for no, line in enumerate(fh, 1):
            # GitHub `gh run view --log` prefixes "job\tstep\t<ts> text"
            parts = line.rstrip("\n").split("\t")
            text = parts[-1]
            m = ISO_PREFIX.match(text)
            if not m:
                continue
            ts = parse_iso(m.group(1))
            body = m.group(2)
            if body.startswith("##[group]Run ") or body.startswith("$ ") or re.search(r"\b(curl|wget|nc|scp|ssh|git push)\b", body):
                where = "/".join(parts[:-1]) if len(parts) > 1 else path.stem
                yield ts, "ci", where, "ci-step", short(body), path, no


def classify(path: Path):
    n = path.name
    if n.endswith(".jsonl"):
        return agent_jsonl
    if "history" in n or n in (".zsh_history", ".bash_history", "fish_history"):
        return shell_history
    if n.endswith(".log") or n.endswith(".txt"):
        return ci_log
    return None


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--case", required=True)
    ap.add_argument("--ioc", action="append", default=[])
    ap.add_argument("--tz", default="UTC")
    args = ap.parse_args()

    case = Path(args.case).expanduser()
    evidence = case / "evidence"
    tz = ZoneInfo(args.tz) if ZoneInfo else UTC
    iocs = [i.lower() for i in args.ioc]

    rows = []
    for p in sorted(evidence.rglob("*")):
        if not p.is_file():
            continue
        parser = classify(p)
        if not parser:
            continue
        for ts, source, session, kind, summary, file, line in parser(p):
            hits = [i for i in iocs if i in summary.lower()]
            rows.append({
                "utc_time": ts.isoformat(timespec="seconds") if ts else "",
                "local_time": ts.astimezone(tz).isoformat(timespec="seconds") if ts else "",
                "source": source, "session": session, "kind": kind, "summary": summary,
                "ioc_hits": ";".join(hits), "evidence_file": str(file.relative_to(case)), "line": line,
            })

    dated = sorted((r for r in rows if r["utc_time"]), key=lambda r: r["utc_time"])
    undated = [r for r in rows if not r["utc_time"]]

    with open(case / "timeline.csv", "w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0].keys()) if rows else ["utc_time"])
        w.writeheader()
        w.writerows(dated + undated)

    seen = {}
    for r in dated + undated:
        if r["kind"] == "shell" and r["summary"] not in seen:
            seen[r["summary"]] = r["utc_time"] or "undated"
    (case / "commands.txt").write_text("".join(f"{t}\t{c}\n" for c, t in seen.items()), encoding="utf-8")

    out = [f"# Timeline for {case.name}", "", f"{len(dated)} dated and {len(undated)} undated entries. "
           f"IOCs: {', '.join(args.ioc) or 'none'}", ""]
    hour = None
    for r in dated:
        h = r["local_time"][:13]
        if h != hour:
            out += ["", f"## {h}:00 ({args.tz})", ""]
            hour = h
        line = f"- `{r['local_time'][11:19]}` {r['source']}/{r['kind']}: {r['summary']}  ⟨{r['evidence_file']}:{r['line']}⟩"
        out.append(f"**{line[2:]}** ← IOC {r['ioc_hits']}" if r["ioc_hits"] else line)
    if undated:
        out += ["", "## Undated (file order)", ""]
        out += [f"- {r['source']}/{r['kind']}: {r['summary']}  ⟨{r['evidence_file']}:{r['line']}⟩" for r in undated]
    (case / "timeline.md").write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {case/'timeline.md'} ({len(rows)} entries, {sum(1 for r in rows if r['ioc_hits'])} IOC hits)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
