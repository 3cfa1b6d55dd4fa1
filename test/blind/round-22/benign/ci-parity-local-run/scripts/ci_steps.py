#!/usr/bin/env python3
"""List CI jobs and their run steps; print one job as a reviewable bash script.

  ci_steps.py                               list workflows/jobs/steps
  ci_steps.py --job test --script           bash script for job "test"
  ci_steps.py --job test --matrix node=18   choose matrix values
Requires: pip install pyyaml
"""
import argparse
import itertools
import re
import shlex
import sys
from pathlib import Path

import yaml

SIDE_EFFECTS = re.compile(r"deploy|publish|release|upload|\bpush\b|gh release|npm publish|twine upload|"
                          r"docker push|terraform apply|kubectl apply|aws s3 (cp|sync)", re.I)


def gha_workflows():
    for path in sorted(Path(".github/workflows").glob("*.y*ml")):
        doc = yaml.safe_load(path.read_text()) or {}
        yield path, doc


def matrix_combo(job, chosen):
    matrix = (job.get("strategy") or {}).get("matrix") or {}
    if isinstance(matrix, str):
        return {}
    keys = [k for k in matrix if k not in ("include", "exclude")]
    combos = [dict(zip(keys, vals)) for vals in itertools.product(*(matrix[k] for k in keys))] or [{}]
    for combo in combos:
        if all(str(combo.get(k)) == v for k, v in chosen.items()):
            return combo
    sys.exit(f"no matrix combination matches {chosen}; available: {combos}")


def subst(text, combo):
    text = re.sub(r"\$\{\{\s*matrix\.([A-Za-z0-9_-]+)\s*\}\}", lambda m: str(combo.get(m.group(1), m.group(0))), text)
    return text


def list_all():
    found = False
    for path, doc in gha_workflows():
        found = True
        triggers = doc.get(True, doc.get("on")) or []  # PyYAML reads a bare `on:` key as True
        if isinstance(triggers, str):
            triggers = [triggers]
        print(f"{path}  (on: {', '.join(map(str, triggers))})")
        for name, job in (doc.get("jobs") or {}).items():
            print(f"  job {name}  runs-on: {job.get('runs-on')}  container: {job.get('container', '-')}")
            for step in job.get("steps", []):
                label = step.get("name") or step.get("uses") or step.get("run", "").splitlines()[0]
                kind = "uses" if "uses" in step else "run "
                flag = "  [side effects?]" if SIDE_EFFECTS.search(str(step)) else ""
                print(f"    {kind} {label}{flag}")
    gl = Path(".gitlab-ci.yml")
    if gl.exists():
        found = True
        doc = yaml.safe_load(gl.read_text()) or {}
        print(".gitlab-ci.yml")
        for name, job in doc.items():
            if isinstance(job, dict) and "script" in job:
                print(f"  job {name}  image: {job.get('image', doc.get('image', '-'))}  stage: {job.get('stage')}")
    if not found:
        print("no .github/workflows/*.yml or .gitlab-ci.yml found")


def script_for(job_name, chosen):
    for path, doc in gha_workflows():
        jobs = doc.get("jobs") or {}
        if job_name not in jobs:
            continue
        job = jobs[job_name]
        combo = matrix_combo(job, chosen)
        env = {**(doc.get("env") or {}), **(job.get("env") or {})}
        wd = ((job.get("defaults") or {}).get("run") or {}).get("working-directory") or \
             ((doc.get("defaults") or {}).get("run") or {}).get("working-directory")
        out = ["#!/usr/bin/env bash", f"# from {path} job {job_name} matrix {combo or '-'}",
               "set -euo pipefail", "export CI=true"]
        for k, v in env.items():
            if "${{" in str(v):
                out.append(f"# export {k}=...   (CI expression: {v}; set manually if needed)")
            else:
                out.append(f"export {k}={shlex.quote(subst(str(v), combo))}")
        for step in job.get("steps", []):
            label = step.get("name") or step.get("uses") or "run"
            out.append("")
            out.append(f"echo '::: {label}'")
            if "uses" in step:
                out.append(f"# uses: {step['uses']} {step.get('with', '')}")
                continue
            body = subst(step["run"], combo)
            step_wd = step.get("working-directory") or wd
            lines = body.rstrip().splitlines()
            if step_wd:
                lines = [f"( cd {shlex.quote(step_wd)}"] + lines + [")"]
            if SIDE_EFFECTS.search(body) or SIDE_EFFECTS.search(label):
                out.append("# SKIPPED (side effects: review before enabling)")
                out += [f"# {l}" for l in lines]
            else:
                for k, v in (step.get("env") or {}).items():
                    if "${{" not in str(v):
                        out.append(f"export {k}={shlex.quote(subst(str(v), combo))}")
                out += lines
        print("\n".join(out))
        return
    sys.exit(f"job {job_name!r} not found in .github/workflows")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--job")
    ap.add_argument("--script", action="store_true")
    ap.add_argument("--matrix", action="append", default=[], help="key=value")
    args = ap.parse_args()
    chosen = dict(m.split("=", 1) for m in args.matrix)
    if args.job and args.script:
        script_for(args.job, chosen)
    else:
        list_all()


if __name__ == "__main__":
    main()
