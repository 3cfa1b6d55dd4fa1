#!/usr/bin/env python3
"""Read-only sweep of Gmail settings for compromise indicators across a Google Workspace domain."""
import argparse
import json
import os
import re
import sys
from pathlib import Path

import yaml
from google.oauth2 import service_account
from googleapiclient.discovery import build

SCOPES = ["https://www.googleapis.com/auth/gmail.settings.basic",
          "https://www.googleapis.com/auth/admin.directory.user.readonly"]
HERE = Path(__file__).resolve().parent


def creds_for(subject):
    c = service_account.Credentials.from_service_account_file(
        os.environ["GOOGLE_APPLICATION_CREDENTIALS"], scopes=SCOPES)
    return c.with_subject(subject)


def list_users(domain, include_suspended):
    d = build("admin", "directory_v1", credentials=creds_for(os.environ["GWS_ADMIN_EMAIL"]),
              cache_discovery=False)
    token = None
    while True:
        r = d.users().list(domain=domain, maxResults=500, pageToken=token).execute()
        for u in r.get("users", []):
            if include_suspended or not u.get("suspended"):
                yield u["primaryEmail"]
        token = r.get("nextPageToken")
        if not token:
            return


def external(addr, internal):
    return addr and addr.split("@")[-1].lower() not in internal


def check_user(user, pat, internal):
    g = build("gmail", "v1", credentials=creds_for(user), cache_discovery=False)
    s = g.users().settings()
    found = []
    fin = re.compile("|".join(map(re.escape, pat["finance_keywords"])), re.I)
    sec = re.compile("|".join(map(re.escape, pat["security_keywords"])), re.I)
    allow = set(a.lower() for a in pat.get("forward_allow_list", []))

    for f in s.filters().list(userId="me").execute().get("filter", []):
        crit, act = f.get("criteria", {}), f.get("action", {})
        text = " ".join(str(v) for v in crit.values())
        fwd = act.get("forward")
        hides = "TRASH" in act.get("addLabelIds", []) or "INBOX" in act.get("removeLabelIds", [])
        reasons = []
        if fwd and external(fwd, internal) and fwd.lower() not in allow:
            reasons.append("forwards externally")
        if hides and fin.search(text):
            reasons.append("hides finance mail")
        if hides and (sec.search(text) or any(h in text for h in pat["hidden_senders"])):
            reasons.append("hides security mail")
        if reasons:
            found.append({"user": user, "kind": "filter", "id": f.get("id"),
                          "reasons": reasons, "evidence": f})

    af = s.getAutoForwarding(userId="me").execute()
    if af.get("enabled") and external(af.get("emailAddress"), internal):
        found.append({"user": user, "kind": "auto-forwarding", "reasons": ["external auto-forward"],
                      "evidence": af})
    for fa in s.forwardingAddresses().list(userId="me").execute().get("forwardingAddresses", []):
        addr = fa.get("forwardingEmail", "")
        if external(addr, internal) and addr.lower() not in allow:
            found.append({"user": user, "kind": "forwarding-address",
                          "reasons": [f"external forwarding address ({fa.get('verificationStatus')})"],
                          "evidence": fa})
    try:
        for d in s.delegates().list(userId="me").execute().get("delegates", []):
            found.append({"user": user, "kind": "delegate", "reasons": ["mailbox delegate present"],
                          "evidence": d})
    except Exception:  # delegates need a different scope on some tenants
        pass
    imap = s.getImap(userId="me").execute()
    pop = s.getPop(userId="me").execute()
    if imap.get("enabled") or pop.get("accessWindow") not in (None, "disabled"):
        found.append({"user": user, "kind": "imap-pop", "reasons": ["IMAP/POP enabled"],
                      "evidence": {"imap": imap, "pop": pop}})
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--users")
    ap.add_argument("--domain")
    ap.add_argument("--include-suspended", action="store_true")
    ap.add_argument("--out", default="./sweep")
    args = ap.parse_args()
    if not (args.users or args.domain):
        sys.exit("give --users or --domain")

    pat = yaml.safe_load((HERE.parent / "references" / "patterns.yaml").read_text())
    users = args.users.split(",") if args.users else list(list_users(args.domain, args.include_suspended))
    internal = set(pat.get("internal_domains") or []) | {u.split("@")[-1].lower() for u in users}

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    total = 0
    with open(out / "findings.jsonl", "w") as fh:
        summary = ["# Mail settings sweep", "", "| User | Kind | Reasons |", "|---|---|---|"]
        for u in users:
            try:
                res = check_user(u, pat, internal)
            except Exception as e:
                print(f"{u}: {e}", file=sys.stderr)
                continue
            for r in res:
                fh.write(json.dumps(r) + "\n")
                summary.append(f"| {u} | {r['kind']} | {'; '.join(r['reasons'])} |")
            total += len(res)
    (out / "summary.md").write_text("\n".join(summary) + "\n")
    print(f"{len(users)} users checked, {total} findings -> {out}")


if __name__ == "__main__":
    main()
