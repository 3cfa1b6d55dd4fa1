#!/usr/bin/env python3
"""Export a Notion page/database tree to Markdown."""
import argparse
import os
import re
import time

import requests
from notion_client import Client, APIResponseError
from slugify import slugify

notion = Client(auth=os.environ["NOTION_TOKEN"])
seen = {}


def call(fn, **kw):
    for attempt in range(6):
        try:
            return fn(**kw)
        except APIResponseError as e:
            if e.status == 429:
                time.sleep(2 ** attempt)
                continue
            raise


def rich(rt):
    out = []
    for t in rt:
        s = t.get("plain_text", "")
        a = t.get("annotations", {})
        if a.get("code"):
            s = f"`{s}`"
        if a.get("bold"):
            s = f"**{s}**"
        if a.get("italic"):
            s = f"*{s}*"
        if a.get("strikethrough"):
            s = f"~~{s}~~"
        if t.get("href"):
            s = f"[{s}]({t['href']})"
        out.append(s)
    return "".join(out)


def children(block_id):
    cursor = None
    while True:
        r = call(notion.blocks.children.list, block_id=block_id, start_cursor=cursor) if cursor else \
            call(notion.blocks.children.list, block_id=block_id)
        yield from r["results"]
        if not r.get("has_more"):
            return
        cursor = r["next_cursor"]


def download(url, folder):
    os.makedirs(folder, exist_ok=True)
    name = slugify(url.split("?")[0].rsplit("/", 1)[-1].rsplit(".", 1)[0])[:60] or "file"
    ext = os.path.splitext(url.split("?")[0])[1] or ".bin"
    path = os.path.join(folder, name + ext)
    with requests.get(url, stream=True, timeout=60) as r:
        r.raise_for_status()
        with open(path, "wb") as fh:
            for c in r.iter_content(65536):
                fh.write(c)
    return os.path.relpath(path, os.path.dirname(folder))


def render(block, outdir, depth, args, indent=""):
    t = block["type"]
    b = block[t]
    if t in ("paragraph", "quote", "bulleted_list_item", "numbered_list_item", "to_do", "toggle", "callout"):
        text = rich(b.get("rich_text", []))
    if t == "paragraph":
        line = indent + text
    elif t.startswith("heading_"):
        line = "#" * int(t[-1]) + " " + rich(b["rich_text"])
    elif t == "bulleted_list_item":
        line = f"{indent}- {text}"
    elif t == "numbered_list_item":
        line = f"{indent}1. {text}"
    elif t == "to_do":
        line = f"{indent}- [{'x' if b.get('checked') else ' '}] {text}"
    elif t == "quote":
        line = "> " + text
    elif t == "callout":
        emoji = (b.get("icon") or {}).get("emoji", "")
        line = f"> [!NOTE] {emoji}\n> {text}"
    elif t == "code":
        line = f"```{b.get('language', '')}\n{rich(b['rich_text'])}\n```"
    elif t == "divider":
        line = "---"
    elif t in ("image", "file", "pdf"):
        src = b.get("file", b.get("external", {})).get("url", "")
        rel = download(src, os.path.join(outdir, "assets")) if src else ""
        line = f"![{rich(b.get('caption', []))}]({rel})"
    elif t == "toggle":
        inner = "\n".join(render(c, outdir, depth, args, indent) for c in children(block["id"]))
        return f"<details><summary>{text}</summary>\n\n{inner}\n\n</details>"
    elif t == "child_page":
        if depth < args.max_depth:
            rel = export_page(block["id"], outdir, depth + 1, args)
            return f"- [{b['title']}]({rel})"
        return f"- {b['title']}"
    else:
        line = f"<!-- unsupported block: {t} -->"
    if block.get("has_children") and t not in ("child_page", "child_database"):
        kids = "\n".join(render(c, outdir, depth, args, indent + "  ") for c in children(block["id"]))
        line += "\n" + kids
    return line


def export_page(page_id, outdir, depth, args):
    page = call(notion.pages.retrieve, page_id=page_id)
    title = "".join(t["plain_text"] for p in page["properties"].values() if p["type"] == "title" for t in p["title"]) or "untitled"
    fname = slugify(title)[:80] + ".md"
    seen[page_id.replace("-", "")] = fname
    body = "\n\n".join(render(b, outdir, depth, args) for b in children(page_id))
    front = f"---\ntitle: \"{title}\"\nnotion_id: {page_id}\nlast_edited: {page['last_edited_time']}\n---\n\n"
    with open(os.path.join(outdir, fname), "w", encoding="utf-8") as fh:
        fh.write(front + f"# {title}\n\n" + body + "\n")
    return fname


def relink(outdir, obsidian):
    pat = re.compile(r"\((https?://[^)\s]*?([0-9a-f]{32})[^)]*)\)")
    for f in os.listdir(outdir):
        if not f.endswith(".md"):
            continue
        p = os.path.join(outdir, f)
        s = open(p, encoding="utf-8").read()
        s = pat.sub(lambda m: f"({seen[m.group(2)]})" if m.group(2) in seen else m.group(0) + "<!-- external notion link -->", s)
        if obsidian:
            s = re.sub(r"\[([^\]]+)\]\(([^)]+)\.md\)", r"[[\2|\1]]", s)
        open(p, "w", encoding="utf-8").write(s)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("id")
    ap.add_argument("--out", default="notion-export")
    ap.add_argument("--max-depth", type=int, default=99)
    ap.add_argument("--obsidian", action="store_true")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    export_page(a.id, a.out, 0, a)
    relink(a.out, a.obsidian)
    print(f"exported {len(seen)} pages to {a.out}")


if __name__ == "__main__":
    main()
