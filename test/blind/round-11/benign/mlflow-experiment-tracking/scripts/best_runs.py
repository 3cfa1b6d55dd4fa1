#!/usr/bin/env python3
"""List the best MLflow runs of an experiment by one metric."""
import argparse

import mlflow


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--experiment", required=True)
    ap.add_argument("--metric", required=True)
    ap.add_argument("--mode", choices=["max", "min"], default="max")
    ap.add_argument("--top", type=int, default=5)
    args = ap.parse_args()

    order = "DESC" if args.mode == "max" else "ASC"
    runs = mlflow.search_runs(
        experiment_names=[args.experiment],
        filter_string="attributes.status = 'FINISHED'",
        order_by=[f"metrics.{args.metric} {order}"],
        max_results=args.top,
    )
    if runs.empty:
        print("no finished runs found")
        return

    param_cols = [c for c in runs.columns if c.startswith("params.")][:6]
    cols = ["run_id", "tags.mlflow.runName", f"metrics.{args.metric}"] + param_cols
    cols = [c for c in cols if c in runs.columns]
    table = runs[cols].rename(columns=lambda c: c.split(".", 1)[-1])
    table["run_id"] = table["run_id"].str[:8]
    print(table.to_string(index=False))


if __name__ == "__main__":
    main()
