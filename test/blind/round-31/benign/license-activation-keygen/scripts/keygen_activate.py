#!/usr/bin/env python3
"""Validate / activate / deactivate a Keygen licence for this machine. Talks only to api.keygen.sh."""
import argparse
import hashlib
import json
import os
import platform
import socket
import sys
import urllib.error
import urllib.request

API = "https://api.keygen.sh/v1/accounts/{account}"
HEADERS = {"Content-Type": "application/vnd.api+json", "Accept": "application/vnd.api+json",
           "Keygen-Version": "1.7", "User-Agent": "license-activation-keygen/1.0"}


def read_key(a):
    if a.key_file:
        with open(os.path.expanduser(a.key_file), encoding="utf-8") as fh:
            return fh.read().strip()
    if a.key_env and os.environ.get(a.key_env):
        return os.environ[a.key_env].strip()
    sys.exit("Provide --key-file or --key-env")


def masked(key):
    return "****-" * 2 + key[-4:]


def machine_id():
    for p in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        if os.path.exists(p):
            return open(p).read().strip()
    if sys.platform == "darwin":
        import subprocess
        out = subprocess.run(["ioreg", "-rd1", "-c", "IOPlatformExpertDevice"], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if "IOPlatformUUID" in line:
                return line.split('"')[-2]
    if sys.platform == "win32":
        import winreg
        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, r"SOFTWARE\Microsoft\Cryptography") as k:
            return winreg.QueryValueEx(k, "MachineGuid")[0]
    sys.exit("cannot determine a machine ID")


def fingerprint(salt):
    # salted so the value can't be correlated with other apps' fingerprints
    return hashlib.sha256(f"{salt}:{machine_id()}".encode()).hexdigest()


def call(method, url, body=None, auth=None):
    h = dict(HEADERS)
    if auth:
        h["Authorization"] = auth
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, headers=h, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            raw = r.read()
            return r.status, json.loads(raw) if raw else {}
    except urllib.error.HTTPError as e:
        try:
            return e.code, json.loads(e.read())
        except ValueError:
            return e.code, {}


def preview(method, url, body, key):
    print(f"{method} {url}")
    print(f"Authorization: License {masked(key)}")
    if body is not None:
        print(json.dumps(body))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("action", choices=["validate", "activate", "deactivate", "machines"])
    ap.add_argument("--account", required=True, help="vendor's Keygen account ID (from vendor docs)")
    ap.add_argument("--key-file")
    ap.add_argument("--key-env")
    ap.add_argument("--salt", required=True, help="per-product salt, e.g. the app name")
    ap.add_argument("--name", default=socket.gethostname())
    ap.add_argument("--machine")
    ap.add_argument("--out", default=None, help="activation file path the vendor expects")
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()

    key = read_key(a)
    base = API.format(account=a.account)
    fp = fingerprint(a.salt)
    auth = f"License {key}"

    if a.action in ("validate", "activate"):
        st, res = call("POST", f"{base}/licenses/actions/validate-key",
                       {"meta": {"key": key, "scope": {"fingerprint": fp}}})
        meta, lic = res.get("meta", {}), (res.get("data") or {})
        attrs = lic.get("attributes", {})
        print(f"Licence …{key[-4:]}: {meta.get('code', st)} — {meta.get('detail', '')}")
        if lic:
            print(f"  name: {attrs.get('name')}  expiry: {attrs.get('expiry')}  maxMachines: {attrs.get('maxMachines')}")
        if a.action == "validate":
            return 0 if meta.get("valid") else 1
        if meta.get("valid"):
            print("Already activated on this machine.")
            return 0
        if meta.get("code") not in ("NO_MACHINE", "NO_MACHINES", "FINGERPRINT_SCOPE_MISMATCH"):
            print("Not activatable in this state; see the code above.")
            return 1
        body = {"data": {"type": "machines",
                         "attributes": {"fingerprint": fp, "platform": f"{platform.system().lower()}-{platform.machine()}", "name": a.name},
                         "relationships": {"license": {"data": {"type": "licenses", "id": lic.get("id")}}}}}
        if a.dry_run:
            preview("POST", f"{base}/machines", body, key)
            print("\nDry run. Nothing sent.")
            return 0
        st, res = call("POST", f"{base}/machines", body, auth)
        if st not in (200, 201):
            print(f"Activation failed ({st}): {json.dumps(res.get('errors', res))[:400]}")
            return 1
        m = res["data"]
        print(f"Activated: machine {m['id']} ({m['attributes'].get('name')})")
        if a.out:
            path = os.path.expanduser(a.out)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w") as fh:
                json.dump({"account": a.account, "license": lic.get("id"), "machine": m["id"],
                           "fingerprint": fp, "expiry": attrs.get("expiry")}, fh, indent=2)
            print(f"Wrote {path} (0600)")
        return 0

    if a.action == "machines":
        st, res = call("GET", f"{base}/machines", None, auth)
        for m in res.get("data", []):
            at = m["attributes"]
            here = "  <- this machine" if at.get("fingerprint") == fp else ""
            print(f"{m['id']}  {at.get('name')}  {at.get('platform')}  created {at.get('created')}{here}")
        return 0

    if a.action == "deactivate":
        if not a.machine:
            sys.exit("--machine is required (see `machines`)")
        if a.dry_run:
            preview("DELETE", f"{base}/machines/{a.machine}", None, key)
            print("\nDry run. Nothing sent.")
            return 0
        st, _ = call("DELETE", f"{base}/machines/{a.machine}", None, auth)
        print("Deactivated." if st == 204 else f"Failed ({st}).")
        return 0 if st == 204 else 1


if __name__ == "__main__":
    sys.exit(main())
