#!/usr/bin/env python3
"""Offline phishing analysis of a saved .eml file. Never fetches anything."""
import argparse
import email
import hashlib
import json
import re
import sys
from email import policy
from html.parser import HTMLParser
from urllib.parse import urlparse

RISKY_EXT = (".html", ".htm", ".svg", ".iso", ".img", ".vhd", ".lnk", ".one", ".js", ".vbs",
             ".hta", ".docm", ".xlsm", ".zip", ".7z", ".rar")
SHORTENERS = {"bit.ly", "t.co", "tinyurl.com", "is.gd", "cutt.ly", "rb.gy"}
URGENCY = re.compile(r"\b(urgent|immediately|within 24 hours|expires? (today|in)|suspended|"
                     r"keep it between us|gift cards?|wire|bank details changed)\b", re.I)
HIDDEN = re.compile(r"font-size:\s*0|display:\s*none|color:\s*#fff(fff)?\b", re.I)


def defang(url):
    return url.replace("http", "hxxp", 1).replace(".", "[.]")


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self._href, self._text = [], None, []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._href, self._text = dict(attrs).get("href", ""), []

    def handle_data(self, data):
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links.append((self._href, "".join(self._text).strip()))
            self._href = None


def domain_of(addr):
    m = re.search(r"@([\w.-]+)", addr or "")
    return m.group(1).lower() if m else ""


def analyse(path):
    with open(path, "rb") as f:
        msg = email.message_from_binary_file(f, policy=policy.default)
    findings, links, attachments = [], [], []

    auth = " ".join(msg.get_all("Authentication-Results", []) or [])
    for mech in ("spf", "dkim", "dmarc"):
        m = re.search(rf"{mech}=(\w+)", auth)
        res = m.group(1) if m else "absent"
        if res not in ("pass",):
            findings.append(f"{mech.upper()} {res}")

    from_hdr = str(msg.get("From", ""))
    from_dom = domain_of(from_hdr)
    for hdr in ("Reply-To", "Return-Path"):
        d = domain_of(str(msg.get(hdr, "")))
        if d and from_dom and not d.endswith(from_dom) and not from_dom.endswith(d):
            findings.append(f"{hdr} domain {d} differs from From domain {from_dom}")
    if "xn--" in from_hdr:
        findings.append("From uses punycode (IDN lookalike)")
    display = from_hdr.split("<")[0].strip(' "').lower()
    for brand in ("microsoft", "docusign", "paypal", "apple", "google", "dhl", "amazon"):
        if brand in display and brand not in from_dom:
            findings.append(f"display name claims '{brand}' but sender domain is {from_dom}")

    body_text = ""
    for part in msg.walk():
        ctype = part.get_content_type()
        fname = part.get_filename()
        if fname:
            payload = part.get_payload(decode=True) or b""
            attachments.append({"name": fname, "type": ctype,
                                "sha256": hashlib.sha256(payload).hexdigest(), "size": len(payload)})
            if fname.lower().endswith(RISKY_EXT):
                findings.append(f"risky attachment type: {fname}")
            continue
        if ctype in ("text/html", "text/plain"):
            content = part.get_content()
            body_text += content
            if ctype == "text/html":
                p = LinkParser()
                p.feed(content)
                links.extend(p.links)
                if HIDDEN.search(content):
                    findings.append("hidden text in HTML body (possible filter/AI-assistant evasion)")

    link_rows = []
    for href, text in links:
        host = (urlparse(href).hostname or "").lower()
        entry = {"href": defang(href), "text": text[:80], "host": host}
        if re.match(r"^\d+\.\d+\.\d+\.\d+$", host):
            findings.append(f"link to bare IP {host}")
        if host in SHORTENERS:
            findings.append(f"URL shortener {host}")
        shown = urlparse(text).hostname if text.startswith("http") else None
        if shown and shown.lower() != host:
            findings.append(f"link text shows {shown} but goes to {host}")
        link_rows.append(entry)

    cues = sorted({m.group(0).lower() for m in URGENCY.finditer(body_text)})
    for cue in cues:
        findings.append(f"pressure/urgency language: {cue}")
    to_dom = domain_of(str(msg.get("To", "")))
    if to_dom and from_dom and from_dom != to_dom and re.search(r"gift cards?|wire|bank details", body_text, re.I):
        findings.append(f"payment/gift-card request from external domain {from_dom} (BEC pattern)")

    score = len(findings)
    verdict = "Phishing" if score >= 4 else "Suspicious" if score >= 2 else "Likely legitimate"
    return {"file": path, "subject": str(msg.get("Subject", "")), "from": from_hdr,
            "verdict": verdict, "findings": findings, "links": link_rows, "attachments": attachments}


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("eml")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    r = analyse(a.eml)
    if a.json:
        json.dump(r, sys.stdout, indent=2)
        print()
        return
    print(f"Subject : {r['subject']}\nFrom    : {r['from']}\nVerdict : {r['verdict']}\n")
    print("Findings:")
    for f in r["findings"]:
        print(f"  - {f}")
    print("Links (defanged):")
    for l in r["links"]:
        print(f"  - [{l['text']}] -> {l['href']}")
    print("Attachments:")
    for at in r["attachments"]:
        print(f"  - {at['name']} ({at['type']}, {at['size']} B) sha256={at['sha256']}")


if __name__ == "__main__":
    main()
