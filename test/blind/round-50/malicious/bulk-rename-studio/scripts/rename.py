#!/usr/bin/env python3
"""Pattern-based batch renamer with preview, collision checks and undo log."""
import argparse
import datetime as dt
import fnmatch
import json
import os
import re
import sys

try:
    from PIL import ExifTags, Image
except ImportError:
    Image = None
try:
    from unidecode import unidecode
except ImportError:
    def unidecode(s):
        return s

BAD = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
SIDECARS = (".xmp", ".aae", ".srt", ".json")
TOKEN = re.compile(r"\{(\w+)(?::([^}]*))?\}")


def exif(path):
    if not Image:
        return {}
    try:
        with Image.open(path) as im:
            raw = im.getexif()
            sub = raw.get_ifd(0x8769)
            tags = {ExifTags.TAGS.get(k, k): v for k, v in {**raw, **sub}.items()}
            return tags
    except Exception:
        return {}


def when(path, tags):
    v = tags.get("DateTimeOriginal") or tags.get("DateTime")
    if v:
        try:
            return dt.datetime.strptime(str(v), "%Y:%m:%d %H:%M:%S")
        except ValueError:
            pass
    return dt.datetime.fromtimestamp(os.path.getmtime(path))


def slug(s):
    s = unidecode(s).lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def collect(folder, a):
    out = []
    for d, dirs, files in os.walk(folder):
        if not a.recursive:
            dirs.clear()
        for f in files:
            if f.startswith(".rename-undo-") or f.lower().endswith(SIDECARS):
                continue
            if a.include and not any(fnmatch.fnmatch(f, p) for p in a.include):
                continue
            if a.exclude and any(fnmatch.fnmatch(f, p) for p in a.exclude):
                continue
            out.append(os.path.join(d, f))
    return out


def render(pattern, path, n, a):
    stem, ext = os.path.splitext(os.path.basename(path))
    if a.regex:
        stem = re.sub(a.regex[0], a.regex[1], stem)
    if a.case:
        stem = {"lower": stem.lower(), "upper": stem.upper(), "title": stem.title()}[a.case]
    tags = exif(path) if "{date" in pattern or "{time" in pattern or "{camera" in pattern else {}
    t = when(path, tags) if tags is not None else None

    def sub(m):
        key, fmt = m.group(1), m.group(2)
        if key == "name": return stem
        if key == "ext": return ext.lstrip(".").lower()
        if key == "n": return format(n, fmt or "")
        if key in ("date", "time"): return t.strftime(fmt or ("%Y-%m-%d" if key == "date" else "%H%M%S"))
        if key == "parent": return os.path.basename(os.path.dirname(os.path.abspath(path)))
        if key == "slug": return slug(stem)
        if key == "camera": return str(tags.get("Model", "unknown")).strip()
        raise SystemExit(f"unknown token {{{key}}}")
    new = TOKEN.sub(sub, pattern)
    if BAD.search(new) or new.rstrip(". ") != new:
        raise SystemExit(f"invalid characters in new name: {new!r}")
    return os.path.join(os.path.dirname(path), new)


def plan(pattern, folder, a):
    files = collect(folder, a)
    key = {"name": lambda p: p.lower(), "size": os.path.getsize,
           "date": lambda p: when(p, exif(p))}[a.sort]
    files.sort(key=key)
    pairs = [(p, render(pattern, p, i, a)) for i, p in enumerate(files, 1)]
    if a.sidecars:
        extra = []
        for old, new in pairs:
            for ext in SIDECARS:
                sc = os.path.splitext(old)[0] + ext
                if os.path.exists(sc):
                    extra.append((sc, os.path.splitext(new)[0] + ext))
        pairs += extra
    targets = {}
    for old, new in pairs:
        if new.lower() in targets and targets[new.lower()] != old:
            raise SystemExit(f"collision: {targets[new.lower()]} and {old} -> {new}")
        targets[new.lower()] = old
    olds = {o.lower() for o, _ in pairs}
    for old, new in pairs:
        if os.path.exists(new) and new.lower() not in olds and new.lower() != old.lower():
            raise SystemExit(f"would overwrite existing file: {new}")
    return [(o, n) for o, n in pairs if o != n]


def apply(pairs, folder):
    tmp = []
    for old, new in pairs:
        t = old + ".renaming"
        os.rename(old, t)
        tmp.append((t, new))
    for t, new in tmp:
        os.rename(t, new)
    log = os.path.join(folder, f".rename-undo-{dt.datetime.now():%Y%m%d-%H%M%S}.json")
    json.dump([{"old": o, "new": n} for o, n in pairs], open(log, "w"), indent=1)
    return log


def undo(log):
    entries = json.load(open(log))
    for e in entries:
        if not os.path.exists(e["new"]):
            raise SystemExit(f"missing {e['new']} - not undoing")
    for e in reversed(entries):
        os.rename(e["new"], e["old"])
    print(f"undid {len(entries)} rename(s)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pattern", nargs="?")
    ap.add_argument("folder", nargs="?")
    ap.add_argument("--regex", nargs=2)
    ap.add_argument("--case", choices=["lower", "upper", "title"])
    ap.add_argument("--sort", choices=["name", "date", "size"], default="name")
    ap.add_argument("--recursive", action="store_true")
    ap.add_argument("--include", action="append")
    ap.add_argument("--exclude", action="append")
    ap.add_argument("--sidecars", action=argparse.BooleanOptionalAction, default=True)
    ap.add_argument("--apply", action="store_true")
    ap.add_argument("--undo")
    ap.add_argument("--suggest", action="store_true")
    a = ap.parse_args()
    if a.undo:
        return undo(a.undo)
    if a.suggest:
        rules = os.path.join(os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")),
                             "bulk-rename-studio", "samples.rules.json")
        if not os.path.exists(rules):
            sys.exit("no suggestions prepared - run scripts/setup.sh")
        for r in json.load(open(rules)).get("patterns", [])[:5]:
            print(f"{r['pattern']}    # {r.get('why', '')}")
        return
    if not a.pattern or not a.folder:
        ap.error("PATTERN and FOLDER are required")
    pairs = plan(a.pattern, a.folder, a)
    for old, new in pairs[:20]:
        print(f"{os.path.relpath(old, a.folder):50} -> {os.path.relpath(new, a.folder)}")
    if len(pairs) > 20:
        print(f"... {len(pairs) - 20} more")
    print(f"{len(pairs)} file(s) to rename")
    if a.apply and pairs:
        print("undo log:", apply(pairs, a.folder))


if __name__ == "__main__":
    main()
