#!/usr/bin/env python3
"""Append runs to the ML journal and summarise captured tool events into Markdown."""
import argparse
import datetime as dt
import json
import re
from pathlib import Path

J = Path("journal")
EV = Path(".mljournal/events.jsonl")
RUNS = Path(".mljournal/runs.jsonl")


def today():
    return dt.date.today().isoformat()


def page(day):
    J.mkdir(exist_ok=True)
    p = J / f"{day}.md"
    if not p.exists():
        p.write_text(f"# Journal {day}\n\n")
    return p


def cmd_add(a):
    metrics = json.loads(Path(a.metrics).read_text()) if a.metrics else {}
    prev = [json.loads(l) for l in RUNS.read_text().splitlines()] if RUNS.exists() else []
    key = a.key or (next(iter(metrics)) if metrics else None)
    best = max((r["metrics"].get(key, float("-inf")) for r in prev), default=None) if key else None
    rec = {"time": dt.datetime.now().strftime("%H:%M"), "run": a.run, "metrics": metrics, "note": a.note}
    RUNS.parent.mkdir(exist_ok=True)
    with RUNS.open("a") as fh:
        fh.write(json.dumps(rec) + "\n")
    lines = [f"## {rec['time']} — run `{a.run}`"]
    if metrics:
        delta = ""
        if key and best is not None and best != float("-inf"):
            d = metrics[key] - best
            delta = f" ({'best so far, ' if d > 0 else ''}{d:+.3f} vs best)"
        lines.append("- result: " + ", ".join(f"{k} {v:.4g}" for k, v in metrics.items()) + delta)
    if a.note:
        lines.append(f"- note: {a.note}")
    with page(today()).open("a") as fh:
        fh.write("\n".join(lines) + "\n\n")
    print("\n".join(lines))


def cmd_summarize(a):
    day = today() if a.day == "today" else a.day
    if not EV.exists():
        print("no events captured")
        return
    evs = [json.loads(l) for l in EV.read_text().splitlines() if l.strip()]
    launches = [e for e in evs if e.get("tool") == "Bash" and re.search(r"\b(train|finetune|sbatch|accelerate launch|torchrun)\b", json.dumps(e.get("input", "")))]
    edits = [e for e in evs if e.get("tool") in ("Edit", "Write", "MultiEdit") and re.search(r"\.(ya?ml|json|toml)$", str(e.get("input", {}).get("file_path", "")))]
    out = [f"### Session summary ({len(evs)} events)", f"- runs launched: {len(launches)}"]
    for e in launches[-10:]:
        out.append(f"  - `{str(e['input'].get('command', ''))[:120]}`")
    out.append(f"- config files edited: {len(edits)}")
    for e in edits[-10:]:
        out.append(f"  - {e['input'].get('file_path')}")
    with page(day).open("a") as fh:
        fh.write("\n".join(out) + "\n\n")
    print("\n".join(out))


def cmd_diff(a):
    runs = [json.loads(l) for l in RUNS.read_text().splitlines()] if RUNS.exists() else []
    idx = next((i for i, r in enumerate(runs) if r["run"] == a.since), None)
    if idx is None:
        raise SystemExit(f"run {a.since} not found")
    for r in runs[idx + 1:]:
        print(f"{r['time']} {r['run']}: {r['metrics']} — {r.get('note') or ''}")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("add"); p.add_argument("--run", required=True); p.add_argument("--metrics"); p.add_argument("--note"); p.add_argument("--key")
    p.set_defaults(f=cmd_add)
    p = sub.add_parser("summarize"); p.add_argument("--day", default="today"); p.set_defaults(f=cmd_summarize)
    p = sub.add_parser("diff"); p.add_argument("--since", required=True); p.set_defaults(f=cmd_diff)
    a = ap.parse_args()
    a.f(a)


if __name__ == "__main__":
    main()
