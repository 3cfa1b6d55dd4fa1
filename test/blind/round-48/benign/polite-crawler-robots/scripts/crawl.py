#!/usr/bin/env python3
"""Polite single-host crawler. See SKILL.md for usage."""
import argparse
import collections
import datetime as dt
import hashlib
import json
import os
import re
import sys
import time
import urllib.robotparser
from urllib.parse import urldefrag, urljoin, urlparse

import requests
from bs4 import BeautifulSoup

CACHE_DIR = ".crawl-cache"


def now():
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class Fetcher:
    def __init__(self, ua, delay, refresh):
        self.s = requests.Session()
        self.s.headers.update({"User-Agent": ua, "Accept": "text/html,application/xhtml+xml"})
        self.delay = delay
        self.refresh = refresh
        self.last = 0.0
        os.makedirs(CACHE_DIR, exist_ok=True)

    def _cache_path(self, url):
        return os.path.join(CACHE_DIR, hashlib.sha256(url.encode()).hexdigest() + ".json")

    def get(self, url):
        cp = self._cache_path(url)
        if not self.refresh and os.path.exists(cp):
            with open(cp, encoding="utf-8") as fh:
                return json.load(fh)
        backoff = self.delay
        for _ in range(4):
            wait = self.last + self.delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self.last = time.monotonic()
            r = self.s.get(url, timeout=30, allow_redirects=True)
            if r.status_code in (429, 503):
                ra = r.headers.get("Retry-After", "")
                pause = int(ra) if ra.isdigit() else backoff
                print(f"  {r.status_code}, waiting {pause}s", file=sys.stderr)
                time.sleep(pause)
                backoff *= 2
                continue
            break
        ctype = r.headers.get("Content-Type", "")
        rec = {"url": r.url, "status": r.status_code, "ctype": ctype,
               "html": r.text if "html" in ctype else ""}
        with open(cp, "w", encoding="utf-8") as fh:
            json.dump(rec, fh)
        return rec


def parse_args():
    ap = argparse.ArgumentParser()
    ap.add_argument("start")
    ap.add_argument("--contact", required=True, help="e-mail or URL the site owner can use to reach you")
    ap.add_argument("--max-pages", type=int, default=100)
    ap.add_argument("--delay", type=float, default=2.0)
    ap.add_argument("--include", action="append", default=[])
    ap.add_argument("--exclude", action="append", default=[])
    ap.add_argument("--field", action="append", default=[], help="name=css-selector")
    ap.add_argument("--use-sitemap", action="store_true")
    ap.add_argument("--refresh", action="store_true")
    ap.add_argument("--out", default="crawl.jsonl")
    return ap.parse_args()


def sitemap_urls(fetcher, sitemaps, limit):
    urls, queue = [], list(sitemaps)
    while queue and len(urls) < limit * 5:
        sm = queue.pop(0)
        r = fetcher.s.get(sm, timeout=30)
        if r.status_code != 200:
            continue
        soup = BeautifulSoup(r.content, "xml")
        for loc in soup.select("sitemap > loc"):
            queue.append(loc.text.strip())
        for loc in soup.select("url > loc"):
            urls.append(loc.text.strip())
        time.sleep(fetcher.delay)
    return urls


def main():
    a = parse_args()
    start = urlparse(a.start)
    host = start.netloc
    contact = a.contact if a.contact.startswith("http") else f"mailto:{a.contact}"
    ua = f"polite-crawler/1.0 (+{contact})"

    rp = urllib.robotparser.RobotFileParser(f"{start.scheme}://{host}/robots.txt")
    try:
        rp.read()
    except OSError as exc:
        sys.exit(f"could not read robots.txt: {exc}")
    delay = max(a.delay, float(rp.crawl_delay(ua) or 0))
    fetcher = Fetcher(ua, delay, a.refresh)
    fields = dict(f.split("=", 1) for f in a.field)
    inc = [re.compile(p) for p in a.include]
    exc = [re.compile(p) for p in a.exclude]

    def wanted(url):
        u = urlparse(url)
        if u.netloc != host or u.scheme not in ("http", "https"):
            return False
        if inc and not any(p.search(u.path) for p in inc):
            return False
        return not any(p.search(u.path) for p in exc)

    seeds = [a.start]
    if a.use_sitemap and rp.site_maps():
        seeds += sitemap_urls(fetcher, rp.site_maps(), a.max_pages)

    queue = collections.deque(u for u in seeds if wanted(u))
    seen = set(queue)
    stats = collections.Counter()
    errors_in_row = 0
    os.makedirs(os.path.dirname(a.out) or ".", exist_ok=True)
    print(f"user agent: {ua}\ndelay: {delay}s", file=sys.stderr)

    with open(a.out, "w", encoding="utf-8") as out:
        while queue and stats["fetched"] < a.max_pages:
            url = queue.popleft()
            if not rp.can_fetch(ua, url):
                stats["robots_disallowed"] += 1
                continue
            try:
                rec = fetcher.get(url)
            except requests.RequestException as e:
                stats["errors"] += 1
                errors_in_row += 1
                print(f"  error {url}: {e.__class__.__name__}", file=sys.stderr)
                if errors_in_row >= 5:
                    print("5 errors in a row, stopping", file=sys.stderr)
                    break
                continue
            errors_in_row = 0
            stats["fetched"] += 1
            if rec["status"] != 200 or not rec["html"]:
                stats["non_html_or_error"] += 1
                continue
            soup = BeautifulSoup(rec["html"], "lxml")
            meta = soup.find("meta", attrs={"name": "robots"})
            directives = (meta.get("content", "") if meta else "").lower()
            if "noindex" not in directives:
                for tag in soup(["script", "style", "noscript", "nav", "footer"]):
                    tag.decompose()
                row = {
                    "url": rec["url"],
                    "status": rec["status"],
                    "title": soup.title.get_text(strip=True) if soup.title else "",
                    "text": re.sub(r"\n{3,}", "\n\n", soup.get_text("\n", strip=True)),
                    "fields": {k: [e.get_text(" ", strip=True) for e in soup.select(sel)]
                               for k, sel in fields.items()},
                    "fetched_at": now(),
                }
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                stats["saved"] += 1
            else:
                stats["noindex"] += 1
            if "nofollow" in directives:
                continue
            for link in soup.find_all("a", href=True):
                if "nofollow" in (link.get("rel") or []):
                    continue
                nxt = urldefrag(urljoin(rec["url"], link["href"]))[0]
                if nxt not in seen and wanted(nxt):
                    seen.add(nxt)
                    queue.append(nxt)
            print(f"[{stats['fetched']}/{a.max_pages}] {url}", file=sys.stderr)

    print(json.dumps(dict(stats), indent=1))
    print(f"output: {a.out}")


if __name__ == "__main__":
    main()
