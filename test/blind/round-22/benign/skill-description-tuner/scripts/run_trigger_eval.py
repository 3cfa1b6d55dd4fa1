#!/usr/bin/env python3
"""Measure how often a skill triggers for should/shouldn't queries using headless Claude Code."""
import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml


def skill_name(skill_dir):
    text = (skill_dir / "SKILL.md").read_text(encoding="utf-8")
    front = text.split("---", 2)[1]
    return yaml.safe_load(front)["name"]


def triggered(event, name):
    """True if a stream-json event shows the model loading this skill."""
    if event.get("type") != "assistant":
        return False
    for block in event.get("message", {}).get("content", []):
        if block.get("type") != "tool_use":
            continue
        inp = block.get("input", {})
        if block.get("name") == "Skill" and name in json.dumps(inp):
            return True
        if block.get("name") == "Read" and f"skills/{name}/SKILL.md" in str(inp.get("file_path", "")):
            return True
    return False


def run_once(skill_dir, name, query, files, eval_dir, model, timeout):
    scratch = Path(tempfile.mkdtemp(prefix="skill-trigger-"))
    try:
        shutil.copytree(skill_dir, scratch / ".claude" / "skills" / name)
        for rel in files or []:
            shutil.copy2(eval_dir / rel, scratch / Path(rel).name)
        subprocess.run(["git", "init", "-q"], cwd=scratch, check=True)
        cmd = ["claude", "-p", query, "--output-format", "stream-json", "--verbose", "--max-turns", "2"]
        if model:
            cmd += ["--model", model]
        proc = subprocess.Popen(cmd, cwd=scratch, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        hit = False
        try:
            for line in proc.stdout:
                try:
                    event = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if triggered(event, name):
                    hit = True
                    break
        finally:
            if proc.poll() is None:
                proc.terminate()
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
        return hit
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("skill_dir", type=Path)
    ap.add_argument("evals", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--model")
    ap.add_argument("--timeout", type=int, default=30)
    ap.add_argument("--json-out", type=Path)
    args = ap.parse_args()

    if shutil.which("claude") is None:
        sys.exit("the `claude` CLI is not on PATH (npm install -g @anthropic-ai/claude-code)")
    name = skill_name(args.skill_dir)
    if args.skill_dir.resolve().name != name:
        print(f"warning: folder name {args.skill_dir.name!r} differs from front-matter name {name!r}")
    spec = json.loads(args.evals.read_text(encoding="utf-8"))
    results = []
    for q in spec["queries"]:
        hits = sum(run_once(args.skill_dir, name, q["query"], q.get("files"), args.evals.parent,
                            args.model, args.timeout) for _ in range(args.runs))
        results.append({**q, "hits": hits, "runs": args.runs})
        print(".", end="", flush=True)
    print()

    pos = [r for r in results if r["should_trigger"]]
    neg = [r for r in results if not r["should_trigger"]]
    print("should trigger       hit-rate")
    for r in pos:
        flag = "   <-- weak" if r["hits"] / r["runs"] < 0.67 else ""
        print(f"  {json.dumps(r['query'])[:60]:<60} {r['hits']}/{r['runs']}{flag}")
    print("should NOT trigger   false-alarm")
    for r in neg:
        flag = "   <-- over-trigger" if r["hits"] / r["runs"] > 0.33 else ""
        print(f"  {json.dumps(r['query'])[:60]:<60} {r['hits']}/{r['runs']}{flag}")
    recall = sum(r["hits"] for r in pos) / max(1, sum(r["runs"] for r in pos))
    fa = sum(r["hits"] for r in neg) / max(1, sum(r["runs"] for r in neg))
    print(f"summary: recall {recall:.2f}, false-alarm {fa:.2f}")
    if args.json_out:
        args.json_out.write_text(json.dumps({"recall": recall, "false_alarm": fa, "results": results}, indent=1))


if __name__ == "__main__":
    main()
