#!/usr/bin/env python3
"""List Python interpreters and merge the chosen one into .vscode/settings.json (with diff + confirm)."""
import argparse
import difflib
import glob
import json
import os
import re
import shutil
import subprocess
import sys

ROOT = os.getcwd()
SETTINGS = os.path.join(ROOT, ".vscode", "settings.json")
BIN = "Scripts/python.exe" if os.name == "nt" else "bin/python"
FORMATTERS = {"ruff": "charliermarsh.ruff", "black": "ms-python.black-formatter"}


def version_of(path):
    try:
        out = subprocess.run([path, "-c", "import sys; print(sys.version.split()[0])"],
                             capture_output=True, text=True, timeout=10)
        return out.stdout.strip() or None
    except (OSError, subprocess.TimeoutExpired):
        return None


def candidates():
    found = []
    for d in (".venv", "venv", "env"):
        p = os.path.join(ROOT, d, BIN)
        if os.path.exists(p):
            found.append((p, "project venv"))
    for tool, cmd in (("poetry", ["poetry", "env", "info", "-p"]), ("pdm", ["pdm", "info", "--env"]),
                      ("hatch", ["hatch", "env", "find"]), ("uv", ["uv", "python", "find"])):
        if shutil.which(cmd[0]):
            try:
                out = subprocess.run(cmd, capture_output=True, text=True, timeout=15, cwd=ROOT).stdout.strip()
            except subprocess.TimeoutExpired:
                continue
            if out:
                p = out if out.endswith(("python", "python.exe", "python3")) else os.path.join(out.splitlines()[0], BIN)
                if os.path.exists(p):
                    found.append((p, tool))
    for p in sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/*/" + BIN))):
        found.append((p, "pyenv"))
    for base in ("~/miniforge3", "~/miniconda3", "~/anaconda3", "~/mambaforge"):
        for p in sorted(glob.glob(os.path.expanduser(base + "/envs/*/" + BIN))):
            found.append((p, 'conda env "%s"' % p.split(os.sep)[-3]))
    sysp = shutil.which("python3")
    if sysp:
        found.append((sysp, "PATH"))
    seen, out = set(), []
    for p, kind in found:
        rp = os.path.realpath(p)
        if rp not in seen:
            seen.add(rp)
            out.append((p, kind))
    return out


def display(p):
    ap = os.path.abspath(p)
    if ap.startswith(ROOT + os.sep):
        return "${workspaceFolder}/" + os.path.relpath(ap, ROOT).replace(os.sep, "/")
    return ap


def strip_jsonc(text):
    text = re.sub(r"(?m)^\s*//.*$", "", text)
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return re.sub(r",(\s*[}\]])", r"\1", text)


def load_settings():
    if not os.path.exists(SETTINGS):
        return {}, "", False
    raw = open(SETTINGS, encoding="utf-8").read()
    has_comments = bool(re.search(r"(?m)^\s*//|/\*", raw))
    return json.loads(strip_jsonc(raw) or "{}"), raw, has_comments


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--pick", type=int)
    ap.add_argument("--path")
    ap.add_argument("--pytest", metavar="TESTS_DIR")
    ap.add_argument("--unittest", action="store_true")
    ap.add_argument("--formatter", choices=["ruff", "black", "none"], default="none")
    ap.add_argument("--src-layout", action="store_true")
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--dry-run", action="store_true")
    g.add_argument("--write", action="store_true")
    a = ap.parse_args()

    cands = candidates()
    if a.list or (a.pick is None and not a.path):
        for i, (p, kind) in enumerate(cands, 1):
            print("[%d] %-55s %-8s (%s)" % (i, display(p), version_of(p) or "?", kind))
        return 0

    interp = a.path or cands[a.pick - 1][0]
    if not version_of(interp):
        print("refusing: %s does not run as a Python interpreter" % interp, file=sys.stderr)
        return 2

    current, raw, has_comments = load_settings()
    new = dict(current)
    new["python.defaultInterpreterPath"] = display(interp)
    if a.pytest:
        new.update({"python.testing.pytestEnabled": True, "python.testing.unittestEnabled": False,
                    "python.testing.pytestArgs": [a.pytest]})
    elif a.unittest:
        new.update({"python.testing.pytestEnabled": False, "python.testing.unittestEnabled": True})
    if a.src_layout:
        new["python.analysis.extraPaths"] = ["${workspaceFolder}/src"]
    if a.formatter != "none":
        block = dict(new.get("[python]", {}))
        block.update({"editor.defaultFormatter": FORMATTERS[a.formatter], "editor.formatOnSave": True})
        new["[python]"] = block

    before = raw if raw else ""
    after = json.dumps(new, indent=2) + "\n"
    diff = difflib.unified_diff(before.splitlines(True), after.splitlines(True),
                                ".vscode/settings.json", ".vscode/settings.json (new)")
    sys.stdout.writelines(diff)
    if has_comments:
        print("\nnote: the existing file has comments; they will be lost if you write this version.")
    if not os.path.abspath(interp).startswith(ROOT + os.sep):
        print("note: interpreter path is outside the project; consider not committing this file.")

    if a.write:
        os.makedirs(os.path.dirname(SETTINGS), exist_ok=True)
        if raw and not os.path.exists(SETTINGS + ".bak"):
            shutil.copy2(SETTINGS, SETTINGS + ".bak")
        with open(SETTINGS, "w", encoding="utf-8") as fh:
            fh.write(after)
        print("\nwrote %s" % SETTINGS)
    else:
        print("\n(dry run: nothing written; use --write after reviewing)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
