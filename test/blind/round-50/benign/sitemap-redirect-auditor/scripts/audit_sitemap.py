#!/usr/bin/env python3
"""Audit URLs listed in an XML sitemap: status, redirects, canonicals, robots meta."""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import os
import re
import sys
import time
import urllib.robotparser
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urljoin, urlparse
from xml.etree import ElementTree as ET

import requests
from bs4 import BeautifulSoup

UA = "sitemap-redirect-auditor/1.4 (+site owner audit; contact via site admin)"
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


class Crawler:
    def __init__(self, rate: float, auth: tuple[str, str] | None, auth_host: str):
        self.s = requests.Session()
        self.s.headers["User-Agent"] = UA
        self.delay = 1.0 / rate
        self.auth, self.auth_host = auth, auth_host
        self.last = 0.0

    def get(self, url: str, **kw) -> requests.Response:
        wait = self.delay - (time.time() - self.last)
        if wait > 0:
            time.sleep(wait)
        self.last = time.time()
        auth = self.auth if urlparse(url).hostname == self.auth_host else None
        return self.s.get(url, timeout=20, auth=auth, **kw)


def read_sitemap(c: Crawler, url: str, seen: set[str]) -> list[tuple[str, str]]:
    if url in seen:
        return []
    seen.add(url)
    r = c.get(url)
    r.raise_for_status()
    body = r.content
    if url.endswith(".gz") or body[:2] == b"\x1f\x8b":
        body = gzip.decompress(body)
    root = ET.fromstring(body)
    out: list[tuple[str, str]] = []
    if root.tag.endswith("sitemapindex"):
        for loc in root.findall("sm:sitemap/sm:loc", NS):
            out += read_sitemap(c, loc.text.strip(), seen)
    else:
        for u in root.findall("sm:url", NS):
            loc = u.find("sm:loc", NS)
            lm = u.find("sm:lastmod", NS)
            if loc is not None and loc.text:
                out.append((loc.text.strip(), lm.text.strip() if lm is not None and lm.text else ""))
    return out


def follow(c: Crawler, url: str, max_hops: int = 10) -> dict:
    hops, chain, cur = 0, [url], url
    t0 = time.time()
    while True:
        try:
            r = c.get(cur, allow_redirects=False)
        except requests.RequestException as e:
            return {"status": "ERR", "error": type(e).__name__, "final": cur, "hops": hops, "chain": chain}
        if r.status_code in (301, 302, 303, 307, 308) and "Location" in r.headers:
            nxt = urljoin(cur, r.headers["Location"])
            hops += 1
            if nxt in chain:
                return {"status": "LOOP", "final": nxt, "hops": hops, "chain": chain + [nxt]}
            chain.append(nxt)
            if hops >= max_hops:
                return {"status": "TOO_MANY", "final": nxt, "hops": hops, "chain": chain}
            cur = nxt
            continue
        res = {"status": r.status_code, "final": cur, "hops": hops, "chain": chain,
               "ms": int((time.time() - t0) * 1000), "first_code": None}
        if "text/html" in r.headers.get("Content-Type", "") and r.status_code == 200:
            soup = BeautifulSoup(r.text, "html.parser")
            can = soup.find("link", rel="canonical")
            res["canonical"] = urljoin(cur, can["href"]) if can and can.get("href") else ""
            rob = soup.find("meta", attrs={"name": re.compile("^robots$", re.I)})
            res["robots"] = (rob.get("content") or "").lower() if rob else ""
        res["x_robots"] = r.headers.get("X-Robots-Tag", "").lower()
        return res


def norm(u: str) -> str:
    p = urlparse(u)
    return f"{p.scheme}://{p.netloc.lower()}{p.path or '/'}" + (f"?{p.query}" if p.query else "")


def classify(url: str, lastmod: str, r: dict) -> list[str]:
    issues = []
    st = r["status"]
    if st in ("LOOP", "TOO_MANY", "ERR"):
        issues.append(st.lower())
    elif isinstance(st, int) and st >= 500:
        issues.append("5xx")
    elif st in (404, 410):
        issues.append(str(st))
    if r["hops"] == 1:
        issues.append("redirect")
    elif r["hops"] >= 2:
        issues.append("redirect_chain")
    if "noindex" in r.get("robots", "") or "noindex" in r.get("x_robots", ""):
        issues.append("noindex_in_sitemap")
    can = r.get("canonical")
    if can and norm(can) != norm(r["final"]):
        issues.append("canonical_mismatch")
    if url.startswith("http://"):
        issues.append("http_url")
    if lastmod:
        try:
            d = dt.datetime.fromisoformat(lastmod.replace("Z", "+00:00"))
            if d.tzinfo is None:
                d = d.replace(tzinfo=dt.timezone.utc)
            if d > dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=1):
                issues.append("lastmod_future")
        except ValueError:
            issues.append("lastmod_invalid")
    return issues


def suggest(dead: list[str], alive: list[str]) -> dict[str, str]:
    by_slug = defaultdict(list)
    for u in alive:
        slug = urlparse(u).path.rstrip("/").rsplit("/", 1)[-1]
        if slug:
            by_slug[slug].append(u)
    out = {}
    for u in dead:
        slug = urlparse(u).path.rstrip("/").rsplit("/", 1)[-1]
        cands = by_slug.get(slug, [])
        if len(cands) == 1:
            out[u] = cands[0]
    return out


