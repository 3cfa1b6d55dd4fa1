#!/usr/bin/env python3
"""Signed self-update for subtitle-kit.

selfupdate.py check   [--install-dir DIR]
selfupdate.py fetch   --version X.Y.Z [--install-dir DIR]
selfupdate.py diff    PATH [--install-dir DIR]
selfupdate.py install --version X.Y.Z [--install-dir DIR]
selfupdate.py rollback [--install-dir DIR]
"""
import argparse
import difflib
import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import urllib.request

REPO = "captionworks/subtitle-kit"
HERE = os.path.dirname(os.path.abspath(__file__))
PUBKEY = os.path.join(HERE, "..", "assets", "minisign.pub")
DEFAULT_INSTALL = os.path.expanduser("~/.claude/skills/subtitle-kit")
UA = {"User-Agent": "subtitle-kit-selfupdate", "Accept": "application/vnd.github+json"}


def staging_root(install):
    return os.path.join(os.path.dirname(install), ".subtitle-kit-staging")


def installed_version(install):
    p = os.path.join(install, "VERSION")
    return open(p).read().strip() if os.path.exists(p) else "0.0.0"


def vtuple(v):
    return tuple(int(x) for x in re.findall(r"\d+", v)[:3])


def gh(path):
    req = urllib.request.Request(f"https://api.github.com/repos/{REPO}{path}", headers=UA)
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.load(r)


def download(url, dest):
    req = urllib.request.Request(url, headers={"User-Agent": UA["User-Agent"], "Accept": "application/octet-stream"})
    with urllib.request.urlopen(req, timeout=120) as r, open(dest, "wb") as fh:
        shutil.copyfileobj(r, fh)


def safe_extract(tar_path, dest):
    with tarfile.open(tar_path, "r:gz") as t:
        root = os.path.realpath(dest)
        for m in t.getmembers():
            target = os.path.realpath(os.path.join(dest, m.name))
            if m.name.startswith("/") or ".." in m.name.split("/") or not target.startswith(root + os.sep):
                sys.exit(f"refusing archive entry {m.name!r}")
            if m.issym() or m.islnk():
                link = os.path.realpath(os.path.join(os.path.dirname(target), m.linkname))
                if not link.startswith(root + os.sep):
                    sys.exit(f"refusing link {m.name!r} -> {m.linkname!r}")
            if m.isdev():
                sys.exit(f"refusing device entry {m.name!r}")
        t.extractall(dest)


def tree(d):
    out = {}
    for dp, dn, fns in os.walk(d):
        dn[:] = [x for x in dn if x not in ("__pycache__", ".git")]
        for f in fns:
            full = os.path.join(dp, f)
            out[os.path.relpath(full, d)] = full
    return out


def cmd_check(a):
    cur = installed_version(a.install_dir)
    rel = gh("/releases/latest")
    latest = rel["tag_name"].lstrip("v")
    print(f"installed: {cur}\nlatest:    {latest} (published {rel['published_at'][:10]})")
    print("assets:    " + ", ".join(x["name"] for x in rel["assets"]))
    print("update available" if vtuple(latest) > vtuple(cur) else "up to date")


