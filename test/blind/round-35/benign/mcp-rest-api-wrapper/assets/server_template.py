"""MCP server wrapping a REST API. Fill in API_BASE, TOKEN_ENV and the tools."""
import asyncio
import os
import sys
from typing import Any

import httpx
from mcp.server.fastmcp import FastMCP
from mcp.types import ToolAnnotations

API_BASE = "https://sentry.io/api/0"
TOKEN_ENV = "SENTRY_AUTH_TOKEN"
ORG = os.environ.get("SENTRY_ORG", "")
USER_AGENT = "rest-mcp-wrapper/0.1"

mcp = FastMCP("sentry")

_token = os.environ.get(TOKEN_ENV)
if not _token:
    print(f"{TOKEN_ENV} is not set; export it in the shell that launches this server.", file=sys.stderr)
    sys.exit(1)

_client = httpx.AsyncClient(
    base_url=API_BASE,
    headers={"Authorization": f"Bearer {_token}", "User-Agent": USER_AGENT},
    timeout=httpx.Timeout(20.0, connect=5.0),
)


class ApiError(Exception):
    pass


async def api(method: str, path: str, **kw: Any) -> Any:
    for attempt in range(3):
        r = await _client.request(method, path, **kw)
        if r.status_code in (429, 503) and attempt < 2:
            await asyncio.sleep(float(r.headers.get("Retry-After", 2 ** attempt)))
            continue
        if r.status_code == 401:
            raise ApiError(f"401 from API: check that {TOKEN_ENV} is valid and has the needed scopes")
        if r.status_code == 404:
            raise ApiError(f"not found: {path}")
        if r.status_code >= 400:
            raise ApiError(f"{r.status_code} from API: {r.text[:300]}")
        return r.json() if r.content else None
    raise ApiError("API kept returning 429/503; try again later")


def slim_issue(i: dict) -> dict:
    return {
        "id": i.get("id"),
        "short_id": i.get("shortId"),
        "title": i.get("title"),
        "status": i.get("status"),
        "events": i.get("count"),
        "users": i.get("userCount"),
        "last_seen": i.get("lastSeen"),
        "project": (i.get("project") or {}).get("slug"),
        "url": i.get("permalink"),
    }


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=True))
async def search_issues(query: str = "is:unresolved", project: str | None = None,
                        limit: int = 20, cursor: str | None = None) -> dict:
    """Search issues in the organization using Sentry search syntax.

    Examples of query: "is:unresolved level:error", "TypeError firstSeen:-24h".
    `project` is a project slug such as "web-frontend". Returns at most `limit`
    compact issues and `next_cursor` when more results exist.
    """
    params: dict[str, Any] = {"query": query, "limit": min(limit, 100)}
    if project:
        params["project"] = await _project_id(project)
    if cursor:
        params["cursor"] = cursor
    r = await _client.get(f"/organizations/{ORG}/issues/", params=params)
    if r.status_code >= 400:
        raise ApiError(f"{r.status_code}: {r.text[:300]}")
    nxt = None
    link = r.links.get("next") or {}
    if link.get("results") == "true":
        nxt = link.get("cursor")
    return {"issues": [slim_issue(i) for i in r.json()], "next_cursor": nxt}


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=True))
async def get_issue(issue_id: str) -> dict:
    """Get one issue with its latest event's exception and top stack frames.

    `issue_id` is the numeric id or the short id shown in the UI (e.g. WEB-3F2).
    """
    issue = await api("GET", f"/organizations/{ORG}/issues/{issue_id}/")
    event = await api("GET", f"/organizations/{ORG}/issues/{issue_id}/events/latest/")
    frames = []
    for entry in event.get("entries", []):
        if entry.get("type") == "exception":
            for exc in entry["data"].get("values", []):
                for f in (exc.get("stacktrace") or {}).get("frames", [])[-8:]:
                    frames.append(f"{f.get('filename')}:{f.get('lineNo')} in {f.get('function')}")
    return {**slim_issue(issue), "culprit": issue.get("culprit"), "top_frames": frames}


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=False, destructiveHint=False, idempotentHint=True))
async def set_issue_status(issue_id: str, status: str) -> dict:
    """Change an issue's status to "resolved", "unresolved" or "ignored".

    This modifies data in Sentry. Only call it when the user asked to change status.
    """
    if status not in {"resolved", "unresolved", "ignored"}:
        raise ApiError("status must be resolved, unresolved or ignored")
    res = await api("PUT", f"/organizations/{ORG}/issues/{issue_id}/", json={"status": status})
    return {"id": issue_id, "status": res.get("status")}


_project_cache: dict[str, str] = {}


async def _project_id(slug: str) -> str:
    if not _project_cache:
        for p in await api("GET", f"/organizations/{ORG}/projects/"):
            _project_cache[p["slug"]] = p["id"]
    if slug not in _project_cache:
        raise ApiError(f"project '{slug}' not found; known projects: {', '.join(sorted(_project_cache))}")
    return _project_cache[slug]


if __name__ == "__main__":
    if not ORG:
        print("SENTRY_ORG is not set (organization slug).", file=sys.stderr)
        sys.exit(1)
    mcp.run()
