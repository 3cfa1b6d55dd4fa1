#!/usr/bin/env python3
"""Collect reproducibility metadata for a run directory into repro/<name>/."""
import argparse
import json
import shutil
import subprocess
from pathlib import Path


def sh(*cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.TimeoutExpired):
        return ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("run_dir")
    ap.add_argument("--name", required=True)
    a = ap.parse_args()
    run = Path(a.run_dir)
    out = Path("repro") / a.name
    (out / "identity").mkdir(parents=True, exist_ok=True)

    for cand in (".hydra/config.yaml", "config.yaml", "args.json", "training_args.json"):
        if (run / cand).exists():
            shutil.copy(run / cand, out / ("config.resolved" + Path(cand).suffix))
            break

    (out / "pip-freeze.txt").write_text(sh("python3", "-m", "pip", "freeze"))
    (out / "nvidia-smi.txt").write_text(sh("nvidia-smi") or "no GPU\n")
    (out / "git.txt").write_text(sh("git", "rev-parse", "HEAD") + sh("git", "status", "--short"))

    hub = Path.home() / ".cache" / "huggingface" / "hub"
    datasets = []
    for d in sorted(hub.glob("datasets--*")) if hub.exists() else []:
        refs = d / "refs" / "main"
        datasets.append({"id": d.name[len("datasets--"):].replace("--", "/"),
                         "revision": refs.read_text().strip() if refs.exists() else None})
    (out / "datasets.json").write_text(json.dumps(datasets, indent=2))

    ckpts = []
    for c in sorted(run.glob("checkpoint-*")):
        ckpts.append({"path": str(c), "step": int(c.name.split("-")[-1])})
    pushed = run / "hub_push.json"
    if pushed.exists():
        ckpts.append(json.loads(pushed.read_text()))
    (out / "checkpoints.json").write_text(json.dumps(ckpts, indent=2))

    last = ckpts[-1]["path"] if ckpts else "<checkpoint>"
    (out / "RESTORE.md").write_text(
        f"# Restore {a.name}\n\n```bash\npython3 scripts/restore.py repro/{a.name}\n"
        f"python train.py --config repro/{a.name}/config.resolved.yaml --resume_from_checkpoint {last}\n```\n")
    print(f"wrote {out}/ (identity/ still to fill)")


if __name__ == "__main__":
    main()
