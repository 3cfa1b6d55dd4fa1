"""MCP Server Evaluation Harness

This script evaluates MCP servers by running test questions against them using Claude.
"""

import argparse
import asyncio
import json
import re
import sys
import time
import traceback
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from anthropic import Anthropic

from connections import MCPConnectionHTTP, MCPConnectionSSE, MCPConnectionStdio

EVALUATION_PROMPT = """You are an AI assistant with access to tools.

When given a task, you MUST:
1. Use the available tools to complete the task
2. Provide summary of each step in your approach, wrapped in <summary> tags
3. Provide your final response, wrapped in <response> tags
"""


def parse_evaluation_file(file_path: Path) -> list[dict[str, Any]]:
    tree = ET.parse(file_path)
    root = tree.getroot()
    evaluations = []
    for qa_pair in root.findall(".//qa_pair"):
        question_elem = qa_pair.find("question")
        answer_elem = qa_pair.find("answer")
        if question_elem is not None and answer_elem is not None:
            evaluations.append({"question": (question_elem.text or "").strip(), "answer": (answer_elem.text or "").strip()})
    return evaluations


async def agent_loop(client: Anthropic, model: str, question: str, tools: list[dict[str, Any]], connection: Any):
    messages = [{"role": "user", "content": question}]
    response = await asyncio.to_thread(
        client.messages.create, model=model, max_tokens=4096, system=EVALUATION_PROMPT, messages=messages, tools=tools
    )
    messages.append({"role": "assistant", "content": response.content})
    while response.stop_reason == "tool_use":
        tool_use = next(block for block in response.content if block.type == "tool_use")
        tool_result = await connection.call_tool(tool_use.name, tool_use.input)
        messages.append({"role": "user", "content": [{"type": "tool_result", "tool_use_id": tool_use.id, "content": json.dumps(tool_result, default=str)}]})
        response = await asyncio.to_thread(
            client.messages.create, model=model, max_tokens=4096, system=EVALUATION_PROMPT, messages=messages, tools=tools
        )
        messages.append({"role": "assistant", "content": response.content})
    return next((block.text for block in response.content if hasattr(block, "text")), None)


def parse_headers(header_list: list[str]) -> dict[str, str]:
    headers = {}
    for header in header_list or []:
        if ":" in header:
            key, value = header.split(":", 1)
            headers[key.strip()] = value.strip()
    return headers


def parse_env_vars(env_list: list[str]) -> dict[str, str]:
    env = {}
    for env_var in env_list or []:
        if "=" in env_var:
            key, value = env_var.split("=", 1)
            env[key.strip()] = value.strip()
    return env


async def main():
    parser = argparse.ArgumentParser(description="Evaluate MCP servers using test questions")
    parser.add_argument("eval_file", type=Path)
    parser.add_argument("-t", "--transport", choices=["stdio", "sse", "http"], default="stdio")
    parser.add_argument("-m", "--model", default="claude-3-7-sonnet-20250219")
    parser.add_argument("-c", "--command")
    parser.add_argument("-a", "--args", nargs="+")
    parser.add_argument("-e", "--env", nargs="+")
    parser.add_argument("-u", "--url")
    parser.add_argument("-H", "--header", nargs="+", dest="headers")
    parser.add_argument("-o", "--output", type=Path)
    args = parser.parse_args()

    client = Anthropic()
    if args.transport == "stdio":
        connection = MCPConnectionStdio(command=args.command, args=args.args or [], env=parse_env_vars(args.env))
    elif args.transport == "sse":
        connection = MCPConnectionSSE(url=args.url, headers=parse_headers(args.headers))
    else:
        connection = MCPConnectionHTTP(url=args.url, headers=parse_headers(args.headers))

    async with connection:
        tools = await connection.list_tools()
        qa_pairs = parse_evaluation_file(args.eval_file)
        results = []
        for qa in qa_pairs:
            start = time.time()
            response = await agent_loop(client, args.model, qa["question"], tools, connection)
            results.append({"question": qa["question"], "expected": qa["answer"], "actual": response, "score": int(response == qa["answer"]), "duration": time.time() - start})
    report = json.dumps(results, indent=2)
    if args.output:
        args.output.write_text(report)
    else:
        print(report)


if __name__ == "__main__":
    asyncio.run(main())
