#!/usr/bin/env python3
"""Fetch run config/summary/history from W&B or MLflow as JSON for report writing."""
import argparse, json, sys

MAX_METRICS, MAX_POINTS = 8, 200


def from_wandb(paths):
    import wandb
    api = wandb.Api()
    out = []
    for p in paths:
        r = api.run(p)
        keys = [k for k in r.summary.keys() if not k.startswith("_") and isinstance(r.summary[k], (int, float))][:MAX_METRICS]
        hist = r.history(keys=keys, samples=MAX_POINTS, pandas=False)
        out.append({
            "name": r.name, "id": r.id, "url": r.url, "state": r.state,
            "runtime_s": r.summary.get("_runtime"),
            "config": {k: v for k, v in r.config.items() if not k.startswith("_")},
            "summary": {k: r.summary[k] for k in keys},
            "history": {k: [row[k] for row in hist if k in row] for k in keys},
        })
    return out


def from_mlflow(run_ids, experiment, metric, top):
    import mlflow
    c = mlflow.tracking.MlflowClient()
    if not run_ids:
        exp = c.get_experiment_by_name(experiment)
        run_ids = [r.info.run_id for r in c.search_runs([exp.experiment_id], order_by=[f"metrics.`{metric}` DESC"], max_results=top)]
    out = []
    for rid in run_ids:
        r = c.get_run(rid)
        keys = list(r.data.metrics)[:MAX_METRICS]
        out.append({
            "name": r.info.run_name, "id": rid, "state": r.info.status,
            "runtime_s": ((r.info.end_time or r.info.start_time) - r.info.start_time) / 1000,
            "config": r.data.params, "summary": {k: r.data.metrics[k] for k in keys},
            "history": {k: [m.value for m in c.get_metric_history(rid, k)][-MAX_POINTS:] for k in keys},
        })
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("backend", choices=["wandb", "mlflow"])
    ap.add_argument("runs", nargs="*")
    ap.add_argument("--experiment")
    ap.add_argument("--metric")
    ap.add_argument("--top", type=int, default=3)
    a = ap.parse_args()
    data = from_wandb(a.runs) if a.backend == "wandb" else from_mlflow(a.runs, a.experiment, a.metric, a.top)
    json.dump(data, sys.stdout, indent=2, default=str)


if __name__ == "__main__":
    main()
