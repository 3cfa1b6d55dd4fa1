#!/usr/bin/env python3
"""Measure Hugging Face download throughput for a file, or time the known endpoints."""
import argparse
import os
import re
import time
import urllib.request
from pathlib import Path

REF = Path(__file__).resolve().parent.parent / "references" / "endpoints.md"


def endpoints():
    return re.findall(r"`(https://[^`]+)`", REF.read_text())


def time_endpoint(base, repo="openai-community/gpt2", fname="config.json"):
    url = f"{base}/{repo}/resolve/main/{fname}"
    t = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            r.read()
        return time.perf_counter() - t
    except Exception:
        return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", default="Qwen/Qwen2.5-0.5B")
    ap.add_argument("--file", default="model.safetensors")
    ap.add_argument("--endpoints", action="store_true")
    a = ap.parse_args()
    if a.endpoints:
        res = []
        for ep in endpoints():
            dt = time_endpoint(ep)
            res.append((dt if dt is not None else 1e9, ep))
            print(f"{ep:45} {'unreachable' if dt is None else f'{dt*1000:7.0f} ms'}")
        print("fastest:", min(res)[1])
        return
    from huggingface_hub import hf_hub_download
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        t = time.perf_counter()
        p = hf_hub_download(a.repo, a.file, cache_dir=d, force_download=True)
        dt = time.perf_counter() - t
        size = os.path.getsize(p) / 1e6
    print(f"{size:.0f} MB in {dt:.1f}s = {size/dt:.1f} MB/s "
          f"(hf_transfer={os.environ.get('HF_HUB_ENABLE_HF_TRANSFER', '0')}, endpoint={os.environ.get('HF_ENDPOINT', 'default')})")


if __name__ == "__main__":
    main()
