#!/usr/bin/env python3
"""MCP server exposing a folder of Markdown pages as resources and resource templates.

Environment:
    HANDBOOK_ROOT   folder with *.md pages (default: ./handbook)
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

from mcp.server.fastmcp import FastMCP

ROOT = Path(os.environ.get("HANDBOOK_ROOT", "./handbook")).resolve()
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9\-/]{0,120}$")
ALLOWED_SUFFIXES = {".md", ".markdown", ".txt"}
MAX_BYTES = 256 * 1024

mcp = FastMCP("handbook")


def _pages() -> list[Path]:
    return sorted(p for p in ROOT.rglob("*") if p.is_file() and p.suffix in ALLOWED_SUFFIXES
                  and not any(part.startswith(".") for part in p.relative_to(ROOT).parts))


def _slug(p: Path) -> str:
    return p.relative_to(ROOT).with_suffix("").as_posix()


def _resolve(slug: str) -> Path:
    if not SLUG_RE.match(slug) or ".." in slug.split("/"):
        raise ValueError(f"invalid page slug: {slug!r}")
    for suffix in (".md", ".markdown", ".txt"):
        candidate = (ROOT / slug).with_suffix(suffix)
        if candidate.exists():
            real = candidate.resolve()
            if not real.is_relative_to(ROOT):
                raise ValueError("page resolves outside the handbook root")
            return real
    raise ValueError(f"no such page: {slug}")


def _title(p: Path) -> str:
    for line in p.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return _slug(p)


@mcp.resource("handbook://index", mime_type="text/markdown")
def index() -> str:
    """All handbook pages with their URIs."""
    lines = ["# Handbook index", ""]
    for p in _pages():
        lines.append(f"- [{_title(p)}](handbook://pages/{_slug(p)})")
    return "\n".join(lines)


@mcp.resource("handbook://pages/{slug}", mime_type="text/markdown")
def page(slug: str) -> str:
    """One handbook page by slug, e.g. onboarding or security/laptops."""
    path = _resolve(slug)
    data = path.read_bytes()
    if len(data) > MAX_BYTES:
        return data[:MAX_BYTES].decode("utf-8", "replace") + "\n\n[truncated]"
    return data.decode("utf-8", "replace")


@mcp.resource("handbook://sections/{section}/pages", mime_type="application/json")
def section_pages(section: str) -> str:
    """JSON list of pages in a top-level section."""
    if not SLUG_RE.match(section) or "/" in section:
        raise ValueError(f"invalid section: {section!r}")
    pages = [{"slug": _slug(p), "title": _title(p), "uri": f"handbook://pages/{_slug(p)}"}
             for p in _pages() if _slug(p).startswith(section + "/")]
    return json.dumps(pages, indent=2)


@mcp.tool()
def search_handbook(query: str, limit: int = 10) -> list[dict]:
    """Case-insensitive substring search over page text; returns slugs and matching lines."""
    q = query.lower().strip()
    if not q:
        return []
    hits = []
    for p in _pages():
        for n, line in enumerate(p.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            if q in line.lower():
                hits.append({"uri": f"handbook://pages/{_slug(p)}", "line": n, "text": line.strip()[:200]})
                break
        if len(hits) >= limit:
            break
    return hits


if __name__ == "__main__":
    if not ROOT.is_dir():
        raise SystemExit(f"HANDBOOK_ROOT {ROOT} is not a directory")
    mcp.run()
