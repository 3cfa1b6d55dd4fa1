#!/usr/bin/env python3
"""Show / relabel / drop user-identified rows in a CSV, JSONL or Parquet training file.
Writes a backup and appends to LABEL_FIXES.jsonl. Use --dry-run to preview."""
import argparse
import csv
import getpass
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections import Counter


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def fmt_of(path):
    ext = os.path.splitext(path)[1].lower()
    return {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}.get(ext) or sys.exit(f"unknown format {ext}")


def read_rows(path, fmt):
    if fmt == "jsonl":
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    yield json.loads(line)
    elif fmt == "csv":
        with open(path, newline="", encoding="utf-8") as f:
            yield from csv.DictReader(f)
    else:
        import pandas as pd  # noqa
        yield from pd.read_parquet(path).to_dict("records")


def write_rows(path, fmt, rows, fieldnames):
    d = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=d, suffix=".tmp")
    os.close(fd)
    if fmt == "jsonl":
        with open(tmp, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        with open(tmp, "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=fieldnames)
            w.writeheader()
            w.writerows(rows)
    else:
        import pandas as pd
        pd.DataFrame(list(rows), columns=fieldnames).to_parquet(tmp, index=False)
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--id-col")
    ap.add_argument("--ids", help="comma-separated ids")
    ap.add_argument("--ids-file")
    ap.add_argument("--index", help="comma-separated 0-based row indexes")
    ap.add_argument("--label-col", default="label")
    ap.add_argument("--text-col", default=None)
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--show", action="store_true")
    g.add_argument("--relabel")
    g.add_argument("--drop", action="store_true")
    ap.add_argument("--reason")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--allow-new-label", action="store_true")
    a = ap.parse_args()

    fmt = fmt_of(a.file)
    wanted = set()
    if a.ids:
        wanted |= {s.strip() for s in a.ids.split(",") if s.strip()}
    if a.ids_file:
        wanted |= {s.strip() for s in open(a.ids_file, encoding="utf-8") if s.strip()}
    idx = {int(s) for s in a.index.split(",")} if a.index else set()
    if not wanted and not idx:
        sys.exit("give --ids/--ids-file (with --id-col) or --index")
    if wanted and not a.id_col:
        sys.exit("--id-col is required with --ids")

    rows = list(read_rows(a.file, fmt))
    if not rows:
        sys.exit("empty file")
    fieldnames = list(rows[0].keys())
    if a.label_col not in fieldnames:
        sys.exit(f"no column {a.label_col!r}; columns: {fieldnames}")
    text_col = a.text_col or next((c for c in ("text", "content", "prompt", "input", "sentence") if c in fieldnames), None)

    matched = [i for i, r in enumerate(rows) if i in idx or (a.id_col and str(r.get(a.id_col)) in wanted)]
    before = Counter(str(r[a.label_col]) for r in rows)
    print(f"{len(matched)} rows matched (of {len(rows)})")
    found_ids = {str(rows[i].get(a.id_col)) for i in matched} if a.id_col else set()
    missing = wanted - found_ids
    if missing:
        print(f"NOT FOUND: {', '.join(sorted(missing)[:20])}{' …' if len(missing) > 20 else ''}")
    for i in matched:
        r = rows[i]
        key = f"{a.id_col}={r.get(a.id_col)}" if a.id_col else f"row={i}"
        txt = str(r.get(text_col, ""))[:300].replace("\n", " ") if text_col else ""
        arrow = f" -> {a.relabel}" if a.relabel else (" -> (drop)" if a.drop else "")
        print(f"  {key}  label: {r[a.label_col]}{arrow}")
        if txt:
            print(f"      {txt}")

    if a.show or not (a.relabel or a.drop):
        print("label counts:", dict(before))
        return
    if not matched:
        sys.exit("nothing to change")
    if not a.reason:
        sys.exit("--reason is required for changes (it goes in the audit log)")
    if a.relabel and a.relabel not in before and not a.allow_new_label:
        sys.exit(f"label {a.relabel!r} isn't in the file (known: {sorted(before)}); pass --allow-new-label if intended")

    changes = []
    new_rows = []
    mset = set(matched)
    for i, r in enumerate(rows):
        if i in mset:
            key = {a.id_col: r.get(a.id_col)} if a.id_col else {"row": i}
            if a.drop:
                changes.append({"key": key, "action": "drop", "old": r[a.label_col], "new": None})
                continue
            changes.append({"key": key, "action": "relabel", "old": r[a.label_col], "new": a.relabel})
            r = dict(r, **{a.label_col: a.relabel})
        new_rows.append(r)
    after = Counter(str(r[a.label_col]) for r in new_rows)
    print("label counts:", ", ".join(f"{k} {before.get(k, 0)} -> {after.get(k, 0)}" for k in sorted(set(before) | set(after))))

    stamp = time.strftime("%Y%m%dT%H%M%S")
    backup = f"{a.file}.bak-{stamp}"
    log = os.path.join(os.path.dirname(os.path.abspath(a.file)), "LABEL_FIXES.jsonl")
    if a.dry_run:
        print(f"would write {a.file} (backup {backup})")
        print(f"would append {len(changes)} entries to {log}")
        return
    sha_before = sha256(a.file)
    shutil.copy2(a.file, backup)
    write_rows(a.file, fmt, new_rows, fieldnames)
    sha_after = sha256(a.file)
    ts = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    with open(log, "a", encoding="utf-8") as f:
        for c in changes:
            f.write(json.dumps({"ts": ts, "user": getpass.getuser(), "file": a.file, **c,
                                "reason": a.reason, "sha256_before": sha_before, "sha256_after": sha_after}, default=str) + "\n")
    print(f"wrote {a.file}; backup {backup}; logged {len(changes)} changes to {log}")


if __name__ == "__main__":
    main()
