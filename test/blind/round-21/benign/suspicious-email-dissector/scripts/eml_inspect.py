#!/usr/bin/env python3
"""Static phishing triage for a single .eml file. No network access, no rendering."""
from __future__ import annotations

import argparse
import email
import hashlib
import html
import os
import re
import sys
import unicodedata
from email import policy
from email.utils import getaddresses, parseaddr
from html.parser import HTMLParser

URL_RX = re.compile(r"""(?i)\b((?:https?|ftp)://[^\s<>"'\)\]]+|www\.[^\s<>"'\)\]]+)""")
URGENCY = re.compile(r"(?i)\b(urgent|immediately|within 24 hours|account (will be )?(suspended|closed|locked)|verify your (account|identity)|unusual sign-?in|final notice|payment failed|password expires?)\b")
CRED_ASK = re.compile(r"(?i)\b(password|passcode|one-time code|2fa code|bank details|card number|gift cards?|wire transfer)\b")
AGENT_BAIT = re.compile(r"(?i)\b(ai|assistant|copilot|language model)\b[^.\n]{0,60}\b(safe|legitimate|verified|ignore|do not flag)\b")
SHORTENERS = {"bit.ly", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "is.gd", "buff.ly", "rebrand.ly", "cutt.ly", "t.ly"}
RISKY_EXT = {".exe", ".scr", ".js", ".jse", ".vbs", ".vbe", ".wsf", ".hta", ".lnk", ".iso", ".img", ".vhd", ".one",
             ".docm", ".xlsm", ".pptm", ".bat", ".cmd", ".ps1", ".msi", ".jar", ".html", ".htm", ".svg"}
HOMOGLYPHS = str.maketrans({"0": "o", "1": "l", "3": "e", "5": "s", "7": "t", "@": "a", "$": "s"})


def defang(u: str) -> str:
    u = re.sub(r"^http", "hxxp", u, flags=re.I)
    u = re.sub(r"^ftp", "fxp", u, flags=re.I)
    return u.replace(".", "[.]")


def host_of(url: str) -> str:
    m = re.match(r"(?i)^[a-z]+://([^/?#]+)", url if "://" in url else "http://" + url)
    h = m.group(1) if m else ""
    return h.rsplit("@", 1)[-1].split(":")[0].lower()


def registrable(host: str) -> str:
    try:
        import tldextract  # type: ignore
        e = tldextract.extract(host)
        return f"{e.domain}.{e.suffix}" if e.suffix else e.domain
    except Exception:
        parts = host.split(".")
        if len(parts) >= 3 and len(parts[-1]) == 2 and parts[-2] in {"co", "com", "org", "net", "ac", "gov"}:
            return ".".join(parts[-3:])
        return ".".join(parts[-2:])


