#!/usr/bin/env python3
"""Show and extend ~/.codex/config.toml with approval/sandbox profiles (diff first, backup on write)."""
from __future__ import annotations

import argparse
import datetime as dt
import difflib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

try:
    import tomllib
except ImportError:
    sys.exit("error: Python 3.11+ is required (tomllib)")

CONFIG = Path(os.environ.get("CODEX_HOME", Path.home() / ".codex")) / "config.toml"
SECRETISH = re.compile(r'(\b[\w.-]*(key|token|secret|password)[\w.-]*\s*=\s*")([^"]{4})[^"]*(")', re.I | re.M)

BLOCKS = {
    "review": '[profiles.review]\napproval_policy = "on-request"\nsandbox_mode = "read-only"\n',
    "dev": ('[profiles.dev]\napproval_policy = "on-request"\nsandbox_mode = "workspace-write"\n\n'
            '[profiles.dev.sandbox_workspace_write]\nnetwork_access = false\n'),
    "dev-net": ('[profiles.dev-net]\napproval_policy = "on-request"\nsandbox_mode = "workspace-write"\n\n'
                '[profiles.dev-net.sandbox_workspace_write]\nnetwork_access = true\n'),
    "unattended": ('# Only inside a disposable container/VM.\n[profiles.unattended]\napproval_policy = "never"\n'
                   'sandbox_mode = "workspace-write"\n\n[profiles.unattended.sandbox_workspace_write]\n'
                   'network_access = false\n'),
}
ENV_POLICY = ('[shell_environment_policy]\ninherit = "core"\n'
              'exclude = ["*TOKEN*", "*SECRET*", "*KEY*", "*PASSWORD*", "AWS_*", "GH_*", "GITHUB_*", '
              '"OPENAI_*", "ANTHROPIC_*"]\nset = { CI = "1" }\n')


def cmd_show(_a) -> None:
    try:
        ver = subprocess.run(["codex", "--version"], capture_output=True, text=True).stdout.strip()
    except FileNotFoundError:
        ver = "codex not found on PATH"
    print(f"# {ver}\n# {CONFIG}\n")
    if not CONFIG.exists():
        print("(no config file yet)")
        return
    print(SECRETISH.sub(r"\1\3…\4", CONFIG.read_text()))


def cmd_plan(a) -> None:
    old = CONFIG.read_text() if CONFIG.exists() else ""
    try:
        current = tomllib.loads(old) if old else {}
    except tomllib.TOMLDecodeError as e:
        sys.exit(f"error: {CONFIG} is not valid TOML ({e}); fix it first")
    existing = set(current.get("profiles", {}))
    wanted = [p.strip() for p in a.profiles.split(",") if p.strip()]
    unknown = [p for p in wanted if p not in BLOCKS]
    if unknown:
        sys.exit(f"error: unknown profile(s) {unknown}; choose from {list(BLOCKS)}")

    additions = []
    for p in wanted:
        if p in existing:
            print(f"note: profile {p!r} already exists; leaving it unchanged")
        else:
            additions.append(BLOCKS[p])
    if not a.no_env_policy:
        if "shell_environment_policy" in current:
            print("note: [shell_environment_policy] already exists; leaving it unchanged")
        else:
            additions.append(ENV_POLICY)

    new = old
    if a.default:
        if a.default not in set(wanted) | existing:
            sys.exit(f"error: default profile {a.default!r} is neither existing nor being added")
        if "profile" in current:
            print(f"note: top-level profile is already {current['profile']!r}; leaving it unchanged")
        else:
            # top-level keys must come before the first table
            m = re.search(r"^\[", new, re.M)
            line = f'profile = "{a.default}"\n'
            new = (new[:m.start()] + line + "\n" + new[m.start():]) if m else (line + new)
    if additions:
        new = new.rstrip("\n") + ("\n\n" if new.strip() else "") + "\n".join(additions)
    if new == old:
        print("nothing to change")
        return
    tomllib.loads(new)  # must still parse
    shown_old, shown_new = (SECRETISH.sub(r"\1\3…\4", t) for t in (old, new))
    sys.stdout.writelines(difflib.unified_diff(shown_old.splitlines(True), shown_new.splitlines(True),
                                               str(CONFIG), str(CONFIG)))
    if not a.apply:
        print("\ndry run; re-run with --apply after the user agrees")
        return
    if input(f"\nWrite {CONFIG}? [y/N] ").strip().lower() != "y":
        print("cancelled")
        return
    CONFIG.parent.mkdir(parents=True, exist_ok=True)
    if CONFIG.exists():
        backup = CONFIG.with_name(f"config.toml.bak-{dt.datetime.now():%Y%m%d-%H%M%S}")
        shutil.copy2(CONFIG, backup)
        print(f"backup: {backup}")
    CONFIG.write_text(new)
    print("written. Try: codex --profile review")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("show")
    p = sub.add_parser("plan")
    p.add_argument("--profiles", default="review,dev")
    p.add_argument("--default")
    p.add_argument("--no-env-policy", action="store_true")
    p.add_argument("--apply", action="store_true")
    a = ap.parse_args()
    {"show": cmd_show, "plan": cmd_plan}[a.cmd](a)


if __name__ == "__main__":
    main()
