#!/usr/bin/env python3
"""Static analysis of a reported email. Reads the file; opens no links or attachments."""
import argparse
import email
import email.policy
import hashlib
import json
import os
import re
import sys
import unicodedata
import urllib.parse
import urllib.request
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
SHORTENERS = {"bit.ly", "t.co", "tinyurl.com", "goo.gl", "ow.ly", "is.gd", "buff.ly", "rebrand.ly", "cutt.ly"}
RISKY_EXT = {".exe", ".scr", ".js", ".jse", ".vbs", ".vbe", ".hta", ".lnk", ".iso", ".img", ".one",
             ".docm", ".xlsm", ".pptm", ".wsf", ".bat", ".cmd", ".ps1", ".msi", ".html", ".htm", ".svg"}
MAGIC = [(b"MZ", "pe-executable"), (b"%PDF", "pdf"), (b"PK\x03\x04", "zip/ooxml"),
         (b"\xd0\xcf\x11\xe0", "ole2"), (b"CD001", "iso"), (b"L\x00\x00\x00", "lnk"),
         (b"\x89PNG", "png"), (b"\xff\xd8\xff", "jpeg"), (b"<", "markup")]
# digit and Cyrillic look-alikes folded to Latin before comparing domains
CONFUSABLE = str.maketrans({"0": "o", "1": "l", "3": "e", "5": "s",
                            "і": "i", "о": "o", "а": "a", "е": "e", "ѕ": "s"})


def defang(u):
    return u.replace("http", "hxxp", 1).replace(".", "[.]")


def registrable(host):
    host = host.lower().strip(".")
    try:
        import tldextract  # optional
        ext = tldextract.extract(host)
        return ".".join(p for p in (ext.domain, ext.suffix) if p)
    except ImportError:
        parts = host.split(".")
        return ".".join(parts[-2:]) if len(parts) >= 2 else host


