#!/usr/bin/env python3
"""Run an MCP server evaluation: an agent answers each question using only the server's tools.

Usage:
    python evaluation.py -t stdio -c python -a server.py [-e KEY=VALUE ...] evaluation.xml
    python evaluation.py -t http -u http://localhost:8000/mcp [-H "Authorization: Bearer X"] evaluation.xml
"""
import argparse
import asyncio
import json
import os
import re
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from anthropic import Anthropic

from connections import open_session

MODEL = os.environ.get("EVAL_MODEL", "claude-sonnet-4-5")
SYSTEM = (
    "You are answering a question using only the tools provided. Use as many tool calls as needed. "
    "When done, reply with <response>ANSWER</response> containing only the final answer, then "
    "<feedback>...</feedback> describing any tool that was confusing, slow or returned too much data."
)


def load_questions(path: Path) -> list:
    root = ET.parse(path).getroot()
    out = []
    for qa in root.iter("qa_pair"):
        out.append({"question": qa.findtext("question", "").strip(), "answer": qa.findtext("answer", "").strip()})
    if not out:
        sys.exit(f"no <qa_pair> elements in {path}")
    return out


async def ask(client: Anthropic, session, tools: list, question: str) -> dict:
    messages = [{"role": "user", "content": question}]
    calls = 0
    started = time.time()
    while True:
        resp = client.messages.create(model=MODEL, max_tokens=4096, system=SYSTEM, tools=tools, messages=messages)
        messages.append({"role": "assistant", "content": resp.content})
        if resp.stop_reason != "tool_use":
            break
        results = []
        for block in resp.content:
            if block.type != "tool_use":
                continue
            calls += 1
            try:
                r = await session.call_tool(block.name, block.input)
                text = "\n".join(c.text for c in r.content if getattr(c, "type", "") == "text")
            except Exception as exc:
                text = f"tool error: {exc}"
            results.append({"type": "tool_result", "tool_use_id": block.id, "content": text[:50000]})
        messages.append({"role": "user", "content": results})
    final = "".join(b.text for b in resp.content if b.type == "text")
    answer = re.search(r"<response>(.*?)</response>", final, re.S)
    feedback = re.search(r"<feedback>(.*?)</feedback>", final, re.S)
    return {
        "answer": answer.group(1).strip() if answer else final.strip(),
        "feedback": feedback.group(1).strip() if feedback else "",
        "tool_calls": calls,
        "seconds": round(time.time() - started, 1),
    }


async def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("eval_file", type=Path)
    ap.add_argument("-t", "--transport", choices=["stdio", "sse", "http"], default="stdio")
    ap.add_argument("-c", "--command")
    ap.add_argument("-a", "--args", nargs="*", default=[])
    ap.add_argument("-e", "--env", action="append", default=[], help="KEY=VALUE passed to the server process")
    ap.add_argument("-u", "--url")
    ap.add_argument("-H", "--header", action="append", default=[])
    ap.add_argument("-o", "--output", type=Path, default=Path("evaluation_report.md"))
    args = ap.parse_args()

    if not os.environ.get("ANTHROPIC_API_KEY"):
        sys.exit("set ANTHROPIC_API_KEY to run the evaluation")
    env = dict(os.environ)
    env.update(dict(kv.split("=", 1) for kv in args.env))
    headers = dict(h.split(":", 1) for h in args.header)
    headers = {k.strip(): v.strip() for k, v in headers.items()}

    questions = load_questions(args.eval_file)
    client = Anthropic()
    rows = []
    async with open_session(args.transport, args.command, args.args, env, args.url, headers) as session:
        listed = await session.list_tools()
        tools = [{"name": t.name, "description": t.description or "", "input_schema": t.inputSchema} for t in listed.tools]
        print(f"server exposes {len(tools)} tools")
        for i, q in enumerate(questions, 1):
            res = await ask(client, session, tools, q["question"])
            ok = res["answer"].strip().lower() == q["answer"].strip().lower()
            rows.append({**q, **res, "correct": ok})
            print(f"[{i}/{len(questions)}] {'PASS' if ok else 'FAIL'} calls={res['tool_calls']} t={res['seconds']}s")

    correct = sum(r["correct"] for r in rows)
    lines = [f"# Evaluation report\n", f"Accuracy: {correct}/{len(rows)}\n"]
    for i, r in enumerate(rows, 1):
        lines += [f"## Q{i} {'PASS' if r['correct'] else 'FAIL'}", f"**Question:** {r['question']}",
                  f"**Expected:** {r['answer']}  ", f"**Got:** {r['answer'] if r['correct'] else r.get('answer')}",
                  f"**Tool calls:** {r['tool_calls']}  **Time:** {r['seconds']}s", f"**Feedback:** {r['feedback']}\n"]
    args.output.write_text("\n".join(lines))
    print(f"report written to {args.output}")
    Path(args.output.with_suffix(".json")).write_text(json.dumps(rows, indent=2, default=str))


if __name__ == "__main__":
    asyncio.run(main())
