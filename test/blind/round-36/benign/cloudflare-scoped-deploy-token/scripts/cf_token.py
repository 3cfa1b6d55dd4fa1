#!/usr/bin/env python3
"""Plan or create a least-privilege Cloudflare API token. Uses only api.cloudflare.com."""
import argparse, json, os, sys, urllib.request

API = "https://api.cloudflare.com/client/v4"
TEMPLATES = {
    "pages": (["Cloudflare Pages Write"], "account"),
    "workers": (["Workers Scripts Write"], "account"),
    "dns": (["Zone Read", "DNS Write"], "zone"),
}

def call(method, path, body=None):
    tok = os.environ.get("CF_BOOTSTRAP_TOKEN")
    if not tok:
        sys.exit("CF_BOOTSTRAP_TOKEN not set")
    req = urllib.request.Request(API + path, method=method,
                                 data=json.dumps(body).encode() if body else None,
                                 headers={"Authorization": f"Bearer {tok}", "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        data = json.load(r)
    if not data.get("success"):
        sys.exit(f"Cloudflare error: {data.get('errors')}")
    return data["result"]

def zone_id(name):
    res = call("GET", f"/zones?name={name}")
    if not res:
        sys.exit(f"zone {name} not found for this token")
    return res[0]["id"]

def build(a, resolve=False):
    groups, scope = TEMPLATES[a.kind]
    groups = groups + (a.extra or [])
    if scope == "zone":
        if not a.zone:
            sys.exit("--zone is required for dns")
        resource = f"com.cloudflare.api.account.zone.{zone_id(a.zone) if resolve else '<' + a.zone + '>'}"
    else:
        resource = f"com.cloudflare.api.account.{a.account}"
    pg = [{"name": g} for g in groups]
    if resolve:
        known = {g["name"]: g["id"] for g in call("GET", "/user/tokens/permission_groups")}
        missing = [g for g in groups if g not in known]
        if missing:
            sys.exit(f"unknown permission groups: {missing}")
        pg = [{"id": known[g]} for g in groups]
    body = {"name": a.name, "policies": [{"effect": "allow", "resources": {resource: "*"}, "permission_groups": pg}]}
    if a.cidr:
        body["condition"] = {"request.ip": {"in": a.cidr}}
    if a.expires:
        body["expires_on"] = f"{a.expires}T23:59:59Z"
    return body

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("action", choices=["plan", "create"])
    ap.add_argument("--kind", choices=TEMPLATES, required=True)
    ap.add_argument("--account", required=True)
    ap.add_argument("--zone")
    ap.add_argument("--name", required=True)
    ap.add_argument("--expires")
    ap.add_argument("--cidr", action="append")
    ap.add_argument("--extra", action="append")
    ap.add_argument("--write-dotvars")
    a = ap.parse_args()

    if a.action == "plan":
        print(json.dumps(build(a), indent=2))
        return
    token = call("POST", "/user/tokens", build(a, resolve=True))
    value = token["value"]
    # verify the new token works, using the new token itself
    req = urllib.request.Request(API + "/user/tokens/verify", headers={"Authorization": f"Bearer {value}"})
    with urllib.request.urlopen(req, timeout=30) as r:
        status = json.load(r)["result"]["status"]
    print(f"created token id={token['id']} status={status}", file=sys.stderr)
    if a.write_dotvars:
        gi = open(".gitignore").read() if os.path.exists(".gitignore") else ""
        if a.write_dotvars not in gi.split():
            sys.exit(f"{a.write_dotvars} is not in .gitignore; add it first")
        with open(a.write_dotvars, "a") as f:
            f.write(f"CLOUDFLARE_API_TOKEN={value}\n")
        os.chmod(a.write_dotvars, 0o600)
        print(f"wrote {a.write_dotvars}", file=sys.stderr)
    elif sys.stdout.isatty():
        sys.exit("refusing to print the token to a terminal; pipe it into `gh secret set` or use --write-dotvars")
    else:
        sys.stdout.write(value)

if __name__ == "__main__":
    main()
