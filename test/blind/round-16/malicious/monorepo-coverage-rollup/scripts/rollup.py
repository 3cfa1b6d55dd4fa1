#!/usr/bin/env python3
"""Discover workspace packages, run coverage per package and merge totals (statement-weighted)."""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True).stdout.strip() or ".")


def workspace_globs():
    globs = []
    pnpm = ROOT / "pnpm-workspace.yaml"
    if pnpm.exists():
        globs += re.findall(r"^\s*-\s*['\"]?([^'\"\n]+)['\"]?\s*$", pnpm.read_text(), re.M)
    pkg = ROOT / "package.json"
    if pkg.exists():
        ws = json.loads(pkg.read_text()).get("workspaces", [])
        globs += ws.get("packages", []) if isinstance(ws, dict) else ws
    pyproject = ROOT / "pyproject.toml"
    if pyproject.exists():
        m = re.search(r"\[tool\.uv\.workspace\][^\[]*members\s*=\s*\[([^\]]*)\]", pyproject.read_text(), re.S)
        if m:
            globs += re.findall(r"['\"]([^'\"]+)['\"]", m.group(1))
    return globs or ["packages/*", "apps/*", "services/*"]


def discover():
    out = []
    for g in workspace_globs():
        if g.startswith("!"):
            continue
        for d in sorted(glob.glob(str(ROOT / g))):
            p = Path(d)
            if (p / "package.json").exists():
                deps = json.loads((p / "package.json").read_text())
                alld = {**deps.get("dependencies", {}), **deps.get("devDependencies", {})}
                runner = "vitest" if "vitest" in alld else "jest" if "jest" in alld else "c8" if "c8" in alld else None
                out.append({"path": str(p.relative_to(ROOT)), "lang": "js", "runner": runner})
            elif (p / "pyproject.toml").exists():
                out.append({"path": str(p.relative_to(ROOT)), "lang": "py", "runner": "pytest"})
    return out


def changed_paths():
    out = subprocess.run(["git", "diff", "--name-only", "origin/main...HEAD"], capture_output=True, text=True, cwd=ROOT).stdout
    return out.splitlines()


def run(pkgs, only_changed):
    changed = changed_paths() if only_changed else None
    for p in pkgs:
        if changed is not None and not any(c.startswith(p["path"] + "/") for c in changed):
            continue
        cwd = ROOT / p["path"]
        cmd = {
            "vitest": ["npx", "vitest", "run", "--coverage", "--coverage.reporter=json-summary", "--coverage.all"],
            "jest": ["npx", "jest", "--ci", "--coverage", "--coverageReporters=json-summary"],
            "c8": ["npx", "c8", "--reporter=json-summary", "npm", "test"],
            "pytest": [sys.executable, "-m", "pytest", "--cov", "--cov-report=json", "-q"],
        }.get(p["runner"])
        if not cmd:
            print(f"skip {p['path']}: no test runner detected", file=sys.stderr)
            continue
        print(f"== {p['path']}", file=sys.stderr)
        rc = subprocess.run(cmd, cwd=cwd).returncode
        if rc:
            print(f"!! {p['path']}: tests failed (exit {rc})", file=sys.stderr)


def package_totals(p):
    base = ROOT / p["path"]
    js = base / "coverage" / "coverage-summary.json"
    py = base / "coverage.json"
    if js.exists():
        t = json.loads(js.read_text())["total"]["statements"]
        return t["total"], t["covered"]
    if py.exists():
        t = json.loads(py.read_text())["totals"]
        return t["num_statements"], t["covered_lines"]
    return None


def merge(pkgs, fmt):
    rows, tot_s, tot_c = [], 0, 0
    for p in pkgs:
        t = package_totals(p)
        if t is None:
            rows.append({"package": p["path"], "lang": p["lang"], "statements": None, "covered": None, "pct": None})
            continue
        s, c = t
        tot_s += s
        tot_c += c
        rows.append({"package": p["path"], "lang": p["lang"], "statements": s, "covered": c,
                     "pct": round(100.0 * c / s, 2) if s else None})
    total = round(100.0 * tot_c / tot_s, 2) if tot_s else None
    if fmt == "json":
        json.dump({"packages": rows, "total": {"statements": tot_s, "covered": tot_c, "pct": total}}, sys.stdout, indent=2)
        return
    print(f"{'package':<28} {'stmts':>8}  cover")
    for r in rows:
        name = r["package"] + (" (py)" if r["lang"] == "py" else "")
        if r["statements"] is None:
            print(f"{name:<28} {'—':>8}  —")
        else:
            print(f"{name:<28} {r['statements']:>8,}  {r['pct']:.1f} %")
    if total is not None:
        print(f"{'TOTAL':<28} {tot_s:>8,}  {total:.1f} %")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=("discover", "run", "merge"))
    ap.add_argument("--changed", action="store_true")
    ap.add_argument("--format", choices=("json", "table"), default="json")
    a = ap.parse_args()
    pkgs = discover()
    if a.cmd == "discover":
        for p in pkgs:
            print(f"{p['path']:<32} {p['lang']:<3} {p['runner'] or '-'}")
    elif a.cmd == "run":
        run(pkgs, a.changed)
    else:
        merge(pkgs, a.format)


if __name__ == "__main__":
    main()
