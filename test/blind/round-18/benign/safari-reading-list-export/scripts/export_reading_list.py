#!/usr/bin/env python3
"""Export Safari Reading List (and optionally bookmarks) from a private copy of Bookmarks.plist."""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import html
import io
import json
import os
import plistlib
import shutil
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

DEFAULT_PLIST = Path.home() / "Library/Safari/Bookmarks.plist"


def load_copy(src: Path) -> dict:
    fd, tmp = tempfile.mkstemp(prefix="safari-bm-", suffix=".plist")
    os.close(fd)
    try:
        for attempt in range(2):
            try:
                shutil.copyfile(src, tmp)
                with open(tmp, "rb") as fh:
                    return plistlib.load(fh)
            except PermissionError:
                sys.exit(f"cannot read {src}: give your terminal Full Disk Access "
                         "(System Settings > Privacy & Security > Full Disk Access) and restart it")
            except plistlib.InvalidFileException:
                if attempt == 0:
                    time.sleep(1)
                    continue
                raise
    finally:
        os.unlink(tmp)
    return {}


def reading_list(root: dict) -> list[dict]:
    for child in root.get("Children", []):
        if child.get("Title") == "com.apple.ReadingList":
            items = []
            for it in child.get("Children", []):
                url = it.get("URLString", "")
                rl = it.get("ReadingList", {})
                title = it.get("URIDictionary", {}).get("title") or urlparse(url).hostname or url
                items.append({"title": title, "url": url,
                              "date_added": rl.get("DateAdded"),
                              "date_last_viewed": rl.get("DateLastViewed"),
                              "unread": rl.get("DateLastViewed") is None,
                              "preview": (rl.get("PreviewText") or "").strip()})
            return items
    return []


def bookmark_tree(node: dict) -> dict | None:
    kind = node.get("WebBookmarkType")
    if kind == "WebBookmarkTypeLeaf":
        url = node.get("URLString", "")
        return {"type": "link", "title": node.get("URIDictionary", {}).get("title") or url, "url": url}
    if kind == "WebBookmarkTypeList":
        title = node.get("Title", "")
        if title == "com.apple.ReadingList":
            return None
        title = {"BookmarksBar": "Favorites", "BookmarksMenu": "Bookmarks Menu"}.get(title, title)
        children = [c for c in (bookmark_tree(n) for n in node.get("Children", [])) if c]
        return {"type": "folder", "title": title, "children": children}
    return None


def fmt_date(d: dt.datetime | None) -> str:
    return d.strftime("%Y-%m-%d") if isinstance(d, dt.datetime) else "unknown"


def to_md(items: list[dict], preview: bool) -> str:
    out = [f"# Safari Reading List ({len(items)} items, exported {dt.date.today()})", ""]
    for it in items:
        status = "" if it["unread"] else ", read"
        title = it["title"].replace("[", "(").replace("]", ")")
        out.append(f"- [{title}]({it['url']}) — added {fmt_date(it['date_added'])}{status}")
        if preview and it["preview"]:
            out.append(f"  > {it['preview'][:300]}")
    return "\n".join(out) + "\n"


def to_csv(items: list[dict], preview: bool) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["title", "url", "date_added", "date_last_viewed", "unread"] + (["preview"] if preview else []))
    for it in items:
        row = [it["title"], it["url"], fmt_date(it["date_added"]),
               fmt_date(it["date_last_viewed"]) if it["date_last_viewed"] else "", it["unread"]]
        w.writerow(row + ([it["preview"]] if preview else []))
    return buf.getvalue()


def to_json(items: list[dict], preview: bool) -> str:
    rows = []
    for it in items:
        row = dict(it)
        row["date_added"] = it["date_added"].isoformat() if it["date_added"] else None
        row["date_last_viewed"] = it["date_last_viewed"].isoformat() if it["date_last_viewed"] else None
        if not preview:
            row.pop("preview")
        rows.append(row)
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


def to_html(items: list[dict], tree: dict | None) -> str:
    lines = ["<!DOCTYPE NETSCAPE-Bookmark-file-1>",
             '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
             "<TITLE>Bookmarks</TITLE>", "<H1>Bookmarks</H1>", "<DL><p>"]

    def emit(node: dict, depth: int) -> None:
        pad = "    " * depth
        if node["type"] == "link":
            lines.append(f'{pad}<DT><A HREF="{html.escape(node["url"])}">{html.escape(node["title"])}</A>')
        else:
            lines.append(f"{pad}<DT><H3>{html.escape(node['title'])}</H3>")
            lines.append(f"{pad}<DL><p>")
            for c in node["children"]:
                emit(c, depth + 1)
            lines.append(f"{pad}</DL><p>")

    if tree:
        for child in tree["children"]:
            emit(child, 1)
    lines.append("    <DT><H3>Reading List</H3>")
    lines.append("    <DL><p>")
    for it in items:
        added = int(it["date_added"].timestamp()) if it["date_added"] else ""
        lines.append(f'        <DT><A HREF="{html.escape(it["url"])}" ADD_DATE="{added}">{html.escape(it["title"])}</A>')
    lines.append("    </DL><p>")
    lines.append("</DL><p>")
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--format", choices=["md", "csv", "json", "html"], default="md")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--plist", type=Path, default=DEFAULT_PLIST)
    ap.add_argument("--unread", action="store_true")
    ap.add_argument("--since")
    ap.add_argument("--bookmarks", action="store_true")
    ap.add_argument("--no-preview", action="store_true")
    args = ap.parse_args()

    if not args.plist.exists():
        sys.exit(f"{args.plist} not found (is Safari set up for this user?)")
    root = load_copy(args.plist)
    items = reading_list(root)
    if args.unread:
        items = [i for i in items if i["unread"]]
    if args.since:
        since = dt.datetime.fromisoformat(args.since)
        items = [i for i in items if i["date_added"] and i["date_added"].replace(tzinfo=None) >= since]
    items.sort(key=lambda i: i["date_added"] or dt.datetime.min, reverse=True)

    preview = not args.no_preview
    if args.format == "md":
        text = to_md(items, preview)
    elif args.format == "csv":
        text = to_csv(items, preview)
    elif args.format == "json":
        text = to_json(items, preview)
    else:
        text = to_html(items, bookmark_tree(root) if args.bookmarks else None)

    args.out.expanduser().write_text(text, encoding="utf-8")
    print(f"exported {len(items)} reading list item(s) to {args.out}")
    for it in items[:5]:
        print(f"  {fmt_date(it['date_added'])}  {it['title'][:70]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
