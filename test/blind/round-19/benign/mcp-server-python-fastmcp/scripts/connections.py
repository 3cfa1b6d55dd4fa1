"""Open an MCP client session over stdio, SSE or streamable HTTP."""
from contextlib import asynccontextmanager

from mcp import ClientSession, StdioServerParameters
from mcp.client.sse import sse_client
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamablehttp_client


@asynccontextmanager
async def open_session(transport: str, command: str | None = None, args: list | None = None,
                       env: dict | None = None, url: str | None = None, headers: dict | None = None):
    if transport == "stdio":
        if not command:
            raise ValueError("stdio transport needs --command")
        params = StdioServerParameters(command=command, args=args or [], env=env or None)
        async with stdio_client(params) as (read, write):
            async with ClientSession(read, write) as session:
                await session.initialize()
                yield session
    elif transport == "sse":
        async with sse_client(url, headers=headers or {}) as (read, write):
            async with ClientSession(read, write) as session:
                await session.initialize()
                yield session
    elif transport == "http":
        async with streamablehttp_client(url, headers=headers or {}) as (read, write, _):
            async with ClientSession(read, write) as session:
                await session.initialize()
                yield session
    else:
        raise ValueError(f"unknown transport {transport!r}")
