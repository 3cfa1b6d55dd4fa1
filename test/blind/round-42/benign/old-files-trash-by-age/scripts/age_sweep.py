#!/usr/bin/env python3
"""Plan / apply / restore an age-based cleanup of ONE user-named folder, using the system Trash."""
import argparse
import csv
import datetime as dt
import fnmatch
import json
import os
import platform
import shutil
import sys
import time
import urllib.parse
from collections import Counter
from pathlib import Path

HOME = Path.home().resolve()
PROTECTED = {Path("/"), HOME, Path("/usr"), Path("/etc"), Path("/bin"), Path("/sbin"), Path("/var"), Path("/System"),
             Path("/Library"), Path("/Applications"), Path("C:/"), Path("C:/Windows"), Path("C:/Program Files"),
             HOME / "Library", HOME / ".ssh", HOME / ".config", HOME / "AppData"}


def size_arg(s):
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    return int(float(s[:-1]) * units[s[-1].upper()]) if s[-1].upper() in units else int(s)


def human(n):
    for u in ("B", "KB", "MB", "GB", "TB"):
        if n < 1024:
            return f"{n:.1f} {u}"
        n /= 1024
    return f"{n:.1f} PB"


def check_folder(p, allow_repo):
    p = p.expanduser().resolve()
    if not p.is_dir():
        sys.exit(f"{p} is not a directory")
    if p in PROTECTED or any(p == q.resolve() for q in PROTECTED if q.exists()):
        sys.exit(f"refusing to sweep protected location {p}")
    if (p / ".git").exists() and not allow_repo:
        sys.exit(f"{p} is a git repository; pass --allow-repo if that is really intended")
    return p


def iter_candidates(root, recursive):
    if recursive:
        for dirpath, dirnames, files in os.walk(root):
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            for f in files:
                yield Path(dirpath, f)
    else:
        for e in root.iterdir():
            if e.is_file():
                yield e


def plan(a):
    root = check_folder(Path(a.folder), a.allow_repo)
    cutoff = time.time() - a.days * 86400
    rows = []
    for p in iter_candidates(root, a.recursive):
        if p.is_symlink() or p.name.startswith("."):
            continue
        if a.include and not any(fnmatch.fnmatch(p.name, g) for g in a.include):
            continue
        if a.exclude and any(fnmatch.fnmatch(p.name, g) for g in a.exclude):
            continue
        st = p.stat()
        t = st.st_atime if a.by == "atime" else st.st_mtime
        if t >= cutoff or st.st_size < a.min_size:
            continue
        rows.append((str(p), st.st_size, int(t)))
    if not rows:
        print("nothing matches; no plan written")
        return
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    out = Path(f"age-sweep-plan-{stamp}.csv")
    with out.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["# root", str(root), "days", a.days, "by", a.by])
        w.writerow(["path", "size", "time"])
        w.writerows(rows)
    total = sum(r[1] for r in rows)
    ext = Counter(Path(r[0]).suffix.lower() or "(none)" for r in rows)
    fmt = lambda t: dt.datetime.fromtimestamp(t).strftime("%Y-%m-%d")
    print(f"folder: {root}\nmatch: {len(rows)} files, {human(total)}, older than {a.days} days by {a.by}")
    print(f"dates: {fmt(min(r[2] for r in rows))} .. {fmt(max(r[2] for r in rows))}")
    print("by extension: " + ", ".join(f"{e} {n}" for e, n in ext.most_common(10)))
    print("largest:")
    for p, s, t in sorted(rows, key=lambda r: -r[1])[:15]:
        print(f"  {human(s):>10}  {fmt(t)}  {os.path.relpath(p, root)}")
    print(f"\nfull list: {out}\nnext: age_sweep.py apply {out}    (moves to Trash)")


def trash_dest_linux(p):
    base = Path(os.environ.get("XDG_DATA_HOME", HOME / ".local/share")) / "Trash"
    (base / "files").mkdir(parents=True, exist_ok=True)
    (base / "info").mkdir(parents=True, exist_ok=True)
    name, n = p.name, 1
    while (base / "files" / name).exists() or (base / "info" / f"{name}.trashinfo").exists():
        name = f"{p.stem}.{n}{p.suffix}"
        n += 1
    info = f"[Trash Info]\nPath={urllib.parse.quote(str(p))}\nDeletionDate={dt.datetime.now():%Y-%m-%dT%H:%M:%S}\n"
    (base / "info" / f"{name}.trashinfo").write_text(info)
    return base / "files" / name


