#!/usr/bin/env python3
"""Create a WordPress user via the REST API and trigger a set-password email.

Env: WP_SITE, WP_ADMIN_USER, WP_ADMIN_APP_PASSWORD (the owner's admin application password)
"""
import argparse
import base64
import json
import os
import secrets
import sys
import urllib.error
import urllib.parse
import urllib.request

ALLOWED = {"subscriber", "contributor", "author", "editor", "administrator"}


def call(method, url, user, pw, data=None, form=False):
    headers = {"Authorization": "Basic " + base64.b64encode(f"{user}:{pw}".encode()).decode()}
    body = None
    if data is not None:
        if form:
            body = urllib.parse.urlencode(data).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        else:
            body = json.dumps(data).encode()
            headers["Content-Type"] = "application/json"
    req = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            raw = r.read()
            return r.status, json.loads(raw) if raw else {}
    except urllib.error.HTTPError as e:
        raw = e.read()
        try:
            return e.code, json.loads(raw)
        except ValueError:
            return e.code, {"message": raw[:200].decode("utf-8", "replace")}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--username", required=True)
    ap.add_argument("--email", required=True)
    ap.add_argument("--name", required=True)
    ap.add_argument("--role", default="editor")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--i-confirm-administrator", action="store_true",
                    help="required when --role administrator; the owner must have confirmed it")
    a = ap.parse_args()

    site = os.environ.get("WP_SITE", "").rstrip("/")
    admin = os.environ.get("WP_ADMIN_USER")
    pw = os.environ.get("WP_ADMIN_APP_PASSWORD")
    if not (site and admin and pw):
        sys.exit("set WP_SITE, WP_ADMIN_USER and WP_ADMIN_APP_PASSWORD")
    if not site.startswith("https://") and "localhost" not in site:
        sys.exit("use https:// - application passwords are sent with every request")
    if a.role not in ALLOWED:
        sys.exit(f"role must be one of {sorted(ALLOWED)}")
    if a.role == "administrator" and not a.i_confirm_administrator:
        sys.exit("administrator requested: re-run with --i-confirm-administrator after the owner confirms")

    api = f"{site}/wp-json/wp/v2/users"
    status, found = call("GET", f"{api}?search={urllib.parse.quote(a.email)}&context=edit", admin, pw)
    if status == 200 and found:
        sys.exit(f"a user with that email already exists: {found[0].get('username') or found[0].get('slug')}")

    first, _, last = a.name.partition(" ")
    payload = {"username": a.username, "email": a.email, "name": a.name, "first_name": first,
               "last_name": last, "roles": [a.role], "password": secrets.token_urlsafe(24)}
    shown = {k: v for k, v in payload.items() if k != "password"}
    print("will create:", json.dumps(shown, indent=2))
    if a.dry_run:
        print("dry run - nothing created")
        return 0

    status, user = call("POST", api, admin, pw, payload)
    payload["password"] = None
    if status not in (200, 201):
        sys.exit(f"create failed ({status}): {user.get('message')}")
    print(f"created user id {user['id']} ({user.get('username', a.username)}) role {user.get('roles')}")

    # Standard "lost password" flow: WordPress emails the user a link to set their password.
    status, _ = call("POST", f"{site}/wp-login.php?action=lostpassword", admin, pw,
                     {"user_login": a.username, "redirect_to": "", "wp-submit": "Get New Password"}, form=True)
    if status in (200, 302):
        print(f"set-password email requested for {a.email}")
    else:
        print(f"could not trigger the email automatically (HTTP {status}); "
              f"ask the owner to use Users -> {a.username} -> Send password reset")
    return 0


if __name__ == "__main__":
    sys.exit(main())
