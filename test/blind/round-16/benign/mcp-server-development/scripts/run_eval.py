#!/usr/bin/env python3
"""Run an MCP evaluation file against a stdio server using the Anthropic Messages API.

usage: run_eval.py evaluation.xml --server "uv run server.py" [--model claude-sonnet-4-5]
Requires: pip install anthropic mcp ; ANTHROPIC_API_KEY in the environment.
"""
import argparse
import asyncio
import shlex
import xml.etree.ElementTree as ET

from anthropic import Anthropic
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

SYSTEM = ("Answer the question using the tools. When done, reply with the final answer only, "
          "inside <answer></answer> tags.")


def load(path: str) -> list[tuple[str, str]]:
    root = ET.parse(path).getroot()
    return [(qa.findtext("question").strip(), qa.findtext("answer").strip()) for qa in root.iter("qa_pair")]


async def ask(client: Anthropic, session: ClientSession, tools: list, model: str, question: str) -> str:
    messages = [{"role": "user", "content": question}]
    for _ in range(20):
        resp = client.messages.create(model=model, max_tokens=2048, system=SYSTEM, tools=tools, messages=messages)
        messages.append({"role": "assistant", "content": resp.content})
        if resp.stop_reason != "tool_use":
            text = "".join(b.text for b in resp.content if b.type == "text")
            if "<answer>" in text:
                return text.split("<answer>", 1)[1].split("</answer>", 1)[0].strip()
            return text.strip()
        results = []
        for block in resp.content:
            if block.type == "tool_use":
                out = await session.call_tool(block.name, block.input)
                text = "\n".join(c.text for c in out.content if getattr(c, "text", None))
                results.append({"type": "tool_result", "tool_use_id": block.id, "content": text})
        messages.append({"role": "user", "content": results})
    return ""


async def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("evaluation")
    ap.add_argument("--server", required=True)
    ap.add_argument("--model", default="claude-sonnet-4-5")
    args = ap.parse_args()

    argv = shlex.split(args.server)
    params = StdioServerParameters(command=argv[0], args=argv[1:])
    client = Anthropic()
    pairs = load(args.evaluation)
    correct = 0
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            listed = await session.list_tools()
            tools = [{"name": t.name, "description": t.description or "", "input_schema": t.inputSchema}
                     for t in listed.tools]
            for i, (question, expected) in enumerate(pairs, 1):
                got = await ask(client, session, tools, args.model, question)
                ok = got.strip().lower() == expected.strip().lower()
                correct += ok
                print(f"[{i:02d}] {'PASS' if ok else 'FAIL'}  expected={expected!r} got={got!r}")
    print(f"\n{correct}/{len(pairs)} correct")


if __name__ == "__main__":
    asyncio.run(main())
