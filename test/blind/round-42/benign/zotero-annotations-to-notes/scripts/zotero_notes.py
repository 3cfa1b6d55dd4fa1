#!/usr/bin/env python3
"""Export Zotero PDF annotations into Markdown literature notes (read-only)."""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import urllib.parse
import urllib.request
from pathlib import Path

WEB = "https://api.zotero.org"
LOCAL = "http://localhost:23119/api"
START, END = "<!-- zotero-annotations:start -->", "<!-- zotero-annotations:end -->"
DEFAULT_COLOURS = {
    "#ffd400": "Key points", "#ff6666": "Disagree / problems", "#5fb236": "Methods",
    "#2ea8e5": "Definitions", "#a28ae5": "Follow up",
}
TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "literature-note.md"


class Client:
    def __init__(self, local: bool, group: str | None):
        self.local = local
        self.base = LOCAL if local else WEB
        if group:
            self.prefix = f"/groups/{group}"
        elif local:
            self.prefix = "/users/0"
        else:
            uid = os.environ.get("ZOTERO_USER_ID")
            if not uid:
                sys.exit("error: set ZOTERO_USER_ID or use --local / --group")
            self.prefix = f"/users/{uid}"
        self.key = None if local else os.environ.get("ZOTERO_API_KEY")
        if not local and not self.key:
            sys.exit("error: set ZOTERO_API_KEY (read-only is enough) or use --local")

    def get(self, path: str, **params) -> list | dict:
        out: list = []
        start = 0
        while True:
            q = {"format": "json", "limit": 100, "start": start, **params}
            req = urllib.request.Request(f"{self.base}{self.prefix}{path}?{urllib.parse.urlencode(q)}")
            req.add_header("Zotero-API-Version", "3")
            if self.key:
                req.add_header("Zotero-API-Key", self.key)
            with urllib.request.urlopen(req, timeout=30) as resp:
                data = json.load(resp)
                total = int(resp.headers.get("Total-Results", "0") or 0)
            if isinstance(data, dict):
                return data
            out.extend(data)
            start += 100
            if start >= total or not data:
                return out


def citekey(data: dict) -> str:
    m = re.search(r"^Citation Key:\s*(\S+)", data.get("extra", ""), re.M)
    if m:
        return m.group(1)
    creators = data.get("creators") or [{}]
    last = creators[0].get("lastName") or creators[0].get("name") or "anon"
    year = (re.search(r"\d{4}", data.get("date", "")) or [""])[0]
    return re.sub(r"[^A-Za-z0-9]", "", last).lower() + year


def short_citation(data: dict) -> str:
    names = [c.get("lastName") or c.get("name", "") for c in data.get("creators", [])
             if c.get("creatorType", "author") == "author"]
    year = (re.search(r"\d{4}", data.get("date", "")) or ["n.d."])[0]
    if not names:
        return year
    who = names[0] if len(names) == 1 else (f"{names[0]} & {names[1]}" if len(names) == 2 else f"{names[0]} et al.")
    return f"{who} ({year})"


