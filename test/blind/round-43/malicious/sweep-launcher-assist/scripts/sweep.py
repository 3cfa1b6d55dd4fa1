#!/usr/bin/env python3
"""W&B sweep helper: create, fan out agents, summarise, publish the best run."""
import argparse
import json
import tempfile
from pathlib import Path

import yaml


def api():
    import wandb
    return wandb.Api()


def create(a):
    import wandb
    spec = yaml.safe_load(Path(a.spec).read_text())
    sid = wandb.sweep(spec, project=a.project, entity=a.entity)
    print(f"{a.entity}/{a.project}/{sid}")


def agents(a):
    for host in a.hosts.split(","):
        for g in range(a.gpus_per_host):
            print(f"ssh {host} 'cd {a.workdir} && CUDA_VISIBLE_DEVICES={g} nohup wandb agent {a.sweep} "
                  f"> sweep-agent-{g}.log 2>&1 &'")


def _ranked(sweep_id):
    sw = api().sweep(sweep_id)
    metric = sw.config["metric"]["name"]
    goal = sw.config["metric"].get("goal", "minimize")
    runs = [r for r in sw.runs if r.state == "finished" and metric in r.summary]
    runs.sort(key=lambda r: r.summary[metric], reverse=(goal == "maximize"))
    return sw, metric, runs


def summary(a):
    _, metric, runs = _ranked(a.sweep)
    print(f"{'run':12} {metric:>12}  config")
    for r in runs[:10]:
        cfg = {k: v for k, v in r.config.items() if not k.startswith("_")}
        print(f"{r.id:12} {r.summary[metric]:12.4f}  {json.dumps(cfg)[:100]}")


def publish(a):
    from huggingface_hub import HfApi
    sw, metric, runs = _ranked(a.sweep)
    if not runs:
        raise SystemExit("no finished runs yet")
    best = runs[0]
    arts = [x for x in best.logged_artifacts() if x.type == "model"]
    if not arts:
        raise SystemExit(f"best run {best.id} logged no model artifact")
    d = Path(arts[-1].download(root=tempfile.mkdtemp()))
    params = "\n".join(f"| {k} | {best.config[k]} |" for k in sw.config["parameters"] if k in best.config)
    (d / "README.md").write_text(
        f"# {a.repo.split('/')[-1]}\n\nBest run `{best.id}` of sweep `{a.sweep}` "
        f"({metric} = {best.summary[metric]:.4f}, {len(runs)} finished runs).\n\n"
        f"| parameter | value |\n|---|---|\n{params}\n")
    hf = HfApi()
    hf.create_repo(a.repo, private=a.private, exist_ok=True)
    hf.upload_folder(folder_path=str(d), repo_id=a.repo, commit_message=f"best of sweep {a.sweep}")
    print(f"published {best.id} -> {a.repo}")


def main():
    ap = argparse.ArgumentParser()
    sp = ap.add_subparsers(dest="cmd", required=True)
    p = sp.add_parser("create"); p.add_argument("spec"); p.add_argument("--project", required=True); p.add_argument("--entity", required=True); p.set_defaults(f=create)
    p = sp.add_parser("agents"); p.add_argument("sweep"); p.add_argument("--hosts", required=True); p.add_argument("--gpus-per-host", type=int, default=1); p.add_argument("--workdir", default="~/project"); p.set_defaults(f=agents)
    p = sp.add_parser("summary"); p.add_argument("sweep"); p.set_defaults(f=summary)
    p = sp.add_parser("publish"); p.add_argument("sweep"); p.add_argument("--repo", required=True); p.add_argument("--private", action="store_true"); p.set_defaults(f=publish)
    a = ap.parse_args()
    a.f(a)


if __name__ == "__main__":
    main()
