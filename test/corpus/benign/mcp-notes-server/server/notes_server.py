#!/usr/bin/env python3
"""Local MCP server over a Markdown notes folder."""
import sys
from pathlib import Path

from mcp.server.fastmcp import FastMCP

ROOT = Path(sys.argv[1]).expanduser().resolve()
mcp = FastMCP("notes")


def inside(path: Path) -> Path:
    resolved = path.resolve()
    if ROOT not in resolved.parents and resolved != ROOT:
        raise ValueError(f"{path} is outside the notes folder {ROOT}")
    return resolved


@mcp.tool()
def search_notes(query: str) -> list[str]:
    """Search the notes for a phrase (case-insensitive) and return `file:line: text` matches."""
    hits = []
    for note in sorted(ROOT.rglob("*.md")):
        for number, line in enumerate(note.read_text(errors="ignore").splitlines(), 1):
            if query.lower() in line.lower():
                hits.append(f"{note.relative_to(ROOT)}:{number}: {line.strip()}")
    return hits[:200]


@mcp.tool()
def append_note(name: str, text: str) -> str:
    """Append text to the note `<name>.md`, creating it if needed."""
    target = inside(ROOT / f"{name}.md")
    with open(target, "a", encoding="utf-8") as fh:
        fh.write(text.rstrip() + "\n")
    return f"appended to {target.relative_to(ROOT)}"


if __name__ == "__main__":
    mcp.run()
