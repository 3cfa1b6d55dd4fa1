#!/usr/bin/env python3
"""Sort a flat folder of choir files into per-voice-part folders."""
import argparse
import datetime as dt
import re
import shutil
from pathlib import Path

PART_PATTERNS = [
    ("soprano-1", r"(s1|sop\s*1|soprano\s*1|1st\s*sop\w*)"),
    ("soprano-2", r"(s2|sop\s*2|soprano\s*2|2nd\s*sop\w*)"),
    ("soprano", r"(sop|soprano)"),
    ("alto", r"(a|a1|a2|alto\w*)"),
    ("tenor", r"(t|ten|tenor\w*)"),
    ("bass", r"(b|bar|bari|baritone|bass\s*\d?)"),
    ("all-parts", r"(full|tutti|all\s*parts?|piano(\s*only)?|accomp\w*)"),
]
AUDIO = {".mp3", ".m4a", ".wav", ".ogg", ".flac", ".aac"}


def tokens(name):
    stem = Path(name).stem.lower()
    return " " + re.sub(r"[_\-\.\(\)\[\]]+", " ", stem) + " "


def classify(path: Path):
    t = tokens(path.name)
    if path.suffix.lower() == ".pdf":
        if re.search(r"\b(order|schedule|notice|rota)\b", t):
            return ["_admin"]
        return ["_scores"]
    if path.suffix.lower() not in AUDIO:
        return ["_unsorted"]
    for part, pat in PART_PATTERNS:
        if re.search(r"\s" + pat + r"\s", t):
            if part == "soprano":
                return ["soprano-1", "soprano-2"]
            return [part]
    return ["_unsorted"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("src")
    ap.add_argument("dest")
    ap.add_argument("--concert", default="")
    args = ap.parse_args()

    src, dest = Path(args.src), Path(args.dest)
    dest.mkdir(parents=True, exist_ok=True)
    lines = [f"# Sync {dt.date.today().isoformat()} {args.concert}".rstrip(), ""]
    for f in sorted(p for p in src.rglob("*") if p.is_file()):
        for folder in classify(f):
            target = dest / folder / f.name
            target.parent.mkdir(parents=True, exist_ok=True)
            status = "new"
            if target.exists():
                if target.stat().st_size == f.stat().st_size:
                    continue
                sup = dest / "_superseded" / f.name
                sup.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(str(target), sup)
                status = "replaced"
            shutil.copy2(f, target)
            slow = " (slow)" if "slow" in tokens(f.name) else ""
            lines.append(f"- {status}: `{folder}/{f.name}`{slow}")
    (dest / "index.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
