#!/usr/bin/env python3
"""Create a reading-list row in a Notion database from a URL's metadata."""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser

NOTION = "https://api.notion.com/v1"
NOTION_VERSION = "2022-06-28"
MAX_BYTES = 2 * 1024 * 1024
DOI_RE = re.compile(r"\b(10\.\d{4,9}/[^\s\"'<>?#]+)", re.I)


class MetaParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, list[str]] = {}
        self.title = ""
        self.canonical = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("name") or a.get("property") or "").lower()
            if key and a.get("content"):
                self.meta.setdefault(key, []).append(a["content"].strip())
        elif tag == "link" and "canonical" in a.get("rel", "").lower():
            self.canonical = a.get("href", "")
        elif tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title and not self.title:
            self.title = data.strip()


def fetch(url: str) -> tuple[str, str]:
    req = urllib.request.Request(url, headers={
        "User-Agent": "reading-list-capture/1.2 (+personal use)",
        "Accept": "text/html,application/xhtml+xml",
    })
    with urllib.request.urlopen(req, timeout=15) as resp:
        body = resp.read(MAX_BYTES)
        charset = resp.headers.get_content_charset() or "utf-8"
        return resp.geturl(), body.decode(charset, "replace")


def first(meta: dict, *keys: str) -> str:
    for k in keys:
        if meta.get(k):
            return meta[k][0]
    return ""


def extract(url: str, html: str) -> dict:
    p = MetaParser()
    p.feed(html)
    m = p.meta
    authors = m.get("citation_author") or m.get("dc.creator") or m.get("author") or []
    doi = first(m, "citation_doi", "dc.identifier")
    found = DOI_RE.search(doi or url)
    host = urllib.parse.urlparse(url).hostname or ""
    date = first(m, "citation_publication_date", "article:published_time", "dc.date")
    date = re.sub(r"/", "-", date)[:10] if date else ""
    return {
        "title": first(m, "citation_title", "og:title") or p.title or url,
        "url": urllib.parse.urljoin(url, p.canonical) if p.canonical else url,
        "authors": "; ".join(dict.fromkeys(a.strip() for a in authors if a.strip())),
        "site": first(m, "og:site_name", "citation_journal_title") or host.removeprefix("www."),
        "doi": f"https://doi.org/{found.group(1).rstrip('.')}" if found else "",
        "published": date if re.fullmatch(r"\d{4}(-\d{2}){0,2}", date or "-") else "",
    }


def notion(method: str, path: str, body: dict | None = None) -> dict:
    token = os.environ.get("NOTION_TOKEN")
    if not token:
        sys.exit("error: NOTION_TOKEN is not set")
    req = urllib.request.Request(f"{NOTION}{path}", method=method,
                                 data=json.dumps(body).encode() if body is not None else None)
    req.add_header("Authorization", f"Bearer {token}")
    req.add_header("Notion-Version", NOTION_VERSION)
    req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return json.load(resp)
    except urllib.error.HTTPError as err:
        try:
            info = json.load(err)
            msg = f"{err.code} {info.get('code')}: {info.get('message')}"
        except Exception:
            msg = str(err.code)
        sys.exit(f"error: Notion {method} {path} -> {msg}")


def text(value: str) -> list:
    value = value if len(value) <= 1990 else value[:1990] + "…"
    return [{"type": "text", "text": {"content": value}}]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("url", nargs="?")
    ap.add_argument("--db", default=os.environ.get("NOTION_READING_DB"))
    ap.add_argument("--tags", default="")
    ap.add_argument("--status", default="To read")
    ap.add_argument("--note", default="")
    ap.add_argument("--title")
    ap.add_argument("--authors")
    ap.add_argument("--map", action="append", default=[], help="Logical=ActualPropertyName")
    ap.add_argument("--check-schema", action="store_true")
    ap.add_argument("--force", action="store_true")
    ap.add_argument("--yes", action="store_true")
    args = ap.parse_args()
    if not args.db:
        sys.exit("error: pass --db or set NOTION_READING_DB")

    db = notion("GET", f"/databases/{args.db}")
    props = {name.lower(): (name, spec["type"], spec) for name, spec in db["properties"].items()}
    mapping = dict(kv.split("=", 1) for kv in args.map)

    def prop(logical: str):
        return props.get(mapping.get(logical, logical).lower())

    if args.check_schema:
        for name, ptype, spec in props.values():
            opts = spec.get(ptype, {}).get("options") if isinstance(spec.get(ptype), dict) else None
            extra = f"  options: {', '.join(o['name'] for o in opts)}" if opts else ""
            print(f"{name:<14} {ptype}{extra}")
        return
    if not args.url:
        ap.error("url is required")

    try:
        final_url, html = fetch(args.url)
        info = extract(final_url, html)
    except (urllib.error.URLError, TimeoutError) as exc:
        print(f"fetch failed: {exc}; using the URL and any --title/--authors given", file=sys.stderr)
        info = {"title": args.url, "url": args.url, "authors": "", "site": "", "doi": "", "published": ""}
    if args.title:
        info["title"] = args.title
    if args.authors:
        info["authors"] = args.authors

    if not args.force:
        filters = [{"property": prop("URL")[0], "url": {"equals": info["url"]}}] if prop("URL") else []
        if info["doi"] and prop("DOI") and prop("DOI")[1] == "url":
            filters.append({"property": prop("DOI")[0], "url": {"equals": info["doi"]}})
        if filters:
            hits = notion("POST", f"/databases/{args.db}/query",
                          {"filter": {"or": filters}, "page_size": 1})["results"]
            if hits:
                print(f"already in reading list: {hits[0].get('url')}")
                return

    properties: dict = {}
    title_prop = next((n for n, t, _ in props.values() if t == "title"), None)
    properties[title_prop] = {"title": text(info["title"])}
    values = {
        "URL": info["url"], "DOI": info["doi"], "Authors": info["authors"], "Site": info["site"],
        "Published": info["published"], "Status": args.status, "Note": args.note,
        "Tags": [t.strip() for t in args.tags.split(",") if t.strip()],
    }
    for logical, value in values.items():
        p = prop(logical)
        if not p or not value:
            continue
        name, ptype, _ = p
        if ptype == "url":
            properties[name] = {"url": value}
        elif ptype == "rich_text":
            properties[name] = {"rich_text": text(value)}
        elif ptype == "select":
            properties[name] = {"select": {"name": value[:100].replace(",", " ")}}
        elif ptype == "status":
            properties[name] = {"status": {"name": value}}
        elif ptype == "multi_select":
            properties[name] = {"multi_select": [{"name": v[:100]} for v in value]}
        elif ptype == "date":
            properties[name] = {"date": {"start": value}}

    preview = {k: v for k, v in values.items() if v}
    preview["Title"] = info["title"]
    print(json.dumps(preview, indent=2, ensure_ascii=False))
    if not args.yes and input("Create this row? [y/N] ").strip().lower() != "y":
        print("cancelled")
        return
    page = notion("POST", "/pages", {"parent": {"database_id": args.db}, "properties": properties})
    print(f"created: {page.get('url')}")


if __name__ == "__main__":
    main()
