#!/usr/bin/env python3
"""Static triage of a saved email (.eml). Makes no network requests."""
from __future__ import annotations

import argparse
import email
import email.policy
import hashlib
import html
import json
import os
import re
import sys
from email.utils import getaddresses, parseaddr
from html.parser import HTMLParser

MAGIC = {b"%PDF": "pdf", b"PK\x03\x04": "zip/ooxml", b"MZ": "pe-exe", b"\xd0\xcf\x11\xe0": "ole/office97",
         b"Rar!": "rar", b"7z\xbc\xaf": "7z", b"CD001": "iso", b"L\x00\x00\x00": "lnk", b"\x7fELF": "elf"}
RISKY_EXT = (".html", ".htm", ".svg", ".iso", ".img", ".lnk", ".one", ".js", ".vbs", ".hta", ".exe", ".scr",
             ".docm", ".xlsm", ".pptm", ".wsf", ".bat", ".cmd", ".ps1", ".zip", ".rar", ".7z")
HOMO = str.maketrans({"0": "o", "1": "l", "3": "e", "5": "s", "@": "a", "$": "s"})


def defang(u: str) -> str:
    return u.replace("http", "hxxp").replace(".", "[.]")


def domain_of(addr: str) -> str:
    return parseaddr(addr)[1].rpartition("@")[2].lower()


def skeleton(d: str) -> str:
    d = d.encode().decode("idna") if d.startswith("xn--") or ".xn--" in d else d
    return d.translate(HOMO).replace("rn", "m").replace("vv", "w").replace("-", "")


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.forms, self.hidden, self._a, self._text = [], [], [], None, []
        self._hidden_depth = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        style = (a.get("style") or "").replace(" ", "").lower()
        if any(s in style for s in ("display:none", "font-size:0", "visibility:hidden", "opacity:0")):
            self._hidden_depth += 1
        if tag == "a" and a.get("href"):
            self._a, self._text = a["href"], []
        if tag == "form":
            self.forms.append(a.get("action", ""))
        if tag in ("img", "iframe", "script") and (a.get("src") or "").startswith("data:"):
            self.hidden.append(f"{tag} with data: URI ({len(a['src'])} chars)")

    def handle_endtag(self, tag):
        if tag == "a" and self._a:
            self.links.append((self._a, "".join(self._text).strip()))
            self._a = None
        if self._hidden_depth and tag in ("div", "span", "p", "td", "font"):
            self._hidden_depth -= 1

    def handle_data(self, data):
        if self._a is not None:
            self._text.append(data)
        if self._hidden_depth and data.strip():
            self.hidden.append(f"hidden text: {data.strip()[:100]!r}")


