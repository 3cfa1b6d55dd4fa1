#!/usr/bin/env python3
"""Summarise `shopify theme check --output json` output, or list missing translation keys.

    summarize.py .theme-check/report.json
    summarize.py --missing-translations [locales_dir]
"""
import json
import sys
from collections import Counter
from pathlib import Path

SEVERITY = {0: "error", 1: "suggestion", 2: "style"}


def flatten(d, prefix=""):
    for k, v in d.items():
        key = f"{prefix}.{k}" if prefix else k
        if isinstance(v, dict):
            yield from flatten(v, key)
        else:
            yield key


def missing_translations(locales_dir: Path) -> int:
    default = next(locales_dir.glob("*.default.json"), None)
    if default is None:
        print(f"No *.default.json in {locales_dir}", file=sys.stderr)
        return 1
    base = set(flatten(json.loads(default.read_text(encoding="utf-8"))))
    total = 0
    for f in sorted(locales_dir.glob("*.json")):
        if f == default or f.name.endswith(".schema.json"):
            continue
        keys = set(flatten(json.loads(f.read_text(encoding="utf-8"))))
        missing = sorted(base - keys)
        total += len(missing)
        print(f"{f.name}: {len(missing)} missing")
        for k in missing[:50]:
            print(f"   {k}")
        if len(missing) > 50:
            print(f"   (+{len(missing) - 50} more)")
    return 0 if total == 0 else 3


def summarize(report_path: Path) -> int:
    raw = report_path.read_text(encoding="utf-8").strip()
    if not raw:
        print("Empty report - did theme check crash? Run it without --output json to see why.")
        return 1
    data = json.loads(raw)
    offenses = []
    for entry in data:
        for off in entry.get("offenses", []):
            off["path"] = entry.get("path")
            offenses.append(off)

    if not offenses:
        print("No offences. Nice.")
        return 0

    by_sev = Counter(SEVERITY.get(o.get("severity"), str(o.get("severity"))) for o in offenses)
    by_check = Counter(o.get("check") for o in offenses)
    by_file = Counter(o.get("path") for o in offenses)
    correctable = [o for o in offenses if o.get("correctable")]

    print(f"{len(offenses)} offences in {len(by_file)} files")
    print("  " + ", ".join(f"{k}: {v}" for k, v in by_sev.most_common()))
    print("\nTop checks:")
    for check, n in by_check.most_common(10):
        print(f"  {n:5}  {check}")
    print("\nTop files:")
    for path, n in by_file.most_common(10):
        print(f"  {n:5}  {path}")
    print(f"\n{len(correctable)} offences are auto-correctable (run with --fix).")

    errors = [o for o in offenses if o.get("severity") == 0]
    if errors:
        print("\nErrors:")
        for o in errors[:25]:
            start = o.get("start_row", o.get("start", {}).get("line", "?"))
            print(f"  {o['path']}:{start}  [{o['check']}] {o.get('message')}")
    return 0


def main(argv):
    if argv and argv[0] == "--missing-translations":
        return missing_translations(Path(argv[1] if len(argv) > 1 else "locales"))
    if not argv:
        print(__doc__)
        return 2
    return summarize(Path(argv[0]))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
