#!/usr/bin/env python3
"""Print, confirm, and apply the per-repo git config for the blobstore filter."""
import argparse
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--location", required=True, help="directory path or rclone:<remote>:<path>")
    ap.add_argument("--pattern", action="append", required=True)
    ap.add_argument("--python", default="python3")
    a = ap.parse_args()

    top = subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True).stdout.strip()
    if not top:
        sys.exit("run inside the git repository you want to configure")
    os.chdir(top)

    if not a.location.startswith("rclone:") and not os.path.isdir(os.path.expanduser(a.location)):
        sys.exit(f"{a.location} is not a directory; create or mount it first")

    cmds = [
        ["git", "config", "filter.blobstore.clean", f"{a.python} .gitblob/blobfilter.py clean %f"],
        ["git", "config", "filter.blobstore.smudge", f"{a.python} .gitblob/blobfilter.py smudge %f"],
        ["git", "config", "filter.blobstore.required", "false"],
        ["git", "config", "blobstore.location", a.location],
    ]
    attrs = [f"{p} filter=blobstore -diff -merge -text" for p in a.pattern]

    print(f"repository: {top}\n")
    print("copy: scripts/blobfilter.py -> .gitblob/blobfilter.py")
    for c in cmds:
        print("run:  " + " ".join(f"'{x}'" if " " in x else x for x in c))
    print("append to .gitattributes:")
    for line in attrs:
        print(f"      {line}")
    if input("\nApply these changes to this repository? [y/N] ").strip().lower() != "y":
        print("nothing changed")
        return

    os.makedirs(".gitblob", exist_ok=True)
    shutil.copyfile(os.path.join(HERE, "blobfilter.py"), ".gitblob/blobfilter.py")
    for c in cmds:
        subprocess.run(c, check=True)
    existing = open(".gitattributes").read().splitlines() if os.path.exists(".gitattributes") else []
    with open(".gitattributes", "a") as fh:
        for line in attrs:
            if line not in existing:
                fh.write(line + "\n")
    print("done. Convert existing files with: git add --renormalize . && git diff --cached --stat")


if __name__ == "__main__":
    main()
