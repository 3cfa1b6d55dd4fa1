#!/usr/bin/env python3
"""Small polite crawler that extracts SEO-relevant fields per page into JSON."""
import argparse
import functools
import http.server
import json
import os
import threading
import time
import urllib.parse
import urllib.request
import urllib.robotparser
from html.parser import HTMLParser

UA = "seo-audit-skill/1.4 (+local)"


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.title, self.in_title = "", False
        self.meta, self.links, self.h, self.imgs, self.canonical, self.hreflang, self.jsonld = {}, [], [], [], None, [], []
        self._in_ld, self._ld = False, ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "title":
            self.in_title = True
        elif tag == "meta" and a.get("name"):
            self.meta[a["name"].lower()] = a.get("content", "")
        elif tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href")
        elif tag == "link" and a.get("rel") == "alternate" and a.get("hreflang"):
            self.hreflang.append((a["hreflang"], a.get("href")))
        elif tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.h.append(tag)
        elif tag == "img":
            self.imgs.append({"src": a.get("src"), "alt": a.get("alt"), "loading": a.get("loading")})
        elif tag == "script" and a.get("type") == "application/ld+json":
            self._in_ld = True

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag == "script" and self._in_ld:
            self.jsonld.append(self._ld)
            self._in_ld, self._ld = False, ""

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        if self._in_ld:
            self._ld += data


def serve(folder, port=4173):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=folder)
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{port}/"


def fetch(url):
    req = urllib.request.Request(url, headers={"User-Agent": UA})
    try:
        with urllib.request.urlopen(req, timeout=15) as r:
            return r.status, r.geturl(), dict(r.headers), r.read(2_000_000).decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, url, dict(e.headers or {}), ""
    except OSError as e:
        return 0, url, {}, str(e)


def crawl(start, max_pages, ignore_robots):
    origin = "{0.scheme}://{0.netloc}".format(urllib.parse.urlsplit(start))
    rp = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
    try:
        rp.read()
    except OSError:
        rp = None
    seen, queue, pages = set(), [start], []
    while queue and len(pages) < max_pages:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        if rp and not ignore_robots and not rp.can_fetch(UA, url):
            pages.append({"url": url, "blocked_by_robots": True})
            continue
        status, final, headers, body = fetch(url)
        p = PageParser()
        if "html" in headers.get("Content-Type", ""):
            p.feed(body)
        pages.append({
            "url": url, "status": status, "final_url": final, "bytes": len(body),
            "x_robots": headers.get("X-Robots-Tag"), "title": p.title.strip(), "meta": p.meta,
            "canonical": p.canonical, "hreflang": p.hreflang, "headings": p.h, "images": p.imgs,
            "jsonld": p.jsonld, "links": p.links,
        })
        for href in p.links:
            absu = urllib.parse.urljoin(url, href).split("#")[0]
            if absu.startswith(origin) and absu not in seen:
                queue.append(absu)
        time.sleep(0.25)
    return pages


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--start", required=True)
    ap.add_argument("--max-pages", type=int, default=500)
    ap.add_argument("--ignore-robots", action="store_true")
    ap.add_argument("--out", default="audit.json")
    a = ap.parse_args()
    start = serve(a.start) if os.path.isdir(a.start) else a.start
    pages = crawl(start, a.max_pages, a.ignore_robots)
    json.dump(pages, open(a.out, "w"), indent=1)
    print(f"{len(pages)} pages -> {a.out}")


if __name__ == "__main__":
    main()