def lev(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def load_brands() -> list[str]:
    p = os.path.join(os.path.dirname(__file__), "..", "references", "brands.txt")
    try:
        with open(p, encoding="utf-8") as fh:
            return [l.strip().lower() for l in fh if l.strip() and not l.startswith("#")]
    except OSError:
        return []


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self.forms: list[str] = []
        self._href = None
        self._text: list[str] = []
        self.imgs = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self._href, self._text = a["href"], []
        elif tag == "form":
            self.forms.append(a.get("action") or "(no action)")
        elif tag == "img":
            self.imgs += 1

    def handle_data(self, data):
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links.append((self._href, "".join(self._text).strip()))
            self._href = None


def domain_flags(host: str, brands: list[str]) -> list[str]:
    flags = []
    if host.startswith("xn--") or ".xn--" in host:
        flags.append("punycode")
    if any(ord(c) > 127 for c in host):
        scripts = {unicodedata.name(c, "?").split()[0] for c in host if c.isalpha()}
        flags.append(f"non-ascii ({','.join(sorted(scripts))})")
    if re.fullmatch(r"[\d.]+|\[[0-9a-f:]+\]", host):
        flags.append("ip-literal")
    if host in SHORTENERS:
        flags.append("shortener")
    label = registrable(host).split(".")[0]
    norm = label.translate(HOMOGLYPHS).replace("rn", "m").replace("vv", "w")
    for b in brands:
        if label == b:
            break
        if norm == b or (len(b) > 4 and lev(label, b) <= 2) or (b in label and label != b):
            flags.append(f"look-alike of '{b}'")
            break
    return flags


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("eml")
    ap.add_argument("--out")
    ap.add_argument("--extract-attachments", metavar="DIR")
    a = ap.parse_args()

    with open(a.eml, "rb") as fh:
        msg = email.message_from_binary_file(fh, policy=policy.default)

    brands = load_brands()
    score, reasons, out = 0, [], []
    w = out.append

    frm_name, frm_addr = parseaddr(str(msg.get("From", "")))
    frm_dom = frm_addr.rsplit("@", 1)[-1].lower() if "@" in frm_addr else ""
    w(f"# Phishing triage: `{os.path.basename(a.eml)}`\n")
    w("## Identity")
    for h in ("From", "Sender", "Reply-To", "Return-Path", "To", "Subject", "Date", "Message-ID"):
        if msg.get(h):
            w(f"- **{h}:** `{str(msg.get(h))[:200]}`")
    rt = [addr for _, addr in getaddresses(msg.get_all("Reply-To", []))]
    if rt and any(registrable(x.rsplit("@", 1)[-1].lower()) != registrable(frm_dom) for x in rt if "@" in x):
        score += 2; reasons.append("Reply-To domain differs from From domain")
    rp = parseaddr(str(msg.get("Return-Path", "")))[1]
    if rp and "@" in rp and registrable(rp.rsplit("@", 1)[-1].lower()) != registrable(frm_dom):
        score += 1; reasons.append("Return-Path (envelope sender) domain differs from From")
    if re.search(r"[\w.+-]+@[\w.-]+", frm_name or "") and frm_addr.lower() not in frm_name.lower():
        score += 2; reasons.append("Display name contains a different e-mail address")
    df = domain_flags(frm_dom, brands) if frm_dom else []
    if df:
        score += 3; reasons.append(f"Sender domain {frm_dom}: {', '.join(df)}")

    w("\n## Authentication")
    ar = msg.get_all("Authentication-Results", []) or []
    if not ar:
        w("- No Authentication-Results header (cannot assess SPF/DKIM/DMARC)."); score += 1
    for i, h in enumerate(ar):
        s = str(h)
        w(f"- [{'top (added by receiving server)' if i == 0 else 'lower — may be forged'}] `{s[:300]}`")
        if i == 0:
            for mech in ("spf", "dkim", "dmarc"):
                m = re.search(rf"{mech}=(\w+)", s, re.I)
                if m and m.group(1).lower() in {"fail", "softfail", "none", "permerror", "temperror"}:
                    score += 2 if mech == "dmarc" else 1
                    reasons.append(f"{mech.upper()}={m.group(1)}")
            d = re.search(r"header\.d=([\w.-]+)", s)
            if d and frm_dom and registrable(d.group(1).lower()) != registrable(frm_dom):
                score += 1; reasons.append(f"DKIM d={d.group(1)} not aligned with From {frm_dom}")

    w("\n## Received chain (newest first)")
    for r in (msg.get_all("Received", []) or [])[:12]:
        w(f"- `{' '.join(str(r).split())[:220]}`")

    w("\n## Links (defanged)")
    urls: list[tuple[str, str]] = []
    forms: list[str] = []
    body_text = ""
    for part in msg.walk():
        ctype = part.get_content_type()
        if part.get_content_disposition() == "attachment":
            continue
        if ctype == "text/plain":
            t = part.get_content()
            body_text += t
            urls += [(u, "") for u in URL_RX.findall(t)]
        elif ctype == "text/html":
            t = part.get_content()
            body_text += html.unescape(re.sub(r"<[^>]+>", " ", t))
            p = LinkParser(); p.feed(t)
            urls += p.links
            forms += p.forms
            if p.imgs and re.search(r"(?i)\bqr\b|scan (the|this) code", t):
                score += 2; reasons.append("QR code image referenced in body")
    seen = set()
    for href, text in urls:
        if href in seen or href.startswith("mailto:"):
            continue
        seen.add(href)
        host = host_of(href)
        flags = domain_flags(host, brands)
        authority = href.split("://", 1)[1].split("/", 1)[0] if "://" in href else ""
        if "@" in authority:
            flags.append("userinfo-in-url")
        if href.lower().startswith("data:"):
            flags.append("data-uri")
        shown = host_of(text) if URL_RX.search(text or "") else ""
        if shown and registrable(shown) != registrable(host):
            flags.append(f"text shows {defang(shown)} but links elsewhere")
        if flags:
            score += 2; reasons.append(f"link {defang(host)}: {', '.join(flags)}")
        w(f"- `{defang(href)[:200]}`" + (f" — {', '.join(flags)}" if flags else ""))
    for f in forms:
        w(f"- FORM posts to `{defang(f)}`"); score += 3; reasons.append("HTML form in message body")

    w("\n## Attachments")
    for part in msg.iter_attachments():
        name = part.get_filename() or "(unnamed)"
        data = part.get_payload(decode=True) or b""
        sha = hashlib.sha256(data).hexdigest()
        exts = [e.lower() for e in re.findall(r"\.[A-Za-z0-9]{1,5}", name)]
        notes = []
        if exts and exts[-1] in RISKY_EXT:
            notes.append(f"risky type {exts[-1]}")
        if len(exts) >= 2 and exts[-2] in {".pdf", ".doc", ".docx", ".xls", ".jpg", ".png", ".txt"}:
            notes.append("double extension")
        if data[:2] == b"MZ":
            notes.append("PE executable content")
        if data[:4] == b"PK\x03\x04" and b"encrypt" in data[:512].lower():
            notes.append("possibly encrypted archive")
        if exts and exts[-1] in {".html", ".htm", ".svg"} and re.search(rb"atob\(|eval\(|<form|window\.location", data, re.I):
            notes.append("HTML/SVG with script or form")
        if notes:
            score += 3; reasons.append(f"attachment {name}: {', '.join(notes)}")
        w(f"- `{name}` {part.get_content_type()} {len(data)} bytes sha256 `{sha}`" + (f" — {', '.join(notes)}" if notes else ""))
        if a.extract_attachments:
            os.makedirs(a.extract_attachments, mode=0o700, exist_ok=True)
            safe = re.sub(r"[^A-Za-z0-9._-]", "_", name) + ".quarantine"
            dest = os.path.join(a.extract_attachments, safe)
            with open(dest, "wb") as fh:
                fh.write(data)
            os.chmod(dest, 0o600)

    w("\n## Content cues")
    if URGENCY.search(body_text):
        score += 1; reasons.append("urgency language"); w(f"- urgency: “{URGENCY.search(body_text).group(0)}”")
    if CRED_ASK.search(body_text):
        score += 1; reasons.append("asks for credentials/payment"); w(f"- sensitive ask: “{CRED_ASK.search(body_text).group(0)}”")
    if AGENT_BAIT.search(body_text):
        score += 2; reasons.append("text addressed to AI assistants")
        w(f"- text aimed at AI tools: “{AGENT_BAIT.search(body_text).group(0)[:120]}” (not followed)")

    verdict = "likely phishing" if score >= 6 else "suspicious" if score >= 3 else "no strong indicators"
    w(f"\n## Verdict: **{verdict}** (score {score})")
    for r in reasons[:10]:
        w(f"- {r}")

    report = "\n".join(out) + "\n"
    if a.out:
        with open(a.out, "w", encoding="utf-8") as fh:
            fh.write(report)
    sys.stdout.write(report)


if __name__ == "__main__":
    main()
