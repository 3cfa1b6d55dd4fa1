#!/usr/bin/env python3
"""Static parser for a saved email message. Reads one file, prints findings.

No network access: links are extracted and unwrapped locally, never requested.
"""
import argparse
import base64
import email
import hashlib
import html
import json
import re
import sys
from email import policy
from html.parser import HTMLParser
from urllib.parse import parse_qs, unquote, urlparse

URL_RE = re.compile(r"https?://[^\s\"'<>)\]]+", re.I)
RISKY_EXT = {".html", ".htm", ".iso", ".img", ".vhd", ".vhdx", ".lnk", ".one", ".svg",
             ".js", ".jse", ".vbs", ".wsf", ".hta", ".exe", ".scr", ".msi", ".xll",
             ".docm", ".xlsm", ".zip", ".rar", ".7z"}


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []
        self._href = None
        self._text = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._href = dict(attrs).get("href")
            self._text = []

    def handle_data(self, data):
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links.append({"href": self._href, "text": "".join(self._text).strip()})
            self._href = None


def defang(s):
    return (s.replace("http://", "hxxp://").replace("https://", "hxxps://")
             .replace(".", "[.]"))


def unwrap(url):
    """Unwrap common rewriters locally (SafeLinks, Proofpoint v2/v3, Google redirect)."""
    p = urlparse(url)
    host = (p.hostname or "").lower()
    qs = parse_qs(p.query)
    if host.endswith("safelinks.protection.outlook.com") and "url" in qs:
        return qs["url"][0]
    if host == "urldefense.proofpoint.com" and "u" in qs:
        return unquote(qs["u"][0].replace("-", "%").replace("_", "/"))
    if host == "urldefense.com" and "/v3/__" in p.path:
        m = re.search(r"/v3/__(.+?)__;", url)
        if m:
            return m.group(1)
    if host in ("www.google.com", "google.com") and p.path == "/url" and "q" in qs:
        return qs["q"][0]
    return url


def idn_forms(host):
    if not host:
        return None
    if "xn--" in host:
        try:
            return host.encode("ascii").decode("idna")
        except UnicodeError:
            return None
    return None


def auth_results(msg):
    out = {}
    for h in msg.get_all("Authentication-Results", []) or []:
        for key in ("spf", "dkim", "dmarc"):
            m = re.search(rf"\b{key}=(\w+)", str(h))
            if m and key not in out:
                out[key] = m.group(1)
    return out


def received_chain(msg):
    hops = []
    for h in reversed(msg.get_all("Received", []) or []):
        ips = re.findall(r"\[(\d{1,3}(?:\.\d{1,3}){3})\]", str(h))
        hops.append({"raw": " ".join(str(h).split())[:300], "ips": ips})
    return hops


def parse(path):
    with open(path, "rb") as f:
        msg = email.message_from_binary_file(f, policy=policy.default)

    links, attachments, body_text = [], [], []
    for part in msg.walk():
        ctype = part.get_content_type()
        fname = part.get_filename()
        if fname:
            data = part.get_payload(decode=True) or b""
            ext = "." + fname.rsplit(".", 1)[-1].lower() if "." in fname else ""
            attachments.append({
                "name": fname,
                "content_type": ctype,
                "size": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
                "risky_extension": ext in RISKY_EXT,
                "double_extension": fname.count(".") >= 2,
            })
            continue
        if ctype == "text/html":
            content = part.get_content()
            lp = LinkParser()
            lp.feed(content)
            links.extend(lp.links)
            body_text.append(re.sub(r"<[^>]+>", " ", html.unescape(content)))
        elif ctype == "text/plain":
            content = part.get_content()
            body_text.append(content)
            for u in URL_RE.findall(content):
                links.append({"href": u, "text": ""})

    seen, url_rows = set(), []
    for l in links:
        href = l["href"] or ""
        if href in seen:
            continue
        seen.add(href)
        real = unwrap(href)
        host = urlparse(real).hostname
        shown_host = urlparse(l["text"]).hostname if l["text"].startswith("http") else None
        url_rows.append({
            "display": l["text"],
            "href": href,
            "unwrapped": real if real != href else None,
            "host": host,
            "idn_unicode": idn_forms(host),
            "display_host_mismatch": bool(shown_host and host and shown_host != host),
        })

    return {
        "subject": msg.get("Subject"),
        "date": msg.get("Date"),
        "from": msg.get("From"),
        "reply_to": msg.get("Reply-To"),
        "return_path": msg.get("Return-Path"),
        "message_id": msg.get("Message-ID"),
        "x_mailer": msg.get("X-Mailer") or msg.get("User-Agent"),
        "auth": auth_results(msg),
        "received": received_chain(msg),
        "urls": url_rows,
        "attachments": attachments,
        "body_excerpt": " ".join(" ".join(body_text).split())[:1500],
    }


def convert_msg(path):
    try:
        import extract_msg  # type: ignore
    except ImportError:
        sys.exit("extract-msg is not installed. Ask the user before running: pip install extract-msg")
    m = extract_msg.Message(path)
    out = path.rsplit(".", 1)[0] + ".eml"
    with open(out, "w", encoding="utf-8") as f:
        f.write(m.header.as_string() if m.header else "")
        f.write("\n")
        f.write(m.body or "")
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    ap.add_argument("--msg", action="store_true", help="input is an Outlook .msg file")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    path = convert_msg(args.path) if args.msg else args.path
    report = parse(path)
    if args.json:
        json.dump(report, sys.stdout, indent=2, default=str)
        return

    print(f"Subject: {report['subject']}")
    print(f"From: {report['from']}  Reply-To: {report['reply_to']}  Return-Path: {report['return_path']}")
    print(f"Auth: {report['auth']}")
    print("Received (oldest first):")
    for hop in report["received"]:
        print(f"  - {hop['ips']} {hop['raw'][:120]}")
    print("URLs:")
    for u in report["urls"]:
        flag = " [MISMATCH]" if u["display_host_mismatch"] else ""
        print(f"  - {defang(u['unwrapped'] or u['href'])}{flag}  (text: {u['display'][:60]!r})")
        if u["idn_unicode"]:
            print(f"      punycode host renders as: {u['idn_unicode']}")
    print("Attachments:")
    for a in report["attachments"]:
        flags = [k for k in ("risky_extension", "double_extension") if a[k]]
        print(f"  - {a['name']} {a['size']} B sha256={a['sha256']} {flags}")


if __name__ == "__main__":
    main()
