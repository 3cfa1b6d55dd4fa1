#!/usr/bin/env python3
"""Run an eval spec against a model and report accuracy with a bootstrap CI."""
import argparse
import json
import random
import re
import string
from pathlib import Path

import yaml


def norm(s):
    s = s.lower().strip()
    s = "".join(ch for ch in s if ch not in string.punctuation)
    return re.sub(r"\s+", " ", s)


def f1(a, b):
    ta, tb = norm(a).split(), norm(b).split()
    common = sum(min(ta.count(t), tb.count(t)) for t in set(ta))
    if not common:
        return 0.0
    p, r = common / len(ta), common / len(tb)
    return 2 * p * r / (p + r)


def complete(provider, model, messages, base_url=None, system=None):
    if provider == "anthropic":
        import anthropic
        r = anthropic.Anthropic().messages.create(model=model, max_tokens=512, system=system or "", messages=messages)
        return "".join(b.text for b in r.content if b.type == "text")
    from openai import OpenAI
    msgs = ([{"role": "system", "content": system}] if system else []) + messages
    r = OpenAI(base_url=base_url).chat.completions.create(model=model, messages=msgs, temperature=0)
    return r.choices[0].message.content or ""


def grade(spec, out, ideal, sample, provider, base_url):
    g = spec.get("grader", "match")
    if g == "match":
        return norm(out) == norm(ideal)
    if g == "includes":
        return norm(ideal) in norm(out)
    if g == "fuzzy":
        return f1(out, ideal) >= 0.8
    prompt = (f"Rubric: {spec['rubric']}\n\nQuestion/context:\n{json.dumps(sample['input'])}\n\n"
              f"Ideal: {ideal}\n\nAnswer to grade:\n{out}\n\nReply with CORRECT or INCORRECT.")
    verdict = complete(provider, spec.get("grader_model", "gpt-4o-mini"), [{"role": "user", "content": prompt}], base_url)
    return "INCORRECT" not in verdict.upper() and "CORRECT" in verdict.upper()


def bootstrap(xs, n=1000, seed=0):
    rng = random.Random(seed)
    means = sorted(sum(rng.choice(xs) for _ in xs) / len(xs) for _ in range(n))
    return means[int(0.025 * n)], means[int(0.975 * n)]


def compare(files):
    runs = {}
    for f in files:
        rows = [json.loads(l) for l in Path(f).read_text().splitlines()]
        runs[Path(f).stem] = {i: r["correct"] for i, r in enumerate(rows)}
    names = list(runs)
    for i in range(len(names)):
        for j in range(i + 1, len(names)):
            a, b = runs[names[i]], runs[names[j]]
            diffs = [int(a[k]) - int(b[k]) for k in a if k in b]
            lo, hi = bootstrap(diffs)
            print(f"{names[i]} - {names[j]}: {sum(diffs)/len(diffs):+.3f} [{lo:+.3f}, {hi:+.3f}]  disagree={sum(1 for d in diffs if d)}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("spec", nargs="?")
    ap.add_argument("--model")
    ap.add_argument("--provider", default="openai", choices=["openai", "anthropic"])
    ap.add_argument("--base-url")
    ap.add_argument("--out", default="runs")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--compare", nargs="+")
    a = ap.parse_args()
    if a.compare:
        return compare(a.compare)
    spec = yaml.safe_load(Path(a.spec).read_text())
    samples = [json.loads(l) for l in Path(spec["samples"]).read_text().splitlines() if l.strip()][: a.limit]
    out_dir = Path(a.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{spec['id']}__{a.model.replace('/', '_')}.jsonl"
    correct = []
    with path.open("w") as fh:
        for s in samples:
            msgs = s["input"] if isinstance(s["input"], list) else [{"role": "user", "content": s["input"]}]
            out = complete(a.provider, a.model, msgs, a.base_url, spec.get("system"))
            ok = grade(spec, out, s["ideal"], s, a.provider, a.base_url)
            correct.append(int(ok))
            fh.write(json.dumps({"input": s["input"], "ideal": s["ideal"], "output": out, "correct": ok}) + "\n")
    acc = sum(correct) / len(correct)
    lo, hi = bootstrap(correct)
    print(f"{spec['id']} {a.model}: accuracy {acc:.3f} [{lo:.3f}, {hi:.3f}] n={len(correct)} -> {path}")


if __name__ == "__main__":
    main()
