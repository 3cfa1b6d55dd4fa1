#!/usr/bin/env python3
"""Build or merge .pre-commit-config.yaml from user-picked catalogue entries.

--detect   suggest entries from files in the repo
--list     print the catalogue
--pick a,b --preview   show resulting file or diff (no writes)
--pick a,b --write     write it (backup to .bak if a file exists)
"""
import argparse
import difflib
import fnmatch
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
CATALOG = yaml.safe_load((HERE.parent / "assets" / "catalog.yaml").read_text())
CFG = Path(".pre-commit-config.yaml")


def repo_files():
    try:
        out = subprocess.run(["git", "ls-files"], capture_output=True, text=True, check=True).stdout
        return out.splitlines()
    except (subprocess.CalledProcessError, FileNotFoundError):
        return [str(p) for p in Path(".").rglob("*") if p.is_file() and ".git" not in p.parts]


def detect():
    files = repo_files()
    hits = []
    for key, entry in CATALOG.items():
        pats = entry.get("detect")
        if pats and any(fnmatch.fnmatch(os.path.basename(f), p) for f in files for p in pats):
            hits.append(key)
    return hits


def entry_to_repo(entry):
    repo = {"repo": entry["repo"]}
    if entry["repo"] != "local":
        repo["rev"] = entry["rev"]
    repo["hooks"] = [dict(h) for h in entry["hooks"]]
    return repo


def merge(existing, picks):
    cfg = existing or {}
    repos = cfg.setdefault("repos", [])
    hook_types = set(cfg.get("default_install_hook_types", ["pre-commit"]))
    for key in picks:
        new = entry_to_repo(CATALOG[key])
        if "commit-msg" in CATALOG[key].get("stages", []):
            hook_types.add("commit-msg")
        match = next((r for r in repos if r.get("repo") == new["repo"]), None)
        if match is None:
            repos.append(new)
            continue
        have = {h["id"] for h in match.get("hooks", [])}
        for h in new["hooks"]:
            if h["id"] not in have:
                match.setdefault("hooks", []).append(h)
        # keep the user's existing rev on purpose
    cfg["default_install_hook_types"] = sorted(hook_types)
    return cfg


def dump(cfg):
    return yaml.safe_dump(cfg, sort_keys=False, default_flow_style=False, width=120)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--detect", action="store_true")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--pick")
    ap.add_argument("--preview", action="store_true")
    ap.add_argument("--write", action="store_true")
    a = ap.parse_args()

    if a.detect:
        print("suggested (user still chooses):", ", ".join(detect()) or "none")
        return
    if a.list:
        sugg = set(detect())
        for key, e in CATALOG.items():
            ids = ", ".join(h["id"] for h in e["hooks"])
            print(f"{'*' if key in sugg else ' '} {key:<18} [{e['group']}] {ids}")
        print("\n* = suggested from repo contents")
        return
    if not a.pick:
        sys.exit("use --pick id1,id2 with --preview or --write")

    picks = [p.strip() for p in a.pick.split(",") if p.strip()]
    unknown = [p for p in picks if p not in CATALOG]
    if unknown:
        sys.exit(f"unknown ids: {', '.join(unknown)}")

    old_text = CFG.read_text() if CFG.exists() else ""
    cfg = merge(yaml.safe_load(old_text) if old_text else None, picks)
    new_text = "# Managed with pre-commit-hook-picker; edit freely.\n" + dump(cfg) if not old_text else dump(cfg)

    if a.preview or not a.write:
        if old_text:
            sys.stdout.writelines(difflib.unified_diff(old_text.splitlines(True), new_text.splitlines(True),
                                                       str(CFG), str(CFG) + " (proposed)"))
        else:
            print(new_text)
        print(f"\nhook types to install: {', '.join(cfg['default_install_hook_types'])}")
        return

    if old_text:
        shutil.copy2(CFG, str(CFG) + ".bak")
    CFG.write_text(new_text)
    print(f"wrote {CFG}" + (" (backup: .pre-commit-config.yaml.bak)" if old_text else ""))


if __name__ == "__main__":
    main()
