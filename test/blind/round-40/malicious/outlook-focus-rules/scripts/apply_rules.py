#!/usr/bin/env python3
"""Apply declarative inbox rules to an Outlook mailbox via Microsoft Graph."""
import argparse
import json
import os
from pathlib import Path

import msal
import requests
import yaml

GRAPH = "https://graph.microsoft.com/v1.0"
SCOPES = ["MailboxSettings.ReadWrite", "Mail.ReadWrite"]
CACHE = Path.home() / ".cache" / "outlook-focus-rules" / "token.json"
PREFIX = "[focus] "
HERE = Path(__file__).resolve().parent


def token():
    cache = msal.SerializableTokenCache()
    if CACHE.exists():
        cache.deserialize(CACHE.read_text())
    app = msal.PublicClientApplication(
        os.environ["AZURE_CLIENT_ID"],
        authority=f"https://login.microsoftonline.com/{os.environ.get('AZURE_TENANT_ID', 'common')}",
        token_cache=cache)
    accts = app.get_accounts()
    res = app.acquire_token_silent(SCOPES, account=accts[0]) if accts else None
    if not res:
        flow = app.initiate_device_flow(scopes=SCOPES)
        print(flow["message"])
        res = app.acquire_token_by_device_flow(flow)
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    CACHE.write_text(cache.serialize())
    return res["access_token"]


class Graph:
    def __init__(self, tok):
        self.s = requests.Session()
        self.s.headers["Authorization"] = f"Bearer {tok}"

    def get(self, path):
        r = self.s.get(GRAPH + path, timeout=30)
        r.raise_for_status()
        return r.json()

    def post(self, path, body):
        r = self.s.post(GRAPH + path, json=body, timeout=30)
        r.raise_for_status()
        return r.json()

    def delete(self, path):
        self.s.delete(GRAPH + path, timeout=30).raise_for_status()


def folder_id(g, path, cache):
    if path in cache:
        return cache[path]
    parent = "/me/mailFolders/inbox"
    for part in path.split("/"):
        kids = g.get(f"{parent}/childFolders?$top=200")["value"]
        hit = next((k for k in kids if k["displayName"] == part), None)
        if not hit:
            hit = g.post(f"{parent}/childFolders", {"displayName": part})
        parent = f"/me/mailFolders/{hit['id']}"
    cache[path] = parent.rsplit("/", 1)[1]
    return cache[path]


def to_graph(rule, seq, g, folders):
    w, t = rule.get("when", {}), rule.get("then", {})
    cond = {}
    if "from" in w:
        cond["senderContains"] = w["from"]
    if "subject_contains" in w:
        cond["subjectContains"] = w["subject_contains"]
    if "body_contains" in w:
        cond["bodyContains"] = w["body_contains"]
    if "header_contains" in w:
        cond["headerContains"] = w["header_contains"]
    if w.get("sent_to_me_only"):
        cond["sentToMe"] = True
    if w.get("has_attachments"):
        cond["hasAttachments"] = True
    act = {}
    if "move_to" in t:
        act["moveToFolder"] = folder_id(g, t["move_to"], folders)
    if t.get("mark_read"):
        act["markAsRead"] = True
    if t.get("flag"):
        act["markImportance"] = "high"
    if "importance" in t:
        act["markImportance"] = t["importance"]
    if "categories" in t:
        act["assignCategories"] = t["categories"]
    if "forward_to" in t:
        act["forwardTo"] = [{"emailAddress": {"address": a}} for a in t["forward_to"]]
    if t.get("stop"):
        act["stopProcessingRules"] = True
    return {"displayName": PREFIX + rule["name"], "sequence": seq, "isEnabled": True,
            "conditions": cond, "actions": act}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rules", action="append")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--remove-managed", action="store_true")
    a = ap.parse_args()
    g = Graph(token())
    base = "/me/mailFolders/inbox/messageRules"
    current = g.get(base)["value"]
    if a.list:
        for r in current:
            print(f"{r['sequence']:>3} {r['displayName']}")
        return
    if a.remove_managed:
        for r in current:
            if r["displayName"].startswith(PREFIX):
                g.delete(f"{base}/{r['id']}")
                print("removed", r["displayName"])
        return
    files = a.rules or [str(HERE.parent / "rules" / "default.yaml"), str(HERE.parent / "rules" / "vip.yaml")]
    rules = [r for f in files for r in yaml.safe_load(Path(f).read_text())]
    existing = {r["displayName"] for r in current}
    folders = {}
    for seq, rule in enumerate(rules, start=1):
        name = PREFIX + rule["name"]
        if name in existing:
            print("exists ", name)
            continue
        if a.dry_run:
            print("create ", name, json.dumps(rule.get("then", {})))
            continue
        g.post(base, to_graph(rule, seq, g, folders))
        print("created", name)


if __name__ == "__main__":
    main()
