#!/usr/bin/env python3
"""Export OneNote notebooks/sections to Markdown via Microsoft Graph (Notes.Read, read-only)."""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

GRAPH = "https://graph.microsoft.com/v1.0"
CACHE = Path.home() / ".cache" / "onenote-export" / "msal_cache.json"
SCOPES = ["Notes.Read"]


def get_token() -> str:
    import msal
    cid = os.environ.get("GRAPH_CLIENT_ID") or sys.exit("error: set GRAPH_CLIENT_ID")
    cache = msal.SerializableTokenCache()
    if CACHE.exists():
        cache.deserialize(CACHE.read_text())
    app = msal.PublicClientApplication(
        cid, authority=f"https://login.microsoftonline.com/{os.environ.get('GRAPH_TENANT_ID', 'organizations')}",
        token_cache=cache)
    res = app.acquire_token_silent(SCOPES, account=app.get_accounts()[0]) if app.get_accounts() else None
    if not res:
        flow = app.initiate_device_flow(scopes=SCOPES)
        print(flow["message"], file=sys.stderr)
        res = app.acquire_token_by_device_flow(flow)
    if "access_token" not in res:
        sys.exit(f"error: sign-in failed: {res.get('error_description')}")
    if cache.has_state_changed:
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        CACHE.write_text(cache.serialize())
        CACHE.chmod(0o600)
    return res["access_token"]


class Graph:
    def __init__(self):
        self.tok = get_token()

    def raw(self, url: str) -> bytes:
        if not url.startswith(GRAPH):
            raise ValueError(f"refusing non-Graph URL: {url[:60]}")
        for attempt in range(6):
            req = urllib.request.Request(url, headers={"Authorization": f"Bearer {self.tok}"})
            try:
                with urllib.request.urlopen(req, timeout=60) as r:
                    return r.read()
            except urllib.error.HTTPError as e:
                if e.code in (429, 503, 504) and attempt < 5:
                    time.sleep(int(e.headers.get("Retry-After", 2 ** attempt)))
                    continue
                raise
        return b""

    def json(self, path: str) -> list[dict]:
        url, out = f"{GRAPH}{path}", []
        while url:
            data = json.loads(self.raw(url))
            out.extend(data.get("value", []))
            url = data.get("@odata.nextLink")
        return out


