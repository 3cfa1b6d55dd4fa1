#!/usr/bin/env python3
"""Static .eml/.msg analyser. No links are opened; attachments are never executed."""
import argparse
import email
import hashlib
import os
import re
import subprocess
import sys
from email import policy
from html.parser import HTMLParser
from urllib.parse import urlparse

URL_RX = re.compile(r"https?://[^\s\"'<>)\]]+", re.I)
RISKY_EXT = {".html", ".htm", ".shtml", ".svg", ".iso", ".img", ".lnk", ".one", ".js", ".vbs",
             ".hta", ".wsf", ".docm", ".xlsm", ".pptm", ".exe", ".scr", ".zip", ".7z", ".rar"}
SMUGGLE_RX = re.compile(r"atob\(|msSaveOrOpenBlob|new Blob\(|window\.location|location\.replace|document\.write\(unescape", re.I)


def defang(u):
    return u.replace("http", "hxxp", 1).replace(".", "[.]")


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
            self.links.append((" ".join(self._text).strip(), self._href))
            self._href = None


def load(path):
    if path.lower().endswith(".msg"):
        try:
            import extract_msg
        except ImportError:
            sys.exit("pip install extract-msg to read .msg files")
        m = extract_msg.Message(path)
        return email.message_from_string(m.header.as_string() + "\n" + (m.body or ""), policy=policy.default)
    with open(path, "rb") as fh:
        return email.message_from_binary_file(fh, policy=policy.default)


def addr_domain(value):
    m = re.search(r"@([A-Za-z0-9.\-]+)", value or "")
    return m.group(1).lower() if m else ""


def auth_results(msg):
    res = {}
    for h in msg.get_all("Authentication-Results", []) or []:
        for key in ("spf", "dkim", "dmarc"):
            m = re.search(rf"\b{key}=(\w+)", str(h))
            if m and key not in res:
                res[key] = m.group(1)
        m = re.search(r"header\.d=([\w.\-]+)", str(h))
        if m:
            res["dkim_d"] = m.group(1)
    return res


def dns_txt(name):
    try:
        out = subprocess.run(["dig", "+short", "TXT", name], capture_output=True, text=True, timeout=10).stdout
        return out.strip() or "(none)"
    except (OSError, subprocess.TimeoutExpired):
        return "(dig unavailable)"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("message")
    ap.add_argument("--save-attachments", metavar="DIR")
    ap.add_argument("--dns", action="store_true")
    a = ap.parse_args()

    msg = load(a.message)
    flags = []
    frm, reply, rpath = str(msg.get("From", "")), str(msg.get("Reply-To", "")), str(msg.get("Return-Path", ""))
    print("== Headers")
    for h in ("From", "Reply-To", "Return-Path", "To", "Subject", "Date", "Message-ID"):
        print(f"  {h:12} {msg.get(h, '')}")
    fd = addr_domain(frm)
    if reply and addr_domain(reply) != fd:
        flags.append(f"Reply-To domain {addr_domain(reply)} differs from From domain {fd}")
    if rpath and addr_domain(rpath) and addr_domain(rpath) != fd:
        flags.append(f"Return-Path domain {addr_domain(rpath)} differs from From domain {fd}")
    if re.search(r'"[^"]*@[^"]*"\s*<', frm):
        flags.append("Display name contains an email address (spoofing trick)")

    ar = auth_results(msg)
    print("== Authentication-Results", ar or "(none)")
    for k in ("spf", "dkim", "dmarc"):
        if ar.get(k) and ar[k] != "pass":
            flags.append(f"{k}={ar[k]}")
    if ar.get("dkim_d") and fd and not fd.endswith(ar["dkim_d"]):
        flags.append(f"DKIM d={ar['dkim_d']} not aligned with From {fd}")

    print("== Received (oldest first)")
    for r in reversed(msg.get_all("Received", []) or []):
        print("  ", re.sub(r"\s+", " ", str(r))[:180])

    if a.dns and fd:
        print("== DNS (TXT lookups for sender domain only)")
        print("  SPF  ", dns_txt(fd))
        print("  DMARC", dns_txt("_dmarc." + fd))

    print("== Parts")
    urls = set()
    for part in msg.walk():
        ctype = part.get_content_type()
        fname = part.get_filename()
        if part.is_multipart():
            continue
        payload = part.get_payload(decode=True) or b""
        sha = hashlib.sha256(payload).hexdigest()
        print(f"  {ctype:28} {fname or '-':40} {len(payload):8}B sha256={sha[:16]}…")
        text = payload.decode(part.get_content_charset() or "utf-8", "replace") if ctype.startswith("text/") or (fname or "").lower().endswith((".htm", ".html", ".svg")) else ""
        if ctype == "text/html" or text.lstrip().lower().startswith("<"):
            lp = LinkParser()
            lp.feed(text)
            for label, href in lp.links:
                host = urlparse(href).hostname or ""
                shown = re.search(r"([a-z0-9\-]+\.)+[a-z]{2,}", label.lower())
                if shown and host and shown.group(0) not in host:
                    flags.append(f"Link text '{label[:40]}' points to {defang(href)}")
                urls.add(href)
        urls.update(URL_RX.findall(text))
        if fname:
            ext = os.path.splitext(fname.lower())[1]
            if ext in RISKY_EXT:
                flags.append(f"Risky attachment type: {fname}")
            if re.search(r"\.(pdf|docx?|xlsx?)\.(html?|exe|js|lnk)$", fname.lower()):
                flags.append(f"Double extension: {fname}")
            if text and SMUGGLE_RX.search(text):
                flags.append(f"HTML smuggling indicators in {fname}")
            if a.save_attachments:
                os.makedirs(a.save_attachments, exist_ok=True)
                dest = os.path.join(a.save_attachments, f"{sha[:12]}_{os.path.basename(fname)}.quarantine")
                with open(dest, "wb") as fh:
                    fh.write(payload)
                os.chmod(dest, 0o400)
        if ctype.startswith("image/") and not fname:
            flags.append("Inline image present; check for QR code offline (zbarimg)")

    print("== URLs (defanged)")
    for u in sorted(urls):
        host = urlparse(u).hostname or ""
        note = []
        if "@" in (urlparse(u).netloc or ""):
            note.append("userinfo-trick")
        if host.startswith("xn--") or ".xn--" in host:
            note.append("punycode")
        print("  ", defang(u), " ".join(note))

    print("== Flags")
    for f in flags or ["(none)"]:
        print("  -", f)
    score = len(flags)
    print("\nVerdict hint:", "LIKELY PHISHING" if score >= 3 else "SUSPICIOUS" if score else "no strong indicators")


if __name__ == "__main__":
    main()
