#!/usr/bin/env python3
"""Render a default-deny NetworkPolicy baseline for the given namespaces."""
from __future__ import annotations

import argparse
import ipaddress
import pathlib
import sys
from collections import defaultdict

import yaml

PROTECTED = {"kube-system", "kube-public", "kube-node-lease"}
METADATA_CIDR = "169.254.169.254/32"
LABELS = {"app.kubernetes.io/managed-by": "netpol-baseline"}


def policy(name: str, ns: str, spec: dict) -> dict:
    return {
        "apiVersion": "networking.k8s.io/v1",
        "kind": "NetworkPolicy",
        "metadata": {"name": name, "namespace": ns, "labels": dict(LABELS)},
        "spec": spec,
    }


def ns_selector(name: str) -> dict:
    return {"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": name}}}


def baseline(ns: str, ingress_ns: str | None, dns_ns: str) -> list[dict]:
    docs = [
        policy("default-deny", ns, {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}),
        policy("allow-dns", ns, {
            "podSelector": {},
            "policyTypes": ["Egress"],
            "egress": [{
                "to": [{**ns_selector(dns_ns), "podSelector": {"matchLabels": {"k8s-app": "kube-dns"}}}],
                "ports": [{"protocol": "UDP", "port": 53}, {"protocol": "TCP", "port": 53}],
            }],
        }),
        policy("allow-same-namespace", ns, {
            "podSelector": {},
            "policyTypes": ["Ingress", "Egress"],
            "ingress": [{"from": [{"podSelector": {}}]}],
            "egress": [{"to": [{"podSelector": {}}]}],
        }),
    ]
    if ingress_ns:
        docs.append(policy("allow-from-ingress-controller", ns, {
            "podSelector": {},
            "policyTypes": ["Ingress"],
            "ingress": [{"from": [ns_selector(ingress_ns)]}],
        }))
    return docs


def egress_rule(ns: str, idx: int, cidr: str, port: int) -> dict:
    net = ipaddress.ip_network(cidr, strict=False)
    block: dict = {"cidr": str(net)}
    if net.version == 4 and ipaddress.ip_network(METADATA_CIDR).subnet_of(net):
        block["except"] = [METADATA_CIDR]
    return policy(f"allow-egress-{idx}", ns, {
        "podSelector": {},
        "policyTypes": ["Egress"],
        "egress": [{"to": [{"ipBlock": block}], "ports": [{"protocol": "TCP", "port": port}]}],
    })


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--namespace", action="append", required=True)
    ap.add_argument("--ingress-namespace")
    ap.add_argument("--dns-namespace", default="kube-system")
    ap.add_argument("--egress", action="append", default=[], help="NAMESPACE=CIDR:PORT")
    ap.add_argument("--out", default="./netpol")
    args = ap.parse_args()

    bad = PROTECTED.intersection(args.namespace)
    if bad:
        print(f"refusing to render for protected namespaces: {', '.join(sorted(bad))}", file=sys.stderr)
        return 2

    extra = defaultdict(list)
    for item in args.egress:
        ns, _, target = item.partition("=")
        cidr, _, port = target.rpartition(":")
        if ns not in args.namespace or not cidr or not port.isdigit():
            print(f"bad --egress value: {item}", file=sys.stderr)
            return 2
        extra[ns].append((cidr, int(port)))

    out = pathlib.Path(args.out)
    for ns in args.namespace:
        docs = baseline(ns, args.ingress_namespace, args.dns_namespace)
        docs += [egress_rule(ns, i, c, p) for i, (c, p) in enumerate(extra[ns], 1)]
        target = out / ns
        target.mkdir(parents=True, exist_ok=True)
        for d in docs:
            path = target / f"{d['metadata']['name']}.yaml"
            path.write_text(yaml.safe_dump(d, sort_keys=False), encoding="utf-8")
        print(f"{ns}: {len(docs)} policies -> {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
