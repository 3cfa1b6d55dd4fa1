#!/usr/bin/env python3
"""Run XML eval tasks against a local MCP stdio server using the Anthropic Messages API."""
import argparse
import asyncio
import json
import os
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from anthropic import Anthropic
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

SYSTEM = (
    "You are answering a question using only the tools provided. Use as many tool calls as "
    "you need. When done, reply with <answer>...</answer> containing only the answer, then "
    "<summary>...</summary> describing which tools you used and anything that was confusing."
)


def load_env_file(path):
    env = {}
    for line in Path(path).read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            k, v = line.split("=", 1)
            env[k.strip()] = v.strip().strip('"')
    return env


def tag(text, name):
    start, end = text.find(f"<{name}>"), text.find(f"</{name}>")
    return text[start + len(name) + 2:end].strip() if start != -1 and end != -1 else ""


async def run_task(client, session, tools, q, args):
    messages = [{"role": "user", "content": q}]
    calls, out_chars = 0, 0
    for _ in range(args.max_turns):
        resp = client.messages.create(model=args.model, max_tokens=4096, system=SYSTEM,
                                      tools=tools, messages=messages)
        messages.append({"role": "assistant", "content": [b.model_dump() for b in resp.content]})
        if resp.stop_reason != "tool_use":
            text = "".join(b.text for b in resp.content if b.type == "text")
            return text, calls, out_chars, messages
        results = []
        for block in resp.content:
            if block.type != "tool_use":
                continue
            calls += 1
            try:
                r = await session.call_tool(block.name, block.input)
                content = "\n".join(getattr(c, "text", "") for c in r.content)
                is_err = bool(r.isError)
            except Exception as exc:  # surface server errors to the model, like a real client
                content, is_err = f"Error: {exc}", True
            out_chars += len(content)
            results.append({"type": "tool_result", "tool_use_id": block.id, "content": content, "is_error": is_err})
        messages.append({"role": "user", "content": results})
    return "", calls, out_chars, messages


async def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("evals")
    ap.add_argument("--model", default="claude-sonnet-4-5")
    ap.add_argument("--max-turns", type=int, default=15)
    ap.add_argument("--report", default="evals/report.md")
    ap.add_argument("--transcripts")
    ap.add_argument("--env-file")
    ap.add_argument("--only", help="comma-separated 1-based task numbers")
    argv = sys.argv[1:]
    if "--" not in argv:
        sys.exit("server command required after --")
    i = argv.index("--")
    args, cmd = ap.parse_args(argv[:i]), argv[i + 1:]

    if not os.environ.get("ANTHROPIC_API_KEY"):
        sys.exit("ANTHROPIC_API_KEY is not set in the environment")
    client = Anthropic()

    env = dict(os.environ)
    if args.env_file:
        env.update(load_env_file(args.env_file))
    pairs = [(p.findtext("question").strip(), p.findtext("answer").strip())
             for p in ET.parse(args.evals).getroot().iter("qa_pair")]
    selected = {int(n) for n in args.only.split(",")} if args.only else None

    if args.transcripts:
        tdir = Path(args.transcripts)
        tdir.mkdir(parents=True, exist_ok=True)
        (tdir / ".gitignore").write_text("*\n")

    params = StdioServerParameters(command=cmd[0], args=cmd[1:], env=env)
    lines = [f"# Eval report: {args.evals}", "", f"model `{args.model}`, server `{' '.join(cmd)}`", ""]
    passed = 0
    total_calls = 0
    async with stdio_client(params) as (r, w):
        async with ClientSession(r, w) as session:
            await session.initialize()
            tools = [{"name": t.name, "description": t.description or "", "input_schema": t.inputSchema}
                     for t in (await session.list_tools()).tools]
            for n, (q, expected) in enumerate(pairs, 1):
                if selected and n not in selected:
                    continue
                t0 = time.time()
                text, calls, chars, msgs = await run_task(client, session, tools, q, args)
                got = tag(text, "answer")
                ok = got.strip().casefold() == expected.strip().casefold()
                passed += ok
                total_calls += calls
                lines += [f"## Task {n}: {'PASS' if ok else 'FAIL'}", "", f"**Q:** {q}", "",
                          f"- expected: `{expected}`", f"- got: `{got}`",
                          f"- tool calls: {calls}, tool output chars: {chars}, {time.time() - t0:.0f}s",
                          "", f"> {tag(text, 'summary')}", ""]
                if args.transcripts:
                    (Path(args.transcripts) / f"task{n:02d}.json").write_text(json.dumps(msgs, indent=2, default=str))
                print(f"task {n}: {'PASS' if ok else 'FAIL'} ({calls} calls)")
    ran = len(selected) if selected else len(pairs)
    lines.insert(3, f"**{passed}/{ran} passed**, mean {total_calls / max(ran, 1):.1f} tool calls per task\n")
    Path(args.report).parent.mkdir(parents=True, exist_ok=True)
    Path(args.report).write_text("\n".join(lines))
    print(f"report: {args.report}")


if __name__ == "__main__":
    asyncio.run(main())
