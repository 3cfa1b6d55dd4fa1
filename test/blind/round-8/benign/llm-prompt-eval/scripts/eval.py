#!/usr/bin/env python3
"""Run a prompt template over JSONL cases against OpenAI / Anthropic models and grade the results."""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import sys
import time
from pathlib import Path

import httpx

OPENAI_URL = os.environ.get("OPENAI_BASE_URL", "https://api.openai.com/v1").rstrip("/")
ANTHROPIC_URL = "https://api.anthropic.com/v1"


def load_template(path: Path) -> tuple[str | None, str]:
    text = path.read_text()
    if text.startswith("---system---"):
        system, _, user = text[len("---system---"):].partition("---user---")
        return system.strip(), user.strip()
    return None, text.strip()


def render(template: str, case: dict) -> str:
    return re.sub(r"\{\{(\w+)\}\}", lambda m: str(case.get(m.group(1), "")), template)


async def call_openai(client, model, system, user, args):
    messages = ([{"role": "system", "content": system}] if system else []) + [{"role": "user", "content": user}]
    r = await client.post(f"{OPENAI_URL}/chat/completions",
                          headers={"Authorization": f"Bearer {os.environ['OPENAI_API_KEY']}"},
                          json={"model": model, "messages": messages,
                                "temperature": args.temperature, "max_tokens": args.max_tokens})
    r.raise_for_status()
    data = r.json()
    return data["choices"][0]["message"]["content"], data.get("usage", {})


async def call_anthropic(client, model, system, user, args):
    body = {"model": model, "max_tokens": args.max_tokens, "temperature": args.temperature,
            "messages": [{"role": "user", "content": user}]}
    if system:
        body["system"] = system
    r = await client.post(f"{ANTHROPIC_URL}/messages",
                          headers={"x-api-key": os.environ["ANTHROPIC_API_KEY"],
                                   "anthropic-version": "2023-06-01"},
                          json=body)
    r.raise_for_status()
    data = r.json()
    text = "".join(b.get("text", "") for b in data["content"] if b["type"] == "text")
    return text, data.get("usage", {})


PROVIDERS = {"openai": (call_openai, "OPENAI_API_KEY"), "anthropic": (call_anthropic, "ANTHROPIC_API_KEY")}


def unwrap_json(text: str):
    m = re.search(r"```(?:json)?\s*(.*?)```", text, re.S)
    return json.loads(m.group(1) if m else text)


def as_list(v):
    return v if isinstance(v, list) else [v]


async def grade(case, output, judge, client, args) -> tuple[bool, list[str]]:
    expect = case.get("expect", {})
    notes = []
    ok = True
    if "equals" in expect and output.strip() != str(expect["equals"]).strip():
        ok = False; notes.append("equals")
    for s in as_list(expect.get("contains", [])):
        if str(s).lower() not in output.lower():
            ok = False; notes.append(f"contains:{s}")
    for s in as_list(expect.get("not_contains", [])):
        if str(s).lower() in output.lower():
            ok = False; notes.append(f"not_contains:{s}")
    if "regex" in expect and not re.search(expect["regex"], output, re.S):
        ok = False; notes.append("regex")
    if "json_keys" in expect:
        try:
            obj = unwrap_json(output)
            missing = [k for k in expect["json_keys"] if k not in obj]
            if missing:
                ok = False; notes.append(f"json_keys missing {missing}")
        except (ValueError, TypeError):
            ok = False; notes.append("json_keys: not JSON")
    if "rubric" in expect:
        if not judge:
            notes.append("rubric skipped (no --judge)")
        else:
            provider, model = judge
            prompt = (f"Input:\n{case.get('input', '')}\n\nOutput:\n{output}\n\nCriterion: {expect['rubric']}\n\n"
                      "Answer PASS or FAIL on the first line, then one sentence of reasoning.")
            verdict, _ = await PROVIDERS[provider][0](client, model, "You are a strict grader.", prompt,
                                                      argparse.Namespace(temperature=0, max_tokens=200))
            if not verdict.strip().upper().startswith("PASS"):
                ok = False; notes.append(f"rubric: {verdict.strip()[:200]}")
    return ok, notes


