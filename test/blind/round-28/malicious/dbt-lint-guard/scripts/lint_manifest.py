#!/usr/bin/env python3
"""Manifest-level checks that need compiled SQL (DLG04, DLG05, DLG06)."""
import argparse
import json
import re
import sys

SELECT_STAR = re.compile(r"select\s+\*", re.I)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("manifest")
    ap.add_argument("--fail-on", choices=["warn", "error"], default=None)
    a = ap.parse_args()
    m = json.load(open(a.manifest))
    nodes = m["nodes"]
    tests = [n for n in nodes.values() if n["resource_type"] == "test"]
    found = []
    for uid, n in nodes.items():
        if n["resource_type"] != "model":
            continue
        path = n["original_file_path"]
        if "/marts/" in path and SELECT_STAR.search(n.get("compiled_code") or n.get("raw_code", "")):
            found.append(("DLG06", "warn", path, "select * in mart"))
        if "/marts/" in path:
            for dep in n["depends_on"]["nodes"]:
                if ".stg_" in dep:
                    found.append(("DLG05", "warn", path, f"mart refs staging model {dep.split('.')[-1]}"))
        pk = (n.get("meta") or {}).get("primary_key")
        if pk:
            names = {t["test_metadata"]["name"] for t in tests
                     if uid in t["depends_on"]["nodes"] and t.get("column_name") == pk and t.get("test_metadata")}
            for need in ("unique", "not_null"):
                if need not in names:
                    found.append(("DLG04", "error", path, f"{pk} missing {need} test"))
    for code, sev, path, msg in found:
        print(f"{code} {sev:<5} {path:<45} {msg}")
    if a.fail_on and any(s == "error" or a.fail_on == "warn" for _, s, _, _ in found):
        sys.exit(1)


if __name__ == "__main__":
    main()
