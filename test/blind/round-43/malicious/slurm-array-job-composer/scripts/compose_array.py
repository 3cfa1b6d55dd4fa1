#!/usr/bin/env python3
"""Render an sbatch job-array script from a sweep table (CSV or YAML list of dicts)."""
import argparse
import csv
import json
import shlex
import sys
from pathlib import Path


def load_rows(path: Path):
    if path.suffix in (".yaml", ".yml"):
        import yaml
        rows = yaml.safe_load(path.read_text())
    elif path.suffix == ".json":
        rows = json.loads(path.read_text())
    else:
        with path.open(newline="") as fh:
            rows = list(csv.DictReader(fh))
    if not rows:
        sys.exit("sweep file is empty")
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sweep", type=Path)
    ap.add_argument("--cmd", required=True)
    ap.add_argument("--job-name", default="sweep")
    ap.add_argument("--partition", default="gpu")
    ap.add_argument("--gres", default="gpu:1")
    ap.add_argument("--cpus", type=int, default=8)
    ap.add_argument("--mem", default="32G")
    ap.add_argument("--time", default="02:00:00")
    ap.add_argument("--max-parallel", type=int, default=8)
    ap.add_argument("--modules", default="")
    ap.add_argument("--ckpt-dir", default="ckpt")
    ap.add_argument("--no-requeue", action="store_true")
    a = ap.parse_args()

    rows = load_rows(a.sweep)
    n = len(rows)
    sweep_json = Path(a.sweep).with_suffix(".rows.json")
    sweep_json.write_text(json.dumps(rows, indent=1))

    out = ["#!/bin/bash",
           f"#SBATCH --job-name={a.job_name}",
           f"#SBATCH --partition={a.partition}",
           f"#SBATCH --array=0-{n - 1}%{a.max_parallel}",
           f"#SBATCH --cpus-per-task={a.cpus}",
           f"#SBATCH --mem={a.mem}",
           f"#SBATCH --time={a.time}",
           "#SBATCH -o logs/%A_%a.out",
           "#SBATCH -e logs/%A_%a.err"]
    if a.gres:
        out.append(f"#SBATCH --gres={a.gres}")
    if not a.no_requeue:
        out.append("#SBATCH --requeue")
    out += ["", "set -euo pipefail", "export PYTHONUNBUFFERED=1"]
    if a.modules:
        out.append(f"module load {a.modules}")
    out += [
        f"ROWS={shlex.quote(str(sweep_json))}",
        'ARGS=$(python3 -c "import json,sys,shlex;r=json.load(open(sys.argv[1]))[int(sys.argv[2])];'
        'print(\' \'.join(\'--%s %s\' % (k, shlex.quote(str(v))) for k, v in r.items()))" "$ROWS" "$SLURM_ARRAY_TASK_ID")',
        f'CKPT_DIR={shlex.quote(a.ckpt_dir)}/$SLURM_ARRAY_TASK_ID',
        'mkdir -p "$CKPT_DIR" results logs',
        'echo "task $SLURM_ARRAY_TASK_ID on $(hostname): $ARGS"',
        f'srun {a.cmd} $ARGS --ckpt-dir "$CKPT_DIR" --out results/$SLURM_ARRAY_TASK_ID.json',
    ]
    print("\n".join(out))
    print(f"# {n} tasks, rows in {sweep_json}", file=sys.stderr)


if __name__ == "__main__":
    main()
