#!/usr/bin/env python3
"""Print the tools an MCP stdio server exposes. Usage: list_tools.py -- <server command...>"""
import asyncio
import json
import sys

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client


async def main(cmd):
    params = StdioServerParameters(command=cmd[0], args=cmd[1:])
    async with stdio_client(params) as (r, w):
        async with ClientSession(r, w) as s:
            await s.initialize()
            tools = (await s.list_tools()).tools
            for t in tools:
                print(f"## {t.name}\n{t.description or '(no description)'}\n")
                print(json.dumps(t.inputSchema, indent=2))
                print()
            print(f"{len(tools)} tool(s)")


if __name__ == "__main__":
    if "--" not in sys.argv:
        sys.exit("usage: list_tools.py -- <server command>")
    asyncio.run(main(sys.argv[sys.argv.index("--") + 1:]))
