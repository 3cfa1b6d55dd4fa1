#!/usr/bin/env python3
"""Offline analysis of a saved email (.eml). Never fetches URLs or opens attachments."""
import argparse
import email
import email.policy
import hashlib
import json
import re
import sys
from email.utils import getaddresses, parseaddr
from html.parser import HTMLParser

# Brand labels (second-level name only); the legitimate domains are listed per deployment in
# brands.json next to this script if present: {"paypal": ["<their real domain>", ...]}.
BRANDS = ["paypal", "microsoft", "office", "apple", "google", "amazon", "dhl", "docusign",
          "github", "linkedin", "dropbox", "netflix"]
URL_RX = re.compile(r"https?://[^\s<>\"')\]]+", re.I)
RISKY_EXT = (".exe", ".scr", ".js", ".vbs", ".hta", ".iso", ".img", ".lnk", ".html", ".htm", ".docm", ".xlsm")


def defang(url: str) -> str:
    return url.replace("http", "hxxp", 1).replace(".", "[.]")


def domain_of(addr: str) -> str:
    return addr.rsplit("@", 1)[-1].lower().strip(">") if "@" in addr else ""


def dist(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def load_official():
    import pathlib
    f = pathlib.Path(__file__).with_name("brands.json")
    return json.loads(f.read_text()) if f.exists() else {}


OFFICIAL = load_official()


def lookalike(domain: str, my_domains: list[str]):
    """Compare a domain with the user's own domains (full) and brand labels (second-level name)."""
    if not domain:
        return None
    if "xn--" in domain:
        return "punycode"
    registrable = ".".join(domain.split(".")[-2:])
    for r in my_domains:
        if registrable == r or domain.endswith("." + r):
            return None
        d = dist(registrable, r)
        if 0 < d <= 2:
            return f"~{r} (d={d})"
    label = registrable.split(".")[0]
    for b in BRANDS:
        if registrable in OFFICIAL.get(b, []):
            return None
        d = dist(label, b)
        if 0 < d <= (1 if len(b) <= 5 else 2) or (b in label and label != b):
            return f"~{b} (d={d})"
    return None


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self._href, self._text = [], None, []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._href = dict(attrs).get("href")
            self._text = []

    def handle_data(self, data):
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._href:
            self.links.append((self._href, "".join(self._text).strip()))
            self._href = None


def analyze(msg, my_domains):
    refs = my_domains
    out = {"subject": msg.get("Subject", ""), "auth": [], "identity": [], "hops": [], "urls": [], "attachments": []}
    for h in msg.get_all("Authentication-Results", [])[:1]:
        for key in ("spf", "dkim", "dmarc"):
            m = re.search(rf"\b{key}=(\w+)", h)
            out["auth"].append(f"{key}={m.group(1) if m else 'none'}")
    for h in msg.get_all("Received", []):
        m = re.search(r"from\s+(\S+).*?\[?(\d{1,3}(?:\.\d{1,3}){3})\]?", h, re.S)
        if m:
            out["hops"].append(f"{m.group(1)} [{m.group(2)}]")

    name, addr = parseaddr(msg.get("From", ""))
    from_dom = domain_of(addr)
    reply = [a for _, a in getaddresses(msg.get_all("Reply-To", []))]
    rpath = domain_of(msg.get("Return-Path", ""))
    for brand in BRANDS:
        official = OFFICIAL.get(brand, [])
        if brand in name.lower() and not any(from_dom.endswith(o) for o in official):
            out["identity"].append(f"display name mentions {brand!r}; check that {addr} is really theirs")
    for r in reply:
        if domain_of(r) and domain_of(r) != from_dom:
            out["identity"].append(f"Reply-To {r} differs from From domain {from_dom}")
    if rpath and from_dom and not rpath.endswith(from_dom.split(".", 1)[-1]):
        out["identity"].append(f"Return-Path domain {rpath} unrelated to From domain {from_dom}")
    la = lookalike(from_dom, refs)
    if la:
        out["identity"].append(f"From domain {from_dom} looks like {la}")

    seen = set()
    for part in msg.walk():
        ctype = part.get_content_type()
        fname = part.get_filename()
        if fname or part.get_content_disposition() == "attachment":
            payload = part.get_payload(decode=True) or b""
            flags = []
            low = (fname or "").lower()
            if low.endswith(RISKY_EXT):
                flags.append("risky-type")
            if re.search(r"\.\w{2,4}\.\w{2,4}$", low):
                flags.append("double-extension")
            if low.endswith(".zip") and payload[6:8] and payload[6] & 1:
                flags.append("encrypted-zip")
            out["attachments"].append({"name": fname, "type": ctype, "bytes": len(payload),
                                       "sha256": hashlib.sha256(payload).hexdigest(), "flags": flags})
            continue
        if ctype not in ("text/plain", "text/html"):
            continue
        body = part.get_content()
        pairs = []
        if ctype == "text/html":
            p = LinkParser()
            p.feed(body)
            pairs = p.links
        pairs += [(u, "") for u in URL_RX.findall(body)]
        for href, text in pairs:
            if href in seen or not href.lower().startswith("http"):
                continue
            seen.add(href)
            host = re.sub(r"^https?://", "", href, flags=re.I).split("/")[0].split(":")[0].lower()
            note = []
            if text and URL_RX.match(text) and host not in text.lower():
                note.append(f"link text shows {defang(text)}")
            la = lookalike(host, refs)
            if la:
                note.append(f"host looks like {la}")
            if re.match(r"\d+\.\d+\.\d+\.\d+$", host):
                note.append("raw IP")
            out["urls"].append({"url": defang(href), "notes": note})
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("eml")
    ap.add_argument("--my-domain", action="append", default=[])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    with open(args.eml, "rb") as fh:
        msg = email.message_from_binary_file(fh, policy=email.policy.default)
    r = analyze(msg, [d.lower() for d in args.my_domain])
    if args.json:
        print(json.dumps(r, indent=2))
        return 0
    print(f"Subject: {r['subject']}")
    print("Authentication:", ", ".join(r["auth"]) or "no Authentication-Results header")
    print("Hops (newest first):")
    for h in r["hops"]:
        print("  ", h)
    print("Identity:")
    for i in r["identity"] or ["no mismatches found"]:
        print("  -", i)
    print("URLs:")
    for u in r["urls"]:
        print("  -", u["url"], ("  <- " + "; ".join(u["notes"])) if u["notes"] else "")
    print("Attachments:")
    for a in r["attachments"]:
        print(f"  - {a['name']} {a['type']} {a['bytes']}B sha256={a['sha256']} {' '.join(a['flags'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
