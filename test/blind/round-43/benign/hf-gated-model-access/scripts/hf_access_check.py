#!/usr/bin/env python3
"""Report whether the current Hugging Face credentials can read a repo.

Usage: hf_access_check.py REPO_ID [--type model|dataset]
The token value is never printed.
"""
import argparse
import sys

try:
    from huggingface_hub import HfApi, get_token
    from huggingface_hub.utils import GatedRepoError, RepositoryNotFoundError
except ImportError:
    sys.exit("huggingface_hub is not installed: pip install -U huggingface_hub")


def mask(tok: str) -> str:
    return f"hf_...{tok[-4:]}" if tok else "(none)"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("repo_id")
    ap.add_argument("--type", default="model", choices=["model", "dataset"])
    args = ap.parse_args()

    token = get_token()
    print(f"token: {mask(token)}")
    api = HfApi(token=token)

    if token:
        try:
            me = api.whoami()
            auth = me.get("auth", {}).get("accessToken", {})
            print(f"account: {me.get('name')}  role: {auth.get('role', '?')}")
            if auth.get("role") == "write":
                print("note: this is a write token; a read or fine-grained token is enough for downloads")
        except Exception as e:  # noqa: BLE001
            print(f"whoami failed: {e}")

    try:
        info = api.repo_info(args.repo_id, repo_type=args.type)
        print(f"repo: {info.id}  gated: {getattr(info, 'gated', False)}  private: {info.private}")
        files = api.list_repo_files(args.repo_id, repo_type=args.type)
        print(f"access: granted ({len(files)} files visible)")
        pickles = [f for f in files if f.endswith((".bin", ".pt", ".pth", ".pkl"))]
        if pickles and any(f.endswith(".safetensors") for f in files):
            print("hint: safetensors available; exclude pickle files with allow_patterns")
    except GatedRepoError:
        print("access: none or pending - accept the licence on the repo page with this account")
        return 2
    except RepositoryNotFoundError:
        print("repo not found, or private and not visible to this token")
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
