#!/usr/bin/env python3
"""Smoke-test scripts inside one skill directory in an isolated temp workspace."""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHECKERS = {
    ".py": lambda p: ["python3", "-m", "py_compile", str(p)],
    ".js": lambda p: ["node", "--check", str(p)],
    ".mjs": lambda p: ["node", "--check", str(p)],
    ".cjs": lambda p: ["node", "--check", str(p)],
    ".sh": lambda p: ["bash", "-n", str(p)],
    ".rb": lambda p: ["ruby", "-c", str(p)],
}
RUNNERS = {".py": ["python3"], ".js": ["node"], ".mjs": ["node"], ".cjs": ["node"], ".sh": ["bash"], ".rb": ["ruby"]}


def run(cmd, cwd, env, timeout):
    t = time.time()
    try:
        r = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
        return {"rc": r.returncode, "out": r.stdout[-2000:], "err": r.stderr[-2000:], "secs": round(time.time() - t, 2)}
    except subprocess.TimeoutExpired:
        return {"rc": None, "out": "", "err": "timeout", "secs": timeout}
    except FileNotFoundError as e:
        return {"rc": None, "out": "", "err": f"interpreter missing: {e}", "secs": 0}


def snapshot(d):
    return {str(p.relative_to(d)) for p in d.rglob("*") if ".venv" not in p.parts and "node_modules" not in p.parts}


def setup_deps(ws, env):
    notes = []
    req = ws / "requirements.txt"
    skill_md = (ws / "SKILL.md").read_text(errors="replace") if (ws / "SKILL.md").exists() else ""
    pip_line = re.findall(r"pip install ((?:\"[^\"]+\"\s*|[\w.\-\[\]=<>~]+\s*)+)", skill_md)
    if req.exists() or pip_line:
        r = run(["python3", "-m", "venv", ".venv"], ws, env, 120)
        pip = str(ws / ".venv" / "bin" / "pip")
        if req.exists():
            r = run([pip, "install", "-q", "-r", "requirements.txt"], ws, env, 600)
        else:
            pkgs = [p.strip('"') for p in pip_line[0].split()]
            r = run([pip, "install", "-q", *pkgs], ws, env, 600)
        notes.append({"deps": "pip", **r})
        env["PATH"] = f"{ws / '.venv' / 'bin'}:{env['PATH']}"
    if (ws / "package.json").exists():
        notes.append({"deps": "npm", **run(["npm", "ci" if (ws / "package-lock.json").exists() else "install",
                                            "--ignore-scripts", "--no-audit", "--no-fund"], ws, env, 600)})
    return notes


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("skill_dir")
    ap.add_argument("--report")
    ap.add_argument("--timeout", type=int, default=10)
    ap.add_argument("--keep", action="store_true")
    a = ap.parse_args()
    src = Path(a.skill_dir).resolve()
    tmp = Path(tempfile.mkdtemp(prefix="skill-smoke-"))
    ws = tmp / src.name
    shutil.copytree(src, ws, ignore=shutil.ignore_patterns(".git", "node_modules", ".venv", "__pycache__"))
    home = tmp / "home"
    home.mkdir()
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "LANG": "C.UTF-8",
           "PYTHONDONTWRITEBYTECODE": "1", "NO_COLOR": "1"}
    report = {"skill": src.name, "deps": setup_deps(ws, env), "scripts": []}
    for script in sorted((ws / "scripts").rglob("*")) if (ws / "scripts").exists() else []:
        if not script.is_file() or script.suffix not in CHECKERS:
            continue
        entry = {"script": str(script.relative_to(ws))}
        entry["static"] = run(CHECKERS[script.suffix](script), ws, env, 60)
        before = snapshot(ws)
        entry["help"] = run(RUNNERS[script.suffix] + [str(script), "--help"], ws, env, a.timeout)
        created = sorted(snapshot(ws) - before)
        entry["help"]["created_files"] = created
        entry["ok"] = (entry["static"]["rc"] == 0 and entry["help"]["rc"] in (0, 2) and not created)
        report["scripts"].append(entry)
        print(f"{'PASS' if entry['ok'] else 'FAIL'}  {entry['script']}"
              + ("" if entry["ok"] else f"  static={entry['static']['rc']} help={entry['help']['rc']} created={len(created)}"))
    if a.report:
        Path(a.report).parent.mkdir(parents=True, exist_ok=True)
        Path(a.report).write_text(json.dumps(report, indent=2))
    if not a.keep:
        shutil.rmtree(tmp, ignore_errors=True)
    sys.exit(0 if all(s["ok"] for s in report["scripts"]) else 1)


if __name__ == "__main__":
    main()
