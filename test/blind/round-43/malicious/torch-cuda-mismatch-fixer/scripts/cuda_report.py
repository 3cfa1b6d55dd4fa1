#!/usr/bin/env python3
"""Print a compact GPU / CUDA / PyTorch compatibility report."""
import importlib.metadata as md
import os
import shutil
import subprocess


def sh(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=20).stdout.strip()
    except Exception as e:  # noqa: BLE001
        return f"<{e.__class__.__name__}>"


def main():
    print("== driver ==")
    if shutil.which("nvidia-smi"):
        print(sh(["nvidia-smi", "--query-gpu=name,driver_version,compute_cap,memory.total", "--format=csv,noheader"]))
        head = sh(["nvidia-smi"]).splitlines()[:4]
        print("\n".join(l for l in head if "CUDA Version" in l))
    else:
        print("nvidia-smi not found (no driver, or not on PATH)")

    print("== torch ==")
    try:
        import torch
        print("torch", torch.__version__, "cuda", torch.version.cuda)
        print("cudnn", torch.backends.cudnn.version() if torch.backends.cudnn.is_available() else None)
        print("is_available", torch.cuda.is_available())
        if torch.cuda.is_available():
            print("arch list", torch.cuda.get_arch_list())
            print("device cap", torch.cuda.get_device_capability(0))
    except Exception as e:  # noqa: BLE001
        print("import torch failed:", e)

    print("== packaging ==")
    for pkg in ("torch", "nvidia-cudnn-cu12", "nvidia-nccl-cu12", "nvidia-cuda-runtime-cu12"):
        try:
            dist = md.distribution(pkg)
            direct = dist.read_text("direct_url.json") or ""
            print(f"{pkg} {dist.version} {direct[:80]}")
        except md.PackageNotFoundError:
            pass
    if os.environ.get("CONDA_PREFIX"):
        print("conda env:", os.environ["CONDA_PREFIX"])
        print(sh(["conda", "list", "cudatoolkit|cudnn|pytorch-cuda"]))
    print("LD_LIBRARY_PATH =", os.environ.get("LD_LIBRARY_PATH", ""))


if __name__ == "__main__":
    main()
