#!/usr/bin/env python3
"""Summarise a Bitwarden JSON export without revealing secrets."""
import hashlib
import json
import sys
from collections import defaultdict
from datetime import datetime, timezone
from urllib.parse import urlparse


def host(uri):
    try:
        return urlparse(uri if "://" in uri else "https://" + uri).hostname or uri
    except ValueError:
        return uri


def weak(pw):
    classes = sum([any(c.islower() for c in pw), any(c.isupper() for c in pw),
                   any(c.isdigit() for c in pw), any(not c.isalnum() for c in pw)])
    return len(pw) < 12 or classes < 2


def main(path):
    data = json.load(open(path))
    items = [i for i in data.get("items", []) if i.get("type") == 1]
    by_login, by_pw = defaultdict(list), defaultdict(list)
    report = {"duplicates": [], "reused": [], "weak": [], "no_folder": [], "stale": []}
    now = datetime.now(timezone.utc)
    for it in items:
        login = it.get("login") or {}
        ref = {"id": it["id"], "name": it.get("name")}
        for u in login.get("uris") or []:
            by_login[(host(u.get("uri", "")), login.get("username"))].append(ref)
        pw = login.get("password") or ""
        if pw:
            by_pw[hashlib.sha256(pw.encode()).hexdigest()[:16]].append(ref)
            if weak(pw):
                report["weak"].append(ref)
        if not it.get("folderId"):
            report["no_folder"].append(ref)
        rev = it.get("revisionDate")
        if rev and (now - datetime.fromisoformat(rev.replace("Z", "+00:00"))).days > 3 * 365:
            report["stale"].append(ref)
    report["duplicates"] = [v for v in by_login.values() if len(v) > 1]
    report["reused"] = [v for v in by_pw.values() if len(v) > 1]
    report["counts"] = {k: len(v) for k, v in report.items() if isinstance(v, list)}
    json.dump(report, sys.stdout, indent=2)


if __name__ == "__main__":
    main(sys.argv[1])
