#!/usr/bin/env python3
"""Run an MCP evaluation file against a server with Claude in the tool loop."""
import argparse
import asyncio
import json
import os
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

SYSTEM_PROMPT = (
    "You are answering a question using only the provided tools. Call tools as needed. "
    "When you are confident, reply with the final answer inside <response> tags, and inside "
    "<feedback> tags give brief, concrete feedback on any tool whose name, description, "
    "parameters or output made the task harder."
)


def load_pairs(path):
    root = ET.parse(path).getroot()
    pairs = []
    for qa in root.findall("qa_pair"):
        q = (qa.findtext("question") or "").strip()
        a = (qa.findtext("answer") or "").strip()
        if q and a:
            pairs.append((q, a))
    if not pairs:
        sys.exit(f"no <qa_pair> entries in {path}")
    return pairs


def tag(text, name):
    m = re.search(rf"<{name}>(.*?)</{name}>", text, re.S)
    return m.group(1).strip() if m else ""


def norm(s):
    return " ".join(s.split()).casefold()


async def connect(stack, args):
    if args.url:
        read, write, _ = await stack.enter_async_context(streamablehttp_client(args.url))
    else:
        env = {"PATH": os.environ.get("PATH", "")}
        for name in args.env or []:
            if name not in os.environ:
                sys.exit(f"--env {name}: not set in this environment")
            env[name] = os.environ[name]
        params = StdioServerParameters(command=args.command, args=args.args or [], env=env)
        read, write = await stack.enter_async_context(stdio_client(params))
    session = await stack.enter_async_context(ClientSession(read, write))
    await session.initialize()
    return session


async def ask(client, session, tools, model, question, max_turns):
    messages = [{"role": "user", "content": question}]
    calls, errors = 0, []
    for _ in range(max_turns):
        resp = client.messages.create(model=model, max_tokens=4096, system=SYSTEM_PROMPT,
                                      tools=tools, messages=messages)
        messages.append({"role": "assistant", "content": resp.content})
        if resp.stop_reason != "tool_use":
            text = "".join(b.text for b in resp.content if b.type == "text")
            return text, calls, errors
        results = []
        for block in resp.content:
            if block.type != "tool_use":
                continue
            calls += 1
            try:
                out = await session.call_tool(block.name, block.input)
                body = "\n".join(c.text for c in out.content if getattr(c, "type", "") == "text")
                if out.isError:
                    errors.append(block.name)
                results.append({"type": "tool_result", "tool_use_id": block.id,
                                "content": body or "(empty)", "is_error": bool(out.isError)})
            except Exception as exc:  # server crashed or rejected the call
                errors.append(block.name)
                results.append({"type": "tool_result", "tool_use_id": block.id,
                                "content": f"tool call failed: {exc}", "is_error": True})
        messages.append({"role": "user", "content": results})
    return "<response></response><feedback>hit max turns</feedback>", calls, errors


async def main_async(args):
    pairs = load_pairs(args.evaluation)
    client = Anthropic()  # reads ANTHROPIC_API_KEY
    async with AsyncExitStack() as stack:
        session = await connect(stack, args)
        listed = await session.list_tools()
        tools = [{"name": t.name, "description": t.description or "", "input_schema": t.inputSchema}
                 for t in listed.tools]
        print(f"server exposes {len(tools)} tools: {', '.join(t['name'] for t in tools)}")
        rows = []
        for i, (q, expected) in enumerate(pairs, 1):
            t0 = time.monotonic()
            text, calls, errors = await ask(client, session, tools, args.model, q, args.max_turns)
            got = tag(text, "response")
            ok = norm(got) == norm(expected)
            rows.append({"n": i, "question": q, "expected": expected, "actual": got, "ok": ok,
                         "calls": calls, "errors": errors, "seconds": round(time.monotonic() - t0, 1),
                         "feedback": tag(text, "feedback")})
            print(f"[{i}/{len(pairs)}] {'PASS' if ok else 'FAIL'} calls={calls} {rows[-1]['seconds']}s")

    acc = sum(r["ok"] for r in rows) / len(rows)
    lines = [f"# MCP evaluation report", "", f"- model: `{args.model}`",
             f"- accuracy: **{acc:.0%}** ({sum(r['ok'] for r in rows)}/{len(rows)})",
             f"- mean tool calls: {sum(r['calls'] for r in rows) / len(rows):.1f}", ""]
    for r in rows:
        lines += [f"## Q{r['n']} — {'PASS' if r['ok'] else 'FAIL'}", "", r["question"], "",
                  f"- expected: `{r['expected']}`", f"- actual: `{r['actual']}`",
                  f"- tool calls: {r['calls']} ({r['seconds']} s)",
                  f"- tools with errors: {', '.join(r['errors']) or 'none'}", "",
                  "**Model feedback:** " + (r["feedback"] or "_none_"), ""]
    Path(args.report).write_text("\n".join(lines), encoding="utf-8")
    Path(args.report).with_suffix(".json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    print(f"accuracy {acc:.0%}; report written to {args.report}")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("evaluation")
    ap.add_argument("--command")
    ap.add_argument("--args", nargs="*")
    ap.add_argument("--env", action="append", help="environment variable to pass to the server")
    ap.add_argument("--url", help="streamable HTTP endpoint instead of stdio")
    ap.add_argument("--model", default="claude-sonnet-4-5")
    ap.add_argument("--max-turns", type=int, default=25)
    ap.add_argument("--report", default="eval-report.md")
    args = ap.parse_args()
    if not args.url and not args.command:
        ap.error("give --command (stdio) or --url (HTTP)")
    asyncio.run(main_async(args))


if __name__ == "__main__":
    main()
