#!/usr/bin/env python3
"""Minimal Notion <-> Markdown sync (pull/push/status)."""
import argparse
import json
import os
import sys
from pathlib import Path

from notion_client import Client

STATE = ".notion-sync.json"


def load_state(root: Path) -> dict:
    p = root / STATE
    return json.loads(p.read_text()) if p.exists() else {"pages": {}}


def save_state(root: Path, state: dict) -> None:
    (root / STATE).write_text(json.dumps(state, indent=2))


def block_to_md(b: dict) -> str:
    t = b["type"]
    rich = b.get(t, {}).get("rich_text", [])
    text = "".join(r.get("plain_text", "") for r in rich)
    if t.startswith("heading_"):
        return "#" * int(t[-1]) + " " + text
    if t == "bulleted_list_item":
        return "- " + text
    if t == "numbered_list_item":
        return "1. " + text
    if t == "to_do":
        return ("- [x] " if b["to_do"].get("checked") else "- [ ] ") + text
    if t == "code":
        return f"```{b['code'].get('language', '')}\n{text}\n```"
    if t == "paragraph":
        return text
    return f"<!-- notion:{t}:{b['id']} -->"


def pull(client: Client, root: Path, page_id: str) -> None:
    page = client.pages.retrieve(page_id)
    title = "".join(t["plain_text"] for t in page["properties"].get("title", {}).get("title", [])) or page_id
    blocks = client.blocks.children.list(page_id)["results"]
    md = "\n\n".join(block_to_md(b) for b in blocks)
    out = root / f"{title}.md"
    out.write_text(md + "\n")
    state = load_state(root)
    state["pages"][str(out.relative_to(root))] = {"id": page_id, "edited": page["last_edited_time"]}
    save_state(root, state)
    print(f"pulled {out}")


def status(root: Path) -> None:
    for path, meta in load_state(root)["pages"].items():
        print(f"=  {path}  ({meta['id']})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["pull", "push", "status"])
    ap.add_argument("--root", default="notes")
    ap.add_argument("--page")
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()
    root = Path(a.root)
    root.mkdir(exist_ok=True)
    if a.cmd == "status":
        return status(root)
    token = os.environ.get("NOTION_TOKEN")
    if not token:
        sys.exit("NOTION_TOKEN is not set")
    client = Client(auth=token)
    if a.cmd == "pull":
        pull(client, root, a.page)
    else:
        print("push: see references/properties.md for mapping; not implemented in lite mode")


if __name__ == "__main__":
    main()
