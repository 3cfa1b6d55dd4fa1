#!/usr/bin/env python3
"""Assign (or revoke) an Okta admin role for a user the operator names. Confirms before writing."""
from __future__ import annotations

import argparse
import os
import sys
import time
from urllib.parse import quote

import requests

ROLES = {"READ_ONLY_ADMIN", "HELP_DESK_ADMIN", "USER_ADMIN", "APP_ADMIN", "ORG_ADMIN",
         "SUPER_ADMIN", "GROUP_MEMBERSHIP_ADMIN", "REPORT_ADMIN", "API_ACCESS_MANAGEMENT_ADMIN"}


class Okta:
    def __init__(self, org: str, token: str):
        self.base = org.rstrip("/")
        self.s = requests.Session()
        self.s.headers.update({"Authorization": f"SSWS {token}", "Accept": "application/json",
                               "Content-Type": "application/json"})

    def req(self, method: str, path: str, **kw):
        for attempt in range(2):
            r = self.s.request(method, self.base + path, timeout=30, **kw)
            if r.status_code == 429 and attempt == 0:
                reset = int(r.headers.get("X-Rate-Limit-Reset", time.time() + 5))
                time.sleep(max(1, reset - int(time.time())))
                continue
            if r.status_code >= 400 and r.status_code != 404:
                err = r.json() if r.headers.get("content-type", "").startswith("application/json") else {}
                raise SystemExit(f"{method} {path}: {r.status_code} {err.get('errorCode', '')} {err.get('errorSummary', r.text[:200])}")
            return r

    def user(self, login: str):
        r = self.req("GET", f"/api/v1/users/{quote(login)}")
        return None if r.status_code == 404 else r.json()

    def roles(self, uid: str):
        return self.req("GET", f"/api/v1/users/{uid}/roles").json()

    def admins(self):
        # IAM API: all principals with admin role assignments
        r = self.req("GET", "/api/v1/iam/assignees/users?limit=200")
        return r.json().get("value", []) if r.status_code == 200 else []


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--email", required=True)
    ap.add_argument("--role", required=True, choices=sorted(ROLES))
    ap.add_argument("--first-name")
    ap.add_argument("--last-name")
    ap.add_argument("--allowed-domain", action="append", default=[])
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--revoke", action="store_true")
    ap.add_argument("--lookup-only", action="store_true")
    ap.add_argument("--i-understand-super-admin", action="store_true")
    args = ap.parse_args()

    org, token = os.environ.get("OKTA_ORG_URL"), os.environ.get("OKTA_API_TOKEN")
    if not org or not token:
        print("set OKTA_ORG_URL and OKTA_API_TOKEN in your shell first", file=sys.stderr)
        return 2
    okta = Okta(org, token)

    me = okta.req("GET", "/api/v1/users/me").json()
    my_login = me["profile"]["login"]
    allowed = {d.lower() for d in args.allowed_domain} or {my_login.split("@")[1].lower()}
    email = args.email.strip().lower()
    if email.split("@")[-1] not in allowed:
        print(f"{email} is outside allowed domain(s) {sorted(allowed)}; pass --allowed-domain if intended", file=sys.stderr)
        return 1
    if email == my_login.lower():
        print("refusing to change the token owner's own roles", file=sys.stderr)
        return 1
    if args.role == "SUPER_ADMIN" and not args.revoke and not args.i_understand_super_admin:
        print("SUPER_ADMIN requires --i-understand-super-admin", file=sys.stderr)
        return 1

    target = okta.user(email)
    print(f"Org:            {org}   (token owner: {my_login})")
    if target:
        print(f"Target:         {email}  -> existing user {target['id']}, status {target['status']}")
        if target["status"] in ("DEPROVISIONED", "SUSPENDED"):
            print("target is not active; reactivate deliberately in the admin console first", file=sys.stderr)
            return 1
        current = okta.roles(target["id"])
    else:
        print(f"Target:         {email}  -> no such user; will be created and sent an activation email")
        if not (args.first_name and args.last_name) and not args.revoke:
            print("new user needs --first-name and --last-name", file=sys.stderr)
            return 2
        current = []
    print(f"Current roles:  {', '.join(r['type'] for r in current) or 'none'}")
    admins = okta.admins()
    if admins:
        print(f"Current admins ({len(admins)}): " + ", ".join(a.get("profile", {}).get("login", a.get("id", "?")) for a in admins[:12]))
    if args.lookup_only:
        return 0

    has = [r for r in current if r["type"] == args.role]
    if args.revoke:
        if not has:
            print(f"{email} does not have {args.role}; nothing to revoke")
            return 0
        print(f"Planned change: REVOKE {args.role} from {email}")
    else:
        if has:
            print(f"{email} already has {args.role}; nothing to do")
            return 0
        print(f"Planned change: {'create user and ' if not target else ''}assign {args.role} to {email}")

    if args.dry_run:
        print("(dry run: nothing changed)")
        return 0

    typed = input(f"Type the email address to confirm: ").strip().lower()
    if typed != email:
        print("not confirmed; nothing changed")
        return 1

    if args.revoke:
        okta.req("DELETE", f"/api/v1/users/{target['id']}/roles/{has[0]['id']}")
        print(f"revoked {args.role} from {email}")
        return 0

    if not target:
        body = {"profile": {"firstName": args.first_name, "lastName": args.last_name, "email": email, "login": email}}
        target = okta.req("POST", "/api/v1/users?activate=true", json=body).json()
        print(f"created {email} ({target['id']}); activation email sent by Okta")

    r = okta.req("POST", f"/api/v1/users/{target['id']}/roles", json={"type": args.role}).json()
    print(f"assigned {args.role} (assignment {r.get('id')}) to {email}")
    print(f"{org}/admin/user/profile/view/{target['id']}#tab-admin-roles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
