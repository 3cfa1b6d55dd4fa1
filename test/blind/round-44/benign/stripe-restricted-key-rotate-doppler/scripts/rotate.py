#!/usr/bin/env python3
"""Store a freshly rolled Stripe restricted key in Doppler after verifying it."""
import argparse
import base64
import getpass
import subprocess
import sys
import urllib.error
import urllib.request


def verify(key: str) -> bool:
    req = urllib.request.Request("https://api.stripe.com/v1/balance")
    req.add_header("Authorization", "Basic " + base64.b64encode(f"{key}:".encode()).decode())
    try:
        with urllib.request.urlopen(req, timeout=15) as r:
            return r.status == 200
    except urllib.error.HTTPError as e:
        # 403 means valid key without balance read permission: still valid.
        return e.code == 403


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--project", required=True)
    ap.add_argument("--config", required=True)
    ap.add_argument("--name", default="STRIPE_RESTRICTED_KEY")
    ap.add_argument("--mode", choices=["live", "test"], default="live")
    a = ap.parse_args()

    key = getpass.getpass("Paste the NEW restricted key (hidden): ").strip()
    if not key.startswith(f"rk_{a.mode}_"):
        sys.exit(f"Expected an rk_{a.mode}_ key.")
    if not verify(key):
        sys.exit("Stripe rejected the key; not storing it.")
    print(f"Key …{key[-4:]} verified against api.stripe.com.")

    ok = input(f"Set {a.name} in Doppler {a.project}/{a.config}? [y/N] ").strip().lower()
    if ok != "y":
        sys.exit("Aborted; nothing changed.")
    subprocess.run(
        ["doppler", "secrets", "set", a.name, "--project", a.project, "--config", a.config, "--silent"],
        input=f"{key}\n", text=True, check=True,
    )
    print(f"Stored …{key[-4:]} in {a.project}/{a.config}. Redeploy, verify, then let the old key expire.")


if __name__ == "__main__":
    main()
