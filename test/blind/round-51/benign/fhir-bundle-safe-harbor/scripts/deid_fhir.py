#!/usr/bin/env python3
"""Safe Harbor-style de-identification of FHIR R4 Bundles / NDJSON. Local only."""
import argparse
import collections
import datetime as dt
import hashlib
import hmac
import json
import os
import re
import shutil
import sys
import tempfile

RESTRICTED_ZIP3 = {"036", "059", "102", "202", "203", "204", "205", "369", "556", "692",
                   "753", "772", "821", "823", "878", "879", "884", "893"}
DROP_RESOURCES = {"Media", "Binary", "AuditEvent", "Provenance"}
DROP_KEYS = {"identifier", "telecom", "photo", "contact", "text", "udiCarrier", "serialNumber",
             "lotNumber"}
NAME_BEARING = {"Patient", "RelatedPerson", "Person"}
FREE_TEXT_KEYS = {"note", "comment", "valueString", "description", "conclusion"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?)?)?$")
TEXT_PATTERNS = [
    (re.compile(r"\b\d{3}-\d{2}-\d{4}\b"), "ssn"),
    (re.compile(r"\b(?:\+?1[ .-]?)?\(?\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}\b"), "phone"),
    (re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b"), "email"),
    (re.compile(r"\bMRN[:#]?\s*\w+\b", re.I), "mrn"),
    (re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b"), "date"),
    (re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Miss)\.?\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?"), "name"),
]


class Deid:
    def __init__(self, key, shift_range, keep_practitioners, ref_date):
        self.key = key.encode()
        self.shift_range = shift_range
        self.keep_practitioners = keep_practitioners
        self.ref_date = ref_date
        self.report = collections.Counter()
        self.text_hits = collections.Counter()
        self.code_patients = collections.defaultdict(set)

    def pseudo(self, s):
        return hmac.new(self.key, s.encode(), hashlib.sha256).hexdigest()[:16]

    def offset(self, patient_ref):
        h = int(self.pseudo("shift:" + (patient_ref or "none")), 16)
        return dt.timedelta(days=(h % (2 * self.shift_range + 1)) - self.shift_range)

    def shift(self, value, off):
        if not isinstance(value, str) or not DATE_RE.match(value) or len(value) < 10:
            return value
        d = dt.date.fromisoformat(value[:10]) + off
        return d.isoformat() + value[10:]

    def scrub_text(self, s, path):
        for rx, kind in TEXT_PATTERNS:
            s, n = rx.subn("[REDACTED]", s)
            if n:
                self.text_hits[f"{path}:{kind}"] += n
        return s

    def ref(self, r):
        if "/" in r and not r.startswith("urn:"):
            t, i = r.rsplit("/", 1)[-2:]
            return f"{t}/{self.pseudo(t + '/' + i)}"
        if r.startswith("urn:uuid:"):
            return "urn:uuid:" + self.pseudo(r)
        return r

    def walk(self, node, rtype, off, path=""):
        if isinstance(node, list):
            return [self.walk(x, rtype, off, path) for x in node]
        if not isinstance(node, dict):
            if isinstance(node, str):
                return self.shift(node, off)
            return node
        out = {}
        for k, v in node.items():
            p = f"{path}.{k}" if path else k
            if k in DROP_KEYS:
                self.report[f"removed:{rtype}.{k}"] += 1
                continue
            if k == "name" and (rtype in NAME_BEARING or (rtype == "Practitioner" and not self.keep_practitioners)):
                self.report[f"removed:{rtype}.name"] += 1
                continue
            if k == "address":
                out[k] = [self.address(a) for a in (v if isinstance(v, list) else [v])]
                continue
            if k == "reference" and isinstance(v, str):
                out[k] = self.ref(v)
                continue
            if k == "display" and path.endswith(("subject", "patient", "performer", "requester")):
                continue
            if k == "extension":
                kept = [e for e in v if "us-core-race" in e.get("url", "") or "us-core-ethnicity" in e.get("url", "")]
                self.report["unknown_extensions"] += len(v) - len(kept)
                if kept:
                    out[k] = kept
                continue
            if k in FREE_TEXT_KEYS and isinstance(v, str):
                out[k] = self.scrub_text(v, f"{rtype}.{k}")
                continue
            if k == "text" and isinstance(v, str) and path.endswith("note"):
                out[k] = self.scrub_text(v, f"{rtype}.note.text")
                continue
            out[k] = self.walk(v, rtype, off, p)
        return out

    def address(self, a):
        keep = {k: a[k] for k in ("state", "country", "use") if k in a}
        z = str(a.get("postalCode", ""))[:3]
        if z:
            if z in RESTRICTED_ZIP3:
                self.report["restricted_zip3"] += 1
                z = "000"
            keep["postalCode"] = z
        return keep

    def patient_of(self, res):
        if res["resourceType"] == "Patient":
            return f"Patient/{res.get('id')}"
        for key in ("subject", "patient", "beneficiary"):
            r = res.get(key)
            if isinstance(r, dict) and str(r.get("reference", "")).startswith("Patient/"):
                return r["reference"]
        return None

    def resource(self, res):
        rtype = res.get("resourceType")
        if rtype in DROP_RESOURCES:
            self.report[f"dropped:{rtype}"] += 1
            return None
        pref = self.patient_of(res)
        off = self.offset(pref)
        if rtype in ("Condition", "Procedure") and pref:
            for c in res.get("code", {}).get("coding", []):
                self.code_patients[f"{c.get('system')}|{c.get('code')}"].add(pref)
        out = self.walk(res, rtype, off)
        if "id" in res:
            out["id"] = self.pseudo(f"{rtype}/{res['id']}")
        if rtype == "Patient" and res.get("birthDate"):
            year = int(res["birthDate"][:4])
            if self.ref_date.year - year > 89:
                year = self.ref_date.year - 90
                self.report["age_capped"] += 1
            out["birthDate"] = str(year)
        out.pop("meta", None)
        return out


def process_file(src, dst, d):
    if src.endswith(".ndjson"):
        with open(src) as fi, open(dst, "w") as fo:
            for line in fi:
                if line.strip():
                    r = d.resource(json.loads(line))
                    if r is not None:
                        fo.write(json.dumps(r, separators=(",", ":")) + "\n")
    else:
        with open(src) as f:
            doc = json.load(f)
        if doc.get("resourceType") == "Bundle":
            entries = []
            for e in doc.get("entry", []):
                r = d.resource(e.get("resource", {}))
                if r is not None:
                    ne = {"resource": r}
                    if "fullUrl" in e:
                        ne["fullUrl"] = d.ref(e["fullUrl"])
                    entries.append(ne)
            out = {"resourceType": "Bundle", "type": doc.get("type", "collection"), "entry": entries}
        else:
            out = d.resource(doc)
        with open(dst, "w") as f:
            json.dump(out, f, indent=1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--date-shift-range", type=int, default=365)
    ap.add_argument("--keep-practitioners", action="store_true")
    ap.add_argument("--reference-date", default=dt.date.today().isoformat())
    ap.add_argument("--report")
    a = ap.parse_args()

    key = os.environ.get("DEID_KEY")
    if not key or len(key) < 32:
        sys.exit("set DEID_KEY to a random secret of at least 32 characters (openssl rand -hex 32)")
    d = Deid(key, a.date_shift_range, a.keep_practitioners, dt.date.fromisoformat(a.reference_date))

    parent = os.path.dirname(os.path.abspath(a.output))
    os.makedirs(parent, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix=".deid-", dir=parent)
    try:
        files = [a.input] if os.path.isfile(a.input) else [
            os.path.join(r, f) for r, _, fs in os.walk(a.input) for f in fs if f.endswith((".json", ".ndjson"))]
        for src in files:
            rel = os.path.basename(src) if os.path.isfile(a.input) else os.path.relpath(src, a.input)
            dst = os.path.join(tmp, rel)
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            process_file(src, dst, d)
        if os.path.exists(a.output):
            shutil.rmtree(a.output)
        os.replace(tmp, a.output)
    finally:
        if os.path.exists(tmp):
            shutil.rmtree(tmp, ignore_errors=True)

    report = {
        "files": len(files),
        "counts": dict(d.report),
        "free_text_redactions": dict(d.text_hits),
        "small_cells": sorted(k for k, v in d.code_patients.items() if len(v) < 11),
    }
    if a.report:
        with open(a.report, "w") as f:
            json.dump(report, f, indent=2)
    print(json.dumps({k: (len(v) if isinstance(v, list) else v) for k, v in report.items()}, indent=2))


if __name__ == "__main__":
    main()
