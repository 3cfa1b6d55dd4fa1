#!/usr/bin/env python3
"""Copy secrets from a Doppler config to an Infisical environment. Never prints values."""
import argparse
import hashlib
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

DOPPLER_API = "https://api.doppler.com"
BUILTINS = {"DOPPLER_PROJECT", "DOPPLER_CONFIG", "DOPPLER_ENVIRONMENT"}


def http(method, url, token=None, body=None):
    headers = {"Accept": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return json.loads(r.read() or b"{}")
    except urllib.error.HTTPError as e:
        sys.exit(f"{method} {urllib.parse.urlparse(url).path} -> HTTP {e.code}")


def doppler_secrets(a):
    tok = os.environ.get("DOPPLER_TOKEN") or sys.exit("DOPPLER_TOKEN not set")
    q = urllib.parse.urlencode({"project": a.doppler_project, "config": a.doppler_config, "format": "json"})
    data = http("GET", f"{DOPPLER_API}/v3/configs/config/secrets/download?{q}", tok)
    return {k: v for k, v in data.items() if k not in BUILTINS}


def infisical_login(a):
    cid = os.environ.get("INFISICAL_CLIENT_ID") or sys.exit("INFISICAL_CLIENT_ID not set")
    sec = os.environ.get("INFISICAL_CLIENT_SECRET") or sys.exit("INFISICAL_CLIENT_SECRET not set")
    r = http("POST", f"{a.infisical_url}/api/v1/auth/universal-auth/login", body={"clientId": cid, "clientSecret": sec})
    return r["accessToken"]


def infisical_secrets(a, tok):
    q = urllib.parse.urlencode({"workspaceId": a.project_id, "environment": a.env, "secretPath": a.path})
    r = http("GET", f"{a.infisical_url}/api/v3/secrets/raw?{q}", tok)
    return {s["secretKey"]: s["secretValue"] for s in r.get("secrets", [])}


def write(a, tok, key, value, exists):
    body = {"workspaceId": a.project_id, "environment": a.env, "secretPath": a.path,
            "secretValue": value, "type": "shared"}
    http("PATCH" if exists else "POST", f"{a.infisical_url}/api/v3/secrets/raw/{urllib.parse.quote(key)}", tok, body)


def h(v):
    return hashlib.sha256(v.encode()).hexdigest()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--doppler-project", required=True)
    ap.add_argument("--doppler-config", required=True)
    ap.add_argument("--infisical-url", required=True)
    ap.add_argument("--project-id", required=True)
    ap.add_argument("--env", required=True)
    ap.add_argument("--path", default="/")
    ap.add_argument("--apply", action="store_true")
    ap.add_argument("--overwrite", action="store_true")
    ap.add_argument("--verify", action="store_true")
    a = ap.parse_args()
    a.infisical_url = a.infisical_url.rstrip("/")
    if not a.infisical_url.startswith("https://"):
        sys.exit("--infisical-url must be https://")

    src = doppler_secrets(a)
    tok = infisical_login(a)
    dst = infisical_secrets(a, tok)

    if a.verify:
        bad = [k for k in src if k not in dst or h(src[k]) != h(dst[k])]
        for k in sorted(src):
            print(f"{k:<32} {'mismatch' if k in bad else 'match'}")
        sys.exit(1 if bad else 0)

    plan = []
    for k in sorted(src):
        if k not in dst:
            plan.append((k, "create"))
        elif h(src[k]) != h(dst[k]):
            plan.append((k, "update" if a.overwrite else "conflict (use --overwrite)"))
        else:
            plan.append((k, "same"))
    print(f"{'KEY':<32} ACTION")
    for k, act in plan:
        print(f"{k:<32} {act}")
    todo = [(k, act) for k, act in plan if act in ("create", "update")]
    print(f"\n{len(todo)} writes planned; target {a.env}{a.path} in project {a.project_id}")
    if not a.apply or not todo:
        return
    if input(f"Apply {len(todo)} writes? [y/N] ").strip().lower() != "y":
        sys.exit("aborted")
    for k, act in todo:
        write(a, tok, k, src[k], exists=(act == "update"))
        print(f"{act:>6}d {k}")


if __name__ == "__main__":
    main()