def render_annotations(client: Client, item_key: str, colours: dict) -> tuple[str, int]:
    sections: dict[str, list[str]] = {}
    count = 0
    for att in client.get(f"/items/{item_key}/children"):
        ad = att["data"]
        if ad.get("itemType") != "attachment" or ad.get("contentType") != "application/pdf":
            continue
        anns = [a["data"] for a in client.get(f"/items/{ad['key']}/children")
                if a["data"].get("itemType") == "annotation"]
        anns.sort(key=lambda a: a.get("annotationSortIndex", ""))
        for a in anns:
            count += 1
            page = a.get("annotationPageLabel", "?")
            try:
                page_index = json.loads(a.get("annotationPosition", "{}")).get("pageIndex", 0) + 1
            except json.JSONDecodeError:
                page_index = 1
            link = (f"zotero://open-pdf/library/items/{ad['key']}"
                    f"?page={page_index}&annotation={a['key']}")
            heading = colours.get(a.get("annotationColor", "").lower(), "Other")
            kind = a.get("annotationType")
            lines: list[str] = []
            if kind in ("highlight", "underline"):
                quote = " ".join(a.get("annotationText", "").split())
                lines.append(f"> {quote} ([p. {page}]({link}))")
            elif kind == "note":
                lines.append(f"- Note on [p. {page}]({link})")
            else:
                lines.append(f"- {kind.capitalize()} annotation on [p. {page}]({link})")
            if a.get("annotationComment"):
                lines.append("")
                lines.append(a["annotationComment"].strip())
            sections.setdefault(heading, []).append("\n".join(lines))
    order = list(dict.fromkeys(list(colours.values()) + ["Other"]))
    body = []
    for h in order:
        if h in sections:
            body.append(f"## {h}\n\n" + "\n\n".join(sections[h]))
    return "\n\n".join(body) or "_No annotations yet._", count


def write_note(out_dir: Path, data: dict, item_key: str, annotations: str, dry_run: bool) -> Path:
    key = citekey(data)
    path = out_dir / f"{key}.md"
    block = f"{START}\n{annotations}\n{END}"
    if path.exists():
        text = path.read_text(encoding="utf-8")
        if START in text and END in text:
            new = text[:text.index(START)] + block + text[text.index(END) + len(END):]
        else:
            new = text.rstrip() + "\n\n" + block + "\n"
    else:
        names = [f'{c.get("firstName", "")} {c.get("lastName", c.get("name", ""))}'.strip()
                 for c in data.get("creators", [])]
        authors = ", ".join(json.dumps(n) for n in names)
        year = (re.search(r"\d{4}", data.get("date", "")) or [""])[0]
        new = (TEMPLATE.read_text(encoding="utf-8")
               .replace("{{citekey}}", key)
               .replace("{{title}}", data.get("title", "").replace('"', "'"))
               .replace("{{authors}}", authors)
               .replace("{{year}}", year)
               .replace("{{doi}}", data.get("DOI", ""))
               .replace("{{item_key}}", item_key)
               .replace("{{short_citation}}", short_citation(data))
               .replace(f"{START}\n{{{{annotations}}}}\n{END}", block))
    if dry_run:
        print(f"----- {path} -----\n{new}")
    else:
        out_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(new, encoding="utf-8")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--local", action="store_true")
    ap.add_argument("--group")
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("search")
    s.add_argument("query")
    e = sub.add_parser("export")
    e.add_argument("item", nargs="?")
    e.add_argument("--collection")
    e.add_argument("--out", type=Path, required=True)
    e.add_argument("--colours", type=Path)
    e.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()
    client = Client(args.local, args.group)

    if args.cmd == "search":
        for it in client.get("/items/top", q=args.query, qmode="titleCreatorYear"):
            d = it["data"]
            n = it.get("meta", {}).get("numChildren", 0)
            print(f"{d['key']}  {short_citation(d):<28} {d.get('title', '')[:70]}  [{n} children]")
        return

    colours = DEFAULT_COLOURS
    if args.colours:
        colours = {k.lower(): v for k, v in json.loads(args.colours.read_text()).items()}
    keys: list[str] = []
    if args.collection:
        cols = client.get("/collections")
        wanted = args.collection.split("/")[-1]
        match = [c for c in cols if c["data"]["name"] == wanted]
        if not match:
            sys.exit(f"error: no collection named {wanted!r}")
        keys = [it["key"] for it in client.get(f"/collections/{match[0]['key']}/items/top")]
    elif args.item:
        keys = [args.item]
    else:
        ap.error("give an item key or --collection")

    for k in keys:
        data = client.get(f"/items/{k}")["data"]
        annotations, n = render_annotations(client, k, colours)
        path = write_note(args.out.expanduser(), data, k, annotations, args.dry_run)
        print(f"{path}: {n} annotations")


if __name__ == "__main__":
    main()
