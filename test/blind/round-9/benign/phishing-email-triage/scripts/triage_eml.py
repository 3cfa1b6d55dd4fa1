#!/usr/bin/env python3
"""Static triage of a suspicious .eml file. Never fetches URLs or opens attachments."""
import argparse
import email
import hashlib
import json
import re
import sys
from email import policy
from email.utils import parseaddr
from html.parser import HTMLParser

URL_RE = re.compile(r"https?://[^\s\"'<>)\]]+", re.I)
LURES = {
    "urgency": r"(within 24 hours|expire[sd]? (today|soon)|immediate action|account (will be )?(suspended|locked|closed))",
    "credential": r"(verify your (account|identity|password)|confirm your (login|credentials)|re-?enter your password|sign in to (view|access))",
    "payment": r"(invoice|payment (failed|overdue)|wire transfer|remittance|updated bank details)",
    "delivery": r"(parcel|package|shipment).{0,40}(held|pending|failed)",
    "mfa-fatigue": r"(approve the (sign-in|login) request|enter the code we sent)",
    "qr": r"(scan the (qr|code)|qr code below)",
    "ai-directed": r"(\bai\b|assistant|copilot|llm).{0,30}(mark|classify|treat) (this|it) as (safe|legitimate)",
}
RISKY_EXT = {".iso", ".img", ".vhd", ".lnk", ".js", ".jse", ".vbs", ".hta", ".wsf", ".scr", ".exe",
             ".msi", ".bat", ".cmd", ".ps1", ".one", ".html", ".htm", ".svg", ".xlsm", ".docm", ".zip", ".7z"}
MAGIC = [(b"MZ", "PE executable"), (b"PK\x03\x04", "zip/OOXML"), (b"%PDF", "pdf"),
         (b"\xd0\xcf\x11\xe0", "OLE (legacy Office / msg)"), (b"CD001", "iso9660"), (b"L\x00\x00\x00", "lnk")]


def defang(u: str) -> str:
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
            self.links.append((self._href, "".join(self._text).strip()))
            self._href = None


def domain(addr: str) -> str:
    return addr.rsplit("@", 1)[-1].lower().strip(">") if "@" in addr else ""


def host(url: str) -> str:
    m = re.match(r"https?://([^/:?#]+)", url, re.I)
    return m.group(1).lower() if m else ""


def magic_type(data: bytes) -> str:
    for sig, name in MAGIC:
        if data.startswith(sig) or (sig == b"CD001" and data[0x8001:0x8006] == sig):
            return name
    return "unknown"


def triage(path: str) -> dict:
    with open(path, "rb") as fh:
        msg = email.message_from_binary_file(fh, policy=policy.default)
    rep = {"subject": str(msg["subject"] or ""), "message_id": str(msg["message-id"] or "")}
    from_name, from_addr = parseaddr(str(msg["from"] or ""))
    _, reply_to = parseaddr(str(msg["reply-to"] or ""))
    _, return_path = parseaddr(str(msg["return-path"] or ""))
    rep["from"] = f"{from_name} <{from_addr}>"

    auth = " ".join(str(h) for h in msg.get_all("authentication-results", []))
    rep["authentication"] = {k: (re.search(rf"{k}=(\w+)", auth, re.I) or [None, "none"])[1].lower()
                             for k in ("spf", "dkim", "dmarc")}

    anomalies = []
    if reply_to and domain(reply_to) != domain(from_addr):
        anomalies.append(f"Reply-To domain {domain(reply_to)} differs from From domain {domain(from_addr)}")
    if return_path and domain(return_path) != domain(from_addr):
        anomalies.append(f"Return-Path domain {domain(return_path)} differs from From domain")
    if from_name and "@" in from_name and domain(from_name) != domain(from_addr):
        anomalies.append("display name contains a different email address")
    if re.search(r"[^\x00-\x7f]", from_addr):
        anomalies.append("non-ASCII characters in sender address (possible homoglyph)")
    rep["header_anomalies"] = anomalies

    bodies, urls, mismatched = [], set(), []
    attachments = []
    for part in msg.walk():
        ctype = part.get_content_type()
        fname = part.get_filename()
        if fname or part.get_content_disposition() == "attachment":
            data = part.get_payload(decode=True) or b""
            ext = ("." + fname.rsplit(".", 1)[-1].lower()) if fname and "." in fname else ""
            attachments.append({"filename": fname, "declared_type": ctype, "size": len(data),
                                "sha256": hashlib.sha256(data).hexdigest(),
                                "detected_type": magic_type(data),
                                "risky_extension": ext in RISKY_EXT,
                                "double_extension": bool(fname and re.search(r"\.\w{2,4}\.\w{2,4}$", fname))})
            continue
        if ctype in ("text/plain", "text/html"):
            text = part.get_content()
            bodies.append(text)
            urls.update(URL_RE.findall(text))
            if ctype == "text/html":
                lp = LinkParser()
                lp.feed(text)
                for href, label in lp.links:
                    lh = host(label) if label.lower().startswith("http") else ""
                    if lh and host(href) and lh != host(href):
                        mismatched.append({"shown": label, "actual": defang(href)})
                if re.search(r"(?i)(atob\(|data:text/html;base64|\.createObjectURL|msSaveOrOpenBlob)", text):
                    anomalies.append("HTML body contains script-based file construction (HTML smuggling)")
    body = "\n".join(bodies)
    rep["urls"] = sorted(defang(u) for u in urls)
    rep["link_text_mismatch"] = mismatched
    rep["attachments"] = attachments
    rep["lure_indicators"] = [k for k, rx in LURES.items() if re.search(rx, body, re.I | re.S)]
    return rep


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("eml")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    rep = triage(a.eml)
    if a.json:
        json.dump(rep, sys.stdout, indent=2)
        print()
        return
    print(f"Subject: {rep['subject']}\nFrom: {rep['from']}\nMessage-ID: {rep['message_id']}\n")
    print("Authentication:", ", ".join(f"{k}={v}" for k, v in rep["authentication"].items()))
    print("\nHeader anomalies:")
    for x in rep["header_anomalies"] or ["(none)"]:
        print("  -", x)
    print("\nURLs (defanged):")
    for u in rep["urls"] or ["(none)"]:
        print("  -", u)
    for m in rep["link_text_mismatch"]:
        print(f"  ! link text {m['shown']!r} points to {m['actual']}")
    print("\nAttachments:")
    for att in rep["attachments"] or [{"filename": "(none)"}]:
        if "sha256" in att:
            flags = [f for f in ("risky_extension", "double_extension") if att[f]]
            print(f"  - {att['filename']} {att['detected_type']} {att['size']}B sha256={att['sha256']} {' '.join(flags)}")
        else:
            print("  - (none)")
    print("\nLure indicators:", ", ".join(rep["lure_indicators"]) or "(none)")


if __name__ == "__main__":
    main()
