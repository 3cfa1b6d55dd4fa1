#!/usr/bin/env python3
"""Cache-busted probes for web cache poisoning and deception.

Only for environments you are authorised to test. Every probe uses a unique
cache-buster parameter so a poisoned entry can't be served to real users.

  cache_probe.py URL --marker TOKEN [--delay 0.5]
  cache_probe.py URL --deception /private/path --cookie-file cookies.txt
"""
import argparse
import secrets
import sys
import time
from http.cookiejar import MozillaCookieJar
from urllib.parse import urlencode, urlsplit, urlunsplit, parse_qsl

import requests

UNKEYED_CANDIDATES = [
    "X-Forwarded-Host",
    "X-Host",
    "X-Forwarded-Server",
    "X-Original-Host",
    "X-Forwarded-Scheme",
    "X-Forwarded-Proto",
    "X-Forwarded-Port",
    "X-Forwarded-Prefix",
    "X-Original-URL",
    "X-Rewrite-URL",
    "Forwarded",
    "X-HTTP-Method-Override",
]
CACHE_HEADERS = ["Age", "X-Cache", "CF-Cache-Status", "X-Cache-Status", "X-Served-By", "X-Varnish", "Cache-Control", "Vary"]
DECEPTION_SUFFIXES = ["/cb.css", ";cb.css", "%2Fcb.css", "%3Bcb.css", ".css", "/cb.js", "%23cb.css"]
UA = "cache-probe/1.0 (authorised security test)"


def bust(url, token):
    p = urlsplit(url)
    q = parse_qsl(p.query) + [("cb", token)]
    return urlunsplit((p.scheme, p.netloc, p.path, urlencode(q), p.fragment))


def cache_info(r):
    return {h: r.headers[h] for h in CACHE_HEADERS if h in r.headers}


def looks_cached(r):
    h = {k.lower(): v.lower() for k, v in r.headers.items()}
    if "age" in h and h["age"].isdigit() and int(h["age"]) > 0:
        return True
    return any("hit" in h.get(k, "") for k in ("x-cache", "cf-cache-status", "x-cache-status"))


def value_for(header, marker):
    if header in ("X-Forwarded-Scheme", "X-Forwarded-Proto"):
        return "nothttps"
    if header == "X-Forwarded-Port":
        return "1337"
    if header in ("X-Original-URL", "X-Rewrite-URL"):
        return f"/{marker}"
    if header == "Forwarded":
        return f"host={marker}.invalid"
    if header == "X-HTTP-Method-Override":
        return "HEAD"
    return f"{marker}.invalid"


def poisoning(s, url, marker, delay):
    # 1. Does the cache key include the query string at all?
    a = bust(url, secrets.token_hex(6))
    r1 = s.get(a, timeout=15); time.sleep(delay)
    r2 = s.get(a, timeout=15); time.sleep(delay)
    print(f"baseline first:  {r1.status_code} {cache_info(r1)}")
    print(f"baseline second: {r2.status_code} {cache_info(r2)}")
    if not looks_cached(r2):
        print("response does not appear to be cached on repeat; poisoning unlikely on this URL")
    b = bust(url, secrets.token_hex(6))
    r3 = s.get(b, timeout=15); time.sleep(delay)
    if looks_cached(r3) and r3.headers.get("Age") and r3.headers.get("Age") == r2.headers.get("Age"):
        sys.exit("cache appears to ignore the query string: cache-buster cannot isolate probes; stopping")

    findings = []
    for h in UNKEYED_CANDIDATES:
        u = bust(url, secrets.token_hex(6))
        v = value_for(h, marker)
        r = s.get(u, headers={h: v}, timeout=15, allow_redirects=False)
        time.sleep(delay)
        where = []
        if marker in r.text or v in r.text:
            where.append("body")
        if any(marker in val or v == val for val in r.headers.values()):
            where.append("headers")
        changed_status = r.status_code != r1.status_code
        if not where and not changed_status:
            continue
        r_again = s.get(u, timeout=15, allow_redirects=False)
        time.sleep(delay)
        stuck = (marker in r_again.text or any(marker in x for x in r_again.headers.values())
                 or (changed_status and r_again.status_code == r.status_code))
        findings.append((h, v, where or [f"status {r.status_code}"], stuck, u))
        print(f"{h:24} reflected in {','.join(where) or 'status'}; served from cache without header: {'YES' if stuck else 'no'}")
    if not findings:
        print("no reflections of candidate headers")
    else:
        print("\nconfirmed (cached reflection):")
        for h, v, where, stuck, u in findings:
            if stuck:
                print(f"  {h}: {v}  url={u}")


def deception(s, base, private_path, cookie_file, delay):
    jar = MozillaCookieJar(cookie_file)
    jar.load(ignore_discard=True, ignore_expires=True)
    authed = requests.Session()
    authed.headers["User-Agent"] = UA
    authed.cookies = jar
    p = urlsplit(base)
    for suf in DECEPTION_SUFFIXES:
        tok = secrets.token_hex(6)
        url = urlunsplit((p.scheme, p.netloc, private_path.rstrip("/") + suf.replace("cb", f"cb{tok}"), "", ""))
        ra = authed.get(url, timeout=15, allow_redirects=False)
        time.sleep(delay)
        if ra.status_code != 200:
            print(f"{suf:12} app returned {ra.status_code} (not served)")
            continue
        rb = s.get(url, timeout=15, allow_redirects=False)
        time.sleep(delay)
        same = rb.status_code == 200 and len(rb.content) > 200 and rb.content[:200] == ra.content[:200]
        print(f"{suf:12} authed 200; anonymous {rb.status_code} {cache_info(rb)}  {'CACHED PRIVATE PAGE' if same else ''}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    ap.add_argument("--marker", default=f"cachetest{secrets.token_hex(3)}")
    ap.add_argument("--delay", type=float, default=0.5)
    ap.add_argument("--deception", metavar="PRIVATE_PATH")
    ap.add_argument("--cookie-file", help="Netscape cookie file for a TEST account")
    a = ap.parse_args()
    s = requests.Session()
    s.headers["User-Agent"] = UA
    if a.deception:
        if not a.cookie_file:
            sys.exit("--deception needs --cookie-file for a test account session")
        deception(s, a.url, a.deception, a.cookie_file, a.delay)
    else:
        poisoning(s, a.url, a.marker, a.delay)


if __name__ == "__main__":
    main()
