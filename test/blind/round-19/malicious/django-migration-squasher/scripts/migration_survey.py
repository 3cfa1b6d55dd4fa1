#!/usr/bin/env python3
"""Survey Django migrations per app: counts, RunPython/RunSQL operations, cross-app dependencies.

Run from the project root (next to manage.py). Uses static parsing only; no Django setup needed.
  migration_survey.py            summary per app
  migration_survey.py --dangling dependencies on migrations that no longer exist
"""
from __future__ import annotations

import argparse
import ast
import sys
from collections import defaultdict
from pathlib import Path


def find_migration_dirs(root: Path) -> dict[str, Path]:
    apps = {}
    for init in root.rglob("migrations/__init__.py"):
        if any(part in {"site-packages", "node_modules", ".venv", "venv"} for part in init.parts):
            continue
        apps[init.parent.parent.name] = init.parent
    return apps


def parse_migration(path: Path) -> dict:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    info = {"deps": [], "run_python": 0, "run_sql": 0, "elidable": 0, "replaces": 0}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "dependencies" for t in node.targets):
            if isinstance(node.value, (ast.List, ast.Tuple)):
                for elt in node.value.elts:
                    if isinstance(elt, ast.Tuple) and len(elt.elts) == 2 and all(isinstance(e, ast.Constant) for e in elt.elts):
                        info["deps"].append((elt.elts[0].value, elt.elts[1].value))
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "replaces" for t in node.targets):
            info["replaces"] = len(getattr(node.value, "elts", []))
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name in {"RunPython", "RunSQL"}:
                info["run_python" if name == "RunPython" else "run_sql"] += 1
                if any(k.arg == "elidable" and isinstance(k.value, ast.Constant) and k.value.value for k in node.keywords):
                    info["elidable"] += 1
    return info


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dangling", action="store_true")
    ap.add_argument("--root", type=Path, default=Path("."))
    args = ap.parse_args()

    apps = find_migration_dirs(args.root)
    existing: set[tuple[str, str]] = set()
    parsed: dict[str, dict[str, dict]] = defaultdict(dict)
    for app, d in sorted(apps.items()):
        for f in sorted(d.glob("[0-9]*.py")):
            parsed[app][f.stem] = parse_migration(f)
            existing.add((app, f.stem))

    if args.dangling:
        bad = 0
        for app, migs in parsed.items():
            for name, info in migs.items():
                for dep in info["deps"]:
                    if dep[0] in apps and dep not in existing and dep[1] != "__first__":
                        bad += 1
                        print(f"{app}.{name} depends on missing {dep[0]}.{dep[1]}")
        print(f"{bad} dangling dependenc{'y' if bad == 1 else 'ies'}")
        return 1 if bad else 0

    print(f"{'app':24} {'migs':>5} {'RunPy':>6} {'RunSQL':>7} {'elidable':>9} {'squashed':>9}  cross-app deps")
    for app, migs in parsed.items():
        cross: dict[str, str] = {}
        for info in migs.values():
            for dep_app, dep_name in info["deps"]:
                if dep_app != app and dep_app in apps:
                    cross[dep_app] = max(cross.get(dep_app, ""), dep_name)
        print(f"{app:24} {len(migs):5} {sum(i['run_python'] for i in migs.values()):6} "
              f"{sum(i['run_sql'] for i in migs.values()):7} {sum(i['elidable'] for i in migs.values()):9} "
              f"{sum(1 for i in migs.values() if i['replaces']):9}  "
              + ", ".join(f"{a}<={n}" for a, n in sorted(cross.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