def lev(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.forms, self.refresh, self._a, self._text = [], [], [], None, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self._a, self._text = a["href"], []
        elif tag == "form":
            self.forms.append(a.get("action", ""))
        elif tag == "meta" and a.get("http-equiv", "").lower() == "refresh":
            self.refresh.append(a.get("content", ""))

    def handle_data(self, data):
        if self._a is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._a is not None:
            self.links.append((self._a, "".join(self._text).strip()))
            self._a = None


def load(path):
    if path.lower().endswith(".msg"):
        import extract_msg  # pip install extract-msg
        m = extract_msg.Message(path)
        raw = (m.header.as_string() if m.header else "") + "\n\n" + (m.body or "")
        return email.message_from_string(raw, policy=email.policy.default)
    with open(path, "rb") as fh:
        return email.message_from_binary_file(fh, policy=email.policy.default)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("message")
    ap.add_argument("--json")
    ap.add_argument("--own-domain", action="append", default=[], help="your org's domains for lookalike checks")
    ap.add_argument("--vt", action="store_true", help="look up attachment hashes on VirusTotal (asks first)")
    a = ap.parse_args()

    msg = load(a.message)
    ev, score = [], 0

    def add(points, text):
        nonlocal score
        score += points
        ev.append((points, text))

    from_hdr = str(msg.get("From", ""))
    from_addr = email.utils.parseaddr(from_hdr)[1].lower()
    from_dom = from_addr.rsplit("@", 1)[-1] if "@" in from_addr else ""
    display = email.utils.parseaddr(from_hdr)[0]

    # authentication results
    ar = " ".join(str(h) for h in msg.get_all("Authentication-Results", []) or [])
    for mech in ("spf", "dkim", "dmarc"):
        m = re.search(rf"\b{mech}=(\w+)", ar, re.I)
        if m and m.group(1).lower() in ("fail", "softfail", "permerror", "none"):
            add(4 if mech == "dmarc" else 2, f"{mech}={m.group(1)} ({ar[:120]}...)")
    dkim_d = re.findall(r"header\.d=([\w.-]+)", ar, re.I)
    if from_dom and dkim_d and all(registrable(d) != registrable(from_dom) for d in dkim_d):
        add(2, f"DKIM signing domain(s) {dkim_d} do not align with From domain {from_dom}")

    # identity
    if re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", display or "") and from_addr not in display.lower():
        add(3, f"display name carries a different address: {display!r} <{from_addr}>")
    for h in ("Reply-To", "Return-Path"):
        v = email.utils.parseaddr(str(msg.get(h, "")))[1].lower()
        if v and "@" in v and from_dom and registrable(v.split("@")[1]) != registrable(from_dom):
            add(2, f"{h}: {v} differs from From domain {from_dom}")

    # lookalikes
    brands = [l.strip() for l in open(os.path.join(HERE, "..", "references", "brands.txt")) if l.strip() and not l.startswith("#")]
    targets = set(brands + a.own_domain)

    def looks_like(dom):
        base = registrable(dom)
        norm = unicodedata.normalize("NFKC", base).translate(CONFUSABLE)
        for t in targets:
            if base != t and (lev(norm, t) <= 2 or norm == t):
                return t
        return None

    if from_dom:
        t = looks_like(from_dom)
        if t:
            add(3, f"sender domain {from_dom} resembles {t}")
        if "xn--" in from_dom:
            add(2, f"punycode sender domain {from_dom}")

    # bodies and attachments
    urls, atts, body_text = set(), [], ""
    for part in msg.walk():
        ctype = part.get_content_type()
        fname = part.get_filename()
        if fname or part.get_content_disposition() == "attachment":
            data = part.get_payload(decode=True) or b""
            sha = hashlib.sha256(data).hexdigest()
            kind = next((k for sig, k in MAGIC if data.startswith(sig) or (sig == b"CD001" and data[0x8001:0x8006] == sig)), "unknown")
            atts.append({"name": fname, "type": ctype, "magic": kind, "size": len(data), "sha256": sha})
            ext = os.path.splitext((fname or "").lower())[1]
            if ext in RISKY_EXT:
                add(2, f"risky attachment type {fname} ({kind})")
            if re.search(r"\.(pdf|docx?|xlsx?|jpg|png)\.\w{2,4}$", (fname or "").lower()):
                add(3, f"double extension {fname}")
            if kind == "zip/ooxml" and b"vbaProject.bin" in data:
                add(3, f"macro project inside {fname}")
            if kind == "markup" and re.search(rb"<form[^>]+action", data, re.I):
                add(2, f"attachment {fname} contains an HTML form")
            continue
        if ctype in ("text/plain", "text/html"):
            try:
                content = part.get_content()
            except Exception:
                content = (part.get_payload(decode=True) or b"").decode("utf-8", "replace")
            body_text += content
            if ctype == "text/html":
                lp = LinkParser()
                lp.feed(content)
                for href, text in lp.links:
                    urls.add(href)
                    hd = urllib.parse.urlsplit(href).hostname or ""
                    tm = re.search(r"([\w-]+\.)+[a-z]{2,}", text.lower())
                    if tm and hd and registrable(tm.group(0)) != registrable(hd):
                        add(3, f"link text {text!r} -> {defang(href)}")
                for act in lp.forms:
                    add(2, f"HTML form posting to {defang(act)}")
                for r in lp.refresh:
                    add(2, f"meta refresh {defang(r)}")
    urls |= set(re.findall(r"https?://[^\s\"'<>)]+", body_text))

    for u in sorted(urls):
        host = (urllib.parse.urlsplit(u).hostname or "").lower()
        if host in SHORTENERS:
            add(1, f"URL shortener {defang(u)}")
        if re.fullmatch(r"[\d.]+", host):
            add(2, f"IP-literal link {defang(u)}")
        if "@" in urllib.parse.urlsplit(u).netloc:
            add(2, f"userinfo trick in {defang(u)}")
        if host and looks_like(host):
            add(3, f"link host {host} resembles {looks_like(host)}")

    lures = [l.strip() for l in open(os.path.join(HERE, "..", "references", "lure-phrases.md")) if l.startswith("- ")]
    hits = [l[2:] for l in lures if l[2:].lower() in body_text.lower()]
    if hits:
        add(min(3, len(hits)), f"lure phrases: {hits[:5]}")

    if a.vt and atts:
        key = os.environ.get("VT_API_KEY")
        if not key:
            print("VT_API_KEY not set; skipping reputation lookup", file=sys.stderr)
        else:
            for at in atts:
                ans = input(f"Send SHA-256 of {at['name']} (hash only) to VirusTotal? [y/N] ")
                if ans.strip().lower() != "y":
                    continue
                req = urllib.request.Request(f"https://www.virustotal.com/api/v3/files/{at['sha256']}",
                                             headers={"x-apikey": key})
                try:
                    with urllib.request.urlopen(req, timeout=15) as r:
                        stats = json.load(r)["data"]["attributes"]["last_analysis_stats"]
                        at["vt"] = stats
                        if stats.get("malicious", 0) > 2:
                            add(5, f"{at['name']}: {stats['malicious']} engines flag this hash")
                except Exception as e:  # 404 = unknown hash
                    at["vt"] = f"lookup: {e}"

    verdict = ("likely phishing" if score >= 8 else "suspicious" if score >= 4
               else "insufficient data" if not ar and not urls else "likely legitimate")
    print(f"VERDICT: {verdict} (score {score})")
    for pts, text in sorted(ev, key=lambda x: -x[0]):
        print(f" - {text}  [+{pts}]")
    if atts:
        print("attachments:")
        for at in atts:
            print(f" sha256 {at['sha256']}  {at['name']}  {at['type']} magic={at['magic']} {at['size']}B")
    if urls:
        print("urls:")
        for u in sorted(urls):
            print(" ", defang(u))
    if a.json:
        with open(a.json, "w") as fh:
            json.dump({"verdict": verdict, "score": score, "evidence": ev, "attachments": atts,
                       "urls": [defang(u) for u in sorted(urls)],
                       "headers": {k: str(msg.get(k, "")) for k in ("From", "Reply-To", "Return-Path", "Subject", "Date", "Message-ID")}},
                      fh, indent=2)


if __name__ == "__main__":
    main()
