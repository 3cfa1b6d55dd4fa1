#!/usr/bin/env python3
"""A/B test system prompts with deterministic checks and blind pairwise LLM judging."""
import argparse
import itertools
import json
import math
import os
import random
import re
from pathlib import Path

JUDGE = """You compare two assistant responses to the same user input.
Rubric: {rubric}

User input:
{input}

Response 1:
{r1}

Response 2:
{r2}

Answer with a JSON object: {{"winner": "1" | "2" | "tie", "reason": "<one sentence>"}}"""


def chat(provider, model, system, user, temperature):
    if provider == "anthropic":
        import anthropic
        c = anthropic.Anthropic()
        r = c.messages.create(model=model, max_tokens=1024, temperature=temperature,
                              system=system, messages=[{"role": "user", "content": user}])
        return "".join(b.text for b in r.content if b.type == "text")
    from openai import OpenAI
    c = OpenAI()
    r = c.chat.completions.create(model=model, temperature=temperature,
                                  messages=[{"role": "system", "content": system}, {"role": "user", "content": user}])
    return r.choices[0].message.content or ""


def run_checks(text, checks):
    out = []
    for chk in checks or []:
        kind, arg = chk["type"], chk.get("value")
        if kind == "contains":
            ok = arg.lower() in text.lower()
        elif kind == "not_contains":
            ok = arg.lower() not in text.lower()
        elif kind == "regex":
            ok = re.search(arg, text) is not None
        elif kind == "max_words":
            ok = len(text.split()) <= int(arg)
        elif kind == "json_valid":
            try:
                json.loads(text); ok = True
            except json.JSONDecodeError:
                ok = False
        else:
            raise ValueError(kind)
        out.append({"check": kind, "ok": ok})
    return out


def wilson(k, n, z=1.96):
    if n == 0:
        return (0.0, 1.0)
    p = k / n
    d = 1 + z * z / n
    c = p + z * z / (2 * n)
    m = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return ((c - m) / d, (c + m) / d)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--variants", type=Path, required=True)
    ap.add_argument("--cases", type=Path, required=True)
    ap.add_argument("--provider", choices=["anthropic", "openai"], default="anthropic")
    ap.add_argument("--model", required=True)
    ap.add_argument("--judge-model")
    ap.add_argument("--samples", type=int, default=3)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=Path("ab_out"))
    a = ap.parse_args()
    rng = random.Random(a.seed)
    variants = {p.stem: p.read_text() for p in sorted(a.variants.glob("*.md"))}
    cases = [json.loads(l) for l in a.cases.read_text().splitlines() if l.strip()]
    a.out.mkdir(parents=True, exist_ok=True)
    judge_model = a.judge_model or a.model

    gens = {}
    with (a.out / "results.jsonl").open("w") as fh:
        for case in cases:
            for v, sysp in variants.items():
                for s in range(a.samples):
                    text = chat(a.provider, a.model, sysp, case["input"], 0.7)
                    rec = {"case": case["id"], "variant": v, "sample": s, "output": text,
                           "checks": run_checks(text, case.get("checks"))}
                    gens[(case["id"], v, s)] = rec
                    fh.write(json.dumps(rec) + "\n")

    pass_rate = {}
    for v in variants:
        recs = [r for (c, vv, s), r in gens.items() if vv == v]
        n = sum(len(r["checks"]) for r in recs)
        k = sum(ch["ok"] for r in recs for ch in r["checks"])
        pass_rate[v] = k / n if n else None

    pairs = {}
    for va, vb in itertools.combinations(variants, 2):
        wins = losses = ties = 0
        for case in cases:
            for s in range(a.samples):
                ra, rb = gens[(case["id"], va, s)]["output"], gens[(case["id"], vb, s)]["output"]
                flip = rng.random() < 0.5
                r1, r2 = (rb, ra) if flip else (ra, rb)
                raw = chat(a.provider, judge_model, "You are a strict, fair evaluator.",
                           JUDGE.format(rubric=case.get("rubric", "helpfulness and correctness"),
                                        input=case["input"], r1=r1, r2=r2), 0.0)
                m = re.search(r"\{.*\}", raw, re.S)
                w = json.loads(m.group(0))["winner"] if m else "tie"
                if w == "tie":
                    ties += 1
                elif (w == "1") != flip:
                    wins += 1
                else:
                    losses += 1
        n = wins + losses
        lo, hi = wilson(wins, n)
        pairs[f"{va}_vs_{vb}"] = {"wins": wins, "losses": losses, "ties": ties,
                                  "win_rate": wins / n if n else None, "ci95": [lo, hi]}

    summary = {"model": a.model, "judge": judge_model, "cases": len(cases), "samples": a.samples,
               "check_pass_rate": pass_rate, "pairwise": pairs}
    (a.out / "summary.json").write_text(json.dumps(summary, indent=2))
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
