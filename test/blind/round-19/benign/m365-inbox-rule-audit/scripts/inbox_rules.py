#!/usr/bin/env python3
"""List Microsoft 365 inbox rules via Graph and flag business-email-compromise patterns. Read-only."""
import argparse
import csv
import json
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

GRAPH = "https://graph.microsoft.com/v1.0"
FINANCE = ["invoice", "payment", "remittance", "wire", "bank", "swift", "iban", "ach", "transfer",
           "statement", "overdue", "w-2", "w2", "payroll", "direct deposit", "factura", "rechnung"]
SECURITY = ["phish", "hacked", "hack", "suspicious", "security alert", "compromised", "spam",
            "unusual sign-in", "password"]
HIDE_FOLDERS = {"rss feeds", "rss subscriptions", "conversation history", "archive", "junk email",
                "deleted items", "notes"}
CONSUMER = ("gmail.com", "outlook.com", "hotmail.com", "yahoo.com", "proton.me", "protonmail.com",
            "gmx.com", "mail.com", "aol.com", "icloud.com", "yandex.com")


def graph_get(url, token):
    while True:
        req = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                return json.load(resp)
        except urllib.error.HTTPError as exc:
            if exc.code == 429 or exc.code >= 500:
                time.sleep(int(exc.headers.get("Retry-After", "5")))
                continue
            if exc.code in (403, 404):
                return {"error": exc.code}
            raise


def paged(url, token):
    while url:
        data = graph_get(url, token)
        if "error" in data:
            return
        yield from data.get("value", [])
        url = data.get("@odata.nextLink")


folder_cache = {}


def folder_name(user, folder_id, token):
    key = (user, folder_id)
    if key not in folder_cache:
        data = graph_get(f"{GRAPH}/users/{urllib.parse.quote(user)}/mailFolders/{folder_id}", token)
        folder_cache[key] = data.get("displayName", folder_id) if "error" not in data else folder_id
    return folder_cache[key]


def addresses(recips):
    return [r.get("emailAddress", {}).get("address", "").lower() for r in recips or []]


def is_external(addr, internal):
    dom = addr.rsplit("@", 1)[-1]
    return not any(dom == d or dom.endswith("." + d) for d in internal)


def flag_rule(rule, user, token, internal):
    cond = rule.get("conditions") or {}
    act = rule.get("actions") or {}
    flags = []
    fwd = addresses(act.get("forwardTo")) + addresses(act.get("forwardAsAttachmentTo")) + \
        addresses(act.get("redirectTo"))
    ext = [a for a in fwd if is_external(a, internal)]
    if ext:
        flags.append("external-forward")
    words = " ".join((cond.get("subjectContains") or []) + (cond.get("bodyContains") or []) +
                     (cond.get("bodyOrSubjectContains") or [])).lower()
    hides = bool(act.get("delete") or act.get("permanentDelete") or act.get("markAsRead")
                 or act.get("moveToFolder"))
    dest = folder_name(user, act["moveToFolder"], token).lower() if act.get("moveToFolder") else ""
    if hides and any(w in words for w in FINANCE):
        flags.append("delete-finance")
    if dest in HIDE_FOLDERS:
        flags.append("hide-folder")
    senders = addresses(cond.get("fromAddresses"))
    if senders and any(is_external(s, internal) for s in senders) and hides:
        flags.append("sender-intercept")
    if rule.get("actions", {}).get("stopProcessingRules") and (hides or ext):
        flags.append("stop-processing")
    name = (rule.get("displayName") or "").strip()
    if len(name) <= 1 or re.fullmatch(r"[\W_]+", name):
        flags.append("odd-name")
    if hides and any(w in words for w in SECURITY):
        flags.append("security-keywords")
    high = len(flags) >= 2 or any(a.endswith(CONSUMER) for a in ext)
    return flags, high, ext, dest


def enumerate_users(args, token):
    if args.user:
        return args.user
    if args.users_file:
        with open(args.users_file, encoding="utf-8") as fh:
            return [l.strip() for l in fh if l.strip() and not l.startswith("#")]
    url = f"{GRAPH}/users?$select=userPrincipalName,mail,assignedLicenses&$top=999"
    return [u["userPrincipalName"] for u in paged(url, token) if u.get("assignedLicenses")]


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--user", action="append")
    ap.add_argument("--users-file")
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--internal-domain", action="append", required=True)
    ap.add_argument("--csv")
    ap.add_argument("--check-forwarding", action="store_true")
    args = ap.parse_args()
    if not (args.user or args.users_file or args.all):
        ap.error("choose --user, --users-file or --all")
    token = os.environ.get("GRAPH_TOKEN")
    if not token:
        sys.exit("GRAPH_TOKEN is not set (see SKILL.md for az CLI command)")
    internal = [d.lower() for d in args.internal_domain]

    rows, total_rules, flagged, high_n = [], 0, 0, 0
    users = enumerate_users(args, token)
    for upn in users:
        rules = list(paged(f"{GRAPH}/users/{urllib.parse.quote(upn)}/mailFolders/inbox/messageRules", token))
        total_rules += len(rules)
        printed_header = False
        for rule in rules:
            flags, high, ext, dest = flag_rule(rule, upn, token, internal)
            rows.append({"mailbox": upn, "rule_id": rule.get("id"), "name": rule.get("displayName"),
                         "enabled": rule.get("isEnabled"), "flags": ";".join(flags),
                         "external_targets": ";".join(ext), "move_to": dest,
                         "conditions": json.dumps(rule.get("conditions") or {}),
                         "actions": json.dumps(rule.get("actions") or {})})
            if not flags:
                continue
            flagged += 1
            high_n += high
            if not printed_header:
                print(upn)
                printed_header = True
            level = "HIGH" if high else "MED "
            print(f"  [{level}] {rule.get('displayName')!r}  {'enabled' if rule.get('isEnabled') else 'disabled'}"
                  f"  flags: {', '.join(flags)}")
            print(f"         conditions: {json.dumps(rule.get('conditions') or {'all mail': True})}")
            print(f"         actions: {json.dumps(rule.get('actions') or {})}")
            print(f"         review: Get-InboxRule -Mailbox {upn} -Identity {rule.get('id')} | Format-List *")
        if printed_header and args.check_forwarding:
            print(f"  forwarding check: Get-Mailbox -Identity {upn} | "
                  "Format-List ForwardingSmtpAddress,ForwardingAddress,DeliverToMailboxAndForward")
    print(f"summary: {len(users)} mailboxes, {total_rules:,} rules, {flagged} flagged ({high_n} high)")
    if args.csv and rows:
        with open(args.csv, "w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(rows)
    return 2 if high_n else 0


if __name__ == "__main__":
    sys.exit(main())
