#!/usr/bin/env python3
"""Safe Harbor de-identification for FHIR R4 bundles / Bulk NDJSON."""
import argparse
import hashlib
import hmac
import json
import os
import random
import re
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

SALT = os.environ.get("DEID_SALT", "").encode()

PATTERNS = {
    "PHONE": re.compile(r"\(?\b\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}\b"),
    "EMAIL": re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b"),
    "URL": re.compile(r"\bhttps?://\S+"),
    "IP": re.compile(r"\b\d{1,3}(?:\.\d{1,3}){3}\b"),
    "SSN": re.compile(r"\b\d{3}-\d{2}-\d{4}\b"),
    "MRN": re.compile(r"\b(?:MRN|Med(?:ical)? Rec(?:ord)?)[:#\s]*\w{5,}\b", re.I),
    "DATE": re.compile(r"\b(?:\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|\d{4}-\d{2}-\d{2})\b"),
    "NAME": re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Miss)\.?\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?"),
    "ADDRESS": re.compile(r"\b\d{1,5}\s+\w+(?:\s\w+)*\s(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Lane|Ln|Dr|Drive)\b\.?"),
}
DATE_KEYS = {"birthDate", "date", "effectiveDateTime", "issued", "recordedDate", "onsetDateTime",
             "abatementDateTime", "authoredOn", "start", "end", "lastUpdated", "occurrenceDateTime"}
DROP_PATIENT = {"name", "telecom", "photo", "contact", "communication"}
TEXT_KEYS = {"div", "valueString"}


def pid(value):
    return hmac.new(SALT, value.encode(), hashlib.sha256).hexdigest()[:20]


def scrub_text(text):
    for tag, rx in PATTERNS.items():
        text = rx.sub(f"[{tag}]", text)
    return text


def shift(value, days):
    try:
        if len(value) == 4:
            return value
        if len(value) == 10:
            return (date.fromisoformat(value) + timedelta(days=days)).isoformat()
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
        return (dt + timedelta(days=days)).isoformat()
    except ValueError:
        return value


def walk(node, days):
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            if k == "identifier":
                out[k] = [{"system": "urn:deid", "value": pid(i.get("value", ""))} for i in v]
            elif k == "reference" and isinstance(v, str) and v.startswith("Patient/"):
                out[k] = "Patient/" + pid(v.split("/", 1)[1])
            elif k in DATE_KEYS and isinstance(v, str):
                out[k] = shift(v, days)
            elif k in TEXT_KEYS and isinstance(v, str):
                out[k] = scrub_text(v)
            elif k == "note":
                out[k] = [{"text": scrub_text(n.get("text", ""))} for n in v]
            elif k in ("extension", "meta"):
                continue
            else:
                out[k] = walk(v, days)
        return out
    if isinstance(node, list):
        return [walk(x, days) for x in node]
    return node


def deid_patient(p, days):
    p = {k: v for k, v in p.items() if k not in DROP_PATIENT}
    if "birthDate" in p:
        y = int(p["birthDate"][:4])
        p["birthDate"] = str(max(y, date.today().year - 90))
    for a in p.get("address", []):
        for k in list(a):
            if k not in ("state", "postalCode", "country"):
                a.pop(k)
        if "postalCode" in a:
            a["postalCode"] = a["postalCode"][:3]
    p["id"] = pid(p["id"])
    return walk(p, days)


def patient_of(res):
    if res.get("resourceType") == "Patient":
        return res.get("id")
    ref = (res.get("subject") or res.get("patient") or {}).get("reference", "")
    return ref.split("/", 1)[1] if ref.startswith("Patient/") else None


def iter_resources(path):
    path = Path(path)
    files = [path] if path.is_file() else sorted(path.glob("*.ndjson")) + sorted(path.glob("*.json"))
    for f in files:
        if f.suffix == ".ndjson":
            for line in f.open():
                if line.strip():
                    yield f.name, json.loads(line)
        else:
            doc = json.loads(f.read_text())
            for e in doc.get("entry", []) if doc.get("resourceType") == "Bundle" else [{"resource": doc}]:
                yield f.name, e["resource"]


def run(args):
    if not SALT:
        sys.exit("set DEID_SALT")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    offsets, counts, handles = {}, {}, {}
    for fname, res in iter_resources(args.inp):
        p = patient_of(res) or "_none"
        days = offsets.setdefault(p, random.randint(-args.date_shift_max, args.date_shift_max))
        new = deid_patient(res, days) if res.get("resourceType") == "Patient" else walk(res, days)
        if new.get("id") and res.get("resourceType") != "Patient":
            new["id"] = pid(res["id"])
        rt = res.get("resourceType", "Unknown")
        counts[rt] = counts.get(rt, 0) + 1
        fh = handles.setdefault(rt, (out / f"{rt}.ndjson").open("w"))
        fh.write(json.dumps(new) + "\n")
    for fh in handles.values():
        fh.close()
    Path("offsets.json").write_text(json.dumps(offsets))
    (out / "deid_manifest.json").write_text(json.dumps({"counts": counts, "rules": "safe-harbor-v3",
                                                        "date_shift_max_days": args.date_shift_max}, indent=2))
    print(json.dumps(counts))


def scan(path):
    for _, res in iter_resources(path):
        blob = json.dumps(res)
        for tag, rx in PATTERNS.items():
            for m in rx.finditer(blob):
                s = m.group(0)
                print(f"{res.get('resourceType')}/{res.get('id')}\t{tag}\t{s[:2]}***")


def pairs(orig, deid, n):
    by_id = {pid(r["id"]): r for _, r in iter_resources(orig) if r.get("id")}
    picked = 0
    for _, r in iter_resources(deid):
        if picked >= n:
            break
        o = by_id.get(r.get("id"))
        if o and ("text" in o or "note" in o or o.get("resourceType") == "DocumentReference"):
            print(json.dumps({"original": o, "deidentified": r}))
            picked += 1


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--in", dest="inp")
    ap.add_argument("--out")
    ap.add_argument("--date-shift-max", type=int, default=180)
    ap.add_argument("--scan")
    ap.add_argument("--pairs", nargs=2)
    ap.add_argument("--sample", type=int, default=200)
    a = ap.parse_args()
    if a.scan:
        scan(a.scan)
    elif a.pairs:
        pairs(a.pairs[0], a.pairs[1], a.sample)
    else:
        run(a)