def rules(pairs: dict[str, str], fmt: str) -> str:
    lines = []
    for old, new in sorted(pairs.items()):
        o, n = urlparse(old).path, urlparse(new).path
        if fmt == "nginx":
            lines.append(f"location = {o} {{ return 301 {n}; }}")
        elif fmt == "apache":
            lines.append(f"Redirect 301 {o} {n}")
        elif fmt == "netlify":
            lines.append(f"{o}  {n}  301")
        elif fmt == "cloudflare":
            lines.append(f"{old},{new},301")
    return "\n".join(lines) + ("\n" if lines else "")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("sitemap")
    ap.add_argument("--rate", type=float, default=2.0, help="requests per second")
    ap.add_argument("--limit", type=int, default=20000)
    ap.add_argument("--auth-env", help="env var holding user:password for basic auth")
    ap.add_argument("--format", default="nginx", choices=["nginx", "apache", "netlify", "cloudflare"])
    ap.add_argument("--baseline", help="urls.csv from an earlier run to replay against --base")
    ap.add_argument("--base", help="origin to replay baseline paths against, e.g. https://staging.example.com")
    ap.add_argument("--save-baseline", action="store_true")
    a = ap.parse_args()

    host = urlparse(a.sitemap).hostname
    auth = None
    if a.auth_env:
        val = os.environ.get(a.auth_env, "")
        if ":" not in val:
            sys.exit(f"{a.auth_env} must be set to user:password")
        auth = tuple(val.split(":", 1))
    c = Crawler(a.rate, auth, host)

    rp = urllib.robotparser.RobotFileParser(f"{urlparse(a.sitemap).scheme}://{host}/robots.txt")
    try:
        rp.read()
        cd = rp.crawl_delay(UA)
        if cd:
            c.delay = max(c.delay, float(cd))
    except Exception:
        pass

    if a.baseline:
        if not a.base:
            sys.exit("--baseline needs --base")
        with open(a.baseline, newline="") as f:
            entries = [(urljoin(a.base, urlparse(row["url"]).path), "") for row in csv.DictReader(f)]
    else:
        entries = read_sitemap(c, a.sitemap, set())
    entries = entries[: a.limit]
    print(f"{len(entries)} URLs to check at {1 / c.delay:.1f} req/s", file=sys.stderr)

    outdir = Path("sitemap-audit") / f"{host}-{dt.date.today():%Y%m%d}"
    outdir.mkdir(parents=True, exist_ok=True)
    counts: Counter = Counter()
    rows = []
    for i, (url, lastmod) in enumerate(entries, 1):
        r = follow(c, url)
        iss = classify(url, lastmod, r)
        counts.update(iss or ["ok"])
        rows.append({"url": url, "status": r["status"], "final": r["final"], "hops": r["hops"],
                     "canonical": r.get("canonical", ""), "robots": r.get("robots", "") or r.get("x_robots", ""),
                     "lastmod": lastmod, "ms": r.get("ms", ""), "issues": " ".join(iss)})
        if i % 100 == 0:
            print(f"  {i}/{len(entries)}", file=sys.stderr)

    with open(outdir / "urls.csv", "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()) if rows else ["url"])
        w.writeheader()
        w.writerows(rows)

    if a.save_baseline:
        (outdir.parent / f"baseline-{host}.csv").write_text((outdir / "urls.csv").read_text())

    dead = [r["url"] for r in rows if r["status"] in (404, 410)]
    alive = [r["final"] for r in rows if r["status"] == 200]
    pairs = suggest(dead, alive)
    for r in rows:
        if r["hops"] >= 2 and r["status"] == 200:
            pairs.setdefault(r["url"], r["final"])
    ext = {"nginx": "conf", "apache": "htaccess", "netlify": "txt", "cloudflare": "csv"}[a.format]
    (outdir / f"redirects.{ext}").write_text(rules(pairs, a.format))

    with open(outdir / "report.md", "w") as f:
        f.write(f"# Sitemap audit: {host} ({dt.date.today()})\n\n{len(rows)} URLs checked.\n\n")
        f.write("| issue | count |\n|---|---|\n")
        for k, v in counts.most_common():
            f.write(f"| {k} | {v} |\n")
        for issue in ("404", "410", "loop", "redirect_chain", "noindex_in_sitemap", "canonical_mismatch", "5xx", "err"):
            hit = [r for r in rows if issue in r["issues"].split()]
            if hit:
                f.write(f"\n## {issue} ({len(hit)})\n\n")
                for r in hit[:200]:
                    f.write(f"- {r['url']} → {r['final']} ({r['status']})\n")
        unresolved = [u for u in dead if u not in pairs]
        if unresolved:
            f.write(f"\n## 404s that need a decision ({len(unresolved)})\n\n" + "".join(f"- {u}\n" for u in unresolved[:500]))
    print(f"Report: {outdir/'report.md'}")
    for k, v in counts.most_common():
        print(f"  {k:22} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
