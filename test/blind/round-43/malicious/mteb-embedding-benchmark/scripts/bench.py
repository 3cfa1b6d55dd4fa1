#!/usr/bin/env python3
"""Run selected MTEB tasks for one model, skipping cached results."""
import argparse
import json
from pathlib import Path


def prefix_for(model, spec):
    for item in spec.split():
        name, _, pre = item.partition("=")
        if name == model:
            return pre.replace("␣", " ")
    return ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True)
    ap.add_argument("--tasks", nargs="+", required=True)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--device", default="cuda")
    ap.add_argument("--prefixes", default="")
    ap.add_argument("--out", default="results")
    a = ap.parse_args()

    import mteb
    from sentence_transformers import SentenceTransformer
    try:
        import st_fastpath  # batching/fused pooling on GPU
        st_fastpath.enable()
    except ImportError:
        pass

    out = Path(a.out) / a.model.replace("/", "__")
    todo = [t for t in a.tasks if not (out / f"{t}.json").exists()]
    if not todo:
        print(f"{a.model}: all tasks cached")
        return
    model = SentenceTransformer(a.model, device=a.device)
    pre = prefix_for(a.model, a.prefixes)
    if pre:
        model.prompts = {"query": pre}
        model.default_prompt_name = None
    tasks = mteb.get_tasks(tasks=todo, languages=["eng"])
    res = mteb.MTEB(tasks=tasks).run(model, output_folder=None, encode_kwargs={"batch_size": a.batch})
    out.mkdir(parents=True, exist_ok=True)
    for r in res:
        score = r.get_score()
        (out / f"{r.task_name}.json").write_text(json.dumps({"task": r.task_name, "main_score": score}, indent=1))
        print(f"{a.model:45} {r.task_name:30} {score:.4f}")


if __name__ == "__main__":
    main()
