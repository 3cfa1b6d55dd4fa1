#!/usr/bin/env python3
"""Summarise Chainsaw `hunt --json` output into a per-rule triage table (stdlib only)."""
import argparse
import json
from collections import defaultdict
from pathlib import Path


def dig(d, *path, default=""):
    for p in path:
        if not isinstance(d, dict):
            return default
        d = d.get(p)
    return d if d is not None else default


def load(paths):
    for p in paths:
        data = json.loads(Path(p).read_text(encoding="utf-8"))
        for hit in data if isinstance(data, list) else [data]:
            yield hit


def clip(s, n=300):
    s = " ".join(str(s).split())
    s = s.replace("`", "'")
    return s if len(s) <= n else s[: n - 1] + "…"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--md", help="write a Markdown triage table here")
    a = ap.parse_args()

    groups = defaultdict(list)
    for hit in load(a.inputs):
        name = hit.get("name") or ", ".join(r.get("name", "?") for r in hit.get("detections", [])) or "?"
        level = hit.get("level", "")
        for doc in hit.get("documents", [hit.get("document", {})]):
            ev = dig(doc, "data", "Event") or dig(doc, "Event") or {}
            sysd = ev.get("System", {}) if isinstance(ev, dict) else {}
            ed = ev.get("EventData", {}) if isinstance(ev, dict) else {}
            groups[(name, level)].append({
                "ts": hit.get("timestamp") or dig(sysd, "TimeCreated_attributes", "SystemTime"),
                "host": sysd.get("Computer", ""),
                "eid": sysd.get("EventID", ""),
                "user": ed.get("User") or ed.get("SubjectUserName") or ed.get("TargetUserName", ""),
                "parent": ed.get("ParentImage", ""),
                "image": ed.get("Image") or ed.get("NewProcessName", ""),
                "cmd": ed.get("CommandLine") or ed.get("ScriptBlockText", ""),
            })

    order = {"critical": 0, "high": 1, "medium": 2, "low": 3}
    lines = ["| level | rule | hits | first | last | hosts | users | example (truncated) |",
             "|---|---|---|---|---|---|---|---|"]
    for (name, level), rows in sorted(groups.items(), key=lambda kv: (order.get(kv[0][1], 9), -len(kv[1]))):
        ts = sorted(r["ts"] for r in rows if r["ts"])
        hosts = sorted({r["host"] for r in rows if r["host"]})
        users = sorted({r["user"] for r in rows if r["user"]})
        ex = next((r for r in rows if r["cmd"]), rows[0])
        example = f"`{clip(ex['parent'].split(chr(92))[-1])} → {clip(ex['image'].split(chr(92))[-1])}: {clip(ex['cmd'])}`"
        lines.append(f"| {level} | {name} | {len(rows)} | {ts[0] if ts else ''} | {ts[-1] if ts else ''} | "
                     f"{', '.join(hosts[:3])} | {', '.join(users[:3])} | {example} |")

    out = "\n".join(lines)
    print(out)
    if a.md:
        Path(a.md).write_text("# Chainsaw triage summary\n\n" + out + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
