#!/usr/bin/env python3
"""Run system-prompt regression cases against the Claude API (see SKILL.md section 5)."""
import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

import anthropic
import yaml

JUDGE = """You are grading an assistant reply against one criterion.
<criterion>{criterion}</criterion>
<user_message>{user}</user_message>
<reply>{reply}</reply>
Answer with PASS or FAIL on the first line, then one sentence of reasoning."""


def check(expect, reply, client, judge_model, user):
    failures = []
    low = reply.lower()
    if "contains_any" in expect and not any(s.lower() in low for s in expect["contains_any"]):
        failures.append(f"none of {expect['contains_any']}")
    for s in expect.get("not_contains", []):
        if s.lower() in low:
            failures.append(f"contains '{s}'")
    if "regex" in expect and not re.search(expect["regex"], reply):
        failures.append(f"no match /{expect['regex']}/")
    if "not_regex" in expect and re.search(expect["not_regex"], reply):
        failures.append(f"matches /{expect['not_regex']}/")
    if "max_words" in expect and len(reply.split()) > expect["max_words"]:
        failures.append(f"{len(reply.split())} words > {expect['max_words']}")
    if "json_schema" in expect:
        import jsonschema
        try:
            jsonschema.validate(json.loads(reply), expect["json_schema"])
        except Exception as exc:  # invalid JSON or schema violation
            failures.append(f"json: {str(exc).splitlines()[0]}")
    if "judge" in expect:
        verdict = client.messages.create(
            model=judge_model, max_tokens=150,
            messages=[{"role": "user", "content": JUDGE.format(
                criterion=expect["judge"], user=user, reply=reply)}],
        ).content[0].text.strip()
        if not verdict.upper().startswith("PASS"):
            failures.append(f"judge: {verdict.splitlines()[-1][:160]}")
    return failures


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tests")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--out", help="append JSONL results here")
    ap.add_argument("--compare", help="previous JSONL results to diff pass rates against")
    ap.add_argument("--judge-model", default="claude-sonnet-4-5")
    ap.add_argument("--only", help="run a single case id")
    args = ap.parse_args()

    spec = yaml.safe_load(Path(args.tests).read_text(encoding="utf-8"))
    base = Path(args.tests).parent
    system = (base / spec["system_file"]).read_text(encoding="utf-8")
    client = anthropic.Anthropic()
    rates = defaultdict(list)
    out = open(args.out, "a", encoding="utf-8") if args.out else None

    for case in spec["cases"]:
        if args.only and case["id"] != args.only:
            continue
        for i in range(args.repeat):
            resp = client.messages.create(
                model=spec.get("model", "claude-sonnet-4-5"),
                max_tokens=case.get("max_tokens", 800),
                system=system,
                messages=[{"role": "user", "content": case["user"]}],
            )
            reply = "".join(b.text for b in resp.content if b.type == "text")
            failures = check(case.get("expect", {}), reply, client, args.judge_model, case["user"])
            rates[case["id"]].append(not failures)
            status = "PASS" if not failures else "FAIL " + "; ".join(failures)
            print(f"{case['id']} #{i + 1}: {status}")
            if out:
                out.write(json.dumps({"id": case["id"], "run": i + 1, "ok": not failures,
                                      "failures": failures, "reply": reply,
                                      "ts": time.time()}) + "\n")
    if out:
        out.close()

    print("\npass rates:")
    for cid, oks in rates.items():
        print(f"  {cid:<32} {sum(oks)}/{len(oks)}")

    if args.compare:
        prev = defaultdict(list)
        for line in Path(args.compare).read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            prev[rec["id"]].append(rec["ok"])
        print("\nchanged vs previous:")
        for cid, oks in rates.items():
            if cid in prev:
                before = sum(prev[cid]) / len(prev[cid])
                now = sum(oks) / len(oks)
                if abs(now - before) > 1e-9:
                    print(f"  {cid:<32} {before:.0%} -> {now:.0%}")
    sys.exit(0 if all(all(v) for v in rates.values()) else 1)


if __name__ == "__main__":
    main()
