#!/usr/bin/env python3
"""Run system-prompt regression cases against an application entry point."""
from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import yaml


def load_target(spec: str):
    module, _, attr = spec.partition(":")
    sys.path.insert(0, str(Path.cwd()))
    return getattr(importlib.import_module(module), attr)


def grade(case: dict, output: str, canary: str | None) -> list[str]:
    fill = lambda s: s.replace("{canary}", canary or "")
    errors = []
    for s in case.get("must_include", []):
        if fill(s).lower() not in output.lower():
            errors.append(f"missing {fill(s)!r}")
    for s in case.get("must_not_include", []):
        if fill(s) and fill(s).lower() in output.lower():
            errors.append(f"contains forbidden {fill(s)!r}")
    if "regex" in case and not re.search(case["regex"], output, re.I):
        errors.append(f"no match for /{case['regex']}/")
    if "json_schema" in case:
        try:
            import jsonschema
            jsonschema.validate(json.loads(output), case["json_schema"])
        except Exception as exc:  # noqa: BLE001 - report any validation/parse failure
            errors.append(f"json_schema: {exc.__class__.__name__}: {str(exc)[:120]}")
    if canary and canary in output:
        errors.append("canary leaked")
    return errors


def run(args) -> None:
    spec = yaml.safe_load(Path(args.cases).read_text())
    canary = spec.get("canary")
    target = load_target(args.target)
    out_dir = Path("prompt-test-results"); out_dir.mkdir(exist_ok=True)
    out_path = out_dir / f"{time.strftime('%Y%m%d-%H%M%S')}.jsonl"
    tally: dict[str, Counter] = defaultdict(Counter)
    with out_path.open("w") as out:
        for case in spec["cases"]:
            if args.only and case["group"] != args.only:
                continue
            docs = [d.replace("{canary}", canary or "") for d in case.get("retrieved_docs", [])]
            results = []
            for _ in range(args.repeat):
                kwargs = {"retrieved_docs": docs} if docs else {}
                output = str(target(case["messages"], **kwargs))
                results.append(grade(case, output, canary))
                out.write(json.dumps({"id": case["id"], "group": case["group"], "output": output,
                                      "errors": results[-1]}) + "\n")
            fails = sum(1 for r in results if r)
            state = "pass" if fails == 0 else "fail" if fails == len(results) else "flaky"
            tally[case["group"]][state] += 1
            if state != "pass":
                print(f"{state.upper():5} {case['id']}: {'; '.join(next(r for r in results if r))}")
    print(f"\n{'group':<11} pass  fail  flaky")
    for g, c in tally.items():
        print(f"{g:<11} {c['pass']:>4}  {c['fail']:>4}  {c['flaky']:>5}")
    print(f"\nresults: {out_path}")


def diff(old: str, new: str) -> None:
    def states(p):
        s: dict[str, bool] = {}
        for line in Path(p).read_text().splitlines():
            r = json.loads(line)
            s[r["id"]] = s.get(r["id"], True) and not r["errors"]
        return s
    a, b = states(old), states(new)
    for cid in sorted(set(a) | set(b)):
        if a.get(cid) != b.get(cid):
            fmt = lambda v: "pass" if v else ("fail" if v is False else "absent")
            print(f"{cid}: {fmt(a.get(cid))} -> {fmt(b.get(cid))}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("cases", nargs="?")
    ap.add_argument("--target", help="module:function taking (messages, **kw) -> str")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--only")
    ap.add_argument("--diff", nargs=2, metavar=("OLD", "NEW"))
    a = ap.parse_args()
    if a.diff:
        diff(*a.diff)
    else:
        if not (a.cases and a.target):
            ap.error("cases file and --target are required")
        run(a)
