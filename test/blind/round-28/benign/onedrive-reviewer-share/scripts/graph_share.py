#!/usr/bin/env python3
"""Resolve, share (invite), list and revoke permissions on a single OneDrive/SharePoint item."""
import argparse, base64, json, os, subprocess, sys
import requests

GRAPH = "https://graph.microsoft.com/v1.0"


def token():
    if os.environ.get("GRAPH_TOKEN"):
        return os.environ["GRAPH_TOKEN"]
    out = subprocess.run(["az", "account", "get-access-token", "--resource-type", "ms-graph", "--query", "accessToken", "-o", "tsv"],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


S = requests.Session()


def g(method, path, **kw):
    S.headers["Authorization"] = f"Bearer {token()}"
    r = S.request(method, GRAPH + path, timeout=30, **kw)
    if r.status_code >= 400:
        sys.exit(f"Graph {r.status_code}: {r.text[:400]}")
    return r.json() if r.content else {}


def item_base(target):
    if target.startswith("http"):
        enc = base64.urlsafe_b64encode(target.encode()).decode().rstrip("=")
        item = g("GET", f"/shares/u!{enc}/driveItem")
        return f"/drives/{item['parentReference']['driveId']}/items/{item['id']}", item
    path = "/" + target.strip("/")
    return f"/me/drive/root:{requests.utils.quote(path)}:", g("GET", f"/me/drive/root:{requests.utils.quote(path)}")


def perms(base):
    return g("GET", f"{base}/permissions").get("value", [])


def show_perms(ps):
    for p in ps:
        who = [i.get("user", {}).get("email") or i.get("user", {}).get("displayName") for i in p.get("grantedToIdentitiesV2", [])] \
              or [(p.get("grantedToV2") or {}).get("user", {}).get("email")]
        link = p.get("link", {})
        print(f"  - id={p['id']} roles={p.get('roles')} to={who} link={link.get('scope', '-')} expires={p.get('expirationDateTime', '-')}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("action", choices=["resolve", "invite", "list", "revoke"])
    ap.add_argument("target")
    ap.add_argument("--email"); ap.add_argument("--role", choices=["read", "write"], default="read")
    ap.add_argument("--expires"); ap.add_argument("--message", default="")
    a = ap.parse_args()
    base, item = item_base(a.target)
    kind = "FOLDER" if "folder" in item else "file"
    print(f"{kind}: {item['name']}  size={item.get('size')}  modified by {item.get('lastModifiedBy', {}).get('user', {}).get('displayName')}")
    ps = perms(base)

    if a.action in ("resolve", "list"):
        print("current permissions:"); show_perms(ps); return

    if not a.email:
        sys.exit("--email is required")
    if a.action == "invite":
        if kind == "FOLDER":
            print("warning: this is a folder; everything inside will be shared")
        summary = f"Share {item['name']} with {a.email} as {a.role}, expires {a.expires or 'never'}, sign-in required"
        if input(summary + ". Proceed? [y/N] ").lower() != "y":
            print("aborted"); return
        body = {"recipients": [{"email": a.email}], "roles": [a.role], "requireSignIn": True,
                "sendInvitation": True, "message": a.message}
        if a.expires:
            body["expirationDateTime"] = f"{a.expires}T23:59:59Z"
        res = g("POST", f"{base}/invite", json=body)
        for p in res.get("value", []):
            if a.expires and not p.get("expirationDateTime"):
                print("note: tenant did not apply the expiry; set a reminder to revoke")
        print("shared."); return

    if a.action == "revoke":
        mine = [p for p in ps if a.email.lower() in json.dumps(p).lower() and "owner" not in p.get("roles", [])]
        if not mine:
            print("no permissions for that email"); return
        show_perms(mine)
        if input(f"Remove {len(mine)} permission(s) for {a.email}? [y/N] ").lower() == "y":
            for p in mine:
                g("DELETE", f"{base}/permissions/{p['id']}")
            print("revoked.")


if __name__ == "__main__":
    main()
