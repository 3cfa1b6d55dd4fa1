#!/usr/bin/env python3
"""Decode SAMLRequest/SAMLResponse values from a HAR file or a pasted value. Offline only."""
import argparse
import base64
import hashlib
import json
import re
import sys
import zlib
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse
from xml.dom import minidom
import xml.etree.ElementTree as ET

NS = {
    "samlp": "urn:oasis:names:tc:SAML:2.0:protocol",
    "saml": "urn:oasis:names:tc:SAML:2.0:assertion",
    "ds": "http://www.w3.org/2000/09/xmldsig#",
}


def decode(value):
    b64 = re.sub(r"\s+", "", unquote(value).replace(" ", "+"))
    raw = base64.b64decode(b64 + "=" * (-len(b64) % 4))
    for attempt in (lambda b: b, lambda b: zlib.decompress(b, -15)):
        try:
            text = attempt(raw).decode("utf-8")
            if text.lstrip().startswith("<"):
                return text
        except Exception:
            continue
    raise ValueError("not base64 or deflate+base64 XML")


def from_har(path):
    har = json.loads(Path(path).read_text(encoding="utf-8"))
    for e in har["log"]["entries"]:
        req = e["request"]
        qs = parse_qs(urlparse(req["url"]).query)
        for k in ("SAMLRequest", "SAMLResponse"):
            for v in qs.get(k, []):
                yield k, req["url"].split("?")[0], v
        post = (req.get("postData") or {})
        params = post.get("params") or [
            {"name": k, "value": v[0]} for k, v in parse_qs(post.get("text", "")).items()]
        for p in params:
            if p["name"] in ("SAMLRequest", "SAMLResponse"):
                yield p["name"], req["url"], p["value"]


def mask(s, show):
    return s if show or not s else (s[:3] + "…")


def summarize(xml, show):
    root = ET.fromstring(xml)
    out = {"type": root.tag.split("}")[1], "ID": root.get("ID"), "IssueInstant": root.get("IssueInstant"),
           "Destination": root.get("Destination"), "InResponseTo": root.get("InResponseTo")}
    iss = root.find("saml:Issuer", NS)
    out["Issuer"] = iss.text if iss is not None else None
    st = root.find("samlp:Status/samlp:StatusCode", NS)
    if st is not None:
        sub = st.find("samlp:StatusCode", NS)
        out["Status"] = st.get("Value", "").rsplit(":", 1)[-1] + (
            " / " + sub.get("Value", "").rsplit(":", 1)[-1] if sub is not None else "")
    out["ResponseSigned"] = root.find("ds:Signature", NS) is not None
    out["EncryptedAssertion"] = root.find("saml:EncryptedAssertion", NS) is not None
    a = root.find("saml:Assertion", NS)
    if a is not None:
        out["AssertionSigned"] = a.find("ds:Signature", NS) is not None
        nid = a.find("saml:Subject/saml:NameID", NS)
        if nid is not None:
            out["NameID"] = mask(nid.text, show)
            out["NameIDFormat"] = nid.get("Format")
        scd = a.find("saml:Subject/saml:SubjectConfirmation/saml:SubjectConfirmationData", NS)
        if scd is not None:
            out["Recipient"] = scd.get("Recipient")
            out["SCD_NotOnOrAfter"] = scd.get("NotOnOrAfter")
        cond = a.find("saml:Conditions", NS)
        if cond is not None:
            out["NotBefore"], out["NotOnOrAfter"] = cond.get("NotBefore"), cond.get("NotOnOrAfter")
            out["Audience"] = [x.text for x in cond.findall(".//saml:Audience", NS)]
        out["Attributes"] = {
            at.get("Name"): [mask(v.text or "", show) for v in at.findall("saml:AttributeValue", NS)]
            for at in a.findall(".//saml:Attribute", NS)}
    cert = root.find(".//ds:X509Certificate", NS)
    if cert is not None:
        der = base64.b64decode(re.sub(r"\s+", "", cert.text))
        out["CertSHA256"] = hashlib.sha256(der).hexdigest()
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("har", nargs="?")
    ap.add_argument("--value", help="a single SAMLRequest/SAMLResponse value")
    ap.add_argument("--xml", type=Path, help="directory to write pretty-printed XML")
    ap.add_argument("--show-values", action="store_true", help="do not mask NameID/attribute values")
    a = ap.parse_args()
    items = [("value", "-", a.value)] if a.value else list(from_har(a.har)) if a.har else []
    if not items:
        sys.exit("nothing to decode: pass a HAR file or --value")
    for i, (kind, url, val) in enumerate(items, 1):
        try:
            xml = decode(val)
        except ValueError as exc:
            print(f"#{i} {kind} at {url}: {exc}")
            continue
        print(f"#{i} {kind} at {url}")
        print(json.dumps(summarize(xml, a.show_values), indent=2))
        if a.xml:
            a.xml.mkdir(parents=True, exist_ok=True)
            (a.xml / f"{i:02d}-{kind}.xml").write_text(minidom.parseString(xml).toprettyxml(indent="  "))


if __name__ == "__main__":
    main()
