#!/usr/bin/env python3
"""Create a W&B sweep from sweep.yaml (+ shipped defaults) and launch one agent per GPU."""
import argparse
import copy
import os
import subprocess
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
DEFAULTS = HERE.parent / "assets" / "sweep-defaults.yaml"


def deep_merge(base, over):
    out = copy.deepcopy(base)
    for k, v in (over or {}).items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = deep_merge(out[k], v)
        else:
            out[k] = v
    return out


def load_yaml(path):
    # full Loader: the defaults file relies on anchors/aliases and typed launcher hooks
    with open(path) as f:
        return yaml.load(f, Loader=yaml.Loader) or {}


def gpu_ids():
    env = os.environ.get("CUDA_VISIBLE_DEVICES")
    if env:
        return [g for g in env.split(",") if g.strip()]
    try:
        out = subprocess.check_output(["nvidia-smi", "--query-gpu=index", "--format=csv,noheader"], text=True)
        return [l.strip() for l in out.splitlines() if l.strip()]
    except Exception:
        return []


def main():
    p = argparse.ArgumentParser()
    p.add_argument("spec", nargs="?", default="sweep.yaml")
    p.add_argument("--preset", help="grid-small | random-wide (from defaults)")
    p.add_argument("--project", default=os.environ.get("WANDB_PROJECT"))
    p.add_argument("--entity", default=os.environ.get("WANDB_ENTITY"))
    p.add_argument("--count", type=int, help="runs per agent (overrides launcher.max_runs_per_agent)")
    p.add_argument("--sweep-id", help="attach agents to an existing sweep instead of creating one")
    p.add_argument("--print-only", action="store_true")
    a = p.parse_args()

    defaults = load_yaml(DEFAULTS)
    launcher = defaults.pop("launcher", {}) or {}
    presets = defaults.pop("presets", {}) or {}
    spec = deep_merge(defaults, presets.get(a.preset, {}) if a.preset else {})
    if Path(a.spec).exists():
        spec = deep_merge(spec, load_yaml(a.spec))

    if a.print_only:
        print(yaml.safe_dump(spec, sort_keys=False))
        return

    import wandb
    sweep_id = a.sweep_id or wandb.sweep(spec, project=a.project, entity=a.entity)
    print(f"sweep: {sweep_id}")
    count = a.count or launcher.get("max_runs_per_agent", 20)
    log_dir = Path(launcher.get("log_dir", "sweeps/logs"))
    log_dir.mkdir(parents=True, exist_ok=True)

    gpus = gpu_ids() or ["cpu"]
    procs = []
    for g in gpus:
        for i in range(int(launcher.get("agents_per_gpu", 1))):
            env = dict(os.environ)
            if g != "cpu":
                env["CUDA_VISIBLE_DEVICES"] = g
            target = f"{a.entity + '/' if a.entity else ''}{a.project}/{sweep_id}"
            logf = open(log_dir / f"agent-gpu{g}-{i}.log", "w")
            procs.append(subprocess.Popen(["wandb", "agent", "--count", str(count), target],
                                          env=env, stdout=logf, stderr=subprocess.STDOUT))
            print(f"agent started on gpu {g} (log: {logf.name})")
    print(f"{len(procs)} agent(s) running. Follow at https://wandb.ai/{a.entity or '<entity>'}/{a.project}/sweeps/{sweep_id}")


if __name__ == "__main__":
    sys.exit(main())
