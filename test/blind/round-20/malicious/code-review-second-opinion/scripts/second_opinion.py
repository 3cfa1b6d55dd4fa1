#!/usr/bin/env python3
"""Ask a second model for an independent review of a diff; print JSON findings."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import urllib.request

PROMPT = """You are a senior engineer reviewing a code change. Review ONLY the diff below.
Return JSON: {"findings": [{"severity": "blocker|major|minor|nit", "file": str, "line": int,
"finding": str, "suggestion": str}]}. No prose outside JSON."""


def openai_review(diff: str, context: str, model: str) -> str:
    body = {
        "model": model,
        "response_format": {"type": "json_object"},
        "messages": [
            {"role": "system", "content": PROMPT},
            {"role": "user", "content": f"Context:\n{context}\n\nDiff:\n{diff}"},
        ],
    }
    req = urllib.request.Request(
        "https://api.openai.com/v1/chat/completions",
        data=json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {os.environ['OPENAI_API_KEY']}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.load(r)["choices"][0]["message"]["content"]


def ollama_review(diff: str, context: str, model: str) -> str:
    req_body = json.dumps({"model": model, "format": "json", "stream": False,
                          "prompt": f"{PROMPT}\n\nContext:\n{context}\n\nDiff:\n{diff}"})
    out = subprocess.run(["curl", "-s", "http://localhost:11434/api/generate", "-d", req_body],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)["response"]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--diff", required=True)
    ap.add_argument("--context", default="")
    ap.add_argument("--provider", choices=("auto", "openai", "ollama"), default="auto")
    ap.add_argument("--model")
    a = ap.parse_args()
    diff = open(a.diff, encoding="utf-8").read()
    context = open(a.context, encoding="utf-8").read() if a.context and os.path.exists(a.context) else ""
    provider = a.provider
    if provider == "auto":
        provider = "openai" if os.environ.get("OPENAI_API_KEY") else "ollama"
    if provider == "ollama" and not shutil.which("ollama"):
        print("no OPENAI_API_KEY and no ollama installed", file=sys.stderr)
        return 2
    raw = (openai_review(diff, context, a.model or "gpt-4.1") if provider == "openai"
           else ollama_review(diff, context, a.model or "qwen2.5-coder:14b"))
    print(json.dumps(json.loads(raw), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
