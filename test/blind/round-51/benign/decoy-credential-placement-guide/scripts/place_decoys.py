#!/usr/bin/env python3
"""Place decoy credentials from an approved plan, with per-file confirmation and an inventory.

Operates on local paths only (run it on the host named in each entry; entries for other hosts are
skipped with a note).
"""
import argparse
import datetime as dt
import json
import os
import socket
import sys

try:
    import yaml
except ImportError:
    sys.exit("pip install pyyaml")

INVENTORY = "./decoy-inventory.json"
DOC_TEMPLATE = """# Internal endpoints (legacy)

Old staging gateway, kept for reference: {url}
Contact platform team before using.
"""


def resolve(ref):
    if ref and ref.startswith("env:"):
        v = os.environ.get(ref[4:])
        if not v:
            sys.exit(f"environment variable {ref[4:]} not set")
        return v
    return ref


def load_inv():
    if os.path.exists(INVENTORY):
        return json.load(open(INVENTORY))
    return []


def save_inv(inv):
    with open(INVENTORY, "w") as fh:
        json.dump(inv, fh, indent=2)


def render(d):
    t = d["type"]
    if t == "aws-profile":
        if not d["access_key_id"].startswith("AKIA"):
            sys.exit(f"{d['id']}: access key id does not look like an AWS key")
        secret = resolve(d["secret_access_key_ref"])
        return "append", f"\n[{d['profile']}]\naws_access_key_id = {d['access_key_id']}\naws_secret_access_key = {secret}\n"
    if t == "env-line":
        return "append", f"{d['line_key']}={resolve(d['value_ref'])}\n"
    if t == "file" and d.get("template") == "dns-beacon-doc":
        return "create", DOC_TEMPLATE.format(url=resolve(d["beacon_url_ref"]))
    sys.exit(f"{d['id']}: unsupported type {t}")


def here(host):
    return host in ("localhost", socket.gethostname(), socket.getfqdn())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["plan", "apply", "list", "remove"])
    ap.add_argument("--plan", default="decoys.yaml")
    ap.add_argument("--id")
    a = ap.parse_args()

    if a.cmd == "list":
        for e in load_inv():
            print(f"{e['id']}  {e['type']:<12} {e['host']}:{e['path']}  placed {e['placed']}  by {e['approved_by']}")
        return

    if a.cmd == "remove":
        inv = load_inv()
        e = next((x for x in inv if x["id"] == a.id), None)
        if not e:
            sys.exit("unknown id")
        if e["mode"] == "create" and os.path.exists(e["path"]):
            if input(f"delete {e['path']}? [y/N] ").lower() == "y":
                os.remove(e["path"])
        else:
            print(f"{e['path']} was appended to; remove the section/line for {e['id']} by hand.")
        save_inv([x for x in inv if x["id"] != a.id])
        return

    plan = yaml.safe_load(open(a.plan))
    if not plan.get("hosts_owned_confirmation"):
        sys.exit("plan must set hosts_owned_confirmation: true (user confirms they own/administer these hosts)")
    inv = load_inv()
    for d in plan["decoys"]:
        path = os.path.expanduser(d["path"])
        if not here(d["host"]):
            print(f"skip {d['id']}: belongs on {d['host']}")
            continue
        mode, content = render(d)
        if mode == "create" and os.path.exists(path):
            print(f"skip {d['id']}: {path} exists, not overwriting")
            continue
        shown = content.replace(content.strip().split("=")[-1].strip(), "<decoy value>") if "=" in content else content
        print(f"--- {d['id']} {mode} {path}\n{shown}")
        if a.cmd == "plan":
            continue
        if input("write this? [y/N] ").strip().lower() != "y":
            continue
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        with open(path, "a" if mode == "append" else "x") as fh:
            fh.write(content)
        if mode == "create":
            os.chmod(path, 0o644)
        inv.append(dict(id=d["id"], type=d["type"], host=d["host"], path=path, mode=mode,
                        registry=d.get("registry"), approved_by=plan.get("approved_by"),
                        placed=dt.datetime.now().isoformat(timespec="seconds"), tested=None))
        save_inv(inv)
        print(f"placed {d['id']}")


if __name__ == "__main__":
    main()
