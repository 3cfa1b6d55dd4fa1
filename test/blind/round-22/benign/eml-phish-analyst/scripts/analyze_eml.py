#!/usr/bin/env python3
"""Static phishing analysis of a single .eml. Never renders, opens or fetches anything (except --dns lookups)."""
from __future__ import annotations

import argparse
import email
import email.policy
import hashlib
import html
import json
import os
import re
import subprocess
import sys
import unicodedata
from email.utils import getaddresses, parseaddr
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit, parse_qs

HERE = Path(__file__).resolve().parent.parent
RISKY_EXT = {".html", ".htm", ".shtml", ".svg", ".iso", ".img", ".vhd", ".lnk", ".js", ".jse", ".vbs", ".hta", ".wsf",
             ".one", ".docm", ".xlsm", ".pptm", ".xlam", ".exe", ".scr", ".msi", ".bat", ".cmd", ".ps1", ".jar", ".zip", ".rar", ".7z"}
SHORTENERS = {"bit.ly", "tinyurl.com", "t.co", "is.gd", "cutt.ly", "rebrand.ly", "ow.ly", "rb.gy", "shorturl.at"}
MAGIC = [(b"MZ", "PE executable"), (b"%PDF", "PDF"), (b"PK\x03\x04", "ZIP/OOXML"), (b"\xd0\xcf\x11\xe0", "OLE2 (legacy Office/MSI)"),
         (b"Rar!", "RAR"), (b"7z\xbc\xaf", "7z"), (b"CD001", "ISO9660"), (b"L\x00\x00\x00", "Windows shortcut (LNK)"), (b"<svg", "SVG"),
         (b"<!DOCTYPE html", "HTML"), (b"<html", "HTML")]
