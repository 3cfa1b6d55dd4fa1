#!/usr/bin/env python3
"""Offline triage of a suspected phishing .eml. Never fetches links or opens attachments.

  triage_eml.py FILE.eml [--json] [--vt]
"""
import argparse
import base64
import email
import hashlib
import json
import os
import re
import sys
import urllib.error
import urllib.request
from email import policy
from email.utils import getaddresses, parseaddr
from html.parser import HTMLParser
from pathlib import Path

URL_RE = re.compile(r"https?://[^\s<>\"')\]]+", re.I)
RISKY_EXT = {".exe", ".scr", ".js", ".jse", ".vbs", ".vbe", ".wsf", ".hta", ".lnk", ".iso", ".img", ".bat",
             ".cmd", ".ps1", ".msi", ".docm", ".xlsm", ".pptm", ".html", ".htm", ".shtml", ".svg", ".one"}
URGENCY = re.compile(r"(?i)\b(urgent|immediately|within 24 hours|account (will be )?(suspended|closed|locked)|"
                     r"verify your (account|identity)|unusual sign-in|password (expires|expired)|"
                     r"update (your )?(payment|bank) details|wire transfer|gift cards?|mfa|one-time code)\b")
BRANDS = [l.strip() for l in (Path(__file__).parent.parent / "references/brands.txt").read_text().splitlines() if l.strip()]


def defang(s: str) -> str:
    return s.replace("http", "hxxp").replace(".", "[.]").replace("hxxp[.]", "hxxp.")


def host_of(url: str) -> str:
    m = re.match(r"(?i)https?://([^/:?#]+)", url)
    return (m.group(1) if m else "").lower()


def lev(a: str, b: str) -> int:
    if abs(len(a) - len(b)) > 2:
        return 99
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def registrable(host: str) -> str:
    parts = host.split(".")
    return ".".join(parts[-2:]) if len(parts) >= 2 else host


def lookalike(host: str) -> str | None:
    reg = registrable(host)
    if "xn--" in host:
        return "punycode (possible homoglyph)"
    for b in BRANDS:
        if reg == b:
            return None
        d = lev(reg, b)
        if 0 < d <= 2:
            return f"{d} edit(s) from {b}"
        brand_word = b.split(".")[0]
        if brand_word in host and reg != b and len(brand_word) > 4:
            return f"contains brand '{brand_word}' on unrelated domain {reg}"
    return None


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._href = None
        self._text = []
        self.forms: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self._href, self._text = a["href"], []
        if tag == "form":
            self.forms.append(a.get("action") or "(no action)")

    def handle_data(self, data):
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links.append((self._href, "".join(self._text).strip()))
            self._href = None


def auth_results(msg) -> dict:
    out = {}
    for h in msg.get_all("Authentication-Results", []) + msg.get_all("ARC-Authentication-Results", []):
        for mech in ("spf", "dkim", "dmarc"):
            m = re.search(rf"\b{mech}=(\w+)", str(h))
            if m and mech not in out:
                out[mech] = m.group(1).lower()
    return out


def received_hops(msg) -> list[dict]:
    hops = []
    for h in msg.get_all("Received", []):
        ip = re.search(r"\[(\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f:]+)\]", str(h))
        frm = re.search(r"from\s+(\S+)", str(h))
        hops.append({"from": frm.group(1) if frm else "?", "ip": ip.group(1) if ip else "?"})
    return hops