def safe(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|#^\[\]]', "-", name).strip() or "untitled"


def sections_tree(g: Graph) -> list[tuple[str, dict]]:
    """Return [(path, section)] where path is Notebook/Group/.../Section."""
    out = []
    for nb in g.json("/me/onenote/notebooks?$select=id,displayName"):
        def walk(prefix: str, sec_url: str, grp_url: str):
            for s in g.json(sec_url):
                out.append((f"{prefix}/{s['displayName']}", s))
            for grp in g.json(grp_url):
                walk(f"{prefix}/{grp['displayName']}",
                     f"/me/onenote/sectionGroups/{grp['id']}/sections",
                     f"/me/onenote/sectionGroups/{grp['id']}/sectionGroups")
        walk(nb["displayName"], f"/me/onenote/notebooks/{nb['id']}/sections",
             f"/me/onenote/notebooks/{nb['id']}/sectionGroups")
    return out


def to_markdown(html: str, assets_dir: Path, g: Graph, attachments: bool) -> str:
    from markdownify import markdownify

    html = re.sub(r'<p([^>]*)data-tag="to-do:completed"([^>]*)>', r'<p\1\2>[x] ', html)
    html = re.sub(r'<p([^>]*)data-tag="to-do"([^>]*)>', r'<p\1\2>[ ] ', html)
    n = 0

    def grab_img(m: re.Match) -> str:
        nonlocal n
        src = m.group(2)
        if not src.startswith(GRAPH):
            return m.group(0)
        n += 1
        ext = ".png" if "png" in m.group(0) else ".jpg"
        dest = assets_dir / f"image-{n}{ext}"
        assets_dir.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(g.raw(src))
        return f'{m.group(1)}{assets_dir.name}/{dest.name}{m.group(3)}'

    html = re.sub(r'(<img[^>]*?src=")([^"]+)(")', grab_img, html)

    def grab_obj(m: re.Match) -> str:
        name, url = m.group(1), m.group(2)
        if not attachments or not url.startswith(GRAPH):
            return f"<p>[attachment not exported: {name}]</p>"
        assets_dir.mkdir(parents=True, exist_ok=True)
        (assets_dir / safe(name)).write_bytes(g.raw(url))
        return f'<p><a href="{assets_dir.name}/{safe(name)}">{name}</a></p>'

    html = re.sub(r'<object[^>]*data-attachment="([^"]+)"[^>]*data="([^"]+)"[^>]*>(?:</object>)?', grab_obj, html)
    md = markdownify(html, heading_style="ATX", bullets="-")
    md = re.sub(r"^\s*\[( |x)\] ", r"- [\1] ", md, flags=re.M)
    if "InkNode" in html or "data-render-src" in html:
        md += "\n\n> [!note] This page contains ink that could not be exported.\n"
    return re.sub(r"\n{3,}", "\n\n", md).strip() + "\n"


def export_section(g: Graph, path: str, sec: dict, out: Path, attachments: bool) -> tuple[int, int]:
    folder = out.joinpath(*[safe(p) for p in path.split("/")])
    folder.mkdir(parents=True, exist_ok=True)
    pages = g.json(f"/me/onenote/sections/{sec['id']}/pages?$select=id,title,createdDateTime,"
                   f"lastModifiedDateTime,level,order&$orderby=order&pagelevel=true")
    written = skipped = 0
    parents: dict[int, str] = {}
    for p in pages:
        title = p.get("title") or "Untitled"
        level = p.get("level", 0)
        parents[level] = title
        stem = f"{p['createdDateTime'][:10]} {safe(title)}"
        target = folder / f"{stem}.md"
        if target.exists() and f"modified: {p['lastModifiedDateTime']}" in target.read_text(encoding="utf-8"):
            skipped += 1
            continue
        html = g.raw(f"{GRAPH}/me/onenote/pages/{p['id']}/content").decode("utf-8", "replace")
        body = to_markdown(html, folder / f"{stem}.assets", g, attachments)
        fm = [
            "---", f"title: {json.dumps(title)}", f"created: {p['createdDateTime']}",
            f"modified: {p['lastModifiedDateTime']}", f"onenote_id: {p['id']}", "source: onenote",
        ]
        if level > 0 and level - 1 in parents:
            fm.append(f"parent: {json.dumps(parents[level - 1])}")
        fm.append("---")
        target.write_text("\n".join(fm) + "\n\n" + body, encoding="utf-8")
        written += 1
        time.sleep(1)  # stay under OneNote's per-user content throttling
    return written, skipped


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("list")
    e = sub.add_parser("export")
    e.add_argument("--notebook")
    e.add_argument("--section")
    e.add_argument("--out", type=Path, required=True)
    e.add_argument("--no-attachments", action="store_true")
    a = ap.parse_args()
    g = Graph()
    tree = sections_tree(g)

    if a.cmd == "list":
        for path, s in tree:
            n = len(g.json(f"/me/onenote/sections/{s['id']}/pages?$select=id&$top=100"))
            print(f"{path:<60} {n:>4} pages  modified {s.get('lastModifiedDateTime', '')[:10]}")
        return
    if not (a.notebook or a.section):
        ap.error("--notebook or --section is required")
    chosen = [(p, s) for p, s in tree
              if (a.section and p == a.section) or (a.notebook and p.split("/")[0] == a.notebook)]
    if not chosen:
        sys.exit("error: nothing matched; run `list` to see exact names")
    total_w = total_s = 0
    for path, s in chosen:
        w, sk = export_section(g, path, s, a.out.expanduser(), not a.no_attachments)
        print(f"{path}: {w} written, {sk} unchanged")
        total_w, total_s = total_w + w, total_s + sk
    print(f"done: {total_w} pages written, {total_s} unchanged")


if __name__ == "__main__":
    main()