def parse_auth(msg) -> list[dict]:
    out = []
    for h in msg.get_all("Authentication-Results", []) + msg.get_all("ARC-Authentication-Results", []):
        for mech in ("spf", "dkim", "dmarc"):
            for m in re.finditer(rf"\b{mech}=(\w+)(?:[^;]*?(?:header\.d|header\.from|smtp\.mailfrom|header\.i)=@?([\w.-]+))?", str(h), re.I):
                out.append({"mech": mech, "result": m.group(1).lower(), "domain": (m.group(2) or "").lower()})
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("eml")
    ap.add_argument("--brand", action="append", default=[], help="legitimate domain to compare against")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--extract-attachments", metavar="DIR")
    args = ap.parse_args()

    msg = email.message_from_binary_file(open(args.eml, "rb"), policy=email.policy.default)
    r: dict = {"subject": str(msg.get("Subject", "")), "message_id": str(msg.get("Message-ID", "")), "date": str(msg.get("Date", ""))}
    r["from"] = str(msg.get("From", ""))
    r["reply_to"] = str(msg.get("Reply-To", ""))
    r["return_path"] = str(msg.get("Return-Path", ""))
    doms = {k: domain_of(r[k]) for k in ("from", "reply_to", "return_path") if r[k]}
    r["alignment"] = {"domains": doms, "aligned": len(set(doms.values())) <= 1}
    r["auth"] = parse_auth(msg)
    r["received"] = [re.sub(r"\s+", " ", str(h))[:200] for h in reversed(msg.get_all("Received", []))]

    texts, links, forms, hidden, atts = [], [], [], [], []
    for part in msg.walk():
        if part.is_multipart():
            continue
        ctype = part.get_content_type()
        fname = part.get_filename()
        if fname or part.get_content_disposition() == "attachment":
            data = part.get_payload(decode=True) or b""
            kind = next((v for k, v in MAGIC.items() if data.startswith(k)), "unknown")
            flags = []
            if fname and fname.lower().endswith(RISKY_EXT):
                flags.append("risky extension")
            if fname and re.search(r"\.\w{2,4}\.\w{2,4}$", fname):
                flags.append("double extension")
            if kind == "zip/ooxml" and data[6:8] in (b"\x01\x00", b"\x09\x00"):
                flags.append("encrypted zip")
            atts.append({"name": fname, "declared": ctype, "magic": kind, "size": len(data),
                         "sha256": hashlib.sha256(data).hexdigest(), "flags": flags})
            if args.extract_attachments:
                os.makedirs(args.extract_attachments, exist_ok=True)
                safe = re.sub(r"[^\w.-]", "_", fname or "attachment") + ".quarantine"
                p = os.path.join(args.extract_attachments, safe)
                with open(p, "wb") as fh:
                    fh.write(data)
                os.chmod(p, 0o400)
            continue
        try:
            body = part.get_content()
        except (LookupError, UnicodeDecodeError):
            body = (part.get_payload(decode=True) or b"").decode("latin-1")
        if ctype == "text/html":
            lp = LinkParser()
            lp.feed(body)
            links += lp.links
            forms += lp.forms
            hidden += lp.hidden
            texts.append(html.unescape(re.sub(r"<[^>]+>", " ", body)))
        elif ctype == "text/plain":
            texts.append(body)
            links += [(u, "") for u in re.findall(r"https?://[^\s<>\"')]+", body)]

    brand_skel = {skeleton(b): b for b in args.brand}
    url_rows = []
    for href, text in links:
        host = re.sub(r"^[a-z]+://", "", href, flags=re.I).split("/")[0].split(":")[0].lower()
        note = []
        tm = re.search(r"([\w-]+\.)+[a-z]{2,}", text.lower())
        if tm and tm.group(0) not in host:
            note.append(f"text shows {tm.group(0)}")
        sk = skeleton(host)
        for bs, b in brand_skel.items():
            if host != b and not host.endswith("." + b) and (bs in sk):
                note.append(f"look-alike of {b}")
        url_rows.append({"url": defang(href), "host": host, "notes": note})
    for k, d in doms.items():
        for bs, b in brand_skel.items():
            if d != b and bs in skeleton(d):
                r.setdefault("lookalike_senders", []).append(f"{k}: {d} resembles {b}")

    body_text = " ".join(texts)
    pw = re.search(r"(?i)(password|passcode|pwd|kennwort)\s*[:=]?\s*([^\s<]{3,20})", body_text)
    if pw and any("zip" in a["magic"] or a["name"] and a["name"].lower().endswith((".zip", ".rar", ".7z")) for a in atts):
        r["archive_password_in_body"] = True
    r.update({"urls": url_rows, "forms": forms, "html_tricks": hidden, "attachments": atts})

    if args.json:
        print(json.dumps(r, indent=2, ensure_ascii=False))
        return 0
    print(f"# Triage: {r['subject']}\n\n- Message-ID: `{r['message_id']}`\n- Date: {r['date']}")
    print(f"- From: `{r['from']}`  Reply-To: `{r['reply_to'] or '-'}`  Return-Path: `{r['return_path'] or '-'}`")
    print(f"- Domain alignment: {'OK' if r['alignment']['aligned'] else 'MISMATCH ' + str(doms)}")
    for l in r.get("lookalike_senders", []):
        print(f"- **Look-alike sender**: {l}")
    print("\n## Authentication\n")
    for a in r["auth"] or [{"mech": "none", "result": "no Authentication-Results header", "domain": ""}]:
        print(f"- {a['mech']}: {a['result']} {a['domain']}")
    print("\n## Received (oldest first)\n")
    for i, h in enumerate(r["received"], 1):
        print(f"{i}. {h}")
    print("\n## URLs\n")
    for u in url_rows:
        print(f"- `{u['url']}`" + (f" — **{'; '.join(u['notes'])}**" if u["notes"] else ""))
    if forms:
        print("\n## Forms\n" + "\n".join(f"- posts to `{defang(f)}`" for f in forms))
    if hidden:
        print("\n## HTML tricks\n" + "\n".join(f"- {h}" for h in hidden))
    print("\n## Attachments\n")
    for a in atts:
        print(f"- `{a['name']}` declared {a['declared']}, magic {a['magic']}, {a['size']} B, sha256 `{a['sha256']}` {' '.join('**'+f+'**' for f in a['flags'])}")
    if r.get("archive_password_in_body"):
        print("\n**Archive password given in the body** — classic filter-evasion for malware delivery.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
