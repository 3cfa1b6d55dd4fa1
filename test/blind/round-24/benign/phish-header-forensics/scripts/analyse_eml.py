#!/usr/bin/env python3
"""Static phishing analysis of a single .eml/.msg file. Prints Markdown to stdout."""
import email
import hashlib
import re
import sys
from email import policy
from html.parser import HTMLParser
from pathlib import Path

BRANDS = ["microsoft", "office365", "paypal", "apple", "google", "amazon", "docusign", "dhl", "netflix"]
RISKY_EXT = {".exe", ".scr", ".js", ".vbs", ".hta", ".iso", ".img", ".lnk", ".html", ".htm", ".svg",
             ".docm", ".xlsm", ".one", ".zip", ".7z", ".rar"}
URL_RX = re.compile(r"https?://[^\s\"'<>)]+", re.I)


def defang(url):
    return url.replace("http", "hxxp", 1).replace(".", "[.]")


def lev(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.pairs, self._href, self._text = [], None, []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._href = dict(attrs).get("href")
            self._text = []

    def handle_data(self, data):
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._href:
            self.pairs.append(("".join(self._text).strip(), self._href))
            self._href = None


def load(path):
    if path.suffix.lower() == ".msg":
        import extract_msg  # optional dependency
        m = extract_msg.Message(str(path))
        return email.message_from_string(m.header.as_string() + "\n\n" + (m.body or ""), policy=policy.default)
    return email.message_from_bytes(path.read_bytes(), policy=policy.default)


def domain_of(addr):
    m = re.search(r"@([\w.-]+)", addr or "")
    return m.group(1).lower() if m else ""


def main(p):
    msg = load(Path(p))
    out = ["# Email analysis", ""]
    hdr = {k: str(msg.get(k, "")) for k in ("From", "Reply-To", "Return-Path", "Sender", "Subject", "Date", "Message-ID")}
    out.append("## Envelope")
    for k, v in hdr.items():
        out.append(f"- **{k}**: `{v}`")
    from_dom = domain_of(hdr["From"])
    for k in ("Reply-To", "Return-Path"):
        d = domain_of(hdr[k])
        if d and d != from_dom:
            out.append(f"- ⚠ {k} domain `{d}` differs from From domain `{from_dom}`")

    out += ["", "## Authentication-Results (top-most is the receiver's)"]
    for ar in msg.get_all("Authentication-Results", [])[:3]:
        out.append(f"- `{' '.join(str(ar).split())[:400]}`")

    out += ["", "## Received chain (oldest first)"]
    for r in reversed(msg.get_all("Received", [])):
        ip = re.search(r"\[(\d{1,3}(?:\.\d{1,3}){3})\]", str(r))
        out.append(f"- {ip.group(1) if ip else '?'} :: {' '.join(str(r).split())[:160]}")

    out += ["", "## Lookalike check"]
    base = from_dom.split(".")[-2] if from_dom.count(".") >= 1 else from_dom
    if from_dom.startswith("xn--") or ".xn--" in from_dom:
        out.append(f"- ⚠ punycode domain `{from_dom}`")
    for b in BRANDS:
        if base != b and lev(base, b) <= 2:
            out.append(f"- ⚠ `{base}` is within edit distance 2 of brand `{b}`")

    urls, pairs = set(), []
    attachments = []
    for part in msg.walk():
        ctype = part.get_content_type()
        fn = part.get_filename()
        if fn:
            data = part.get_payload(decode=True) or b""
            attachments.append((fn, ctype, len(data), hashlib.sha256(data).hexdigest(), data[:8]))
            continue
        if ctype in ("text/plain", "text/html"):
            body = part.get_content()
            urls.update(URL_RX.findall(body))
            if ctype == "text/html":
                lp = Links()
                lp.feed(body)
                pairs += lp.pairs

    out += ["", "## URLs (defanged)"]
    for u in sorted(urls):
        out.append(f"- `{defang(u)}`")
    for text, href in pairs:
        if URL_RX.match(text) and domain_of("@" + re.sub(r"https?://", "", text).split("/")[0]) != domain_of("@" + re.sub(r"https?://", "", href).split("/")[0]):
            out.append(f"- ⚠ link text `{defang(text)}` points to `{defang(href)}`")

    out += ["", "## Attachments (not opened)"]
    for fn, ctype, size, sha, magic in attachments:
        ext = Path(fn).suffix.lower()
        flags = []
        if ext in RISKY_EXT:
            flags.append("risky type")
        if len(Path(fn).suffixes) > 1:
            flags.append("double extension")
        if magic.startswith(b"MZ"):
            flags.append("PE executable")
        out.append(f"- `{fn}` {ctype} {size} B sha256 `{sha}` {' '.join('⚠ ' + f for f in flags)}")
    print("\n".join(out))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: analyse_eml.py <file.eml|file.msg>")
    main(sys.argv[1])
