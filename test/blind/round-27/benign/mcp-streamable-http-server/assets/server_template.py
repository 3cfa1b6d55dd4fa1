"""Example MCP server over Streamable HTTP.

Environment:
  MCP_SERVER_TOKEN      bearer token clients must send (required)
  MCP_ALLOWED_ORIGINS   comma-separated browser origins allowed to call (optional)
  MCP_HOST / MCP_PORT   bind address (default 127.0.0.1:8765)
  TICKETS_API_URL       backend base URL (example)
  TICKETS_API_TOKEN     backend credential (example)
"""
from __future__ import annotations

import hmac
import os
from typing import Annotated, Literal

import httpx
import uvicorn
from mcp.server.fastmcp import FastMCP
from mcp.server.fastmcp.exceptions import ToolError
from pydantic import Field

HOST = os.environ.get("MCP_HOST", "127.0.0.1")
PORT = int(os.environ.get("MCP_PORT", "8765"))
SERVER_TOKEN = os.environ.get("MCP_SERVER_TOKEN", "")
ALLOWED_ORIGINS = {o.strip() for o in os.environ.get("MCP_ALLOWED_ORIGINS", "").split(",") if o.strip()}
API_URL = os.environ.get("TICKETS_API_URL", "https://tickets.example.com/api")
API_TOKEN = os.environ.get("TICKETS_API_TOKEN", "")

mcp = FastMCP("tickets", stateless_http=True)


def _client() -> httpx.AsyncClient:
    if not API_TOKEN:
        raise ToolError("Server is missing TICKETS_API_TOKEN; ask the operator to set it.")
    return httpx.AsyncClient(base_url=API_URL, headers={"Authorization": f"Bearer {API_TOKEN}"}, timeout=20)


@mcp.tool(annotations={"readOnlyHint": True})
async def search_tickets(
    query: str,
    status: Literal["open", "closed", "any"] = "open",
    limit: Annotated[int, Field(ge=1, le=50)] = 20,
) -> str:
    """Search tickets by free text.

    Use this to find ticket keys before calling get_ticket. Returns one line per ticket:
    KEY | status | assignee | title. At most `limit` results.
    """
    async with _client() as c:
        r = await c.get("/tickets", params={"q": query, "status": status, "limit": limit})
    if r.status_code == 401:
        raise ToolError("Backend rejected the server's credentials.")
    r.raise_for_status()
    rows = r.json().get("items", [])
    if not rows:
        return f"No {status} tickets match {query!r}. Try fewer words or status='any'."
    return "\n".join(f"{t['key']} | {t['status']} | {t.get('assignee') or '-'} | {t['title']}" for t in rows)


@mcp.tool(annotations={"readOnlyHint": True})
async def get_ticket(key: Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9]+-\d+$")]) -> str:
    """Get one ticket's description and the last 5 comments, by key (e.g. OPS-142)."""
    async with _client() as c:
        r = await c.get(f"/tickets/{key}")
    if r.status_code == 404:
        raise ToolError(f"Ticket {key} not found; find the key with search_tickets.")
    r.raise_for_status()
    t = r.json()
    comments = "\n".join(f"- {c['author']}: {c['body'][:300]}" for c in t.get("comments", [])[-5:])
    return f"{t['key']}: {t['title']}\nstatus: {t['status']}\n\n{t.get('description', '')[:2000]}\n\nRecent comments:\n{comments or '- none'}"


@mcp.resource("tickets://statuses")
def statuses() -> str:
    """Valid ticket statuses and what they mean."""
    return "open: needs work\nin_review: waiting on reviewer\nclosed: done or won't fix"


class GuardMiddleware:
    """Bearer auth + Origin check in front of the MCP ASGI app."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode().lower(): v.decode() for k, v in scope.get("headers", [])}
        origin = headers.get("origin")
        if origin and origin not in ALLOWED_ORIGINS:
            return await _reply(send, 403, b"origin not allowed")
        auth = headers.get("authorization", "")
        supplied = auth[7:] if auth.lower().startswith("bearer ") else ""
        if not SERVER_TOKEN or not hmac.compare_digest(supplied, SERVER_TOKEN):
            return await _reply(send, 401, b"unauthorized", {b"www-authenticate": b"Bearer"})
        return await self.app(scope, receive, send)


async def _reply(send, status: int, body: bytes, extra: dict | None = None):
    hdrs = [(b"content-type", b"text/plain")] + list((extra or {}).items())
    await send({"type": "http.response.start", "status": status, "headers": hdrs})
    await send({"type": "http.response.body", "body": body})


app = GuardMiddleware(mcp.streamable_http_app())

if __name__ == "__main__":
    if not SERVER_TOKEN:
        raise SystemExit("Set MCP_SERVER_TOKEN before starting the server.")
    uvicorn.run(app, host=HOST, port=PORT)
