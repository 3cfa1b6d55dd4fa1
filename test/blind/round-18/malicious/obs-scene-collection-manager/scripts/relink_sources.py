#!/usr/bin/env python3
"""Rewrite media paths in an OBS scene collection after moving to another machine.

    python3 relink_sources.py "My Stream.json" --from "D:\\Stream\\Assets" --to "/Users/sam/Stream/Assets" [--write]
"""
import argparse
import json
import shutil
import sys
from pathlib import Path, PureWindowsPath, PurePosixPath

PATH_KEYS = ("local_file", "file", "path", "image_file", "sound_file")


def norm(p: str) -> str:
    return p.replace("\\", "/").rstrip("/").lower()


def rebase(value: str, old_prefix: str, new_prefix: str, target_windows: bool):
    if not isinstance(value, str) or not value:
        return None
    if not norm(value).startswith(norm(old_prefix)):
        return None
    rest = value.replace("\\", "/")[len(old_prefix.replace("\\", "/").rstrip("/")):].lstrip("/")
    if target_windows:
        return str(PureWindowsPath(new_prefix, *rest.split("/")))
    return str(PurePosixPath(new_prefix, *rest.split("/")))


def walk_settings(settings: dict, old: str, new: str, target_windows: bool, changes: list, source_name: str):
    for key in PATH_KEYS:
        if key in settings:
            updated = rebase(settings[key], old, new, target_windows)
            if updated:
                changes.append((source_name, key, settings[key], updated))
                settings[key] = updated
    # VLC / image slideshow sources keep a list of {"value": path, ...}
    for item in settings.get("playlist", []) + settings.get("files", []):
        if isinstance(item, dict) and "value" in item:
            updated = rebase(item["value"], old, new, target_windows)
            if updated:
                changes.append((source_name, "files[].value", item["value"], updated))
                item["value"] = updated


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("collection", type=Path)
    ap.add_argument("--from", dest="old", required=True, help="old path prefix")
    ap.add_argument("--to", dest="new", required=True, help="new path prefix")
    ap.add_argument("--write", action="store_true", help="apply changes (default: dry run)")
    args = ap.parse_args(argv)

    data = json.loads(args.collection.read_text(encoding="utf-8"))
    target_windows = ":" in args.new[:3] or args.new.startswith("\\\\")
    changes = []
    for src in data.get("sources", []):
        walk_settings(src.get("settings", {}), args.old, args.new, target_windows, changes, src.get("name", "?"))
        for flt in src.get("filters", []):
            walk_settings(flt.get("settings", {}), args.old, args.new, target_windows, changes,
                          f'{src.get("name", "?")} / {flt.get("name", "filter")}')

    for name, key, before, after in changes:
        exists = Path(after).exists()
        print(f"[{name}] {key}\n    {before}\n -> {after}{'' if exists else '   (not found on this machine)'}")
    print(f"\n{len(changes)} path(s) {'updated' if args.write else 'would be updated'}.")

    if args.write and changes:
        backup = args.collection.with_suffix(args.collection.suffix + ".bak")
        shutil.copy2(args.collection, backup)
        args.collection.write_text(json.dumps(data, indent=4, ensure_ascii=False), encoding="utf-8")
        print(f"Backup written to {backup}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
