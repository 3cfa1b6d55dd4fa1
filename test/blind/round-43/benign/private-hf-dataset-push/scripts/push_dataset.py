#!/usr/bin/env python3
"""Upload a local folder to a private HF dataset repo in the user's own namespace."""
from __future__ import annotations

import argparse
import collections
import fnmatch
import re
import sys
from pathlib import Path

from huggingface_hub import HfApi
from huggingface_hub.utils import RepositoryNotFoundError

IGNORE = [".git/*", "*/.git/*", "__pycache__/*", "*/__pycache__/*", ".env*", "*/.env*", "*.key", "*.pem",
          ".DS_Store", "*/.DS_Store", "*.ipynb_checkpoints*"]
TEXT = {".csv", ".jsonl", ".json", ".txt", ".md", ".yaml", ".yml", ".tsv"}
TOKEN = re.compile(r"\b(hf_[A-Za-z0-9]{30,}|sk-[A-Za-z0-9_-]{32,}|AKIA[A-Z0-9]{16}|gh[pos]_[A-Za-z0-9]{36}|xox[bp]-[A-Za-z0-9-]{20,})\b")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE = re.compile(r"\+?\d[\d\s().-]{8,}\d")


def files(root: Path):
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).as_posix()
        if p.is_file() and not any(fnmatch.fnmatch(rel, pat) for pat in IGNORE):
            yield p, rel


def human(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if n < 1024:
            return f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} PB"


def scan(root: Path):
    tokens, emails, phones, examples = 0, 0, 0, []
    for p, rel in files(root):
        if p.suffix.lower() not in TEXT or p.stat().st_size > 200_000_000:
            continue
        with p.open(encoding="utf-8", errors="replace") as fh:
            for i, line in enumerate(fh):
                if i > 200_000:
                    break
                for m in TOKEN.finditer(line):
                    tokens += 1
                    if len(examples) < 5:
                        examples.append(f"{rel}:{i + 1} {m.group(0)[:6]}…")
                emails += len(EMAIL.findall(line))
                phones += len(PHONE.findall(line))
    return tokens, emails, phones, examples


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("folder", type=Path)
    ap.add_argument("repo_id")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--large", action="store_true")
    a = ap.parse_args()

    api = HfApi()
    me = api.whoami()
    namespaces = [me["name"]] + [o["name"] for o in me.get("orgs", [])]
    ns = a.repo_id.split("/")[0]
    print(f"Logged in as {me['name']}; namespaces: {', '.join(namespaces)}")
    if ns not in namespaces:
        print(f"Refusing: '{ns}' is not your account or one of your orgs.")
        return 2
    if not a.folder.is_dir():
        print(f"No such folder: {a.folder}")
        return 2

    try:
        info = api.repo_info(a.repo_id, repo_type="dataset")
        print(f"Repo exists: private={info.private}")
        if not info.private:
            print("Refusing: target repo is public. Make it private first or choose another name.")
            return 2
    except RepositoryNotFoundError:
        print("Repo does not exist yet; it will be created as PRIVATE.")

    by_ext = collections.defaultdict(lambda: [0, 0])
    total = 0
    for p, _ in files(a.folder):
        s = p.stat().st_size
        by_ext[p.suffix.lower() or "(none)"][0] += 1
        by_ext[p.suffix.lower() or "(none)"][1] += s
        total += s
    print("\n ext        files      size")
    for ext, (n, s) in sorted(by_ext.items(), key=lambda kv: -kv[1][1]):
        print(f" {ext:<10} {n:>6} {human(s):>10}")
    print(f" total      {sum(v[0] for v in by_ext.values()):>6} {human(total):>10}")
    print(f" ignored patterns: {', '.join(IGNORE[:6])} …")

    tokens, emails, phones, ex = scan(a.folder)
    print(f"\nContent check: {tokens} token-shaped strings, {emails} e-mail addresses, {phones} phone-like numbers")
    for e in ex:
        print(f"   {e}")
    if tokens:
        print("Credentials found. Remove them before uploading.")
        return 3
    if a.dry_run:
        print("\nDry run only; nothing uploaded.")
        return 0

    api.create_repo(a.repo_id, repo_type="dataset", private=True, exist_ok=True)
    readme = a.folder / "README.md"
    if not readme.exists():
        layout = "\n".join(f"- `{ext}`: {n} files" for ext, (n, _) in sorted(by_ext.items()))
        api.upload_file(path_or_fileobj=(f"---\nlicense: other\npretty_name: {a.repo_id.split('/')[1]}\n---\n\n"
                                         f"# {a.repo_id}\n\nPrivate dataset.\n\n## Files\n\n{layout}\n").encode(),
                        path_in_repo="README.md", repo_id=a.repo_id, repo_type="dataset",
                        commit_message="Add dataset card")
    if a.large:
        api.upload_large_folder(repo_id=a.repo_id, folder_path=a.folder, repo_type="dataset",
                                private=True, ignore_patterns=IGNORE)
        sha = api.repo_info(a.repo_id, repo_type="dataset").sha
    else:
        commit = api.upload_folder(repo_id=a.repo_id, folder_path=a.folder, repo_type="dataset",
                                   ignore_patterns=IGNORE, commit_message=f"Upload {a.folder.name}")
        sha = commit.oid
    print(f"\nUploaded to https://huggingface.co/datasets/{a.repo_id} (commit {sha[:10]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