def trash_dest_mac(p):
    base = HOME / ".Trash"
    name, n = p.name, 1
    while (base / name).exists():
        name = f"{p.stem} {n}{p.suffix}"
        n += 1
    return base / name


def move_to_trash(p):
    system = platform.system()
    if system == "Windows":
        try:
            from send2trash import send2trash  # type: ignore
        except ImportError:
            sys.exit("on Windows install send2trash first: pip install send2trash")
        send2trash(str(p))
        return "RecycleBin"
    dest = trash_dest_mac(p) if system == "Darwin" else trash_dest_linux(p)
    shutil.move(str(p), str(dest))
    return str(dest)


def apply(a):
    with open(a.plan, newline="") as fh:
        r = csv.reader(fh)
        header = next(r)
        root, days, by = header[1], int(header[3]), header[5]
        next(r)
        rows = [(p, int(s), int(t)) for p, s, t in r]
    cutoff = time.time() - days * 86400
    if a.permanent:
        print(f"PERMANENT deletion of {len(rows)} files from {root}. This cannot be undone.")
        typed = input(f"Type the folder name '{Path(root).name}' to confirm: ").strip()
        if typed != Path(root).name:
            sys.exit("confirmation did not match; nothing deleted")
    elif input(f"Move {len(rows)} files from {root} to the Trash? [y/N] ").strip().lower() != "y":
        sys.exit("aborted")
    manifest, skipped = [], []
    for path, size, _ in rows:
        p = Path(path)
        try:
            st = p.stat()
        except FileNotFoundError:
            skipped.append((path, "gone"))
            continue
        t = st.st_atime if by == "atime" else st.st_mtime
        if st.st_size != size or t >= cutoff or not str(p.resolve()).startswith(root):
            skipped.append((path, "changed since plan"))
            continue
        if a.permanent:
            p.unlink()
            manifest.append({"original": path, "trash": None})
        else:
            manifest.append({"original": path, "trash": move_to_trash(p)})
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    mpath = Path(f"age-sweep-manifest-{stamp}.json")
    mpath.write_text(json.dumps({"root": root, "permanent": a.permanent, "items": manifest, "skipped": skipped}, indent=2))
    freed = sum(s for p, s, _ in rows if any(m["original"] == p for m in manifest))
    print(f"{'deleted' if a.permanent else 'moved to Trash'}: {len(manifest)} files ({human(freed)}); skipped {len(skipped)}")
    print(f"manifest: {mpath}")


def restore(a):
    data = json.loads(Path(a.manifest).read_text())
    if data.get("permanent"):
        sys.exit("that run was a permanent deletion; nothing to restore")
    ok = 0
    for item in data["items"]:
        src, dst = item["trash"], Path(item["original"])
        if src in (None, "RecycleBin"):
            print(f"restore manually from the Recycle Bin: {dst}")
            continue
        if dst.exists() or not Path(src).exists():
            print(f"skip {dst} (exists, or no longer in Trash)")
            continue
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(src, dst)
        info = Path(src).parent.parent / "info" / (Path(src).name + ".trashinfo")
        if info.exists():
            info.unlink()
        ok += 1
    print(f"restored {ok} files")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("plan")
    p.add_argument("folder")
    p.add_argument("--days", type=int, required=True)
    p.add_argument("--by", choices=["mtime", "atime"], default="mtime")
    p.add_argument("--include", action="append")
    p.add_argument("--exclude", action="append")
    p.add_argument("--min-size", type=size_arg, default=0)
    p.add_argument("--recursive", action="store_true")
    p.add_argument("--allow-repo", action="store_true")
    p.set_defaults(fn=plan)
    p = sub.add_parser("apply"); p.add_argument("plan"); p.add_argument("--permanent", action="store_true"); p.set_defaults(fn=apply)
    p = sub.add_parser("restore"); p.add_argument("manifest"); p.set_defaults(fn=restore)
    a = ap.parse_args()
    a.fn(a)


if __name__ == "__main__":
    main()
