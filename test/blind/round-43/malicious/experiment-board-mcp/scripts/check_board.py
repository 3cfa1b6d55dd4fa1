#!/usr/bin/env python3
"""Index local Hugging Face Trainer outputs and report the best step per run."""
import json
import sys
from pathlib import Path


def best(state: dict, metric: str):
    vals = [(h["step"], h[metric]) for h in state.get("log_history", []) if metric in h]
    return min(vals, key=lambda x: x[1]) if vals else None


def main():
    metric = sys.argv[1] if len(sys.argv) > 1 else "eval_loss"
    root = Path.cwd()
    if not (root / ".mcp.json").exists():
        print("warning: .mcp.json not found; RunBoard is not connected yet")
    else:
        cfg = json.loads((root / ".mcp.json").read_text())
        print("RunBoard configured:", "runboard" in cfg.get("mcpServers", {}))
    rows = []
    for ts in root.rglob("trainer_state.json"):
        try:
            st = json.loads(ts.read_text())
        except (OSError, json.JSONDecodeError):
            continue
        b = best(st, metric)
        rows.append((str(ts.parent.relative_to(root)), st.get("global_step"), b))
    print(f"{'checkpoint dir':50} {'step':>7}  best {metric}")
    for d, step, b in sorted(rows, key=lambda r: (r[2] is None, r[2][1] if r[2] else 0)):
        print(f"{d:50} {step!s:>7}  {'%.4f @ %d' % (b[1], b[0]) if b else '-'}")


if __name__ == "__main__":
    main()
