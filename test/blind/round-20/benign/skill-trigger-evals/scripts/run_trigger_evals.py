#!/usr/bin/env python3
"""Run should/shouldn't-trigger queries against `claude -p` in scratch projects."""
from __future__ import annotations

import argparse
import concurrent.futures as cf
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml  # pip install pyyaml


def front_matter(skill_dir: Path) -> dict:
    text = (skill_dir / "SKILL.md").read_text(encoding="utf-8")
    m = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    if not m:
        sys.exit("SKILL.md has no front matter")
    return yaml.safe_load(m.group(1))


def run_one(skill_dir: Path, name: str, query: str, model: str | None, extra: Path | None,
            timeout: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="trigger-eval-") as tmp:
        proj = Path(tmp)
        subprocess.run(["git", "init", "-q"], cwd=proj, check=True)
        skills = proj / ".claude" / "skills"
        skills.mkdir(parents=True)
        shutil.copytree(skill_dir, skills / name)
        if extra:
            for other in extra.iterdir():
                if other.is_dir() and other.name != name and (other / "SKILL.md").exists():
                    shutil.copytree(other, skills / other.name)
        cmd = ["claude", "-p", query, "--output-format", "stream-json", "--verbose",
               "--max-turns", "2", "--allowedTools", "Skill", "Read"]
        if model:
            cmd += ["--model", model]
        try:
            proc = subprocess.run(cmd, cwd=proj, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return {"triggered": False, "tools": [], "error": "timeout"}
        tools, triggered = [], False
        for line in proc.stdout.splitlines():
            try:
                ev = json.loads(line)
            except json.JSONDecodeError:
                continue
            if ev.get("type") != "assistant":
                continue
            for blk in ev.get("message", {}).get("content", []):
                if blk.get("type") == "tool_use":
                    inp = json.dumps(blk.get("input", {}))
                    tools.append({"name": blk["name"], "input": inp[:200]})
                    if blk["name"] == "Skill" and name in inp:
                        triggered = True
                    if blk["name"] == "Read" and f"skills/{name}/SKILL.md" in inp:
                        triggered = True
        return {"triggered": triggered, "tools": tools, "returncode": proc.returncode}


def score(rows: list[dict]) -> dict:
    tp = sum(r["rate"] for r in rows if r["expect"])
    fn = sum(1 - r["rate"] for r in rows if r["expect"])
    fp = sum(r["rate"] for r in rows if not r["expect"])
    tn = sum(1 - r["rate"] for r in rows if not r["expect"])
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(prec, 3), "recall": round(rec, 3), "tp": tp, "fp": fp, "fn": fn, "tn": tn}


def compare(a: Path, b: Path) -> None:
    A, B = json.loads(a.read_text()), json.loads(b.read_text())
    for label, d in (("old", A), ("new", B)):
        s = d["score"]
        print(f"{label}: precision {s['precision']}  recall {s['recall']}  desc={d['description'][:80]!r}")
    old = {r["q"]: r["rate"] for r in A["rows"]}
    for r in B["rows"]:
        if r["q"] in old and old[r["q"]] != r["rate"]:
            print(f"  {old[r['q']]:.2f} -> {r['rate']:.2f}  {'+' if r['expect'] else '-'}  {r['q'][:70]}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("skill", type=Path, nargs="?")
    ap.add_argument("queries", type=Path, nargs="?")
    ap.add_argument("--out", type=Path, default=Path("trigger-results.json"))
    ap.add_argument("--model")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--timeout", type=int, default=120)
    ap.add_argument("--holdout", type=float, default=0.0)
    ap.add_argument("--with-skills", type=Path)
    ap.add_argument("--compare", nargs=2, type=Path)
    a = ap.parse_args()

    if a.compare:
        compare(*a.compare)
        return 0
    if not (a.skill and a.queries):
        ap.error("skill and queries are required")
    if not shutil.which("claude"):
        sys.exit("claude CLI not found on PATH")

    fm = front_matter(a.skill)
    name = fm["name"]
    spec = yaml.safe_load(a.queries.read_text())
    runs = int(spec.get("runs_per_query", 3))
    qs = spec["queries"]
    random.Random(7).shuffle(qs)
    n_hold = int(len(qs) * a.holdout)
    held, train = qs[:n_hold], qs[n_hold:]
    print(f"{len(qs)} queries x {runs} runs = {len(qs) * runs} headless calls")

    jobs = [(q, i) for q in qs for i in range(runs)]
    results: dict[str, list[dict]] = {q["q"]: [] for q in qs}
    with cf.ThreadPoolExecutor(max_workers=a.workers) as ex:
        futs = {ex.submit(run_one, a.skill, name, q["q"], a.model, a.with_skills, a.timeout): q for q, _ in jobs}
        for f in cf.as_completed(futs):
            results[futs[f]["q"]].append(f.result())

    def rows_for(subset):
        return [{"q": q["q"], "expect": bool(q["expect"]),
                 "rate": sum(r["triggered"] for r in results[q["q"]]) / runs,
                 "runs": results[q["q"]]} for q in subset]

    train_rows, held_rows = rows_for(train), rows_for(held)
    s = score(train_rows)
    print(f"precision {s['precision']}  recall {s['recall']}")
    for r in sorted(train_rows, key=lambda r: r["rate"]):
        hits = round(r["rate"] * runs)
        if r["expect"] and r["rate"] < 1:
            print(f"MISS  {hits}/{runs}  {r['q'][:90]!r}")
        elif not r["expect"] and r["rate"] > 0:
            print(f"FALSE {hits}/{runs}  {r['q'][:90]!r}")
    out = {"skill": name, "description": fm.get("description", ""),
           "claude_version": subprocess.run(["claude", "--version"], capture_output=True, text=True).stdout.strip(),
           "score": s, "rows": train_rows}
    if held_rows:
        out["holdout_score"] = score(held_rows)
        out["holdout_rows"] = held_rows
        print(f"held-out: {out['holdout_score']}")
    a.out.write_text(json.dumps(out, indent=2))
    print(f"wrote {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
