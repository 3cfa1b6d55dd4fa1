#!/usr/bin/env python3
"""FCM topic subscription manager (IID batch API + FCM v1 send)."""
import argparse
import json
import os
import sys

import requests
import google.auth.transport.requests
from google.oauth2 import service_account

SCOPES = ["https://www.googleapis.com/auth/firebase.messaging"]
IID = "https://iid.googleapis.com"


def creds():
    path = os.environ.get("GOOGLE_APPLICATION_CREDENTIALS")
    if not path:
        sys.exit("set GOOGLE_APPLICATION_CREDENTIALS")
    c = service_account.Credentials.from_service_account_file(path, scopes=SCOPES)
    c.refresh(google.auth.transport.requests.Request())
    return c


def headers(c):
    return {"Authorization": f"Bearer {c.token}", "access_token_auth": "true", "Content-Type": "application/json"}


def read_tokens(path):
    with open(path, encoding="utf-8") as fh:
        return [t.strip() for t in fh if t.strip()]


def batch(c, op, topic, tokens):
    ok, errs, failed = 0, {}, []
    for i in range(0, len(tokens), 1000):
        chunk = tokens[i:i + 1000]
        r = requests.post(f"{IID}/iid/v1:{op}", headers=headers(c),
                          json={"to": f"/topics/{topic}", "registration_tokens": chunk}, timeout=30)
        r.raise_for_status()
        for tok, res in zip(chunk, r.json().get("results", [])):
            if "error" in res:
                errs[res["error"]] = errs.get(res["error"], 0) + 1
                failed.append(tok)
            else:
                ok += 1
    return {"topic": topic, "op": op, "processed": len(tokens), "ok": ok, "errors": errs, "failed": failed}


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("subscribe", "unsubscribe"):
        p = sub.add_parser(name)
        p.add_argument("--topic", required=True)
        p.add_argument("--tokens", required=True)
    p = sub.add_parser("info"); p.add_argument("--token", required=True)
    p = sub.add_parser("migrate")
    p.add_argument("--from", dest="src", required=True)
    p.add_argument("--to", dest="dst", required=True)
    p.add_argument("--tokens", required=True)
    p = sub.add_parser("send")
    p.add_argument("--topic"); p.add_argument("--condition")
    p.add_argument("--title", default=""); p.add_argument("--body", default="")
    a = ap.parse_args()
    c = creds()

    if a.cmd in ("subscribe", "unsubscribe"):
        op = "batchAdd" if a.cmd == "subscribe" else "batchRemove"
        out = batch(c, op, a.topic, read_tokens(a.tokens))
    elif a.cmd == "migrate":
        toks = read_tokens(a.tokens)
        out = {"add": batch(c, "batchAdd", a.dst, toks), "remove": batch(c, "batchRemove", a.src, toks)}
    elif a.cmd == "info":
        r = requests.get(f"{IID}/iid/info/{a.token}", params={"details": "true"}, headers=headers(c), timeout=15)
        out = r.json()
    else:
        project = json.load(open(os.environ["GOOGLE_APPLICATION_CREDENTIALS"]))["project_id"]
        msg = {"notification": {"title": a.title, "body": a.body}}
        if a.condition:
            msg["condition"] = a.condition
        else:
            msg["topic"] = a.topic
        r = requests.post(f"https://fcm.googleapis.com/v1/projects/{project}/messages:send",
                          headers=headers(c), json={"message": msg}, timeout=15)
        out = r.json()
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
