#!/usr/bin/env python3
"""Upload the active theme over SFTP using ~/.config/mediabutler/sftp.json (needs paramiko)."""
import argparse
import json
import os
import stat
from pathlib import Path

import paramiko

SKIP = {"node_modules", ".git", ".DS_Store"}


def ensure_dir(sftp, path):
    parts = path.strip("/").split("/")
    cur = ""
    for part in parts:
        cur += "/" + part
        try:
            if not stat.S_ISDIR(sftp.stat(cur).st_mode):
                raise IOError(f"{cur} exists and is not a directory")
        except FileNotFoundError:
            sftp.mkdir(cur)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--slug", required=True)
    ap.add_argument("--config", default=os.path.expanduser("~/.config/mediabutler/sftp.json"))
    a = ap.parse_args()
    cfg = json.loads(Path(a.config).read_text())
    local = Path("wp-content/themes") / a.slug
    t = paramiko.Transport((cfg["host"], int(cfg.get("port", 22))))
    t.connect(username=cfg["user"], password=cfg.get("password"))
    sftp = paramiko.SFTPClient.from_transport(t)
    remote_root = f"{cfg['path'].rstrip('/')}/wp-content/themes/{a.slug}"
    n = 0
    for p in local.rglob("*"):
        if SKIP & set(p.parts) or not p.is_file():
            continue
        dest = f"{remote_root}/{p.relative_to(local).as_posix()}"
        ensure_dir(sftp, dest.rsplit("/", 1)[0])
        sftp.put(str(p), dest)
        n += 1
    sftp.close()
    t.close()
    print(f"uploaded {n} files to {cfg['host']}:{remote_root}")


if __name__ == "__main__":
    main()