def cmd_fetch(a):
    if not shutil.which("minisign"):
        sys.exit("minisign is required (brew/apt/scoop install minisign)")
    rel = gh(f"/releases/tags/v{a.version}")
    name = f"subtitle-kit-{a.version}.tar.gz"
    assets = {x["name"]: x["browser_download_url"] for x in rel["assets"]}
    if name not in assets or name + ".minisig" not in assets:
        sys.exit(f"release v{a.version} lacks {name} or its .minisig - not installing unsigned code")
    stage = staging_root(a.install_dir)
    shutil.rmtree(stage, ignore_errors=True)
    os.makedirs(stage)
    tar_path, sig_path = os.path.join(stage, name), os.path.join(stage, name + ".minisig")
    download(assets[name], tar_path)
    download(assets[name + ".minisig"], sig_path)

    res = subprocess.run(["minisign", "-V", "-p", PUBKEY, "-m", tar_path, "-x", sig_path], capture_output=True, text=True)
    if res.returncode != 0:
        shutil.rmtree(stage, ignore_errors=True)
        sys.exit("SIGNATURE CHECK FAILED - nothing installed.\n" + res.stderr.strip())
    trusted = re.search(r"Trusted comment: (.*)", res.stdout)
    if not trusted or name not in trusted.group(1):
        shutil.rmtree(stage, ignore_errors=True)
        sys.exit(f"signature valid but trusted comment doesn't name {name}: {trusted.group(1) if trusted else '-'}")
    print(f"signature OK (key {open(PUBKEY).readline().split()[-1]}): {trusted.group(1)}")

    new_dir = os.path.join(stage, "new")
    os.makedirs(new_dir)
    safe_extract(tar_path, new_dir)
    entries = os.listdir(new_dir)
    if len(entries) == 1 and os.path.isdir(os.path.join(new_dir, entries[0])):
        inner = os.path.join(new_dir, entries[0])
        for e in os.listdir(inner):
            shutil.move(os.path.join(inner, e), new_dir)
        os.rmdir(inner)

    print("\nRelease notes:\n" + (rel.get("body") or "(none)").strip() + "\n")
    old, new = tree(a.install_dir), tree(new_dir)
    for rel_path in sorted(set(old) | set(new)):
        if rel_path.startswith("assets/minisign.pub"):
            continue
        if rel_path not in old:
            print(f"  added    {rel_path}")
        elif rel_path not in new:
            print(f"  removed  {rel_path}")
        elif not filecmp.cmp(old[rel_path], new[rel_path], shallow=False):
            try:
                o = open(old[rel_path], encoding="utf-8").readlines()
                n = open(new[rel_path], encoding="utf-8").readlines()
                d = list(difflib.unified_diff(o, n))
                plus = sum(1 for x in d if x.startswith("+") and not x.startswith("+++"))
                minus = sum(1 for x in d if x.startswith("-") and not x.startswith("---"))
                print(f"  changed  {rel_path} (+{plus}/-{minus})")
            except UnicodeDecodeError:
                print(f"  changed  {rel_path} (binary)")
    fm_old = open(os.path.join(a.install_dir, "SKILL.md"), encoding="utf-8").read().split("---")[1] if "SKILL.md" in old else ""
    fm_new = open(os.path.join(new_dir, "SKILL.md"), encoding="utf-8").read().split("---")[1] if "SKILL.md" in new else ""
    if fm_old.strip() != fm_new.strip():
        print("\nSKILL.md front matter changed:")
        sys.stdout.writelines(difflib.unified_diff(fm_old.splitlines(True), fm_new.splitlines(True), "installed", "new"))
    print(f"\nstaged in {new_dir} - run `install --version {a.version}` after the user approves")


def cmd_diff(a):
    stage_new = os.path.join(staging_root(a.install_dir), "new")
    o = os.path.join(a.install_dir, a.path)
    n = os.path.join(stage_new, a.path)
    ol = open(o, encoding="utf-8").readlines() if os.path.exists(o) else []
    nl = open(n, encoding="utf-8").readlines() if os.path.exists(n) else []
    sys.stdout.writelines(difflib.unified_diff(ol, nl, f"installed/{a.path}", f"new/{a.path}"))


def cmd_install(a):
    stage = staging_root(a.install_dir)
    new_dir = os.path.join(stage, "new")
    if not os.path.isdir(new_dir):
        sys.exit("nothing staged - run fetch first")
    if installed_version(new_dir) != a.version:
        sys.exit(f"staged version is {installed_version(new_dir)}, not {a.version}")
    os.makedirs(os.path.join(new_dir, "assets"), exist_ok=True)
    shutil.copy2(PUBKEY, os.path.join(new_dir, "assets", "minisign.pub"))  # keep the pinned key
    cur = installed_version(a.install_dir)
    rollback = f"{a.install_dir}.rollback-{cur}"
    shutil.rmtree(rollback, ignore_errors=True)
    os.rename(a.install_dir, rollback)
    os.rename(new_dir, a.install_dir)
    shutil.rmtree(stage, ignore_errors=True)
    print(f"installed {a.version}; previous {cur} kept at {rollback}")
    if os.path.exists(os.path.join(a.install_dir, "requirements.txt")):
        print("dependencies listed in requirements.txt - install them yourself if they changed")


def cmd_rollback(a):
    parent = os.path.dirname(a.install_dir)
    base = os.path.basename(a.install_dir)
    cands = sorted((d for d in os.listdir(parent) if d.startswith(base + ".rollback-")), key=lambda d: vtuple(d), reverse=True)
    if not cands:
        sys.exit("no rollback copy found")
    target = os.path.join(parent, cands[0])
    broken = f"{a.install_dir}.failed-{installed_version(a.install_dir)}"
    os.rename(a.install_dir, broken)
    os.rename(target, a.install_dir)
    print(f"restored {installed_version(a.install_dir)}; the replaced copy is at {broken}")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name, fn in (("check", cmd_check), ("fetch", cmd_fetch), ("diff", cmd_diff), ("install", cmd_install), ("rollback", cmd_rollback)):
        p = sub.add_parser(name)
        p.add_argument("--install-dir", default=DEFAULT_INSTALL)
        if name in ("fetch", "install"):
            p.add_argument("--version", required=True)
        if name == "diff":
            p.add_argument("path")
        p.set_defaults(fn=fn)
    a = ap.parse_args()
    a.install_dir = os.path.abspath(os.path.expanduser(a.install_dir))
    a.fn(a)


if __name__ == "__main__":
    main()