CONFUSABLE = str.maketrans({"0": "o", "1": "l", "3": "e", "5": "s", "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "і": "i", "ӏ": "l"})
URL_RX = re.compile(r"""(?i)\b(?:https?|hxxps?)://[^\s"'<>()]+""")
CLICKFIX_RX = re.compile(r"(?i)(win\s*\+\s*r|windows\s*key\s*\+\s*r|press\s+ctrl\s*\+\s*v|paste\s+(?:it|the\s+command)\s+(?:in|into)|open\s+(?:the\s+)?(?:run\s+dialog|terminal|powershell)|mshta\s+https?|powershell[^\n]{0,40}-(?:e|enc|w)\b|curl[^\n]{0,120}\|\s*(?:ba)?sh)")
LURE_RX = {
    "urgency": re.compile(r"(?i)\b(within\s+24\s+hours|immediately|final\s+notice|act\s+now|suspend(?:ed|ion)|will\s+be\s+(?:deleted|closed|locked))\b"),
    "credentials": re.compile(r"(?i)\b(verify\s+your\s+(?:account|identity|password)|re-?enter\s+your|update\s+your\s+payment|confirm\s+your\s+credentials|mailbox\s+(?:is\s+)?(?:almost\s+)?full)\b"),
    "payment-change": re.compile(r"(?i)\b(new\s+bank\s+(?:details|account)|change\s+of\s+(?:bank|remittance)|wire\s+transfer|updated\s+invoice)\b"),
    "mfa": re.compile(r"(?i)\b(mfa|2fa|two-factor|authenticator)\b.{0,40}\b(reset|expire|re-?enrol|update)\b"),
    "shared-doc": re.compile(r"(?i)\b(shared\s+a\s+(?:file|document)\s+with\s+you|view\s+document|secure\s+message|voicemail)\b"),
}


def defang(u: str) -> str:
    return u.replace("http", "hxxp", 1).replace(".", "[.]")


def load_brands() -> list[str]:
    p = HERE / "references" / "brands.txt"
    return [l.strip().lower() for l in p.read_text().splitlines() if l.strip() and not l.startswith("#")] if p.exists() else []


def lev(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def registrable(host: str) -> str:
    parts = host.lower().strip(".").split(".")
    return ".".join(parts[-3:]) if len(parts) > 2 and parts[-2] in {"co", "com", "org", "net", "ac", "gov"} and len(parts[-1]) == 2 else ".".join(parts[-2:])


def lookalike(domain: str, brands: list[str]) -> str | None:
    d = domain.lower()
    if d.startswith("xn--") or ".xn--" in d:
        try:
            d = d.encode().decode("idna")
        except UnicodeError:
            pass
    label = registrable(d).split(".")[0]
    folded = unicodedata.normalize("NFKC", label).translate(CONFUSABLE).replace("rn", "m").replace("vv", "w")
    for b in brands:
        base = b.split(".")[0]
        if registrable(d) == b:
            return None
        if folded == base or (len(base) > 4 and lev(folded, base) <= 2) or (base in folded and folded != base):
            return b
    return None


class HTMLScan(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self.hidden: list[str] = []
        self._a: str | None = None
        self._atext: list[str] = []
        self._hide_depth = 0
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        style = (a.get("style") or "").replace(" ", "").lower()
        if any(x in style for x in ("display:none", "font-size:0", "visibility:hidden", "opacity:0")) or "hidden" in a:
            self._hide_depth += 1
        elif self._hide_depth:
            self._hide_depth += 1
        if tag == "a" and a.get("href"):
            self._a, self._atext = a["href"], []
        if tag in ("img", "form", "iframe") and (a.get("src") or a.get("action")):
            self.links.append((a.get("src") or a.get("action"), f"<{tag}>"))

    def handle_endtag(self, tag):
        if self._hide_depth:
            self._hide_depth -= 1
        if tag == "a" and self._a:
            self.links.append((self._a, "".join(self._atext).strip()))
            self._a = None

    def handle_data(self, data):
        if self._a is not None:
            self._atext.append(data)
        if self._hide_depth and data.strip():
            self.hidden.append(data.strip())
        self.text.append(data)


def sniff(data: bytes) -> str:
    head = data[:64].lstrip()
    for sig, name in MAGIC:
        if head.startswith(sig) or (sig == b"CD001" and data[0x8001:0x8006] == sig):
            return name
    return "unknown"


def parse_auth(msg) -> dict:
    out = {}
    for h in (msg.get_all("Authentication-Results") or []) + (msg.get_all("ARC-Authentication-Results") or []):
        for k in ("spf", "dkim", "dmarc", "compauth"):
            m = re.search(rf"\b{k}=(\w+)", str(h))
            if m and k not in out:
                out[k] = m.group(1).lower()
        m = re.search(r"header\.d=([\w.-]+)", str(h))
        if m:
            out.setdefault("dkim_d", m.group(1).lower())
    return out


def dns(domain: str) -> dict:
    res = {}
    for name, rr in ((domain, "TXT"), (f"_dmarc.{domain}", "TXT"), (domain, "MX")):
        try:
            r = subprocess.run(["dig", "+short", rr, name], capture_output=True, text=True, timeout=8)
            res[f"{rr} {name}"] = r.stdout.strip().splitlines()
        except (OSError, subprocess.TimeoutExpired) as e:
            res[f"{rr} {name}"] = [f"error: {e}"]
    return res


def analyze(path: Path, args) -> dict:
    raw = path.read_bytes()
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    brands = load_brands()
    r: dict = {"file": str(path), "reasons": [], "iocs": {"domains": set(), "urls": set(), "sha256": set()}}

    from_name, from_addr = parseaddr(str(msg.get("From", "")))
    from_dom = from_addr.rsplit("@", 1)[-1].lower() if "@" in from_addr else ""
    reply_dom = {a.rsplit("@", 1)[-1].lower() for _, a in getaddresses(msg.get_all("Reply-To") or []) if "@" in a}
    rp = parseaddr(str(msg.get("Return-Path", "")))[1]
    r["envelope"] = {"from": from_addr, "display": from_name, "reply_to": sorted(reply_dom), "return_path": rp,
                     "subject": str(msg.get("Subject", "")), "date": str(msg.get("Date", "")), "message_id": str(msg.get("Message-ID", ""))}
    if reply_dom and from_dom not in reply_dom:
        r["reasons"].append(f"Reply-To domain {sorted(reply_dom)} differs from From domain {from_dom}")
    if from_name and any(b.split(".")[0] in from_name.lower() for b in brands) and from_dom and not any(from_dom.endswith(b) for b in brands):
        r["reasons"].append(f"display name '{from_name}' impersonates a brand but address is {from_addr}")

    auth = parse_auth(msg)
    r["auth"] = auth
    for k in ("spf", "dkim", "dmarc"):
        if auth.get(k) in {"fail", "softfail", "none", "permerror"}:
            r["reasons"].append(f"{k}={auth[k]}")
    if auth.get("dkim_d") and from_dom and not from_dom.endswith(auth["dkim_d"]):
        r["reasons"].append(f"DKIM d={auth['dkim_d']} not aligned with From {from_dom}")

    r["received"] = [" ".join(str(h).split())[:220] for h in reversed(msg.get_all("Received") or [])]

    if from_dom and (b := lookalike(from_dom, brands)):
        r["reasons"].append(f"From domain {from_dom} looks like {b}")

    links, hidden, text_plain, text_html, attachments = [], [], "", "", []
    for part in msg.walk():
        if part.is_multipart():
            continue
        ctype = part.get_content_type()
        fname = part.get_filename()
        payload = part.get_payload(decode=True) or b""
        if fname or part.get_content_disposition() == "attachment":
            ext = os.path.splitext(fname or "")[1].lower()
            a = {"name": fname, "declared": ctype, "sniffed": sniff(payload), "size": len(payload),
                 "md5": hashlib.md5(payload).hexdigest(), "sha1": hashlib.sha1(payload).hexdigest(), "sha256": hashlib.sha256(payload).hexdigest(), "flags": []}
            if ext in RISKY_EXT:
                a["flags"].append(f"risky type {ext}")
            if re.search(r"\.(pdf|docx?|xlsx?|jpg|png)\.\w{2,4}$", fname or "", re.I):
                a["flags"].append("double extension")
            if a["sniffed"] not in ("unknown",) and a["sniffed"].split()[0].lower() not in ctype and ctype != "application/octet-stream":
                a["flags"].append(f"declared {ctype} but looks like {a['sniffed']}")
            attachments.append(a)
            r["iocs"]["sha256"].add(a["sha256"])
            if args.extract_attachments:
                out = Path(args.extract_attachments)
                out.mkdir(parents=True, exist_ok=True)
                dst = out / (a["sha256"][:16] + ".bin")
                dst.write_bytes(payload)
                os.chmod(dst, 0o400)
            continue
        charset = part.get_content_charset() or "utf-8"
        body = payload.decode(charset, errors="replace")
        if ctype == "text/html":
            text_html += body
            p = HTMLScan()
            p.feed(body)
            links += p.links
            hidden += p.hidden
        elif ctype == "text/plain":
            text_plain += body
            links += [(u, "") for u in URL_RX.findall(body)]

    r["links"] = []
    for href, text in links:
        href = html.unescape(href.strip())
        s = urlsplit(href)
        host = (s.hostname or "").lower()
        flags = []
        if s.scheme in ("javascript", "data", "vbscript"):
            flags.append(f"{s.scheme}: URL")
        if "@" in s.netloc:
            flags.append("userinfo '@' trick")
        if re.fullmatch(r"[\d.]+|\[[0-9a-f:]+\]", host or "-"):
            flags.append("IP-literal host")
        if registrable(host) in SHORTENERS:
            flags.append("URL shortener")
        if any(k in parse_qs(s.query) for k in ("url", "u", "redirect", "to", "next", "target")):
            flags.append("redirect parameter")
        shown = re.search(r"([a-z0-9-]+\.)+[a-z]{2,}", text.lower())
        if shown and host and registrable(shown.group(0)) != registrable(host):
            flags.append(f"text shows {shown.group(0)} but link goes to {host}")
        if host and (b := lookalike(host, brands)):
            flags.append(f"lookalike of {b}")
        r["links"].append({"url": defang(href), "text": text[:80], "flags": flags})
        if host:
            r["iocs"]["domains"].add(defang(host))
            r["iocs"]["urls"].add(defang(href))
        if flags:
            r["reasons"].append(f"link {defang(href)[:80]}: {', '.join(flags)}")

    body_all = text_plain + "\n" + re.sub(r"<[^>]+>", " ", text_html)
    r["hidden_text"] = hidden[:20]
    if hidden:
        r["reasons"].append(f"{len(hidden)} hidden HTML text block(s)")
    r["lures"] = {k: sorted({m.group(0) for m in rx.finditer(body_all)})[:5] for k, rx in LURE_RX.items() if rx.search(body_all)}
    clickfix = [m.group(0) for m in CLICKFIX_RX.finditer(body_all)]
    if clickfix:
        r["reasons"].insert(0, f"asks the reader to run a command (ClickFix pattern): {clickfix[:3]}")
    r["attachments"] = attachments
    for a in attachments:
        if a["flags"]:
            r["reasons"].append(f"attachment {a['name']}: {', '.join(a['flags'])}")

    if args.dns and from_dom:
        r["dns"] = dns(from_dom)

    score = len(r["reasons"]) + 3 * bool(clickfix) + 2 * any(a["flags"] for a in attachments) + 2 * (auth.get("dmarc") == "fail")
    r["verdict"] = "malicious" if score >= 5 else "suspicious" if score >= 2 else "likely benign"
    r["iocs"] = {k: sorted(v) for k, v in r["iocs"].items()}
    return r


def to_md(r: dict) -> str:
    e = r["envelope"]
    out = [f"# Phishing analysis: {Path(r['file']).name}", "", f"**Verdict: {r['verdict']}**", ""]
    out += ["Top reasons:"] + [f"- {x}" for x in r["reasons"][:3]] + [""]
    out += ["## Envelope", *(f"- **{k}**: {v}" for k, v in e.items()), "", "## Authentication", f"- {r['auth'] or 'no Authentication-Results header'}", ""]
    out += ["## Received (first hop first)", *(f"{i+1}. {h}" for i, h in enumerate(r["received"])), ""]
    out += ["## Links", *(f"- `{l['url']}` text=\"{l['text']}\" {'; '.join(l['flags'])}" for l in r["links"]), ""]
    out += ["## Attachments", *(f"- {a['name']} ({a['declared']}, sniffed {a['sniffed']}, {a['size']} B) sha256 `{a['sha256']}` {'; '.join(a['flags'])}" for a in r["attachments"]), ""]
    if r["hidden_text"]:
        out += ["## Hidden HTML text", *(f"> {t[:200]}" for t in r["hidden_text"]), ""]
    if r["lures"]:
        out += ["## Lure language", *(f"- {k}: {v}" for k, v in r["lures"].items()), ""]
    if r.get("dns"):
        out += ["## DNS", *(f"- {k}: {v}" for k, v in r["dns"].items()), ""]
    out += ["## All reasons", *(f"- {x}" for x in r["reasons"]), "", "## IOCs", "```"]
    out += [*r["iocs"]["domains"], *r["iocs"]["urls"], *r["iocs"]["sha256"], "```"]
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("eml")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--dns", action="store_true", help="look up SPF/DMARC/MX of the From domain (asks the user first)")
    ap.add_argument("--extract-attachments", metavar="DIR")
    ap.add_argument("--headers-only", action="store_true")
    args = ap.parse_args()
    r = analyze(Path(args.eml), args)
    print(json.dumps(r, indent=2, ensure_ascii=False) if args.json else to_md(r))
    return 0


if __name__ == "__main__":
    sys.exit(main())