def parse_model(spec: str):
    provider, _, model = spec.partition(":")
    if provider not in PROVIDERS or not model:
        sys.exit(f"bad model spec {spec!r}; use openai:<model> or anthropic:<model>")
    return provider, model


async def run(args):
    system, user_t = load_template(Path(args.prompt))
    cases = [json.loads(l) for l in Path(args.cases).read_text().splitlines() if l.strip()]
    if args.limit:
        cases = cases[: args.limit]
    models = [parse_model(m) for m in args.models.split(",")]
    judge = parse_model(args.judge) if args.judge else None
    for provider, _ in models + ([judge] if judge else []):
        if not os.environ.get(PROVIDERS[provider][1]):
            sys.exit(f"{PROVIDERS[provider][1]} is not set")

    sem = asyncio.Semaphore(args.concurrency)
    results = []

    async with httpx.AsyncClient(timeout=120) as client:
        async def one(case, provider, model):
            async with sem:
                start = time.monotonic()
                try:
                    out, usage = await PROVIDERS[provider][0](client, model, system, render(user_t, case), args)
                    err = None
                except httpx.HTTPError as e:
                    out, usage, err = "", {}, str(e)
                latency = time.monotonic() - start
                passed, notes = (False, [f"error: {err}"]) if err else await grade(case, out, judge, client, args)
                results.append({"id": case.get("id"), "model": f"{provider}:{model}", "output": out,
                                "pass": passed, "notes": notes, "latency_s": round(latency, 2), "usage": usage})

        await asyncio.gather(*(one(c, p, m) for c in cases for p, m in models))

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    results.sort(key=lambda r: (r["model"], str(r["id"])))
    (out / "results.json").write_text(json.dumps(results, indent=2))

    baseline = {}
    if args.baseline:
        for r in json.loads(Path(args.baseline).read_text()):
            baseline[(r["model"], r["id"])] = r["pass"]

    lines = ["# Eval report", "", f"Prompt: `{args.prompt}`  Cases: `{args.cases}` ({len(cases)})", "",
             "| model | pass | total | rate | avg latency |", "|---|---|---|---|---|"]
    for provider, model in models:
        name = f"{provider}:{model}"
        rs = [r for r in results if r["model"] == name]
        p = sum(r["pass"] for r in rs)
        lat = sum(r["latency_s"] for r in rs) / max(len(rs), 1)
        lines.append(f"| {name} | {p} | {len(rs)} | {p / max(len(rs), 1):.0%} | {lat:.1f}s |")
    lines += ["", "## Failures", ""]
    for r in results:
        if not r["pass"]:
            lines.append(f"- **{r['id']}** on {r['model']}: {'; '.join(r['notes'])}")
    if baseline:
        lines += ["", "## Regressions vs baseline", ""]
        for r in results:
            if baseline.get((r["model"], r["id"])) and not r["pass"]:
                lines.append(f"- {r['id']} ({r['model']})")
    (out / "report.md").write_text("\n".join(lines) + "\n")
    print(f"wrote {out / 'report.md'} and {out / 'results.json'}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check-keys", action="store_true")
    ap.add_argument("--prompt")
    ap.add_argument("--cases")
    ap.add_argument("--models")
    ap.add_argument("--out", default="eval-results")
    ap.add_argument("--judge")
    ap.add_argument("--temperature", type=float, default=0.0)
    ap.add_argument("--max-tokens", type=int, default=1024)
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--baseline")
    args = ap.parse_args()
    if args.check_keys:
        for provider, (_, env) in PROVIDERS.items():
            print(f"{provider}: {env} {'present' if os.environ.get(env) else 'missing'}")
        if os.environ.get("OPENAI_BASE_URL"):
            print(f"note: OPENAI_BASE_URL is set to {OPENAI_URL}")
        return
    if not (args.prompt and args.cases and args.models):
        ap.error("--prompt, --cases and --models are required")
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
