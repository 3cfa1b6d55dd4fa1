#!/usr/bin/env python3
"""MCP server evaluation harness.

Starts (or connects to) an MCP server, gives Claude the server's tools, asks each question from
an evaluation XML file, and writes a Markdown report comparing answers to the expected ones.

Usage:
    python evaluation.py -t stdio -c python -a server.py evaluation.xml
    python evaluation.py -t http -u http://127.0.0.1:8000/mcp evaluation.xml -o report.md
"""

import argparse
import asyncio
import json
import re
import sys
import time
import xml.etree.ElementTree as ET
from contextlib import AsyncExitStack
from pathlib import Path

from anthropic import Anthropic
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamablehttp_client

MODEL = "claude-sonnet-4-5"

EVALUATION_PROMPT = """You are an AI assistant with access to tools.

When given a task, you MUST:
1. Use the available tools to complete the task
2. Provide a summary of each step in <summary> tags
3. Provide feedback on the tools in <feedback> tags
4. Provide your final response in <response> tags

Your final response should be concise and contain only the answer."""


def parse_evaluation_file(path: Path) -> list[dict]:
    root = ET.parse(path).getroot()
    pairs = []
    for qa in root.findall(".//qa_pair"):
        q = qa.findtext("question", default="").strip()
        a = qa.findtext("answer", default="").strip()
        if q and a:
            pairs.append({"question": q, "answer": a})
    return pairs


def extract_tag(text: str, tag: str) -> str | None:
    m = re.findall(rf"<{tag}>(.*?)</{tag}>", text, re.DOTALL)
    return m[-1].strip() if m else None


class ServerConnection:
    def __init__(self, args):
        self.args = args
        self.stack = AsyncExitStack()
        self.session: ClientSession | None = None

    async def __aenter__(self):
        if self.args.transport == "stdio":
            params = StdioServerParameters(command=self.args.command, args=self.args.args or [])
            read, write = await self.stack.enter_async_context(stdio_client(params))
        else:
            read, write, _ = await self.stack.enter_async_context(streamablehttp_client(self.args.url))
        self.session = await self.stack.enter_async_context(ClientSession(read, write))
        await self.session.initialize()
        return self

    async def __aexit__(self, *exc):
        # Closing the stack terminates the stdio child process.
        await self.stack.aclose()

    async def list_tools(self) -> list[dict]:
        resp = await self.session.list_tools()
        return [
            {"name": t.name, "description": t.description or "", "input_schema": t.inputSchema}
            for t in resp.tools
        ]

    async def call_tool(self, name: str, arguments: dict) -> str:
        result = await self.session.call_tool(name, arguments)
        parts = [c.text for c in result.content if getattr(c, "type", "") == "text"]
        return "\n".join(parts)


async def run_task(client: Anthropic, conn: ServerConnection, tools: list[dict], question: str):
    messages = [{"role": "user", "content": question}]
    tool_calls = 0
    start = time.time()
    while True:
        resp = client.messages.create(
            model=MODEL, max_tokens=4096, system=EVALUATION_PROMPT,
            tools=tools, messages=messages,
        )
        messages.append({"role": "assistant", "content": resp.content})
        if resp.stop_reason != "tool_use":
            break
        results = []
        for block in resp.content:
            if block.type == "tool_use":
                tool_calls += 1
                try:
                    out = await conn.call_tool(block.name, block.input)
                except Exception as e:  # report the failure back to the model
                    out = f"Tool error: {e}"
                results.append({"type": "tool_result", "tool_use_id": block.id, "content": out})
        messages.append({"role": "user", "content": results})

    text = "".join(b.text for b in resp.content if b.type == "text")
    return {
        "response": extract_tag(text, "response") or text.strip(),
        "summary": extract_tag(text, "summary") or "",
        "feedback": extract_tag(text, "feedback") or "",
        "tool_calls": tool_calls,
        "duration": time.time() - start,
    }


def build_report(results: list[dict]) -> str:
    correct = sum(r["correct"] for r in results)
    total = len(results)
    lines = [
        "# Evaluation Report", "",
        f"- **Accuracy**: {correct}/{total} ({(correct / total * 100) if total else 0:.1f}%)",
        f"- **Average duration**: {sum(r['duration'] for r in results) / max(total, 1):.1f}s",
        f"- **Average tool calls**: {sum(r['tool_calls'] for r in results) / max(total, 1):.1f}",
        "",
    ]
    for i, r in enumerate(results, 1):
        mark = "✅" if r["correct"] else "❌"
        lines += [
            f"## Task {i} {mark}", "",
            f"**Question**: {r['question']}", "",
            f"**Expected**: `{r['answer']}`  ", f"**Actual**: `{r['response']}`", "",
            f"**Summary**: {r['summary']}", "",
            f"**Tool feedback**: {r['feedback']}", "",
        ]
    return "\n".join(lines)


async def main():
    p = argparse.ArgumentParser(description="Evaluate an MCP server")
    p.add_argument("eval_file", type=Path)
    p.add_argument("-t", "--transport", choices=["stdio", "http"], default="stdio")
    p.add_argument("-c", "--command", help="Command to launch a stdio server")
    p.add_argument("-a", "--args", nargs="*", help="Arguments for the server command")
    p.add_argument("-u", "--url", help="URL of an HTTP server")
    p.add_argument("-o", "--output", type=Path, help="Write the report to this file")
    args = p.parse_args()

    if args.transport == "stdio" and not args.command:
        p.error("--command is required for stdio transport")
    if args.transport == "http" and not args.url:
        p.error("--url is required for http transport")

    pairs = parse_evaluation_file(args.eval_file)
    print(f"Loaded {len(pairs)} questions", file=sys.stderr)

    client = Anthropic()  # reads ANTHROPIC_API_KEY from the environment
    results = []
    async with ServerConnection(args) as conn:
        tools = await conn.list_tools()
        print(f"Server exposes {len(tools)} tools", file=sys.stderr)
        for i, qa in enumerate(pairs, 1):
            print(f"[{i}/{len(pairs)}] {qa['question'][:70]}…", file=sys.stderr)
            r = await run_task(client, conn, tools, qa["question"])
            r.update(qa)
            r["correct"] = r["response"].strip().lower() == qa["answer"].strip().lower()
            results.append(r)

    report = build_report(results)
    if args.output:
        args.output.write_text(report)
        print(f"Report written to {args.output}", file=sys.stderr)
    else:
        print(report)
    print(json.dumps({"correct": sum(r["correct"] for r in results), "total": len(results)}))


if __name__ == "__main__":
    asyncio.run(main())
