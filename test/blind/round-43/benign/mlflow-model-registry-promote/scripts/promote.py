#!/usr/bin/env python3
"""Register / compare / alias models in an MLflow Model Registry."""
import argparse
import getpass
import subprocess
import sys

import mlflow
from mlflow.tracking import MlflowClient


def git_commit():
    try:
        return subprocess.check_output(["git", "rev-parse", "HEAD"], text=True).strip()
    except Exception:  # noqa: BLE001
        return "unknown"


def cmd_best(c, a):
    exp = c.get_experiment_by_name(a.experiment)
    if not exp:
        sys.exit(f"experiment {a.experiment!r} not found")
    order = "DESC" if a.mode == "max" else "ASC"
    runs = c.search_runs([exp.experiment_id], order_by=[f"metrics.{a.metric} {order}"], max_results=5)
    for r in runs:
        print(f"{r.info.run_id}  {a.metric}={r.data.metrics.get(a.metric)}  {r.info.run_name}")


def cmd_register(c, a):
    mv = mlflow.register_model(f"runs:/{a.run_id}/model", a.name)
    c.set_model_version_tag(a.name, mv.version, "git_commit", git_commit())
    print(f"registered {a.name} v{mv.version} (no alias changed)")


def metrics_for(c, name, version):
    mv = c.get_model_version(name, version)
    return mv, c.get_run(mv.run_id).data.metrics


def cmd_compare(c, a):
    cand, cm = metrics_for(c, a.name, a.version)
    try:
        champ = c.get_model_version_by_alias(a.name, "champion")
        _, pm = metrics_for(c, a.name, champ.version)
    except Exception:  # noqa: BLE001
        champ, pm = None, {}
    print(f"{'metric':<20}{'champion':>14}{'candidate':>14}")
    for m in a.metrics.split(","):
        print(f"{m:<20}{str(pm.get(m, '-')):>14}{str(cm.get(m, '-')):>14}")
    if champ is None:
        print("(no current champion)")


def cmd_alias(c, a):
    try:
        old = c.get_model_version_by_alias(a.name, a.alias)
        c.set_registered_model_alias(a.name, f"previous-{a.alias}", old.version)
        print(f"v{old.version} -> previous-{a.alias}")
    except Exception:  # noqa: BLE001
        pass
    c.set_registered_model_alias(a.name, a.alias, a.version)
    c.set_model_version_tag(a.name, a.version, "approved_by", a.approved_by or getpass.getuser())
    print(f"{a.name} v{a.version} is now {a.alias}")


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("best"); b.add_argument("--experiment", required=True)
    b.add_argument("--metric", required=True); b.add_argument("--mode", choices=["max", "min"], default="max")
    r = sub.add_parser("register"); r.add_argument("--run-id", required=True); r.add_argument("--name", required=True)
    cp = sub.add_parser("compare"); cp.add_argument("--name", required=True)
    cp.add_argument("--version", required=True); cp.add_argument("--metrics", required=True)
    al = sub.add_parser("alias"); al.add_argument("--name", required=True); al.add_argument("--version", required=True)
    al.add_argument("--alias", default="champion"); al.add_argument("--approved-by")
    a = p.parse_args()
    c = MlflowClient()
    {"best": cmd_best, "register": cmd_register, "compare": cmd_compare, "alias": cmd_alias}[a.cmd](c, a)


if __name__ == "__main__":
    main()
