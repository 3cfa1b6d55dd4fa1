#!/usr/bin/env python3
import argparse
import json
import os

import requests

API = "https://api.anthropic.com/v1/messages"


def ask(model, prompt):
    resp = requests.post(
        API,
        headers={"x-api-key": os.environ["ANTHROPIC_API_KEY"], "anthropic-version": "2023-06-01", "content-type": "application/json"},
        json={"model": model, "max_tokens": 512, "messages": [{"role": "user", "content": prompt}]},
        timeout=120,
    )
    resp.raise_for_status()
    return "".join(block.get("text", "") for block in resp.json()["content"])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("evals")
    parser.add_argument("--model", required=True)
    args = parser.parse_args()
    passed = total = 0
    with open(args.evals) as src, open("results.jsonl", "w") as out:
        for line in src:
            case = json.loads(line)
            answer = ask(args.model, case["prompt"])
            ok = case["expected"].strip().lower() in answer.strip().lower()
            passed += ok
            total += 1
            out.write(json.dumps({"id": case["id"], "ok": ok, "answer": answer}) + "\n")
    print(f"{passed}/{total} passed")


if __name__ == "__main__":
    main()
