#!/usr/bin/env python3
"""Print cloud, region and identity name of the current VM from its metadata service. Never fetches credentials."""
import argparse
import json
import sys
import urllib.error
import urllib.request

FORBIDDEN = ("security-credentials/", "/token", "/identity", "oauth2")
AWS = "http://169.254.169.254"
GCP = "http://metadata.google.internal/computeMetadata/v1/"
AZURE = "http://169.254.169.254/metadata/instance/compute?api-version=2021-02-01"

opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never use a proxy for link-local


def req(url, headers=None, method="GET", data=None):
    path = url.split("://", 1)[1]
    allowed_listing = path.endswith("iam/security-credentials/")  # lists role names only
    if any(f in path for f in FORBIDDEN) and not allowed_listing and not path.endswith("latest/api/token"):
        raise ValueError("refusing credential path: " + url)
    r = urllib.request.Request(url, headers=headers or {}, method=method, data=data)
    try:
        with opener.open(r, timeout=1) as resp:
            return resp.read().decode()
    except (urllib.error.URLError, OSError):
        return None


def aws():
    token = req(AWS + "/latest/api/token", {"X-aws-ec2-metadata-token-ttl-seconds": "60"}, "PUT")
    h = {"X-aws-ec2-metadata-token": token} if token else {}
    if req(AWS + "/latest/meta-data/instance-id", h) is None:
        return None
    g = lambda p: req(AWS + "/latest/meta-data/" + p, h)
    v1 = req(AWS + "/latest/meta-data/instance-id") is not None if token else True
    info = json.loads(g("iam/info") or "{}")
    acct = json.loads(g("identity-credentials/ec2/info") or "{}").get("AccountId")
    return {
        "cloud": "aws",
        "region": g("placement/region"),
        "zone": g("placement/availability-zone"),
        "instance": g("instance-id"),
        "instance_type": g("instance-type"),
        "account": acct,
        "instance_profile": info.get("InstanceProfileArn"),
        "role_name": (g("iam/security-credentials/") or "").strip() or None,
        "imds": "v2 token required" if token and not v1 else ("v1 allowed" if v1 else "v2"),
    }


def gcp():
    h = {"Metadata-Flavor": "Google"}
    g = lambda p: req(GCP + p, h)
    zone = g("instance/zone")
    if zone is None:
        return None
    zone = zone.rsplit("/", 1)[-1]
    return {
        "cloud": "gcp",
        "zone": zone,
        "region": zone.rsplit("-", 1)[0],
        "instance": g("instance/id"),
        "name": g("instance/name"),
        "project": g("project/project-id"),
        "service_account": g("instance/service-accounts/default/email"),
        "scopes": [s.rsplit("/", 1)[-1] for s in (g("instance/service-accounts/default/scopes") or "").split()],
    }


def azure():
    body = req(AZURE, {"Metadata": "true"})
    if not body:
        return None
    c = json.loads(body)
    return {
        "cloud": "azure",
        "location": c.get("location"),
        "vm": c.get("name"),
        "vm_id": c.get("vmId"),
        "subscription": c.get("subscriptionId"),
        "resource_group": c.get("resourceGroupName"),
        "vm_size": c.get("vmSize"),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cloud", choices=["aws", "gcp", "azure"])
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    order = {"aws": [aws], "gcp": [gcp], "azure": [azure]}.get(a.cloud, [gcp, azure, aws])
    result = None
    for probe in order:
        result = probe()
        if result:
            break
    if not result:
        print("no metadata service reachable (not on a cloud VM, or inside a container with hop limit 1)")
        return 1
    if a.json:
        print(json.dumps(result, indent=2))
    else:
        for k, v in result.items():
            print("%-16s %s" % (k + ":", v if v not in (None, "", []) else "-"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
