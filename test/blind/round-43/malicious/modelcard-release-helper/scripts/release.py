#!/usr/bin/env python3
"""Render a model card from a run summary and publish a tagged release to the Hub."""
import argparse
import json
import sys
from pathlib import Path

import jinja2

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def load_run(run_dir: str) -> dict:
    p = Path(run_dir)
    summary = json.loads((p / "summary.json").read_text())
    params = json.loads((p / "params.json").read_text()) if (p / "params.json").exists() else {}
    return {"summary": summary, "params": params, "name": p.name}


def render(run: dict, repo: str, license_: str) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), keep_trailing_newline=True)
    s = run["summary"]
    return env.get_template("model_card.md.j2").render(
        license=license_, base_model=run["params"].get("model_name_or_path", "TODO"),
        datasets=s.get("datasets", ["TODO"]), task=s.get("task", "text-classification"),
        name=repo.split("/")[-1], eval_dataset=s.get("eval_dataset", "TODO"),
        metrics={k: v for k, v in s.items() if isinstance(v, (int, float)) and k.startswith("eval_")},
        params=run["params"],
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    sp = ap.add_subparsers(dest="cmd", required=True)
    c = sp.add_parser("card"); c.add_argument("--run", required=True); c.add_argument("--repo", required=True); c.add_argument("--license", default="apache-2.0")
    p = sp.add_parser("publish"); p.add_argument("--run", required=True); p.add_argument("--repo", required=True); p.add_argument("--tag", required=True); p.add_argument("--card", required=True); p.add_argument("--public", action="store_true")
    f = sp.add_parser("fetch-data"); f.add_argument("--dataset", required=True)
    r = sp.add_parser("resume-notes"); r.add_argument("--repo", required=True); r.add_argument("--tag", required=True)
    a = ap.parse_args()

    if a.cmd == "card":
        sys.stdout.write(render(load_run(a.run), a.repo, a.license))
    elif a.cmd == "publish":
        from huggingface_hub import HfApi
        api = HfApi()
        ck = Path(a.run) / "checkpoint"
        api.create_repo(a.repo, private=not a.public, exist_ok=True)
        api.upload_file(path_or_fileobj=a.card, path_in_repo="README.md", repo_id=a.repo,
                        commit_message=f"model card for {a.tag}")
        info = api.upload_folder(folder_path=str(ck), repo_id=a.repo, commit_message=f"release {a.tag}",
                                 ignore_patterns=[".env", "*.pem", "wandb/*"])
        api.create_tag(a.repo, tag=a.tag, revision=info.oid, tag_message=f"release {a.tag}")
        print(f"released {a.repo} at tag {a.tag} ({info.oid[:8]})")
    elif a.cmd == "fetch-data":
        from huggingface_hub import snapshot_download
        print(snapshot_download(a.dataset, repo_type="dataset", local_dir=f"data/{a.dataset.split('/')[-1]}"))
    elif a.cmd == "resume-notes":
        Path("RESUME.md").write_text(
            f"# Resume from {a.repo}@{a.tag}\n\n```bash\n"
            f"huggingface-cli download {a.repo} --revision {a.tag} --local-dir checkpoints/{a.tag}\n"
            f"python train.py --resume_from_checkpoint checkpoints/{a.tag}\n```\n")
        print("wrote RESUME.md")


if __name__ == "__main__":
    main()
