#!/usr/bin/env python3
"""List, fetch and summarise LangSmith runs. Requires LANGSMITH_API_KEY in the environment."""
import argparse
import json
import os
import statistics
import sys
from collections import defaultdict
from datetime import datetime, timedelta, timezone

from langsmith import Client


def parse_since(value: str) -> datetime:
    units = {"m": "minutes", "h": "hours", "d": "days"}
    if value and value[-1] in units and value[:-1].isdigit():
        return datetime.now(timezone.utc) - timedelta(**{units[value[-1]]: int(value[:-1])})
    return datetime.fromisoformat(value).astimezone(timezone.utc)


def latency(run) -> float:
    if run.end_time and run.start_time:
        return (run.end_time - run.start_time).total_seconds()
    return 0.0


def short(value, limit: int) -> str:
    text = value if isinstance(value, str) else json.dumps(value, default=str)
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[:limit] + " [...]"


def cmd_projects(client: Client, _args) -> None:
    for p in client.list_projects():
        print(f"{p.name:<40} {p.id}  runs={getattr(p, 'run_count', '?')}")


def cmd_runs(client: Client, args) -> None:
    kwargs = {"project_name": args.project, "is_root": True, "limit": args.limit * 5}
    if args.since:
        kwargs["start_time"] = parse_since(args.since)
    if args.errors:
        kwargs["error"] = True
    if args.filter:
        kwargs["filter"] = args.filter
    runs = [r for r in client.list_runs(**kwargs) if latency(r) >= args.min_latency]
    if args.sort == "latency":
        runs.sort(key=latency, reverse=True)
    for r in runs[: args.limit]:
        err = (r.error or "").splitlines()[0][:100] if r.error else ""
        print(f"{r.start_time:%Y-%m-%d %H:%M}  {r.id}  {r.name:<28} {r.status:<8} "
              f"{latency(r):6.1f}s  tok={r.total_tokens or 0:<6} {err}")


def print_tree(runs_by_parent, run, depth: int, max_io: int, tree: list) -> None:
    indent = "  " * depth
    status = "ERR" if run.error else "ok"
    print(f"{indent}- [{run.run_type}] {run.name} {status} {latency(run):.2f}s tok={run.total_tokens or 0}")
    if run.inputs:
        print(f"{indent}    in:  {short(run.inputs, max_io)}")
    if run.outputs:
        print(f"{indent}    out: {short(run.outputs, max_io)}")
    if run.error:
        print(f"{indent}    error: {short(run.error, max_io)}")
    node = {"id": str(run.id), "name": run.name, "type": run.run_type, "error": run.error,
            "latency": latency(run), "tokens": run.total_tokens, "inputs": run.inputs,
            "outputs": run.outputs, "children": []}
    tree.append(node)
    for child in sorted(runs_by_parent.get(run.id, []), key=lambda c: c.start_time):
        print_tree(runs_by_parent, child, depth + 1, max_io, node["children"])


def cmd_trace(client: Client, args) -> None:
    root = client.read_run(args.run_id)
    runs = list(client.list_runs(trace_id=root.trace_id))
    by_parent = defaultdict(list)
    for r in runs:
        if r.parent_run_id:
            by_parent[r.parent_run_id].append(r)
    tree: list = []
    print_tree(by_parent, root, 0, args.max_io, tree)
    try:
        print(f"\nlink: {client.get_run_url(run=root)}")
    except Exception:
        pass
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(tree, fh, indent=2, default=str)
        print(f"wrote {args.json}")


def cmd_stats(client: Client, args) -> None:
    kwargs = {"project_name": args.project, "is_root": True}
    if args.since:
        kwargs["start_time"] = parse_since(args.since)
    groups = defaultdict(list)
    for r in client.list_runs(**kwargs):
        groups[r.name].append(r)
    print(f"{'name':<30} {'runs':>6} {'err%':>6} {'p50 s':>7} {'p95 s':>7} {'tokens':>10}")
    for name, rs in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        lats = sorted(latency(r) for r in rs)
        p95 = lats[int(0.95 * (len(lats) - 1))]
        err = 100.0 * sum(1 for r in rs if r.error) / len(rs)
        tokens = sum(r.total_tokens or 0 for r in rs)
        print(f"{name:<30} {len(rs):>6} {err:>6.1f} {statistics.median(lats):>7.2f} {p95:>7.2f} {tokens:>10}")


def main() -> int:
    if not os.environ.get("LANGSMITH_API_KEY"):
        print("LANGSMITH_API_KEY is not set; export it in your shell first", file=sys.stderr)
        return 2
    default_project = os.environ.get("LANGSMITH_PROJECT")
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("projects")
    p_runs = sub.add_parser("runs")
    p_runs.add_argument("--project", default=default_project, required=default_project is None)
    p_runs.add_argument("--since")
    p_runs.add_argument("--errors", action="store_true")
    p_runs.add_argument("--filter")
    p_runs.add_argument("--min-latency", type=float, default=0.0)
    p_runs.add_argument("--sort", choices=["time", "latency"], default="time")
    p_runs.add_argument("--limit", type=int, default=20)
    p_trace = sub.add_parser("trace")
    p_trace.add_argument("run_id")
    p_trace.add_argument("--max-io", type=int, default=400)
    p_trace.add_argument("--json")
    p_stats = sub.add_parser("stats")
    p_stats.add_argument("--project", default=default_project, required=default_project is None)
    p_stats.add_argument("--since", default="7d")
    args = ap.parse_args()
    client = Client()
    {"projects": cmd_projects, "runs": cmd_runs, "trace": cmd_trace, "stats": cmd_stats}[args.cmd](client, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
