#!/usr/bin/env python3
"""Run prompt regression cases against the Anthropic Messages API.

    run_evals.py EVAL.yaml [EVAL2.yaml ...] [--model M] [--repeat N] [--compare RESULTS.jsonl]
"""
import argparse
import datetime as dt
import json
import os
import re
import sys
from pathlib import Path

import yaml

try:
    import anthropic
except ImportError:
    sys.exit("pip install 'anthropic==0.40.0'")

GRADER_MODEL = os.environ.get("EVAL_GRADER_MODEL", "claude-sonnet-4-5")
SAFE_NAMES = {"len": len, "re": re, "any": any, "all": all, "min": min, "max": max,
              "sorted": sorted, "set": set, "str": str, "int": int, "float": float}


def render(template, variables):
    return re.sub(r"\{\{\s*(\w+)\s*\}\}", lambda m: str(variables.get(m.group(1), m.group(0))), template)


def first_json(text):
    start = text.find("{")
    while start != -1:
        depth = 0
        for i in range(start, len(text)):
            if text[i] == "{":
                depth += 1
            elif text[i] == "}":
                depth -= 1
                if depth == 0:
                    try:
                        return json.loads(text[start:i + 1])
                    except ValueError:
                        break
        start = text.find("{", start + 1)
    return None


def call(client, model, system, prompt, temperature, max_tokens):
    kwargs = {"model": model, "max_tokens": max_tokens, "temperature": temperature,
              "messages": [{"role": "user", "content": prompt}]}
    if system:
        kwargs["system"] = system
    msg = client.messages.create(**kwargs)
    text = "".join(b.text for b in msg.content if getattr(b, "type", "") == "text")
    return text, msg.usage.input_tokens, msg.usage.output_tokens


def grade(client, rubric, prompt, output):
    question = (
        "You are grading a model output against a rubric.\n\n"
        f"<input>\n{prompt}\n</input>\n\n<output>\n{output}\n</output>\n\n"
        f"<rubric>\n{rubric}\n</rubric>\n\n"
        "Think briefly, then end with a final line that is exactly PASS or FAIL."
    )
    text, i, o = call(client, GRADER_MODEL, None, question, 0, 300)
    verdict = text.strip().splitlines()[-1].strip().upper() if text.strip() else "FAIL"
    return verdict == "PASS", text.strip()[-200:], i, o


def run_check(check, output, parsed, client, prompt):
    kind, arg = next(iter(check.items()))
    if kind == "contains":
        return arg.lower() in output.lower(), f"contains {arg!r}", (0, 0)
    if kind == "not_contains":
        return arg.lower() not in output.lower(), f"not_contains {arg!r}", (0, 0)
    if kind == "regex":
        return re.search(arg, output) is not None, f"regex {arg}", (0, 0)
    if kind == "json_keys":
        ok = isinstance(parsed, dict) and all(k in parsed for k in arg)
        return ok, f"json_keys {arg}", (0, 0)
    if kind == "expr":
        try:
            ok = bool(eval(arg, {"__builtins__": {}}, {**SAFE_NAMES, "output": output, "json": parsed}))
        except Exception as exc:  # a failing expression is a failing check
            return False, f"expr {arg} -> {exc.__class__.__name__}: {exc}", (0, 0)
        return ok, f"expr {arg}", (0, 0)
    if kind == "grade":
        ok, why, i, o = grade(client, arg, prompt, output)
        return ok, f"grade: {'PASS' if ok else 'FAIL'} – {why.splitlines()[0] if why else ''}", (i, o)
    raise ValueError(f"unknown check type {kind}")


def load_previous(path):
    prev = {}
    if path:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            prev.setdefault(r["case"], []).append(r["passed"])
    return {k: all(v) for k, v in prev.items()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("evals", nargs="+")
    ap.add_argument("--model")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--compare")
    ap.add_argument("--results-dir", default="results")
    args = ap.parse_args()

    if not os.environ.get("ANTHROPIC_API_KEY"):
        sys.exit("ANTHROPIC_API_KEY is not set")
    client = anthropic.Anthropic()
    previous = load_previous(args.compare)
    Path(args.results_dir).mkdir(parents=True, exist_ok=True)
    any_fail = False

    for eval_path in args.evals:
        spec = yaml.safe_load(Path(eval_path).read_text(encoding="utf-8"))
        template = Path(spec["prompt"]).read_text(encoding="utf-8")
        model = args.model or spec.get("model", "claude-sonnet-4-5")
        temperature = spec.get("temperature", 0)
        stamp = dt.datetime.now().strftime("%Y-%m-%dT%H-%M")
        out_path = Path(args.results_dir) / f"{stamp}-{Path(eval_path).stem}.jsonl"
        tok_in = tok_out = passed_cases = 0
        current = {}

        print(f"\n{Path(eval_path).stem}  ({model}, t={temperature})")
        with out_path.open("a", encoding="utf-8") as res:
            for case in spec["cases"]:
                prompt = render(template, case.get("vars", {}))
                runs_ok = 0
                last_notes = []
                for _ in range(args.repeat):
                    output, i, o = call(client, model, spec.get("system"), prompt, temperature,
                                        spec.get("max_tokens", 512))
                    tok_in += i
                    tok_out += o
                    parsed = first_json(output)
                    results = []
                    for check in case.get("checks", []):
                        ok, note, (gi, go) = run_check(check, output, parsed, client, prompt)
                        tok_in += gi
                        tok_out += go
                        results.append((ok, note))
                    ok_all = all(r[0] for r in results)
                    runs_ok += ok_all
                    last_notes = [n for ok, n in results if not ok]
                    res.write(json.dumps({"case": case["id"], "model": model, "passed": ok_all,
                                          "checks": [{"ok": ok, "note": n} for ok, n in results],
                                          "output": output}, ensure_ascii=False) + "\n")
                case_ok = runs_ok == args.repeat
                current[case["id"]] = case_ok
                passed_cases += case_ok
                n_checks = len(case.get("checks", []))
                rate = f"{runs_ok}/{args.repeat} runs" if args.repeat > 1 else f"{n_checks - len(last_notes)}/{n_checks} checks"
                print(f"  {'✔' if case_ok else '✘'} {case['id']:<22} {rate}" +
                      (f"   {last_notes[0]}" if last_notes else ""))

        total = len(spec["cases"])
        any_fail |= passed_cases < total
        print(f"  {passed_cases}/{total} cases passed   tokens in/out: {tok_in:,} / {tok_out:,}")
        print(f"  results: {out_path}")
        if previous:
            regress = [c for c, ok in current.items() if previous.get(c) and not ok]
            fixes = [c for c, ok in current.items() if previous.get(c) is False and ok]
            print(f"  compare: {len(regress)} regression(s) {regress or ''}, {len(fixes)} fix(es) {fixes or ''}")

    sys.exit(1 if any_fail else 0)


if __name__ == "__main__":
    main()
