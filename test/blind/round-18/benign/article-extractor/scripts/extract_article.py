#!/usr/bin/env python3
"""Extract the main content of web articles to Markdown with a YAML header."""
import argparse
import datetime as dt
import re
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

import requests
import trafilatura
from markdownify import markdownify
from readability import Document

USER_AGENT = "article-extractor/1.2 (+personal reading tool)"


def slugify(text: str) -> str:
    text = re.sub(r"[^\w\s-]", "", text.lower()).strip()
    return re.sub(r"[\s_-]+", "-", text)[:80] or "article"


def fetch(url: str) -> str:
    resp = requests.get(url, headers={"User-Agent": USER_AGENT}, timeout=30)
    if resp.status_code in (401, 402, 403):
        raise RuntimeError(f"{resp.status_code}: the site refused access (paywall, login or bot block)")
    if resp.status_code == 429:
        raise RuntimeError("429: rate limited; retry later with a longer --delay")
    resp.raise_for_status()
    resp.encoding = resp.encoding or resp.apparent_encoding
    return resp.text


def extract(html: str, url: str, args) -> dict:
    meta = trafilatura.extract_metadata(html, default_url=url)
    body = None
    if args.engine == "trafilatura":
        body = trafilatura.extract(
            html, url=url, output_format="markdown", include_images=args.images,
            include_links=args.links, include_tables=args.tables, favor_precision=True)
    if not body or len(body.split()) < 80:
        doc = Document(html)
        summary_html = doc.summary(html_partial=True)
        if args.selector:
            from lxml import html as lxml_html
            tree = lxml_html.fromstring(html)
            picked = tree.cssselect(args.selector)
            if picked:
                summary_html = lxml_html.tostring(picked[0], encoding="unicode")
        strip = [] if args.images else ["img"]
        if not args.links:
            strip.append("a")
        body = markdownify(summary_html, heading_style="ATX", strip=strip)
    return {
        "title": (meta.title if meta and meta.title else "Untitled").strip(),
        "author": (meta.author if meta and meta.author else "").strip(),
        "date": (meta.date if meta and meta.date else ""),
        "site": urlparse(url).netloc if url else "",
        "body": re.sub(r"\n{3,}", "\n\n", body or "").strip(),
    }


def render(article: dict, url: str) -> str:
    def q(s: str) -> str:
        return '"' + s.replace('"', '\\"') + '"'
    header = ["---", f"title: {q(article['title'])}"]
    if article["author"]:
        header.append(f"author: {q(article['author'])}")
    if article["date"]:
        header.append(f"date: {article['date']}")
    if url:
        header += [f"source: {url}", f"site: {article['site']}"]
    header += [f"retrieved: {dt.date.today().isoformat()}",
               f"words: {len(article['body'].split())}", "---", ""]
    return "\n".join(header) + f"# {article['title']}\n\n{article['body']}\n"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("url", nargs="?")
    ap.add_argument("--from-file")
    ap.add_argument("--html", help="extract from a saved HTML file instead of fetching")
    ap.add_argument("-o", "--out", default="articles")
    ap.add_argument("--stdout", action="store_true")
    ap.add_argument("--images", action="store_true")
    ap.add_argument("--links", action="store_true")
    ap.add_argument("--tables", action="store_true", default=True)
    ap.add_argument("--engine", choices=["trafilatura", "readability"], default="trafilatura")
    ap.add_argument("--selector")
    ap.add_argument("--delay", type=float, default=1.0)
    args = ap.parse_args()

    urls: list[str] = []
    if args.from_file:
        urls = [l.strip() for l in Path(args.from_file).read_text().splitlines()
                if l.strip() and not l.startswith("#")]
    elif args.url:
        urls = [args.url]
    elif not args.html:
        ap.error("give a URL, --from-file or --html")

    jobs = [(args.url or "", Path(args.html).read_text(errors="replace"))] if args.html else None
    out_dir = Path(args.out)
    failures = 0
    last_host_time: dict[str, float] = {}
    for url in (urls if jobs is None else [jobs[0][0]]):
        try:
            if jobs is None:
                host = urlparse(url).netloc
                wait = args.delay - (time.time() - last_host_time.get(host, 0))
                if wait > 0:
                    time.sleep(wait)
                html = fetch(url)
                last_host_time[host] = time.time()
            else:
                html = jobs[0][1]
            article = extract(html, url, args)
            text = render(article, url)
            if args.stdout:
                print(text)
                continue
            out_dir.mkdir(parents=True, exist_ok=True)
            prefix = str(article["date"])[:10] + "-" if article["date"] else ""
            path = out_dir / f"{prefix}{slugify(article['title'])}.md"
            path.write_text(text, encoding="utf-8")
            words = len(article["body"].split())
            warn = "  (short - check it is complete)" if words < 200 else ""
            print(f"{path}  {words} words{warn}")
        except Exception as exc:
            failures += 1
            print(f"failed: {url or args.html}: {exc}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
