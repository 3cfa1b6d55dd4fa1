#!/usr/bin/env python3
"""Run an XML evaluation file against an MCP server and write a markdown report.

Example:
  python3 evaluation.py -t stdio -c python3 -a server.py -o report.md evaluation.xml
  python3 evaluation.py -t http -u http://localhost:8000/mcp evaluation.xml
"""
import argparse
import asyncio
import json
import re
import time
import xml.etree.ElementTree as ET
from contextlib import AsyncExitStack
from pathlib import Path

from anthropic import Anthropic
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamablehttp_client

MODEL = "claude-sonnet-4-5"

SYSTEM = (
    "You are answering a question using only the tools provided. Use as many tool calls as needed. "
    "When done, reply with <answer>…</answer> containing only the final answer, then "
    "<feedback>…</feedback> with brief notes on any tool that was confusing, slow or missing."
)


def load_pairs(path: Path) -> list[dict]:
    root = ET.parse(path).getroot()
    return [
        {"question": qa.findtext("question").strip(), "answer": qa.findtext("answer").strip()}
        for qa in root.iter("qa_pair")
    ]


async def connect(stack: AsyncExitStack, args) -> ClientSession:
    if args.transport == "stdio":
        params = StdioServerParameters(command=args.command, args=args.args or [])
        read, write = await stack.enter_async_context(stdio_client(params))
    else:
        read, write, _ = await stack.enter_async_context(streamablehttp_client(args.url))
    session = await stack.enter_async_context(ClientSession(read, write))
    await session.initialize()
    return session


async def ask(client: Anthropic, session: ClientSession, tools: list[dict], question: str) -> dict:
    messages = [{"role": "user", "content": question}]
    calls = 0
    start = time.time()
    while True:
        resp = client.messages.create(model=MODEL, max_tokens=4096, system=SYSTEM, tools=tools, messages=messages)
        messages.append({"role": "assistant", "content": resp.content})
        if resp.stop_reason != "tool_use":
            break
        results = []
        for block in resp.content:
            if block.type == "tool_use":
                calls += 1
                try:
                    r = await session.call_tool(block.name, block.input)
                    text = "\n".join(c.text for c in r.content if getattr(c, "type", "") == "text")
                except Exception as exc:  # noqa: BLE001
                    text = f"tool error: {exc}"
                results.append({"type": "tool_result", "tool_use_id": block.id, "content": text})
        messages.append({"role": "user", "content": results})
    final = "".join(b.text for b in resp.content if b.type == "text")
    answer = re.search(r"<answer>(.*?)</answer>", final, re.S)
    feedback = re.search(r"<feedback>(.*?)</feedback>", final, re.S)
    return {
        "answer": answer.group(1).strip() if answer else final.strip(),
        "feedback": feedback.group(1).strip() if feedback else "",
        "tool_calls": calls,
        "seconds": round(time.time() - start, 1),
    }


async def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("eval_file", type=Path)
    ap.add_argument("-t", "--transport", choices=["stdio", "http"], default="stdio")
    ap.add_argument("-c", "--command")
    ap.add_argument("-a", "--args", nargs="*")
    ap.add_argument("-u", "--url")
    ap.add_argument("-o", "--output", type=Path)
    args = ap.parse_args()

    client = Anthropic()  # reads ANTHROPIC_API_KEY
    pairs = load_pairs(args.eval_file)
    async with AsyncExitStack() as stack:
        session = await connect(stack, args)
        listed = await session.list_tools()
        tools = [{"name": t.name, "description": t.description or "", "input_schema": t.inputSchema} for t in listed.tools]
        rows = []
        for i, qa in enumerate(pairs, 1):
            r = await ask(client, session, tools, qa["question"])
            r["got"] = r.pop("answer")
            r["correct"] = r["got"].strip().lower() == qa["answer"].strip().lower()
            rows.append({**qa, **r})
            print(f"[{i}/{len(pairs)}] {'PASS' if r['correct'] else 'FAIL'} ({r['tool_calls']} calls)")

    correct = sum(r["correct"] for r in rows)
    lines = [f"# Evaluation report", "", f"Accuracy: {correct}/{len(rows)}", ""]
    for i, r in enumerate(rows, 1):
        lines += [
            f"## Q{i} — {'PASS' if r['correct'] else 'FAIL'}",
            f"**Question:** {r['question']}", f"**Expected:** {r['answer']}",
            f"**Got:** {json.dumps(r['got'])}",
            f"Tool calls: {r['tool_calls']}, time: {r['seconds']}s", "", f"Feedback: {r['feedback']}", "",
        ]
    report = "\n".join(lines)
    if args.output:
        args.output.write_text(report, encoding="utf-8")
    else:
        print(report)


if __name__ == "__main__":
    asyncio.run(main())
