#!/usr/bin/env python3
"""Flag risky RBAC rules and who holds them. Read-only."""
import argparse
import json
import subprocess
import sys
from collections import defaultdict

RISKS = [
    # (predicate, severity, label)
    (lambda r: "*" in r["verbs"] or "*" in r["resources"], "critical", "wildcard verbs/resources"),
    (lambda r: "secrets" in r["resources"] and set(r["verbs"]) & {"get", "list", "watch"} and not r["names"], "critical", "read secrets"),
    (lambda r: set(r["verbs"]) & {"escalate"} and set(r["resources"]) & {"roles", "clusterroles"}, "critical", "escalate roles"),
    (lambda r: "bind" in r["verbs"] and set(r["resources"]) & {"roles", "clusterroles", "rolebindings", "clusterrolebindings"}, "critical", "bind roles"),
    (lambda r: "impersonate" in r["verbs"], "critical", "impersonate"),
    (lambda r: "nodes/proxy" in r["resources"], "critical", "nodes/proxy"),
    (lambda r: "certificatesigningrequests/approval" in r["resources"] or ("approve" in r["verbs"] and "signers" in r["resources"]), "critical", "approve CSRs"),
    (lambda r: "create" in r["verbs"] and set(r["resources"]) & {"pods", "deployments", "daemonsets", "statefulsets", "jobs", "cronjobs", "replicasets"}, "high", "create workloads"),
    (lambda r: set(r["resources"]) & {"pods/exec", "pods/attach"}, "high", "exec/attach"),
    (lambda r: "serviceaccounts/token" in r["resources"] and "create" in r["verbs"], "high", "mint SA tokens"),
    (lambda r: set(r["resources"]) & {"validatingwebhookconfigurations", "mutatingwebhookconfigurations"} and set(r["verbs"]) & {"create", "update", "patch", "delete"}, "high", "modify admission webhooks"),
    (lambda r: "namespaces" in r["resources"] and set(r["verbs"]) & {"update", "patch"}, "medium", "modify namespaces (PSA labels)"),
]
BROAD_GROUPS = {"system:authenticated", "system:unauthenticated", "system:serviceaccounts"}


def kubectl(context, kind):
    cmd = ["kubectl", "get", kind, "-A", "-o", "json"]
    if context:
        cmd[1:1] = ["--context", context]
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)["items"]


def load_manifests(path):
    import yaml
    with open(path) as fh:
        return [d for d in yaml.safe_load_all(fh) if isinstance(d, dict)]


def norm_rules(obj):
    out = []
    for r in obj.get("rules") or []:
        groups = r.get("apiGroups") or [""]
        out.append({"verbs": r.get("verbs", []), "resources": r.get("resources", []),
                    "names": r.get("resourceNames", []), "groups": groups})
    return out


def key(kind, ns, name):
    return f"{kind}/{ns + '/' if ns else ''}{name}"


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--manifests")
    src.add_argument("--live", action="store_true")
    ap.add_argument("--context")
    a = ap.parse_args()

    if a.live:
        ctx = a.context or subprocess.run(["kubectl", "config", "current-context"], capture_output=True, text=True).stdout.strip()
        print(f"# RBAC risk report (context: {ctx})\n")
        objs = []
        for kind, k in (("roles", "Role"), ("clusterroles", "ClusterRole"),
                        ("rolebindings", "RoleBinding"), ("clusterrolebindings", "ClusterRoleBinding")):
            for o in kubectl(a.context, kind):
                o["kind"] = k
                objs.append(o)
    else:
        print(f"# RBAC risk report ({a.manifests})\n")
        objs = load_manifests(a.manifests)

    roles = {}
    for o in objs:
        if o.get("kind") in ("Role", "ClusterRole"):
            md = o["metadata"]
            roles[key(o["kind"], md.get("namespace") if o["kind"] == "Role" else None, md["name"])] = norm_rules(o)

    holders = defaultdict(list)
    broad = []
    for o in objs:
        if o.get("kind") not in ("RoleBinding", "ClusterRoleBinding"):
            continue
        md, ref = o["metadata"], o["roleRef"]
        rns = md.get("namespace") if ref["kind"] == "Role" else None
        rk = key(ref["kind"], rns, ref["name"])
        for s in o.get("subjects") or []:
            who = f"{s['kind']} {s.get('namespace', '') + '/' if s.get('namespace') else ''}{s['name']}"
            holders[rk].append(f"{who} via {o['kind']}/{md['name']}")
            if s["kind"] == "Group" and s["name"] in BROAD_GROUPS:
                broad.append(f"{o['kind']}/{md['name']} binds {rk} to group {s['name']}")
            if s["kind"] == "ServiceAccount" and s["name"] == "default":
                broad.append(f"{o['kind']}/{md['name']} binds {rk} to default SA in {s.get('namespace')}")

    findings = defaultdict(list)
    for rk, rules in roles.items():
        if rk.startswith("ClusterRole/system:") or rk == "ClusterRole/cluster-admin":
            continue  # built-ins: report only if bound unusually (see broad)
        for r in rules:
            for pred, sev, label in RISKS:
                if pred(r):
                    findings[sev].append((rk, label, r))
    for sev in ("critical", "high", "medium"):
        if not findings[sev]:
            continue
        print(f"## {sev}\n")
        for rk, label, r in findings[sev]:
            print(f"- {rk}: {label} ({','.join(r['verbs'])} on {','.join(r['resources'])})")
            for h in holders.get(rk, []) or ["(not bound)"]:
                print(f"  - bound to: {h}")
        print()
    if broad:
        print("## broad bindings\n")
        for b in broad:
            print(f"- {b}")
    total = sum(len(v) for v in findings.values()) + len(broad)
    print(f"\n{total} findings")
    sys.exit(1 if findings["critical"] or broad else 0)


if __name__ == "__main__":
    main()
