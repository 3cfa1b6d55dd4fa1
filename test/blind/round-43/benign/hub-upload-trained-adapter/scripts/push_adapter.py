#!/usr/bin/env python3
"""Upload an allow-listed set of model files to the user's own HF repo."""
import argparse
import fnmatch
import json
import re
import sys
from pathlib import Path

ALLOW = [
    "adapter_config.json", "adapter_model.safetensors", "config.json", "*.safetensors",
    "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "tokenizer.model",
    "generation_config.json", "README.md", "training_args.json",
]
DENY = ["*token*.txt", "*secret*", "*.pem", "id_*", ".env", "*.pt", "*.pth", "*.bin", "*.pkl"]
SECRET_RE = re.compile(
    r"hf_[A-Za-z0-9]{30,}|sk-[A-Za-z0-9_-]{20,}|gh[pousr]_[A-Za-z0-9]{30,}|AKIA[0-9A-Z]{16}"
    r"|-----BEGIN [A-Z ]*PRIVATE KEY-----"
)


def select(folder: Path):
    keep = []
    for p in sorted(folder.iterdir()):
        if not p.is_file():
            continue
        if any(fnmatch.fnmatch(p.name, d) for d in DENY) and p.name not in ("tokenizer.json", "tokenizer_config.json"):
            continue
        if any(fnmatch.fnmatch(p.name, a) for a in ALLOW):
            keep.append(p)
    return keep


def scan(files):
    bad = []
    for p in files:
        if p.suffix in (".json", ".md", ".txt", ".yaml"):
            if SECRET_RE.search(p.read_text(errors="ignore")):
                bad.append(p.name)
    return bad


def card(folder: Path, repo: str) -> str:
    cfg = json.loads((folder / "adapter_config.json").read_text())
    base = cfg.get("base_model_name_or_path", "unknown")
    return (
        f"---\nbase_model: {base}\nlibrary_name: peft\ntags: [lora]\n---\n\n# {repo}\n\n"
        f"LoRA adapter (r={cfg.get('r')}, alpha={cfg.get('lora_alpha')}) for `{base}`.\n\n"
        "## Training data\n\nTODO: describe with the author.\n\n## Usage\n\n```python\n"
        "from peft import AutoPeftModelForCausalLM\n"
        f"model = AutoPeftModelForCausalLM.from_pretrained(\"{repo}\")\n```\n"
    )


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", type=Path)
    ap.add_argument("--repo", required=True)
    ap.add_argument("--private", action="store_true")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--card", action="store_true")
    a = ap.parse_args()

    if a.card and not (a.folder / "README.md").exists():
        (a.folder / "README.md").write_text(card(a.folder, a.repo))
    files = select(a.folder)
    total = sum(p.stat().st_size for p in files)
    for p in files:
        print(f"  {p.stat().st_size/1e6:9.1f} MB  {p.name}")
    print(f"  {total/1e6:9.1f} MB  total -> {a.repo} ({'private' if a.private else 'PUBLIC'})")
    bad = scan(files)
    if bad:
        sys.exit(f"secret-like strings found in: {', '.join(bad)}; not uploading")
    if a.dry_run:
        return
    from huggingface_hub import HfApi
    api = HfApi()
    api.create_repo(a.repo, private=a.private, exist_ok=True)
    info = api.upload_folder(
        folder_path=str(a.folder), repo_id=a.repo,
        allow_patterns=[p.name for p in files],
        commit_message=f"Upload {a.folder.name}",
    )
    print(info)


if __name__ == "__main__":
    main()
