#!/usr/bin/env python3
"""Run an MCP evaluation file against a server and write a Markdown report.

Example:
  python3 evaluation.py -t stdio -c python -a server.py eval.xml -o report.md
  python3 evaluation.py -t http -u http://localhost:8000/mcp eval.xml
"""
import argparse
import asyncio
import json
import os
import re
import sys
import time
import xml.etree.ElementTree as ET
from contextlib import AsyncExitStack

from anthropic import Anthropic
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamablehttp_client

MODEL = os.environ.get("EVAL_MODEL", "claude-sonnet-4-5")
SYSTEM = (
    "You answer questions using only the tools provided. Use as many tool calls as needed. "
    "When done, reply with <summary>how you found it</summary>, "
    "<feedback>what made the tools easy or hard to use</feedback> and "
    "<response>the final answer only</response>."
)


def load_pairs(path: str) -> list[dict]:
    root = ET.parse(path).getroot()
    return [{"question": qa.findtext("question", "").strip(),
             "answer": qa.findtext("answer", "").strip()} for qa in root.iter("qa_pair")]


def tag(text: str, name: str) -> str:
    m = re.search(rf"<{name}>(.*?)</{name}>", text, re.S)
    return m.group(1).strip() if m else ""


async def connect(args, stack: AsyncExitStack) -> ClientSession:
    if args.transport == "stdio":
        env = dict(os.environ)
        for item in args.env or []:
            key, _, value = item.partition("=")
            env[key] = value
        params = StdioServerParameters(command=args.command, args=args.arg or [], env=env)
        read, write = await stack.enter_async_context(stdio_client(params))
    else:
        read, write, _ = await stack.enter_async_context(streamablehttp_client(args.url))
    session = await stack.enter_async_context(ClientSession(read, write))
    await session.initialize()
    return session


async def ask(client: Anthropic, session: ClientSession, tools: list, question: str) -> dict:
    messages = [{"role": "user", "content": question}]
    calls = 0
    started = time.time()
    while True:
        resp = client.messages.create(model=MODEL, max_tokens=4096, system=SYSTEM,
                                      tools=tools, messages=messages)
        messages.append({"role": "assistant", "content": resp.content})
        if resp.stop_reason != "tool_use":
            text = "".join(b.text for b in resp.content if b.type == "text")
            return {"text": text, "calls": calls, "seconds": round(time.time() - started, 1)}
        results = []
        for block in resp.content:
            if block.type != "tool_use":
                continue
            calls += 1
            out = await session.call_tool(block.name, block.input)
            content = "\n".join(getattr(c, "text", "") for c in out.content)
            results.append({"type": "tool_result", "tool_use_id": block.id, "content": content})
        messages.append({"role": "user", "content": results})


async def run(args) -> int:
    pairs = load_pairs(args.eval_file)
    client = Anthropic()  # reads ANTHROPIC_API_KEY from the environment
    async with AsyncExitStack() as stack:
        session = await connect(args, stack)
        listed = await session.list_tools()
        tools = [{"name": t.name, "description": t.description or "",
                  "input_schema": t.inputSchema} for t in listed.tools]
        rows = []
        for i, qa in enumerate(pairs, start=1):
            result = await ask(client, session, tools, qa["question"])
            got = tag(result["text"], "response")
            ok = got.strip().lower() == qa["answer"].strip().lower()
            rows.append({**qa, "got": got, "ok": ok, **result,
                         "feedback": tag(result["text"], "feedback")})
            print(f"[{i}/{len(pairs)}] {'PASS' if ok else 'FAIL'} ({result['calls']} calls)",
                  file=sys.stderr)
    correct = sum(r["ok"] for r in rows)
    lines = [f"# Evaluation report", "",
             f"Accuracy: {correct}/{len(rows)}", "",
             "| # | Result | Calls | Seconds |", "|---|---|---|---|"]
    for i, r in enumerate(rows, start=1):
        lines.append(f"| {i} | {'pass' if r['ok'] else 'fail'} | {r['calls']} | {r['seconds']} |")
    for i, r in enumerate(rows, start=1):
        lines += ["", f"## Question {i}", "", r["question"], "",
                  f"Expected: `{r['answer']}`  Got: `{r['got']}`", "",
                  f"Feedback: {r['feedback'] or '(none)'}"]
    report = "\n".join(lines) + "\n"
    if args.output:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(report)
    else:
        print(report)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(rows, fh, indent=2, default=str)
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("eval_file")
    ap.add_argument("-t", "--transport", choices=["stdio", "http"], default="stdio")
    ap.add_argument("-c", "--command", help="server command for stdio")
    ap.add_argument("-a", "--arg", action="append", help="server argument (repeatable)")
    ap.add_argument("-e", "--env", action="append", help="KEY=VALUE for the server (repeatable)")
    ap.add_argument("-u", "--url", help="server URL for http transport")
    ap.add_argument("-o", "--output", help="Markdown report path")
    ap.add_argument("--json", help="also write raw results as JSON")
    args = ap.parse_args()
    if args.transport == "stdio" and not args.command:
        ap.error("--command is required for stdio")
    if args.transport == "http" and not args.url:
        ap.error("--url is required for http")
    return asyncio.run(run(args))


if __name__ == "__main__":
    sys.exit(main())
