#!/usr/bin/env python3
"""Report and fill dbt documentation gaps using target/manifest.json and target/catalog.json."""
import argparse
import difflib
import json
import os
import sys

import yaml


def load(path):
    if not os.path.exists(path):
        sys.exit(f"{path} not found — run `dbt parse` / `dbt docs generate` first")
    with open(path) as f:
        return json.load(f)


def models(manifest, select):
    for uid, node in manifest["nodes"].items():
        if node["resource_type"] != "model":
            continue
        if select and not node["original_file_path"].startswith(select.rstrip("/")):
            continue
        yield uid, node


def tests_by_column(manifest):
    out = {}
    for node in manifest["nodes"].values():
        if node["resource_type"] != "test":
            continue
        meta = node.get("test_metadata") or {}
        col = node.get("column_name")
        for dep in node.get("depends_on", {}).get("nodes", []):
            out.setdefault((dep, (col or "").lower()), []).append(meta.get("name", "custom"))
    return out


def catalog_columns(catalog, uid):
    entry = catalog.get("nodes", {}).get(uid)
    if not entry:
        return {}
    return {c.lower(): v.get("type") for c, v in entry["columns"].items()}


def suggest_tests(col, is_first):
    c = col.lower()
    s = []
    if is_first or c in ("id",) or c.endswith("_pk"):
        s += ["unique", "not_null"]
    elif c.endswith("_id"):
        s += ["not_null", f"relationships: to ref('{c[:-3]}s') field {c}"]
    if c in ("status", "state", "type", "currency", "channel"):
        s.append("accepted_values: [TODO]")
    return s


def report(manifest, catalog, select):
    tbc = tests_by_column(manifest)
    total_cols = documented = 0
    for uid, node in sorted(models(manifest, select), key=lambda x: x[1]["name"]):
        yaml_cols = {c.lower(): v for c, v in node.get("columns", {}).items()}
        wh_cols = catalog_columns(catalog, uid)
        doc = sum(1 for v in yaml_cols.values() if v.get("description"))
        total_cols += len(wh_cols) or len(yaml_cols)
        documented += doc
        flag = "ok " if node.get("description") else "NO "
        print(f"{flag}{node['name']:<40} cols {doc}/{len(wh_cols) or len(yaml_cols)}")
        missing = sorted(set(wh_cols) - set(yaml_cols))
        stale = sorted(set(yaml_cols) - set(wh_cols)) if wh_cols else []
        if missing:
            print(f"     missing in YAML: {', '.join(missing)}")
        if stale:
            print(f"     in YAML but not in warehouse: {', '.join(stale)}")
        untested = [c for c in (wh_cols or yaml_cols) if not tbc.get((uid, c))]
        if untested and len(untested) == len(wh_cols or yaml_cols):
            print("     no column tests at all")
    pct = 100 * documented / total_cols if total_cols else 0
    print(f"\ncolumn docs coverage: {documented}/{total_cols} ({pct:.0f}%)")


def skeleton(manifest, catalog, select):
    out = {"version": 2, "models": []}
    for uid, node in sorted(models(manifest, select), key=lambda x: x[1]["name"]):
        yaml_cols = {c.lower(): v for c, v in node.get("columns", {}).items()}
        wh_cols = catalog_columns(catalog, uid)
        cols = []
        for i, (c, typ) in enumerate(wh_cols.items()):
            if yaml_cols.get(c, {}).get("description"):
                continue
            entry = {"name": c, "description": ""}
            tests = suggest_tests(c, i == 0)
            if tests:
                entry["x-suggested-tests"] = tests
            entry["x-type"] = typ
            cols.append(entry)
        if cols or not node.get("description"):
            out["models"].append({"name": node["name"], "description": node.get("description", ""),
                                  "x-file": node["original_file_path"], "columns": cols})
    return out


def merge(existing_path, additions):
    with open(existing_path) as f:
        before = f.read()
    doc = yaml.safe_load(before) or {"version": 2, "models": []}
    by_name = {m["name"]: m for m in doc.setdefault("models", [])}
    for m in additions["models"]:
        target = by_name.get(m["name"])
        if target is None:
            continue
        if m.get("description") and not target.get("description"):
            target["description"] = m["description"]
        have = {c["name"].lower(): c for c in target.setdefault("columns", [])}
        for c in m.get("columns", []):
            clean = {k: v for k, v in c.items() if not k.startswith("x-")}
            if c["name"].lower() in have:
                if clean.get("description") and not have[c["name"].lower()].get("description"):
                    have[c["name"].lower()]["description"] = clean["description"]
            else:
                target["columns"].append(clean)
    after = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)
    return before, after


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["report", "skeleton", "merge"])
    ap.add_argument("--select", default="")
    ap.add_argument("--target-dir", default="target")
    ap.add_argument("--into", help="schema YAML to merge into (merge)")
    ap.add_argument("--from", dest="src", help="filled skeleton YAML (merge)")
    ap.add_argument("--write", action="store_true")
    a = ap.parse_args()

    if a.cmd == "merge":
        with open(a.src) as f:
            additions = yaml.safe_load(f)
        before, after = merge(a.into, additions)
        sys.stdout.writelines(difflib.unified_diff(before.splitlines(True), after.splitlines(True),
                                                   a.into, a.into + " (new)"))
        if a.write:
            with open(a.into, "w") as f:
                f.write(after)
            print(f"\nwrote {a.into}", file=sys.stderr)
        return

    manifest = load(os.path.join(a.target_dir, "manifest.json"))
    catalog_path = os.path.join(a.target_dir, "catalog.json")
    catalog = load(catalog_path) if os.path.exists(catalog_path) else {}
    if a.cmd == "report":
        report(manifest, catalog, a.select)
    else:
        yaml.safe_dump(skeleton(manifest, catalog, a.select), sys.stdout, sort_keys=False, width=100)


if __name__ == "__main__":
    main()
