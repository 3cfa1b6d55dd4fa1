#!/usr/bin/env python3
"""Local-first phishing URL triage. Network use only with --redirects / --reputation."""
import argparse
import base64
import difflib
import ipaddress
import json
import os
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
BRANDS = os.path.join(HERE, "..", "assets", "brands.txt")
PATH_WORDS = ["verify", "restore", "seed", "recovery", "wallet-connect", "walletconnect", "unlock",
              "suspended", "validate", "secure-login", "signin", "claim", "airdrop", "2fa"]
MULTI_TLD = {"co.uk", "com.au", "co.jp", "com.br"}


def defang(u):
    return u.replace("http", "hxxp", 1).replace(".", "[.]")


def registered(host):
    parts = host.split(".")
    if len(parts) >= 3 and ".".join(parts[-2:]) in MULTI_TLD:
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])


def load_brands():
    brands = {}
    with open(BRANDS) as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                name, doms = line.split(None, 1)
                brands[name] = [d.strip() for d in doms.split(",")]
    return brands


def local_checks(url):
    notes = []
    p = urllib.parse.urlsplit(url)
    if p.scheme in ("data", "javascript"):
        return {"scheme": p.scheme}, [f"{p.scheme}: URL - never legitimate in an email link"]
    host = (p.hostname or "").lower()
    if "@" in p.netloc:
        notes.append(f"'@' in authority: the real host is {host}, text before @ is decoration")
    try:
        ipaddress.ip_address(host)
        notes.append("IP-literal host")
    except ValueError:
        pass
    uni = host
    if "xn--" in host:
        try:
            uni = host.encode().decode("idna")
            notes.append(f"punycode host decodes to {uni}")
        except UnicodeError:
            notes.append("malformed punycode")
    if any(ord(c) > 127 for c in uni):
        notes.append("non-ASCII characters in host (homoglyph risk)")
    reg = registered(host)
    sub = host[: -len(reg)].rstrip(".") if host.endswith(reg) else ""
    if sub.count(".") >= 3 or len(sub) > 40:
        notes.append(f"deep/long subdomain: {sub}")
    skeleton = re.sub(r"[^a-z]", "", uni.translate(str.maketrans("0135", "oies")).lower())
    for brand, doms in load_brands().items():
        if reg in doms:
            notes.append(f"registered domain is a known {brand} domain")
            break
        if brand in skeleton or difflib.SequenceMatcher(None, brand, reg.split(".")[0]).ratio() > 0.8:
            notes.append(f"looks like {brand} but is not one of {', '.join(doms)}")
    low = (p.path + "?" + p.query).lower()
    hits = [w for w in PATH_WORDS if w in low]
    if hits:
        notes.append("lure words in path/query: " + ", ".join(hits))
    return {"scheme": p.scheme, "host": host, "registered_domain": reg, "subdomain": sub}, notes


class NoFollow(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):
        return None


def redirect_chain(url, limit=8):
    opener = urllib.request.build_opener(NoFollow)
    chain = [url]
    for _ in range(limit):
        req = urllib.request.Request(chain[-1], method="HEAD", headers={"User-Agent": "Mozilla/5.0"})
        try:
            resp = opener.open(req, timeout=8)
            loc = resp.headers.get("Location")
        except urllib.error.HTTPError as e:
            loc = e.headers.get("Location")
        except Exception as e:  # network errors are a result, not a crash
            chain.append(f"(error: {e.__class__.__name__})")
            break
        if not loc:
            break
        chain.append(urllib.parse.urljoin(chain[-1], loc))
    return chain


def get_json(url, headers):
    req = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(req, timeout=15) as r:
        return json.load(r)


def reputation(url, host):
    out = {}
    vt = os.environ.get("VT_API_KEY")
    if vt:
        uid = base64.urlsafe_b64encode(url.encode()).decode().strip("=")
        try:
            d = get_json(f"https://www.virustotal.com/api/v3/urls/{uid}", {"x-apikey": vt})
            out["virustotal"] = d["data"]["attributes"]["last_analysis_stats"]
        except urllib.error.HTTPError as e:
            out["virustotal"] = "not seen" if e.code == 404 else f"HTTP {e.code}"
    us = os.environ.get("URLSCAN_API_KEY")
    if us:
        q = urllib.parse.quote(f"page.domain:{host}")
        d = get_json(f"https://urlscan.io/api/v1/search/?q={q}&size=5", {"API-Key": us})
        out["urlscan"] = [{"time": r["task"]["time"], "verdict": r.get("verdicts", {}).get("overall", {})}
                          for r in d.get("results", [])]
    data = urllib.parse.urlencode({"host": host}).encode()
    hdr = {"Auth-Key": os.environ["URLHAUS_AUTH_KEY"]} if os.environ.get("URLHAUS_AUTH_KEY") else {}
    try:
        req = urllib.request.Request("https://urlhaus-api.abuse.ch/v1/host/", data=data, headers=hdr)
        with urllib.request.urlopen(req, timeout=15) as r:
            d = json.load(r)
        out["urlhaus"] = {"status": d.get("query_status"), "urls": d.get("url_count")}
    except Exception as e:
        out["urlhaus"] = f"error: {e.__class__.__name__}"
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    ap.add_argument("--redirects", action="store_true")
    ap.add_argument("--reputation", action="store_true")
    ap.add_argument("--redact-query", action="store_true")
    a = ap.parse_args()
    url = a.url.strip()
    if a.redact_query:
        p = urllib.parse.urlsplit(url)
        url = urllib.parse.urlunsplit((p.scheme, p.netloc, p.path, "", ""))
    info, notes = local_checks(url)
    print("defanged:", defang(url))
    for k, v in info.items():
        print(f"{k}: {v}")
    for n in notes:
        print(" *", n)
    if a.redirects:
        print("redirect chain:")
        for hop in redirect_chain(url):
            print("   ->", defang(hop))
    if a.reputation and info.get("host"):
        print(json.dumps(reputation(url, info["host"]), indent=2))


if __name__ == "__main__":
    sys.exit(main())
