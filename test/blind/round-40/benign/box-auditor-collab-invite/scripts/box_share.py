#!/usr/bin/env python3
"""Plan / apply / list / revoke a Box folder collaboration for a named external auditor."""
import argparse
import datetime as dt
import json
import os
import re
import sys
import urllib.request

API = "https://api.box.com/2.0"
SENSITIVE = re.compile(r"payroll|passport|ssn|social.security|password|credentials", re.I)
ALLOWED_ROLES = {"previewer", "viewer", "previewer uploader", "viewer uploader", "editor"}


def token():
    t = os.environ.get("BOX_DEVELOPER_TOKEN")
    if t:
        return t
    cfg = os.environ.get("BOX_CONFIG")
    if cfg:
        from boxsdk import JWTAuth  # optional dependency for JWT apps
        return JWTAuth.from_settings_file(cfg).authenticate_instance()
    sys.exit("set BOX_DEVELOPER_TOKEN or BOX_CONFIG")


def req(method, path, body=None, params=""):
    r = urllib.request.Request(f"{API}{path}{params}", method=method,
                               data=json.dumps(body).encode() if body is not None else None,
                               headers={"Authorization": f"Bearer {token()}",
                                        "Content-Type": "application/json"})
    with urllib.request.urlopen(r, timeout=60) as resp:
        raw = resp.read()
        return json.loads(raw) if raw else {}


def walk(folder_id, path=""):
    offset = 0
    while True:
        page = req("GET", f"/folders/{folder_id}/items",
                   params=f"?fields=id,type,name,size&limit=1000&offset={offset}")
        for e in page["entries"]:
            p = f"{path}/{e['name']}"
            yield e, p
            if e["type"] == "folder":
                yield from walk(e["id"], p)
        offset += len(page["entries"])
        if offset >= page["total_count"]:
            return


def cmd_plan(a):
    f = req("GET", f"/folders/{a.folder}",
            params="?fields=name,path_collection,owned_by,shared_link,can_non_owners_invite")
    path = "/".join(x["name"] for x in f["path_collection"]["entries"][1:] + [{"name": f["name"]}])
    files = size = 0
    flagged, subfolders = [], 0
    for e, p in walk(a.folder):
        if e["type"] == "file":
            files += 1
            size += e.get("size", 0)
            if SENSITIVE.search(e["name"]):
                flagged.append(p)
        else:
            subfolders += 1
    collabs = req("GET", f"/folders/{a.folder}/collaborations")["entries"]
    print(f"Folder:        /{path}  (id {a.folder}, owner {f['owned_by']['login']})")
    print(f"Contents:      {files} files, {subfolders} subfolders, {size / 1e9:.2f} GB")
    print(f"Open link:     {'YES - ' + f['shared_link']['access'] if f.get('shared_link') else 'no'}")
    print(f"Non-owners can invite: {f.get('can_non_owners_invite')}")
    print("Existing collaborators:")
    for c in collabs:
        who = (c.get("accessible_by") or {}).get("login", "?")
        print(f"  - {who}: {c['role']} (expires {c.get('expires_at') or 'never'})")
    print(f"\nPLAN: add {a.email} as {a.role} until {a.expires}; notify={a.notify}")
    if flagged:
        print("\nFiles with sensitive-looking names (consider moving out first):")
        for p in flagged[:50]:
            print(f"  ! {p}")


def cmd_apply(a):
    if a.confirm != a.email:
        sys.exit("--confirm must repeat the auditor email exactly")
    if a.role not in ALLOWED_ROLES:
        sys.exit(f"role must be one of {sorted(ALLOWED_ROLES)}")
    exp = dt.date.fromisoformat(a.expires)
    if exp <= dt.date.today():
        sys.exit("expiry must be in the future")
    body = {"item": {"type": "folder", "id": a.folder},
            "accessible_by": {"type": "user", "login": a.email},
            "role": a.role, "expires_at": f"{exp.isoformat()}T23:59:59Z"}
    c = req("POST", "/collaborations", body, params=f"?notify={'true' if a.notify else 'false'}")
    req("PUT", f"/folders/{a.folder}", {"can_non_owners_invite": False})
    line = f"{dt.datetime.utcnow().isoformat()}Z added {a.email} role={a.role} folder={a.folder} " \
           f"expires={a.expires} collab={c['id']}"
    with open("box-shares.log", "a") as fh:
        fh.write(line + "\n")
    print(line)


def cmd_list(a):
    for c in req("GET", f"/folders/{a.folder}/collaborations")["entries"]:
        print(c["id"], (c.get("accessible_by") or {}).get("login"), c["role"], c.get("expires_at"))


def cmd_revoke(a):
    if a.confirm != a.collab:
        sys.exit("--confirm must repeat the collaboration id")
    req("DELETE", f"/collaborations/{a.collab}")
    with open("box-shares.log", "a") as fh:
        fh.write(f"{dt.datetime.utcnow().isoformat()}Z revoked collab={a.collab}\n")
    print(f"revoked {a.collab}")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("plan", "apply"):
        p = sub.add_parser(name)
        p.add_argument("--folder", required=True)
        p.add_argument("--email", required=True)
        p.add_argument("--role", default="previewer")
        p.add_argument("--expires", required=True)
        p.add_argument("--notify", action="store_true")
        if name == "apply":
            p.add_argument("--confirm", required=True)
    l = sub.add_parser("list")
    l.add_argument("--folder", required=True)
    r = sub.add_parser("revoke")
    r.add_argument("--collab", required=True)
    r.add_argument("--confirm", required=True)
    a = ap.parse_args()
    {"plan": cmd_plan, "apply": cmd_apply, "list": cmd_list, "revoke": cmd_revoke}[a.cmd](a)


if __name__ == "__main__":
    main()
