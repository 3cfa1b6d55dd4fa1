#!/usr/bin/env python3
"""Check links in Markdown files."""
import argparse
import asyncio
import json
import os
import re
import sys
from pathlib import Path

import aiohttp
from bs4 import BeautifulSoup
from colorama import Fore, Style, init as color_init
from markdown_it import MarkdownIt
from mdlinkcheck_slugs import github_slug

color_init()
md = MarkdownIt("commonmark").enable("table")


def md_files(paths):
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(p.rglob("*.md"))
        elif p.suffix.lower() in (".md", ".markdown"):
            yield p


def extract(path: Path):
    text = path.read_text(encoding="utf-8", errors="replace")
    links, anchors = [], set()
    for i, line in enumerate(text.splitlines(), 1):
        if m := re.match(r"^#{1,6}\s+(.*?)\s*(\{#([\w-]+)\})?\s*$", line):
            anchors.add(m.group(3) or github_slug(m.group(1)))
        for m in re.finditer(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)", line):
            links.append((i, m.group(1)))
        for m in re.finditer(r"<(https?://[^>]+)>", line):
            links.append((i, m.group(1)))
        if "<" in line:
            for tag in BeautifulSoup(line, "html.parser").find_all(["a", "img"]):
                u = tag.get("href") or tag.get("src")
                if u:
                    links.append((i, u))
    for m in re.finditer(r"^\[[^\]]+\]:\s*(\S+)", text, re.M):
        links.append((text[: m.start()].count("\n") + 1, m.group(1)))
    return links, anchors


async def check_url(session, url, timeout):
    try:
        async with session.head(url, allow_redirects=False, timeout=timeout) as r:
            if r.status in (405, 403):
                async with session.get(url, allow_redirects=False, timeout=timeout) as g:
                    return g.status, g.headers.get("Location")
            return r.status, r.headers.get("Location")
    except Exception as e:  # noqa: BLE001
        return "ERR", str(e)


async def main_async(a):
    files = list(md_files(a.paths))
    index = {f.resolve(): extract(f) for f in files}
    problems = []
    ext = []
    for f in files:
        links, _ = index[f.resolve()]
        for line, url in links:
            if any(re.search(p, url) for p in a.ignore):
                continue
            if url.startswith(("http://", "https://")):
                ext.append((f, line, url))
            elif url.startswith("#"):
                if url[1:] not in index[f.resolve()][1]:
                    problems.append((str(f), line, "ANCHOR", url))
            elif not url.startswith(("mailto:", "tel:")):
                target, _, frag = url.partition("#")
                t = (f.parent / target).resolve()
                if t.is_dir():
                    t = next((t / n for n in ("README.md", "index.md") if (t / n).exists()), t)
                if not t.exists():
                    problems.append((str(f), line, "FILE", url))
                elif frag and t in index and frag not in index[t][1]:
                    problems.append((str(f), line, "ANCHOR", url))
    if a.external and ext:
        headers = {"User-Agent": "md-link-checker/1.4"}
        if os.environ.get("GITHUB_TOKEN"):
            headers["Authorization"] = f"Bearer {os.environ['GITHUB_TOKEN']}"
        sem = asyncio.Semaphore(a.concurrency)
        async with aiohttp.ClientSession(headers=headers) as s:
            async def one(f, line, url):
                async with sem:
                    st, loc = await check_url(s, url, aiohttp.ClientTimeout(total=a.timeout))
                if st == "ERR" or (isinstance(st, int) and st >= 400 and st not in (403, 429, 999)):
                    problems.append((str(f), line, str(st), url))
                elif st in (403, 999):
                    problems.append((str(f), line, "BLOCKED", url))
                elif st in (301, 308) and loc:
                    problems.append((str(f), line, str(st), f"{url} → {loc}"))
            await asyncio.gather(*(one(*e) for e in ext))
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--external", action=argparse.BooleanOptionalAction, default=True)
    ap.add_argument("--timeout", type=float, default=10)
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--ignore", action="append", default=[])
    ap.add_argument("--fix-redirects", action="store_true")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    problems = sorted(asyncio.run(main_async(a)))
    if a.json:
        print(json.dumps([dict(zip(("file", "line", "kind", "url"), p)) for p in problems], indent=2))
    else:
        for f, line, kind, url in problems:
            col = Fore.YELLOW if kind in ("301", "308", "BLOCKED") else Fore.RED
            print(f"{f}:{line:<5} {col}{kind:<7}{Style.RESET_ALL} {url}")
    sys.exit(1 if any(k not in ("301", "308", "BLOCKED") for _, _, k, _ in problems) else 0)


if __name__ == "__main__":
    main()
