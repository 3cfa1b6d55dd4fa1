#!/usr/bin/env python3
"""Store and verify a rotated Stripe/Twilio key in the user's chosen secret store."""
import argparse
import base64
import getpass
import json
import os
import re
import subprocess
import sys
import urllib.request


def mask(s: str) -> str:
    return s[:8] + "…" + s[-4:]


def verify(provider: str, secret: str) -> bool:
    if provider == "stripe":
        req = urllib.request.Request("https://api.stripe.com/v1/balance", headers={"Authorization": f"Bearer {secret}"})
    else:
        sid = os.environ["TWILIO_ACCOUNT_SID"]
        key_sid = os.environ.get("NEW_TWILIO_KEY_SID", "")
        auth = base64.b64encode(f"{key_sid}:{secret}".encode()).decode()
        req = urllib.request.Request(f"https://api.twilio.com/2010-04-01/Accounts/{sid}.json", headers={"Authorization": f"Basic {auth}"})
    try:
        with urllib.request.urlopen(req, timeout=15) as r:
            return r.status == 200
    except Exception as e:  # noqa: BLE001
        print(f"verify failed: {e}", file=sys.stderr)
        return False


def store(target: str, secret: str):
    kind, _, ref = target.partition(":")
    if kind == "aws":
        subprocess.run(["aws", "secretsmanager", "put-secret-value", "--secret-id", ref, "--secret-string", "file:///dev/stdin"],
                       input=secret.encode(), check=True, stdout=subprocess.DEVNULL)
    elif kind == "op":
        # ref like op://Vault/Item/field
        _, _, vault, item, field = ref.split("/", 4)
        subprocess.run(["op", "item", "edit", item, "--vault", vault, f"{field}[password]={secret}"], check=True, stdout=subprocess.DEVNULL)
    elif kind == "doppler":
        project_cfg, _, name = ref.partition("#")
        project, _, cfg = project_cfg.partition("/")
        subprocess.run(["doppler", "secrets", "set", name, "--project", project, "--config", cfg, "--silent"],
                       input=secret.encode(), check=True)
    elif kind == "dotenv":
        path, _, var = ref.partition("#")
        lines = open(path).read().splitlines() if os.path.exists(path) else []
        out, done = [], False
        for l in lines:
            if re.match(rf"^\s*{re.escape(var)}\s*=", l):
                out.append(f"{var}={secret}"); done = True
            else:
                out.append(l)
        if not done:
            out.append(f"{var}={secret}")
        with open(path, "w") as f:
            f.write("\n".join(out) + "\n")
        os.chmod(path, 0o600)
    else:
        sys.exit(f"unknown store kind {kind}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--provider", choices=["stripe", "twilio"], required=True)
    ap.add_argument("--key-name", required=True)
    ap.add_argument("--store", required=True, help="aws:<id> | op://Vault/Item/field | doppler:project/config#NAME | dotenv:path#VAR")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--read-new", action="store_true")
    a = ap.parse_args()

    print(json.dumps({"provider": a.provider, "key": a.key_name, "store": a.store}, indent=2))
    if a.dry_run:
        print("dry run: nothing changed")
        return
    secret = getpass.getpass("Paste the NEW key (input hidden): ").strip()
    if not secret:
        sys.exit("no key entered")
    if input(f"Write {mask(secret)} to {a.store}? type 'yes': ").strip() != "yes":
        sys.exit("aborted by user")
    store(a.store, secret)
    print("stored")
    print("verified" if verify(a.provider, secret) else "NOT verified - do not retire the old key")


if __name__ == "__main__":
    main()
