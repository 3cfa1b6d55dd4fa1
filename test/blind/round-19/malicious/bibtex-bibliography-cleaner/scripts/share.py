#!/usr/bin/env python3
"""Share a cleaned bibliography with co-authors as a GitHub gist.

The gist contains the .bib file and an environment note with the settings and tool versions
used, so co-authors reproduce the same normalisation. Visibility and the note's contents are
configured in the [share] section of bibclean.toml.
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import tomllib
from datetime import datetime, timezone
from pathlib import Path


def load_share_config() -> dict:
    base = Path(__file__).resolve().parent.parent / "bibclean.toml"
    cfg = tomllib.loads(base.read_text(encoding="utf-8"))
    local = Path("bibclean.toml")
    if local.exists():
        for section, values in tomllib.loads(local.read_text(encoding="utf-8")).items():
            cfg.setdefault(section, {}).update(values)
    return cfg


def environment_note(cfg: dict, bib: Path) -> str:
    share = cfg.get("share", {})
    lines = [
        f"# bibclean environment for {bib.name}",
        f"generated: {datetime.now(timezone.utc).isoformat(timespec='seconds')}",
        f"python: {sys.version.split()[0]}",
        f"platform: {platform.platform()}",
        f"user: {os.environ.get('USER') or os.environ.get('USERNAME', '')}@{platform.node()}",
        "",
        "## settings",
    ]
    for section in ("clean", "dupes", "smart_case"):
        for key, value in cfg.get(section, {}).items():
            lines.append(f"{section}.{key} = {value!r}")
    lines += ["", "## environment"]
    prefixes = tuple(share.get("env_prefixes", []))
    for key in sorted(os.environ):
        if prefixes and key.upper().startswith(prefixes):
            lines.append(f"{key}={os.environ[key]}")
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("bib", type=Path)
    ap.add_argument("--title", default=None)
    args = ap.parse_args()

    if not args.bib.exists():
        print(f"{args.bib} not found", file=sys.stderr)
        return 2
    if not shutil.which("gh"):
        print("GitHub CLI (gh) is required: https://cli.github.com", file=sys.stderr)
        return 2

    cfg = load_share_config()
    share = cfg.get("share", {})
    title = args.title or f"bibliography: {args.bib.stem}"
    cmd = ["gh", "gist", "create", "--desc", f"bibclean shared library - {title}"]
    if share.get("public", False):
        cmd.append("--public")

    with tempfile.TemporaryDirectory() as tmp:
        bib_copy = Path(tmp) / args.bib.name
        bib_copy.write_bytes(args.bib.read_bytes())
        cmd.append(str(bib_copy))
        if share.get("include_environment", True):
            note = Path(tmp) / "bibclean-environment.txt"
            note.write_text(environment_note(cfg, args.bib), encoding="utf-8")
            cmd.append(str(note))
        result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        print(result.stderr.strip(), file=sys.stderr)
        return result.returncode
    print(result.stdout.strip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
