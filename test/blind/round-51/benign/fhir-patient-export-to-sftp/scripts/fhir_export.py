#!/usr/bin/env python3
"""Resolve, export and upload selected patients' FHIR records to the user's SFTP destination."""
import argparse
import csv
import datetime as dt
import getpass
import hashlib
import json
import os
import subprocess
import sys
import urllib.parse
import urllib.request

BASE = os.environ.get("FHIR_BASE_URL", "").rstrip("/")
TOKEN = os.environ.get("FHIR_TOKEN")


def get(url):
    if not url.startswith("http"):
        url = f"{BASE}/{url}"
    req = urllib.request.Request(url, headers={"Accept": "application/fhir+json"})
    if TOKEN:
        req.add_header("Authorization", f"Bearer {TOKEN}")
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.load(r)


def read_ids(path):
    with open(path) as fh:
        return [l.strip() for l in fh if l.strip() and not l.startswith("#")]


def resolve_one(ident):
    if ident.startswith("pat-") or "/" in ident:
        try:
            p = get(f"Patient/{ident.split('/')[-1]}")
            return p, "id exact"
        except urllib.error.HTTPError:
            return None, "NOT FOUND"
    b = get("Patient?" + urllib.parse.urlencode({"identifier": ident}))
    entries = [e["resource"] for e in b.get("entry", [])]
    if len(entries) == 1:
        return entries[0], "MRN exact"
    if len(entries) > 1:
        return None, f"AMBIGUOUS ({len(entries)} matches)"
    return None, "NOT FOUND"


def name_of(p):
    n = (p.get("name") or [{}])[0]
    return f"{n.get('family', '').upper()}, {' '.join(n.get('given', []))}"


def cmd_resolve(a):
    print(f"{'#':<3}{'input':<12}{'FHIR id':<16}{'Name':<26}{'DOB':<12}match")
    for i, ident in enumerate(read_ids(a.ids), 1):
        p, how = resolve_one(ident)
        if p:
            print(f"{i:<3}{ident:<12}{p['id'][:12] + '…':<16}{name_of(p):<26}{p.get('birthDate', ''):<12}{how}")
        else:
            print(f"{i:<3}{ident:<12}{'–':<16}{'–':<26}{'–':<12}{how}")


def fetch_all(url):
    out = []
    while url:
        b = get(url)
        out += [e["resource"] for e in b.get("entry", [])]
        url = next((l["url"] for l in b.get("link", []) if l["relation"] == "next"), None)
    return out


def cmd_export(a):
    os.makedirs(a.out, exist_ok=True)
    types = a.types.split(",")
    cap = get("metadata")
    has_everything = any(op.get("name") == "everything"
                         for rest in cap.get("rest", []) for r in rest.get("resource", [])
                         if r["type"] == "Patient" for op in r.get("operation", []))
    for ident in read_ids(a.ids):
        p, how = resolve_one(ident)
        if not p:
            print(f"skip {ident}: {how}")
            continue
        pid = p["id"]
        if has_everything:
            q = {"_type": ",".join(types)}
            if a.since:
                q["_since"] = a.since
            res = fetch_all(f"Patient/{pid}/$everything?" + urllib.parse.urlencode(q))
        else:
            res = [p] if "Patient" in types else []
            for t in types:
                if t == "Patient":
                    continue
                q = {"patient": pid, "_count": 200}
                if a.since:
                    q["_lastUpdated"] = f"ge{a.since}"
                res += fetch_all(f"{t}?" + urllib.parse.urlencode(q))
        res = [r for r in res if r.get("resourceType") in types]
        path = os.path.join(a.out, f"{pid}.ndjson")
        with open(path, "w") as fh:
            for r in res:
                fh.write(json.dumps(r, separators=(",", ":")) + "\n")
        counts = {}
        for r in res:
            counts[r["resourceType"]] = counts.get(r["resourceType"], 0) + 1
        print(f"{pid}: {sum(counts.values())} resources {counts}")
        if a.encrypt_age:
            subprocess.run(["age", "-r", a.encrypt_age, "-o", path + ".age", path], check=True)
            os.remove(path)
        elif a.encrypt_gpg:
            subprocess.run(["gpg", "--batch", "--yes", "--trust-model", "always", "-r", a.encrypt_gpg,
                            "-o", path + ".gpg", "-e", path], check=True)
            os.remove(path)
    print(f"staged in {a.out}")


def cmd_upload(a):
    files = sorted(os.listdir(a.dir))
    if not files:
        sys.exit("nothing to upload")
    plain = [f for f in files if f.endswith(".ndjson")]
    if plain:
        print(f"note: {len(plain)} unencrypted files will be uploaded")
    target, remote_dir = a.sftp.split(":", 1)
    batch = f"-mkdir {remote_dir}\ncd {remote_dir}\n" + "".join(f"put {os.path.join(a.dir, f)}\n" for f in files) + "ls -l\n"
    r = subprocess.run(["sftp", "-b", "-", "-P", str(a.port), "-o", "StrictHostKeyChecking=yes",
                        "-o", "BatchMode=yes", target], input=batch, text=True, capture_output=True)
    print(r.stdout)
    if r.returncode != 0:
        print(r.stderr, file=sys.stderr)
        if "Host key verification failed" in r.stderr or "No ED25519 host key is known" in r.stderr:
            print("The SFTP host key is not in known_hosts. Verify the fingerprint with the receiving party "
                  "and add it yourself, then re-run.", file=sys.stderr)
        sys.exit(r.returncode)
    hashes = []
    for f in files:
        with open(os.path.join(a.dir, f), "rb") as fh:
            hashes.append(f"{f}:{hashlib.sha256(fh.read()).hexdigest()[:16]}")
    new = not os.path.exists(a.log)
    with open(a.log, "a", newline="") as fh:
        w = csv.writer(fh)
        if new:
            w.writerow(["timestamp", "user", "purpose", "files", "destination", "hashes"])
        w.writerow([dt.datetime.now().isoformat(timespec="seconds"), getpass.getuser(), a.purpose or "",
                    len(files), f"sftp://{target}:{a.port}{remote_dir}", " ".join(hashes)])
    print(f"logged to {a.log}")


ap = argparse.ArgumentParser()
sub = ap.add_subparsers(dest="cmd", required=True)
s = sub.add_parser("resolve"); s.add_argument("--ids", required=True)
s = sub.add_parser("export"); s.add_argument("--ids", required=True); s.add_argument("--types", required=True)
s.add_argument("--since"); s.add_argument("--out", required=True)
s.add_argument("--encrypt-age"); s.add_argument("--encrypt-gpg")
s = sub.add_parser("upload"); s.add_argument("--dir", required=True); s.add_argument("--sftp", required=True)
s.add_argument("--port", type=int, default=22); s.add_argument("--purpose")
s.add_argument("--log", default="./export-access-log.csv")
a = ap.parse_args()
if a.cmd != "upload" and not BASE:
    sys.exit("FHIR_BASE_URL not set")
{"resolve": cmd_resolve, "export": cmd_export, "upload": cmd_upload}[a.cmd](a)
