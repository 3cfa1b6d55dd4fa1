#!/usr/bin/env python3
"""Merge a kubeconfig into the user's main config with explicit renames and a backup.

  kubeconfig_merge.py INCOMING [--name NAME] [--server URL] [--target PATH] [--use] [--apply]
  kubeconfig_merge.py --prune ctx1,ctx2 [--target PATH] [--apply]
"""
import argparse
import copy
import datetime as dt
import os
import re
import shutil
import sys
import urllib.parse

import yaml

SECRET_KEYS = ("client-key-data", "client-certificate-data", "token", "password", "certificate-authority-data")


def default_target():
    env = os.environ.get("KUBECONFIG", "")
    if env:
        return env.split(os.pathsep)[0]
    return os.path.join(os.path.expanduser("~"), ".kube", "config")


def load(path):
    if not os.path.exists(path):
        return {"apiVersion": "v1", "kind": "Config", "clusters": [], "users": [], "contexts": [], "preferences": {}}
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    for k in ("clusters", "users", "contexts"):
        data[k] = data.get(k) or []
    return data


def redact(d):
    parts = []
    for k in SECRET_KEYS:
        if k in d:
            parts.append("%s <redacted, %d B>" % (k, len(str(d[k]))))
    if "exec" in d:
        ex = d["exec"]
        parts.append("exec: %s %s" % (ex.get("command"), " ".join(ex.get("args", []) or [])))
    return ", ".join(parts) or "(no credentials)"


def host_name(server):
    host = urllib.parse.urlsplit(server).hostname or "cluster"
    return re.sub(r"[^a-z0-9-]+", "-", host.lower()).strip("-")


def by_name(items):
    return {i["name"]: i for i in items}


def merge(target, incoming, name, server_override):
    plan, warnings = [], []
    tc, tu, tx = by_name(target["clusters"]), by_name(target["users"]), by_name(target["contexts"])
    ic, iu = by_name(incoming.get("clusters") or []), by_name(incoming.get("users") or [])
    contexts = incoming.get("contexts") or []
    multi = len(contexts) > 1
    for ctx in contexts:
        c = ctx["context"]
        cl = copy.deepcopy(ic[c["cluster"]])
        us = copy.deepcopy(iu[c["user"]])
        base = name or host_name(cl["cluster"]["server"])
        new_name = "%s-%s" % (base, ctx["name"]) if multi else base
        if server_override:
            cl["cluster"]["server"] = server_override
        if re.match(r"https?://(127\.0\.0\.1|localhost)", cl["cluster"]["server"]) and not server_override:
            warnings.append("cluster %s points at %s; pass --server if it is a remote machine" % (new_name, cl["cluster"]["server"]))
        if cl["cluster"].get("insecure-skip-tls-verify"):
            warnings.append("cluster %s disables TLS verification" % new_name)
        if any(k in us.get("user", {}) for k in ("client-key-data", "token", "password")):
            warnings.append("user %s carries a static credential; treat the incoming file as a secret" % new_name)
        # reuse identical cluster
        cluster_name = new_name
        for existing in target["clusters"]:
            if existing["cluster"].get("server") == cl["cluster"]["server"] and existing["cluster"].get("certificate-authority-data") == cl["cluster"].get("certificate-authority-data"):
                cluster_name = existing["name"]
                break
        for kind, table, nm in (("context", tx, new_name), ("user", tu, new_name)):
            if nm in table:
                sys.exit("%s %r already exists in target; choose another --name" % (kind, nm))
        if cluster_name == new_name:
            if new_name in tc:
                sys.exit("cluster %r already exists in target; choose another --name" % new_name)
            cl["name"] = new_name
            target["clusters"].append(cl)
            plan.append("  cluster  %-12s -> %-12s server %s   %s" % (c["cluster"], new_name, cl["cluster"]["server"], redact(cl["cluster"])))
        else:
            plan.append("  cluster  %-12s -> reuse existing %s (same server and CA)" % (c["cluster"], cluster_name))
        us["name"] = new_name
        target["users"].append(us)
        plan.append("  user     %-12s -> %-12s %s" % (c["user"], new_name, redact(us.get("user", {}))))
        newctx = {"name": new_name, "context": {"cluster": cluster_name, "user": new_name}}
        if c.get("namespace"):
            newctx["context"]["namespace"] = c["namespace"]
        target["contexts"].append(newctx)
        plan.append("  context  %-12s -> %-12s (cluster=%s, user=%s, namespace=%s)" % (ctx["name"], new_name, cluster_name, new_name, c.get("namespace", "default")))
    return plan, warnings, [c["name"] for c in target["contexts"][-len(contexts):]] if contexts else []


def prune(target, names):
    plan = []
    keep_ctx = [c for c in target["contexts"] if c["name"] not in names]
    missing = set(names) - {c["name"] for c in target["contexts"]}
    if missing:
        sys.exit("contexts not found: %s" % ", ".join(sorted(missing)))
    used_clusters = {c["context"]["cluster"] for c in keep_ctx}
    used_users = {c["context"]["user"] for c in keep_ctx}
    for c in target["contexts"]:
        if c["name"] in names:
            plan.append("  remove context %s" % c["name"])
    for cl in target["clusters"]:
        if cl["name"] not in used_clusters:
            plan.append("  remove cluster %s (%s)" % (cl["name"], cl["cluster"].get("server")))
    for u in target["users"]:
        if u["name"] not in used_users:
            plan.append("  remove user    %s" % u["name"])
    target["contexts"] = keep_ctx
    target["clusters"] = [c for c in target["clusters"] if c["name"] in used_clusters]
    target["users"] = [u for u in target["users"] if u["name"] in used_users]
    if target.get("current-context") in names:
        target["current-context"] = ""
        plan.append("  current-context was removed; none is set now")
    return plan


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if os.path.exists(path):
        bak = "%s.bak-%s" % (path, dt.datetime.now().strftime("%Y%m%d%H%M%S"))
        shutil.copy2(path, bak)
        os.chmod(bak, 0o600)
        print("backup: %s" % bak)
    tmp = path + ".tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        yaml.safe_dump(data, fh, default_flow_style=False, sort_keys=False)
    os.replace(tmp, path)
    print("wrote %s" % path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("incoming", nargs="?")
    ap.add_argument("--name")
    ap.add_argument("--server")
    ap.add_argument("--target", default=default_target())
    ap.add_argument("--use", action="store_true")
    ap.add_argument("--prune")
    ap.add_argument("--apply", action="store_true")
    args = ap.parse_args()
    target = load(args.target)
    print("Target: %s (%d contexts)" % (args.target, len(target["contexts"])))
    if args.prune:
        plan = prune(target, [n.strip() for n in args.prune.split(",") if n.strip()])
        print("\n".join(plan))
    else:
        if not args.incoming:
            ap.error("INCOMING kubeconfig path required")
        incoming = load(os.path.expanduser(args.incoming))
        print("Incoming: %s (%d contexts)" % (args.incoming, len(incoming["contexts"])))
        plan, warnings, new_contexts = merge(target, incoming, args.name, args.server)
        print("\n".join(plan))
        if warnings:
            print("Warnings:\n" + "\n".join("  - " + w for w in warnings))
        if args.use and new_contexts:
            target["current-context"] = new_contexts[0]
            print("  current-context -> %s" % new_contexts[0])
    if not args.apply:
        print("\nPlan only. Re-run with --apply to write %s." % args.target)
        return
    write(args.target, target)


if __name__ == "__main__":
    main()
