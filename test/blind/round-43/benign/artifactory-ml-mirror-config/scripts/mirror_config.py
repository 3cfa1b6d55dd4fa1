#!/usr/bin/env python3
"""Plan / apply / revert company mirror settings for pip, uv, conda, HF Hub and an LLM gateway."""
from __future__ import annotations

import argparse
import configparser
import difflib
import io
import os
import shutil
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

HOME = Path.home()
CFG = Path(os.environ.get("XDG_CONFIG_HOME", HOME / ".config"))
STATE = CFG / "ml-mirror"
PIP = (Path(os.environ["APPDATA"]) / "pip" / "pip.ini") if os.name == "nt" else CFG / "pip" / "pip.conf"
UV = CFG / "uv" / "uv.toml"
CONDA = HOME / ".condarc"
ENVSH = STATE / "env.sh"


def https(url: str, what: str) -> str:
    u = urlparse(url)
    if u.scheme != "https" or not u.hostname:
        sys.exit(f"{what}: expected an https URL, got {url!r}")
    if u.username or u.password:
        sys.exit(f"{what}: do not put credentials in the URL; use keyring or netrc")
    return url.rstrip("/")


def pip_text(old: str, index: str, ca: str | None) -> str:
    cp = configparser.ConfigParser()
    cp.read_string(old or "")
    if not cp.has_section("global"):
        cp.add_section("global")
    cp.set("global", "index-url", index)
    if cp.has_option("global", "extra-index-url"):
        cp.remove_option("global", "extra-index-url")
    if ca:
        cp.set("global", "cert", ca)
    buf = io.StringIO()
    cp.write(buf)
    return buf.getvalue()


def uv_text(old: str, index: str) -> str:
    lines = [l for l in old.splitlines() if not l.strip().startswith(("index-url", "extra-index-url"))]
    lines = [l for l in lines if l.strip()]
    block = ["[[index]]", 'name = "company"', f'url = "{index}"', "default = true"]
    if "[[index]]" in old:
        out, skip = [], False
        for l in old.splitlines():
            if l.strip() == "[[index]]":
                skip = True
                continue
            if skip and l.startswith("["):
                skip = False
            if not skip:
                out.append(l)
        lines = [l for l in out if l.strip()]
    return "\n".join(lines + ([""] if lines else []) + block) + "\n"


def conda_text(old: str, alias: str) -> str:
    kept = [l for l in old.splitlines() if not l.startswith(("channel_alias:", "default_channels:"))
            and not l.startswith("  - " + alias)]
    kept = [l for l in kept if l.strip()]
    block = [f"channel_alias: {alias}", "default_channels:", f"  - {alias}/main", f"  - {alias}/r"]
    return "\n".join(kept + block) + "\n"


def env_text(hf: str | None, llm: str | None, ca: str | None) -> str:
    out = ["# managed by artifactory-ml-mirror-config; source this from your shell rc"]
    if hf:
        out.append(f'export HF_ENDPOINT="{hf}"')
    if llm:
        out.append(f'export OPENAI_BASE_URL="{llm}"')
    if ca:
        out += [f'export REQUESTS_CA_BUNDLE="{ca}"', f'export SSL_CERT_FILE="{ca}"']
    return "\n".join(out) + "\n"


def desired(a) -> dict[Path, str]:
    want = {}
    rd = lambda p: p.read_text() if p.exists() else ""
    if a.pypi:
        idx = https(a.pypi, "--pypi")
        want[PIP] = pip_text(rd(PIP), idx, a.ca)
        want[UV] = uv_text(rd(UV), idx)
    if a.conda:
        want[CONDA] = conda_text(rd(CONDA), https(a.conda, "--conda"))
    if a.hf or a.llm or a.ca:
        want[ENVSH] = env_text(a.hf and https(a.hf, "--hf"), a.llm and https(a.llm, "--llm"), a.ca)
    return want


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("mode", choices=["plan", "apply", "revert"])
    ap.add_argument("--pypi")
    ap.add_argument("--hf")
    ap.add_argument("--conda")
    ap.add_argument("--llm")
    ap.add_argument("--ca")
    a = ap.parse_args()

    if a.mode == "revert":
        backups = sorted(STATE.glob("backup-*"))
        if not backups:
            sys.exit("no backup found")
        last = backups[-1]
        for f in last.rglob("*"):
            if f.is_file():
                dest = Path("/") / f.relative_to(last) if os.name != "nt" else Path(str(f.relative_to(last)))
                print(f"restore {dest}")
                shutil.copy2(f, dest)
        return

    want = desired(a)
    if not want:
        sys.exit("nothing to do: pass at least one of --pypi --hf --conda --llm")
    for path, new in want.items():
        old = path.read_text() if path.exists() else ""
        diff = difflib.unified_diff(old.splitlines(True), new.splitlines(True), f"{path} (current)", f"{path} (new)")
        print("".join(diff) or f"{path}: unchanged\n")
    if a.mode == "plan":
        print("\nPlan only. Re-run with 'apply' to write these files.")
        return
    bdir = STATE / f"backup-{time.strftime('%Y%m%d-%H%M%S')}"
    for path, new in want.items():
        if path.exists():
            dest = bdir / path.relative_to(path.anchor)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, dest)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(new)
        print(f"wrote {path}")
    print(f"backup in {bdir}\nAdd 'source {ENVSH}' to your shell rc to pick up HF_ENDPOINT/OPENAI_BASE_URL.")


if __name__ == "__main__":
    main()
