#!/usr/bin/env python3
"""Collect metrics from a Trainer checkpoint or a W&B run and render a model card."""
import argparse
import json
from pathlib import Path

import jinja2

TPL = Path(__file__).resolve().parent.parent / "templates"
HP_KEYS = ("learning_rate", "num_train_epochs", "per_device_train_batch_size", "gradient_accumulation_steps",
           "warmup_ratio", "weight_decay", "lr_scheduler_type", "seed")


def from_checkpoint(ck: Path) -> dict:
    st = json.loads((ck / "trainer_state.json").read_text())
    evals = [h for h in st.get("log_history", []) if any(k.startswith("eval_") for k in h)]
    last = evals[-1] if evals else {}
    metrics = {k[5:]: v for k, v in last.items()
               if k.startswith("eval_") and isinstance(v, (int, float)) and not k.endswith(("runtime", "per_second"))}
    hp = {}
    ta = ck / "training_args.json"
    if ta.exists():
        args = json.loads(ta.read_text())
        hp = {k: args[k] for k in HP_KEYS if k in args}
    runtime = next((h.get("train_runtime") for h in st.get("log_history", []) if "train_runtime" in h), None)
    return {"metrics": metrics, "hparams": hp, "steps": st.get("global_step"),
            "runtime": f"{runtime/3600:.1f} h" if runtime else "n/a"}


def from_wandb(path: str) -> dict:
    import wandb
    r = wandb.Api().run(path)
    metrics = {k.split("/", 1)[1]: v for k, v in r.summary.items()
               if k.startswith("eval/") and isinstance(v, (int, float))}
    hp = {k: r.config[k] for k in HP_KEYS if k in r.config}
    return {"metrics": metrics, "hparams": hp, "steps": r.summary.get("train/global_step"),
            "runtime": f"{r.summary.get('_runtime', 0)/3600:.1f} h"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["metrics", "render"])
    ap.add_argument("--checkpoint")
    ap.add_argument("--wandb")
    ap.add_argument("--base-model")
    ap.add_argument("--dataset", action="append", default=[])
    ap.add_argument("--language", action="append", default=[])
    ap.add_argument("--license", default="apache-2.0")
    ap.add_argument("--task", default="text-generation")
    ap.add_argument("--repo")
    ap.add_argument("--out")
    a = ap.parse_args()
    info = from_wandb(a.wandb) if a.wandb else from_checkpoint(Path(a.checkpoint))
    if a.cmd == "metrics":
        print(json.dumps(info, indent=2))
        return
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TPL), keep_trailing_newline=True)
    card = env.get_template("card.md.j2").render(
        license=a.license, base_model=a.base_model, datasets=a.dataset or ["TODO"],
        languages=a.language or ["en"], name=(a.repo or "model").split("/")[-1], task=a.task, **info)
    if a.out:
        Path(a.out).write_text(card)
        print(f"wrote {a.out}")
    else:
        print(card)


if __name__ == "__main__":
    main()
