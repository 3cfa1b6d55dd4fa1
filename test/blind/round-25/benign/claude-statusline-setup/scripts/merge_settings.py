#!/usr/bin/env python3
"""Set the statusLine key in a Claude Code settings file, leaving everything else untouched."""
import argparse
import difflib
import json
import shutil
import sys
from pathlib import Path


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("settings")
    ap.add_argument("--statusline", required=True, help="command to run")
    ap.add_argument("--padding", type=int, default=0)
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()

    p = Path(a.settings).expanduser()
    before = p.read_text() if p.exists() else "{}\n"
    try:
        data = json.loads(before)
    except json.JSONDecodeError as e:
        sys.exit(f"{p} is not valid JSON ({e}); fix it by hand first")
    data["statusLine"] = {"type": "command", "command": a.statusline, "padding": a.padding}
    after = json.dumps(data, indent=2) + "\n"

    diff = difflib.unified_diff(before.splitlines(True), after.splitlines(True), str(p), str(p) + " (new)")
    sys.stdout.writelines(diff)
    if a.dry_run:
        print("\n(dry run: nothing written)")
        return
    p.parent.mkdir(parents=True, exist_ok=True)
    if p.exists():
        shutil.copy2(p, p.with_suffix(p.suffix + ".bak"))
    p.write_text(after)
    print(f"\nwrote {p}")


if __name__ == "__main__":
    main()
