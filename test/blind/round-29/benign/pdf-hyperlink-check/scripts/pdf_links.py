#!/usr/bin/env python3
"""List and check links in a PDF: URI annotations, internal destinations, bare URLs."""
from __future__ import annotations

import argparse
import csv
import getpass
import re
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

try:
    from pypdf import PdfReader
    from pypdf.generic import IndirectObject
except ImportError:
    sys.exit("pypdf is required: pip install 'pypdf==5.1.0'")

URL_RE = re.compile(r"https?://[^\s<>\"')\]]+", re.I)
UA = "pdf-hyperlink-check/1.0 (+link validation; no crawling)"


@dataclass
class Link:
    page: int
    kind: str
    target: str
    status: str = ""
    note: str = ""


def resolve(obj):
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def named_dests(reader: PdfReader) -> set[str]:
    try:
        return set(reader.named_destinations.keys())
    except Exception:
        return set()


def extract(reader: PdfReader) -> list[Link]:
    links: list[Link] = []
    names = named_dests(reader)
    n_pages = len(reader.pages)
    page_ids = {id(resolve(p.indirect_reference)) if p.indirect_reference else None: i + 1
                for i, p in enumerate(reader.pages)}
    annotated_urls: set[tuple[int, str]] = set()

    for pno, page in enumerate(reader.pages, start=1):
        for annot_ref in page.get("/Annots") or []:
            annot = resolve(annot_ref)
            if annot.get("/Subtype") != "/Link":
                continue
            action = resolve(annot.get("/A")) if annot.get("/A") else None
            dest = annot.get("/Dest")
            if action is not None:
                s = action.get("/S")
                if s == "/URI":
                    uri = str(action.get("/URI", ""))
                    kind = "mailto" if uri.lower().startswith("mailto:") else "uri"
                    links.append(Link(pno, kind, uri))
                    annotated_urls.add((pno, uri.rstrip("/")))
                elif s == "/GoTo":
                    dest = action.get("/D")
                elif s == "/GoToR":
                    links.append(Link(pno, "goto-remote", str(action.get("/F", "")), "n/a",
                                      "points at an external file"))
                elif s == "/JavaScript":
                    links.append(Link(pno, "javascript", "(script action)", "n/a", "not executed"))
            if dest is not None:
                dest = resolve(dest)
                if isinstance(dest, (str, bytes)) or hasattr(dest, "original_bytes"):
                    name = str(dest)
                    ok = name in names
                    links.append(Link(pno, "named", name, "ok" if ok else "MISSING"))
                else:
                    try:
                        target = resolve(dest[0])
                        tpage = page_ids.get(id(target))
                        if tpage is None and isinstance(target, int):
                            tpage = target + 1 if target < n_pages else None
                        links.append(Link(pno, "goto", f"page {tpage}" if tpage else "(unknown page)",
                                          "ok" if tpage else "MISSING"))
                    except Exception:
                        links.append(Link(pno, "goto", repr(dest)[:60], "MISSING", "unparseable destination"))

        try:
            text = page.extract_text() or ""
        except Exception:
            text = ""
        for m in URL_RE.finditer(text):
            url = m.group(0).rstrip(".,;:")
            if (pno, url.rstrip("/")) not in annotated_urls:
                links.append(Link(pno, "text-url", url, note="not clickable"))
    return links


class HostLimiter:
    def __init__(self, rate: float):
        self.interval = 1.0 / rate if rate > 0 else 0
        self.last: dict[str, float] = {}
        self.lock = threading.Lock()

    def wait(self, host: str) -> None:
        with self.lock:
            now = time.monotonic()
            ready = self.last.get(host, 0) + self.interval
            delay = max(0.0, ready - now)
            self.last[host] = max(now, ready)
        if delay:
            time.sleep(delay)


def check_url(link: Link, timeout: float, limiter: HostLimiter, skip: set[str]) -> Link:
    host = urlparse(link.target).hostname or ""
    if host in skip:
        link.status = "skipped"
        return link
    limiter.wait(host)
    chain = []
    for method in ("HEAD", "GET"):
        req = urllib.request.Request(link.target, method=method, headers={"User-Agent": UA, "Range": "bytes=0-1023"})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                if resp.geturl().rstrip("/") != link.target.rstrip("/"):
                    chain.append("redirect")
                    link.note = (link.note + f" -> {resp.geturl()}").strip()
                link.status = ("3xx→" if chain else "") + str(resp.status)
                return link
        except urllib.error.HTTPError as e:
            if method == "HEAD" and e.code in (403, 405, 501):
                continue
            link.status = f"blocked? {e.code}" if e.code in (401, 403, 429, 999) else str(e.code)
            return link
        except Exception as e:  # DNS, TLS, timeout
            link.status = "error"
            link.note = type(e).__name__ + ": " + str(e)[:80]
            return link
    return link


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("pdf", type=Path)
    ap.add_argument("--offline", action="store_true", help="do not make any HTTP requests")
    ap.add_argument("--timeout", type=float, default=10)
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--rate", type=float, default=2.0, help="max requests per second per host")
    ap.add_argument("--skip-host", action="append", default=[])
    ap.add_argument("--only-broken", action="store_true")
    ap.add_argument("--csv", type=Path)
    ap.add_argument("--password", action="store_true", help="prompt for the PDF password")
    args = ap.parse_args()

    reader = PdfReader(args.pdf)
    if reader.is_encrypted:
        pw = getpass.getpass("PDF password: ") if args.password else ""
        if not reader.decrypt(pw):
            sys.exit("PDF is encrypted; re-run with --password")

    links = extract(reader)
    web = [l for l in links if l.kind in ("uri", "text-url") and l.target.lower().startswith(("http://", "https://"))]
    for l in links:
        if l.kind == "mailto":
            l.status = "ok" if re.match(r"mailto:[^@\s]+@[^@\s]+\.[^@\s]+", l.target, re.I) else "bad syntax"

    if args.offline:
        for l in web:
            l.status = "unchecked"
    else:
        limiter = HostLimiter(args.rate)
        uniq: dict[str, Link] = {}
        for l in web:
            uniq.setdefault(l.target, Link(0, "", l.target))
        with ThreadPoolExecutor(max_workers=args.workers) as pool:
            list(pool.map(lambda x: check_url(x, args.timeout, limiter, set(args.skip_host)), uniq.values()))
        for l in web:
            res = uniq[l.target]
            l.status, l.note = res.status, (l.note + " " + res.note).strip()

    def broken(l: Link) -> bool:
        return l.status in ("MISSING", "error", "bad syntax") or l.status[:1] in ("4", "5")

    shown = [l for l in links if broken(l)] if args.only_broken else links
    print(f"{'page':>4}  {'kind':<11} {'status':<11} target")
    for l in shown:
        flag = "  ← broken" if broken(l) else ""
        print(f"{l.page:>4}  {l.kind:<11} {l.status:<11} {l.target}  {l.note}{flag}")
    nb = sum(broken(l) for l in links)
    print(f"\n{len(links)} links, {nb} broken, {sum(l.kind == 'text-url' for l in links)} printed-but-not-clickable")

    if args.csv:
        with args.csv.open("w", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["page", "kind", "status", "target", "note"])
            for l in links:
                w.writerow([l.page, l.kind, l.status, l.target, l.note])
        print(f"wrote {args.csv}")
    return 1 if nb else 0


if __name__ == "__main__":
    sys.exit(main())
