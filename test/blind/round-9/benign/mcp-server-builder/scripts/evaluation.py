"""MCP server evaluation harness.

Runs each question in an evaluation XML file against a model that can only use the tools of the MCP server
under test, then writes a Markdown report.
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
from mcp.client.sse import sse_client
from mcp.client.stdio import stdio_client

MODEL = "claude-sonnet-4-5"

EVALUATION_PROMPT = """You are an AI assistant with access to tools.

When given a task, you MUST:
1. Use the available tools to complete the task
2. Provide a summary of each step in your approach, wrapped in <summary> tags
3. Provide feedback on the tools provided, wrapped in <feedback> tags
4. Provide your final response, wrapped in <response> tags

Summary Requirements:
- In your <summary> tags, explain the steps you took and which tools you used

Feedback Requirements:
- In your <feedback> tags, provide constructive feedback on the tools:
  - Comment on tool names: Are they clear and descriptive?
  - Comment on input parameters: Are they well-documented?
  - Comment on descriptions: Do they accurately describe what the tool does?
  - Comment on any errors encountered during tool usage

Response Requirements:
- Your response should be concise and directly address what was asked
- Always wrap your final response in <response> tags
- If you cannot solve the task return <response>NOT_FOUND</response>
"""


def parse_evaluation_file(path: Path) -> list[dict]:
    root = ET.parse(path).getroot()
    pairs = []
    for qa in root.findall(".//qa_pair"):
        q = qa.findtext("question", "").strip()
        a = qa.findtext("answer", "").strip()
        if q and a:
            pairs.append({"question": q, "answer": a})
    return pairs


def extract(tag: str, text: str) -> str | None:
    m = re.findall(rf"<{tag}>(.*?)</{tag}>", text, re.DOTALL)
    return m[-1].strip() if m else None


async def agent_loop(client: Anthropic, session: ClientSession, tools: list, question: str):
    messages = [{"role": "user", "content": question}]
    tool_calls = 0
    for _ in range(40):
        resp = await asyncio.to_thread(
            client.messages.create, model=MODEL, max_tokens=4096,
            system=EVALUATION_PROMPT, messages=messages, tools=tools)
        messages.append({"role": "assistant", "content": resp.content})
        if resp.stop_reason != "tool_use":
            return "".join(b.text for b in resp.content if b.type == "text"), tool_calls
        results = []
        for block in resp.content:
            if block.type != "tool_use":
                continue
            tool_calls += 1
            try:
                r = await session.call_tool(block.name, block.input)
                text = "\n".join(c.text for c in r.content if getattr(c, "type", "") == "text")
            except Exception as e:  # noqa: BLE001
                text = f"Error: {e}"
            results.append({"type": "tool_result", "tool_use_id": block.id, "content": text})
        messages.append({"role": "user", "content": results})
    return "", tool_calls


async def run(args) -> int:
    pairs = parse_evaluation_file(Path(args.eval_file))
    if not pairs:
        print("No qa_pair entries found", file=sys.stderr)
        return 1

    client = Anthropic()  # reads ANTHROPIC_API_KEY from the environment

    async with AsyncExitStack() as stack:
        if args.transport == "stdio":
            params = StdioServerParameters(command=args.command, args=args.args or [],
                                           env=dict(e.split("=", 1) for e in (args.env or [])) or None)
            read, write = await stack.enter_async_context(stdio_client(params))
        else:
            read, write = await stack.enter_async_context(sse_client(args.url))
        session = await stack.enter_async_context(ClientSession(read, write))
        await session.initialize()
        listed = await session.list_tools()
        tools = [{"name": t.name, "description": t.description or "", "input_schema": t.inputSchema}
                 for t in listed.tools]

        rows = []
        for i, qa in enumerate(pairs, 1):
            t0 = time.time()
            text, calls = await agent_loop(client, session, tools, qa["question"])
            answer = extract("response", text) or ""
            ok = answer.strip().lower() == qa["answer"].strip().lower()
            rows.append({"n": i, "question": qa["question"], "expected": qa["answer"], "actual": answer,
                         "correct": ok, "tool_calls": calls, "seconds": round(time.time() - t0, 1),
                         "feedback": extract("feedback", text) or ""})
            print(f"[{i}/{len(pairs)}] {'✅' if ok else '❌'} {calls} calls")

    correct = sum(r["correct"] for r in rows)
    lines = [f"# Evaluation report", "", f"Accuracy: {correct}/{len(rows)}",
             f"Average tool calls: {sum(r['tool_calls'] for r in rows) / len(rows):.1f}", ""]
    for r in rows:
        lines += [f"## Task {r['n']} {'✅' if r['correct'] else '❌'}", f"**Question:** {r['question']}",
                  f"**Expected:** {r['expected']}  ", f"**Actual:** {r['actual']}", "",
                  f"**Feedback:** {r['feedback']}", ""]
    report = "\n".join(lines)
    if args.output:
        Path(args.output).write_text(report)
        print(f"Report written to {args.output}")
    else:
        print(report)
    return 0


def main() -> None:
    p = argparse.ArgumentParser(description="Evaluate an MCP server with question/answer pairs")
    p.add_argument("eval_file")
    p.add_argument("-t", "--transport", choices=["stdio", "sse"], default="stdio")
    p.add_argument("-c", "--command", help="command that starts the server (stdio)")
    p.add_argument("-a", "--args", nargs="*", help="arguments for the server command")
    p.add_argument("-e", "--env", nargs="*", help="KEY=VALUE pairs passed to the server process")
    p.add_argument("-u", "--url", help="server URL (sse)")
    p.add_argument("-o", "--output", help="write the Markdown report here")
    args = p.parse_args()
    if args.transport == "stdio" and not args.command:
        p.error("--command is required for stdio")
    if args.transport == "sse" and not args.url:
        p.error("--url is required for sse")
    sys.exit(asyncio.run(run(args)))


if __name__ == "__main__":
    main()
