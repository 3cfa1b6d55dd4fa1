#!/usr/bin/env python3
"""Create, preview, list and delete Gmail filters on the signed-in user's own account."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from google.auth.transport.requests import Request
from google.oauth2.credentials import Credentials
from google_auth_oauthlib.flow import InstalledAppFlow
from googleapiclient.discovery import build

SCOPES = [
    "https://www.googleapis.com/auth/gmail.settings.basic",
    "https://www.googleapis.com/auth/gmail.readonly",
]
CONF = Path.home() / ".config" / "gmail-filters"
SYSTEM_LABELS = {"INBOX", "STARRED", "IMPORTANT", "UNREAD", "SPAM", "TRASH", "CATEGORY_PERSONAL",
                 "CATEGORY_SOCIAL", "CATEGORY_PROMOTIONS", "CATEGORY_UPDATES", "CATEGORY_FORUMS"}


def service():
    token, secret = CONF / "token.json", CONF / "client_secret.json"
    creds = Credentials.from_authorized_user_file(str(token), SCOPES) if token.exists() else None
    if not creds or not creds.valid:
        if creds and creds.expired and creds.refresh_token:
            creds.refresh(Request())
        else:
            if not secret.exists():
                sys.exit(f"Save your Desktop OAuth client JSON as {secret} first.")
            creds = InstalledAppFlow.from_client_secrets_file(str(secret), SCOPES).run_local_server(port=0)
        CONF.mkdir(parents=True, exist_ok=True)
        token.write_text(creds.to_json())
        token.chmod(0o600)
    return build("gmail", "v1", credentials=creds, cache_discovery=False)


def labels(gm) -> dict[str, str]:
    return {l["name"]: l["id"] for l in gm.users().labels().list(userId="me").execute().get("labels", [])}


def label_id(gm, name: str, cache: dict[str, str]) -> str:
    if name.upper() in SYSTEM_LABELS:
        return name.upper()
    if name not in cache:
        created = gm.users().labels().create(userId="me", body={"name": name}).execute()
        cache[name] = created["id"]
        print(f"created label '{name}'")
    return cache[name]


def preview(gm, query: str, n: int = 20) -> int:
    res = gm.users().messages().list(userId="me", q=query, maxResults=n).execute()
    msgs = res.get("messages", [])
    est = res.get("resultSizeEstimate", len(msgs))
    print(f"~{est} messages match `{query}`; latest {len(msgs)}:")
    for m in msgs:
        meta = gm.users().messages().get(userId="me", id=m["id"], format="metadata",
                                         metadataHeaders=["From", "Subject", "Date"]).execute()
        h = {x["name"]: x["value"] for x in meta["payload"]["headers"]}
        print(f"  {h.get('Date', '')[:16]:16}  {h.get('From', '')[:35]:35}  {h.get('Subject', '')[:70]}")
    return est


def describe(f: dict, names: dict[str, str]) -> str:
    c, a = f.get("criteria", {}), f.get("action", {})
    crit = " ".join(f"{k}:{v}" for k, v in c.items())
    add = [names.get(i, i) for i in a.get("addLabelIds", [])]
    rem = [names.get(i, i) for i in a.get("removeLabelIds", [])]
    parts = []
    if add:
        parts.append("+" + ",".join(add))
    if rem:
        parts.append("-" + ",".join(rem))
    if a.get("forward"):
        parts.append(f"forward→{a['forward']}")
    return f"{f['id']}  [{crit}]  {' '.join(parts)}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("list")
    p = sub.add_parser("preview")
    p.add_argument("--query", required=True)
    d = sub.add_parser("delete")
    d.add_argument("filter_id")
    d.add_argument("--yes", action="store_true")
    c = sub.add_parser("create")
    c.add_argument("--query", required=True, help="Gmail search syntax")
    c.add_argument("--add-label", action="append", default=[])
    c.add_argument("--archive", action="store_true")
    c.add_argument("--mark-read", action="store_true")
    c.add_argument("--star", action="store_true")
    c.add_argument("--important", action="store_true")
    c.add_argument("--not-important", action="store_true")
    c.add_argument("--never-spam", action="store_true")
    c.add_argument("--trash", action="store_true")
    c.add_argument("--forward")
    c.add_argument("--apply-existing", action="store_true")
    c.add_argument("--yes", action="store_true")
    args = ap.parse_args()

    gm = service()
    settings = gm.users().settings()

    if args.cmd == "preview":
        preview(gm, args.query)
        return

    if args.cmd == "list":
        names = {v: k for k, v in labels(gm).items()}
        for f in settings.filters().list(userId="me").execute().get("filter", []):
            print(describe(f, names))
        return

    if args.cmd == "delete":
        f = settings.filters().get(userId="me", id=args.filter_id).execute()
        names = {v: k for k, v in labels(gm).items()}
        print(describe(f, names))
        if not args.yes and input("Delete this filter? [y/N] ").strip().lower() != "y":
            sys.exit("cancelled")
        settings.filters().delete(userId="me", id=args.filter_id).execute()
        print("deleted")
        return

    # create
    if args.forward:
        fwd = settings.forwardingAddresses().list(userId="me").execute().get("forwardingAddresses", [])
        ok = {x["forwardingEmail"].lower() for x in fwd if x.get("verificationStatus") == "accepted"}
        if args.forward.lower() not in ok:
            sys.exit(f"{args.forward} is not a verified forwarding address on this account. "
                     "Add and verify it in Gmail Settings → Forwarding and POP/IMAP first.")

    est = preview(gm, args.query, n=10)
    cache = labels(gm)
    add, remove = [], []
    for name in args.add_label:
        add.append(label_id(gm, name, cache))
    if args.star:
        add.append("STARRED")
    if args.important:
        add.append("IMPORTANT")
    if args.trash:
        add.append("TRASH")
    if args.archive:
        remove.append("INBOX")
    if args.mark_read:
        remove.append("UNREAD")
    if args.not_important:
        remove.append("IMPORTANT")
    if args.never_spam:
        remove.append("SPAM")

    action = {k: v for k, v in {"addLabelIds": add, "removeLabelIds": remove}.items() if v}
    if args.forward:
        action["forward"] = args.forward
    if not action:
        sys.exit("no actions given")

    body = {"criteria": {"query": args.query}, "action": action}
    print(f"\nFilter to create: criteria={body['criteria']} action={action}")
    if not args.yes and input("Create it? [y/N] ").strip().lower() != "y":
        sys.exit("cancelled")
    created = settings.filters().create(userId="me", body=body).execute()
    print(f"created filter {created['id']}")

    if args.apply_existing and est:
        ids, page = [], None
        while True:
            res = gm.users().messages().list(userId="me", q=args.query, pageToken=page, maxResults=500).execute()
            ids += [m["id"] for m in res.get("messages", [])]
            page = res.get("nextPageToken")
            if not page:
                break
        print(f"applying to {len(ids)} existing messages")
        if not args.yes and input("Proceed? [y/N] ").strip().lower() != "y":
            return
        for i in range(0, len(ids), 1000):
            gm.users().messages().batchModify(userId="me", body={
                "ids": ids[i:i + 1000], "addLabelIds": add, "removeLabelIds": remove}).execute()
        print("done")


if __name__ == "__main__":
    main()
