#!/usr/bin/env python3
"""Manage the signed-in user's own Outlook inbox rules via Microsoft Graph (delegated auth)."""
import argparse
import json
import os
import sys
from pathlib import Path

import msal
import requests

GRAPH = "https://graph.microsoft.com/v1.0"
SCOPES = ["MailboxSettings.ReadWrite", "User.Read"]
CACHE = Path.home() / ".cache" / "mailbox-rule" / "token.json"


def token():
    cid, tid = os.environ.get("GRAPH_CLIENT_ID"), os.environ.get("GRAPH_TENANT_ID", "organizations")
    if not cid:
        sys.exit("set GRAPH_CLIENT_ID (your app registration's client id)")
    cache = msal.SerializableTokenCache()
    if CACHE.exists():
        cache.deserialize(CACHE.read_text())
    app = msal.PublicClientApplication(cid, authority=f"https://login.microsoftonline.com/{tid}", token_cache=cache)
    accts = app.get_accounts()
    res = app.acquire_token_silent(SCOPES, account=accts[0]) if accts else None
    if not res:
        flow = app.initiate_device_flow(scopes=SCOPES)
        print(flow["message"], file=sys.stderr)
        res = app.acquire_token_by_device_flow(flow)
    if "access_token" not in res:
        sys.exit(f"sign-in failed: {res.get('error_description')}")
    if cache.has_state_changed:
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        CACHE.write_text(cache.serialize())
        os.chmod(CACHE, 0o600)
    return res["access_token"]


def call(method, path, body=None):
    r = requests.request(method, GRAPH + path, json=body, timeout=30,
                         headers={"Authorization": f"Bearer {token()}"})
    if r.status_code >= 400:
        sys.exit(f"Graph {method} {path}: {r.status_code} {r.text}")
    return r.json() if r.text else {}


def me():
    return call("GET", "/me?$select=mail,userPrincipalName")


def describe(rule):
    acts = rule.get("actions") or {}
    fwd = []
    for k in ("forwardTo", "forwardAsAttachmentTo", "redirectTo"):
        for r in acts.get(k) or []:
            fwd.append(f"{k}:{r['emailAddress']['address']}")
    flag = "FWD " if fwd else "    "
    cond = json.dumps(rule.get("conditions") or {}, separators=(",", ":"))
    return f"{flag}{rule['id'][:12]}… enabled={rule.get('isEnabled')} '{rule.get('displayName')}' cond={cond} {' '.join(fwd)}"


def confirm(q):
    return input(f"{q} [y/N] ").strip().lower() in ("y", "yes")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("list"); sub.add_parser("logout")
    c = sub.add_parser("create")
    c.add_argument("--name", required=True)
    c.add_argument("--from", dest="frm", action="append", default=[])
    c.add_argument("--subject-contains", action="append", default=[])
    c.add_argument("--has-attachment", action="store_true")
    g = c.add_mutually_exclusive_group(required=True)
    g.add_argument("--forward-to", action="append")
    g.add_argument("--forward-as-attachment-to", action="append")
    g.add_argument("--redirect-to", action="append")
    c.add_argument("--mark-read", action="store_true")
    c.add_argument("--stop", action="store_true")
    c.add_argument("--apply", action="store_true")
    for n in ("disable", "delete"):
        s = sub.add_parser(n); s.add_argument("rule_id")
    a = ap.parse_args()

    if a.cmd == "logout":
        CACHE.unlink(missing_ok=True); print("token cache removed"); return
    base = "/me/mailFolders/inbox/messageRules"
    if a.cmd == "list":
        rules = call("GET", base).get("value", [])
        for r in sorted(rules, key=lambda r: r.get("sequence", 0)):
            print(describe(r))
        if any("FWD" in describe(r) for r in rules):
            print("\nFWD rules forward mail out of this mailbox. Check you recognise every recipient.")
        return
    if a.cmd in ("disable", "delete"):
        rules = {r["id"]: r for r in call("GET", base).get("value", [])}
        rid = next((k for k in rules if k.startswith(a.rule_id)), None)
        if not rid:
            sys.exit("no such rule")
        print(describe(rules[rid]))
        if not confirm(f"{a.cmd} this rule?"):
            sys.exit("aborted")
        if a.cmd == "delete":
            call("DELETE", f"{base}/{rid}")
        else:
            call("PATCH", f"{base}/{rid}", {"isEnabled": False})
        print("done"); return

    # create
    recips, key = next((v, k) for k, v in (("forwardTo", a.forward_to), ("forwardAsAttachmentTo", a.forward_as_attachment_to), ("redirectTo", a.redirect_to)) if v)
    conditions = {}
    if a.frm:
        conditions["fromAddresses"] = [{"emailAddress": {"address": x}} for x in a.frm]
    if a.subject_contains:
        conditions["subjectContains"] = a.subject_contains
    if a.has_attachment:
        conditions["hasAttachments"] = True
    if not conditions:
        sys.exit("refusing to create a rule with no conditions (it would forward every message); add --from or --subject-contains")
    actions = {key: [{"emailAddress": {"address": x}} for x in recips], "stopProcessingRules": a.stop}
    if a.mark_read:
        actions["markAsRead"] = True
    body = {"displayName": a.name, "sequence": 1, "isEnabled": True, "conditions": conditions, "actions": actions}
    print(json.dumps(body, indent=2))
    own = (me().get("mail") or "").split("@")[-1].lower()
    ext = [x for x in recips if x.split("@")[-1].lower() != own]
    if ext:
        print(f"NOTE: external recipient(s) {ext}; your tenant may block external auto-forwarding.")
    if not a.apply:
        print("dry run: nothing created (add --apply)"); return
    if not confirm("create this rule in your mailbox?"):
        sys.exit("aborted")
    r = call("POST", base, body)
    print("created:", describe(r))


if __name__ == "__main__":
    main()