def triage(path: Path) -> dict:
    msg = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    from_name, from_addr = parseaddr(str(msg.get("From", "")))
    reply_to = [a for _, a in getaddresses(msg.get_all("Reply-To", []))]
    return_path = parseaddr(str(msg.get("Return-Path", "")))[1]
    findings = []

    from_dom = from_addr.rsplit("@", 1)[-1].lower()
    for r in reply_to:
        if r and r.rsplit("@", 1)[-1].lower() != from_dom:
            findings.append(f"Reply-To domain differs from From ({r})")
    if return_path and return_path.rsplit("@", 1)[-1].lower() != from_dom:
        findings.append(f"Return-Path domain differs from From ({return_path})")
    if from_name and re.search(r"[\w.-]+@[\w.-]+", from_name) and from_addr not in from_name:
        findings.append("display name contains a different email address")
    if (l := lookalike(from_dom)):
        findings.append(f"sender domain {from_dom}: {l}")

    auth = auth_results(msg)
    for mech in ("spf", "dkim", "dmarc"):
        if auth.get(mech) in ("fail", "softfail", "none", "permerror"):
            findings.append(f"{mech.upper()} {auth[mech]}")

    urls, link_mismatch, forms, body_text = set(), [], [], ""
    attachments = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        disp = part.get_content_disposition()
        ctype = part.get_content_type()
        if disp in ("attachment", "inline") and part.get_filename():
            data = part.get_payload(decode=True) or b""
            name = part.get_filename()
            ext = Path(name.lower()).suffix
            flags = []
            if re.search(r"\.(pdf|docx?|xlsx?|jpg|png|txt)\.[a-z0-9]{2,4}$", name.lower()):
                flags.append("double extension")
            if ext in RISKY_EXT:
                flags.append(f"risky type {ext}")
            if ext in (".zip", ".7z", ".rar") and re.search(rb"(?i)password", msg.as_bytes()):
                flags.append("archive with password mentioned in message")
            attachments.append({"name": name, "type": ctype, "size": len(data),
                                "sha256": hashlib.sha256(data).hexdigest(), "flags": flags})
            continue
        try:
            content = part.get_content()
        except (LookupError, KeyError):
            content = (part.get_payload(decode=True) or b"").decode("utf-8", "replace")
        if ctype == "text/html":
            p = LinkParser()
            p.feed(content)
            for href, text in p.links:
                urls.add(href)
                shown = URL_RE.search(text) or re.search(r"\b[\w-]+(\.[\w-]+)+\b", text)
                if shown and host_of(href) and registrable(host_of(href)) not in text.lower():
                    link_mismatch.append((text[:80], href))
            forms += p.forms
            body_text += re.sub(r"<[^>]+>", " ", content)
        elif ctype == "text/plain":
            body_text += content
        urls.update(URL_RE.findall(content))

    for text, href in link_mismatch:
        findings.append(f"link text '{text}' points to {defang(href)}")
    for action in forms:
        findings.append(f"HTML form posts to {defang(action)}")
    for u in sorted(urls):
        if (l := lookalike(host_of(u))):
            findings.append(f"URL host {defang(host_of(u))}: {l}")
    cues = sorted({m.group(0).lower() for m in URGENCY.finditer(body_text)})
    if cues:
        findings.append("pressure/credential language: " + ", ".join(cues))
    for a in attachments:
        for f in a["flags"]:
            findings.append(f"attachment {a['name']}: {f}")

    return {
        "subject": str(msg.get("Subject", "")),
        "date": str(msg.get("Date", "")),
        "from": {"name": from_name, "address": from_addr},
        "reply_to": reply_to,
        "return_path": return_path,
        "authentication": auth,
        "received": received_hops(msg),
        "urls": sorted(defang(u) for u in urls),
        "_urls_raw": sorted(urls),
        "attachments": attachments,
        "findings": findings,
    }


def vt_lookup(report: dict) -> None:
    key = os.environ.get("VT_API_KEY")
    if not key:
        print("VT_API_KEY not set; skipping enrichment", file=sys.stderr)
        return

    def get(path):
        req = urllib.request.Request(f"https://www.virustotal.com/api/v3/{path}", headers={"x-apikey": key})
        try:
            with urllib.request.urlopen(req, timeout=20) as r:
                stats = json.load(r)["data"]["attributes"]["last_analysis_stats"]
                return f"{stats.get('malicious', 0)} malicious / {sum(stats.values())} engines"
        except urllib.error.HTTPError as e:
            return "not found" if e.code == 404 else f"HTTP {e.code}"

    for a in report["attachments"]:
        a["virustotal"] = get(f"files/{a['sha256']}")
    report["url_reputation"] = {}
    for u in report["_urls_raw"][:20]:
        url_id = base64.urlsafe_b64encode(u.encode()).decode().rstrip("=")
        report["url_reputation"][defang(u)] = get(f"urls/{url_id}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("eml")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--vt", action="store_true", help="look up hashes/URLs on VirusTotal (needs VT_API_KEY)")
    a = ap.parse_args()

    report = triage(Path(a.eml))
    if a.vt:
        vt_lookup(report)
    report.pop("_urls_raw", None)

    if a.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"Subject: {report['subject']}\nDate:    {report['date']}")
    print(f"From:    {report['from']['name']} <{report['from']['address']}>")
    print("Auth:    " + (", ".join(f"{k}={v}" for k, v in report["authentication"].items()) or "none"))
    print("Hops:")
    for h in report["received"]:
        print(f"  {h['from']} [{h['ip']}]")
    print(f"\nURLs ({len(report['urls'])}):")
    for u in report["urls"]:
        rep = report.get("url_reputation", {}).get(u)
        print(f"  {u}" + (f"  — {rep}" if rep else ""))
    print(f"\nAttachments ({len(report['attachments'])}):")
    for at in report["attachments"]:
        vt = f"  — VT: {at['virustotal']}" if "virustotal" in at else ""
        print(f"  {at['name']} ({at['type']}, {at['size']} B) sha256={at['sha256']}{vt}")
    print(f"\nFindings ({len(report['findings'])}):")
    for f in report["findings"]:
        print(f"  - {f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
