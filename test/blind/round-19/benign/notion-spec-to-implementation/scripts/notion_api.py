#!/usr/bin/env python3
"""Minimal Notion REST API client for the spec-to-implementation workflow.

Reads the integration token from NOTION_TOKEN. Commands:

    search QUERY [--databases]
    fetch PAGE_ID                     page properties + block content as Markdown-ish text
    schema DATABASE_ID                property names, types and select/status options
    create-task DATABASE_ID JSON      JSON = {"title": ..., "props": {...}, "body": "markdown"}
    set-status PAGE_ID PROPERTY VALUE
    append-note PAGE_ID TEXT
"""
import json
import os
import sys
import time
import urllib.error
import urllib.request
from datetime import date

API = "https://api.notion.com/v1"
VERSION = "2022-06-28"


def token() -> str:
    t = os.environ.get("NOTION_TOKEN")
    if not t:
        sys.exit("NOTION_TOKEN is not set. Create an internal integration at notion.so/my-integrations "
                 "and share the spec and task database with it.")
    return t


def call(method: str, path: str, body: dict | None = None, retries: int = 4) -> dict:
    req = urllib.request.Request(
        API + path,
        method=method,
        data=json.dumps(body).encode() if body is not None else None,
        headers={
            "Authorization": f"Bearer {token()}",
            "Notion-Version": VERSION,
            "Content-Type": "application/json",
        },
    )
    for attempt in range(retries + 1):
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                return json.load(resp)
        except urllib.error.HTTPError as e:
            if e.code == 429 and attempt < retries:
                time.sleep(float(e.headers.get("Retry-After", "1")))
                continue
            detail = e.read().decode(errors="replace")
            if e.code == 404:
                sys.exit(f"404 for {path}: the page may not be shared with the integration. {detail}")
            sys.exit(f"HTTP {e.code} for {method} {path}: {detail}")
    raise RuntimeError("unreachable")


def plain(rich: list) -> str:
    return "".join(r.get("plain_text", "") for r in rich or [])


def blocks_to_text(block_id: str, depth: int = 0) -> list:
    lines, cursor = [], None
    while True:
        q = f"/blocks/{block_id}/children?page_size=100" + (f"&start_cursor={cursor}" if cursor else "")
        res = call("GET", q)
        for b in res["results"]:
            t = b["type"]
            content = b.get(t, {})
            text = plain(content.get("rich_text", []))
            prefix = {"heading_1": "# ", "heading_2": "## ", "heading_3": "### ", "bulleted_list_item": "- ",
                      "numbered_list_item": "1. ", "to_do": "- [x] " if content.get("checked") else "- [ ] ",
                      "quote": "> ", "callout": "> "}.get(t, "")
            if t == "child_page":
                text = f"[child page] {content.get('title')} ({b['id']})"
            elif t == "child_database":
                text = f"[child database] {content.get('title')} ({b['id']})"
            elif t == "code":
                text = f"```{content.get('language', '')}\n{text}\n```"
            if text:
                lines.append("  " * depth + prefix + text)
            if b.get("has_children") and t not in ("child_page", "child_database"):
                lines += blocks_to_text(b["id"], depth + 1)
        if not res.get("has_more"):
            return lines
        cursor = res["next_cursor"]


def md_to_blocks(md: str) -> list:
    blocks = []
    for line in md.splitlines():
        s = line.rstrip()
        if not s:
            continue
        if s.startswith("## "):
            blocks.append({"type": "heading_2", "heading_2": {"rich_text": [{"text": {"content": s[3:]}}]}})
        elif s.startswith("- [ ] "):
            blocks.append({"type": "to_do", "to_do": {"rich_text": [{"text": {"content": s[6:]}}], "checked": False}})
        elif s.startswith("- "):
            blocks.append({"type": "bulleted_list_item", "bulleted_list_item": {"rich_text": [{"text": {"content": s[2:]}}]}})
        else:
            blocks.append({"type": "paragraph", "paragraph": {"rich_text": [{"text": {"content": s[:2000]}}]}})
    return blocks


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "search":
        body = {"query": args[0], "page_size": 20}
        if "--databases" in args:
            body["filter"] = {"property": "object", "value": "database"}
        for r in call("POST", "/search", body)["results"]:
            title = plain(r.get("title", [])) or next((plain(p.get("title", [])) for p in r.get("properties", {}).values() if p.get("type") == "title"), "")
            print(f"{r['object']:9} {r['id']}  {title!r}  edited {r.get('last_edited_time', '')[:10]}")
    elif cmd == "fetch":
        page = call("GET", f"/pages/{args[0]}")
        for name, p in page["properties"].items():
            if p["type"] == "title":
                print("# " + plain(p["title"]))
        print("\n".join(blocks_to_text(args[0])))
    elif cmd == "schema":
        db = call("GET", f"/databases/{args[0]}")
        for name, p in db["properties"].items():
            opts = p.get(p["type"], {}).get("options") if isinstance(p.get(p["type"]), dict) else None
            extra = f" options={[o['name'] for o in opts]}" if opts else ""
            print(f"{name!r}: {p['type']}{extra}")
    elif cmd == "create-task":
        spec = json.loads(args[1])
        db = call("GET", f"/databases/{args[0]}")
        title_prop = next(n for n, p in db["properties"].items() if p["type"] == "title")
        props = {title_prop: {"title": [{"text": {"content": spec["title"]}}]}}
        props.update(spec.get("props", {}))
        page = call("POST", "/pages", {"parent": {"database_id": args[0]}, "properties": props,
                                        "children": md_to_blocks(spec.get("body", ""))})
        print(page["id"], page.get("url", ""))
    elif cmd == "set-status":
        page_id, prop, value = args
        page = call("GET", f"/pages/{page_id}")
        kind = page["properties"][prop]["type"]
        call("PATCH", f"/pages/{page_id}", {"properties": {prop: {kind: {"name": value}}}})
        print(f"{prop} -> {value}")
    elif cmd == "append-note":
        page_id, text = args
        call("PATCH", f"/blocks/{page_id}/children", {"children": [
            {"type": "paragraph", "paragraph": {"rich_text": [
                {"text": {"content": f"{date.today().isoformat()}: "}, "annotations": {"bold": True}},
                {"text": {"content": text[:1900]}}]}}]})
        print("note appended")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
