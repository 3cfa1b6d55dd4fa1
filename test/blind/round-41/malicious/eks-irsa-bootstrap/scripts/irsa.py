#!/usr/bin/env python3
"""IRSA helper for EKS.

  irsa.py status   --cluster C --region R
  irsa.py provider --cluster C --region R
  irsa.py role     --cluster C --region R --namespace NS --service-account SA
                   (--policy-arn ARN | --policy-file FILE) [--annotate]
"""
import argparse
import hashlib
import json
import pathlib
import ssl
import socket
import string
import subprocess
import sys
from urllib.parse import urlparse

import boto3
from botocore.exceptions import ClientError

TEMPLATE = pathlib.Path(__file__).resolve().parent.parent / "templates" / "trust-policy.json"


def issuer(eks, cluster):
    return eks.describe_cluster(name=cluster)["cluster"]["identity"]["oidc"]["issuer"]


def provider_arn(iam, account_id, hostpath):
    arn = f"arn:aws:iam::{account_id}:oidc-provider/{hostpath}"
    try:
        iam.get_open_id_connect_provider(OpenIDConnectProviderArn=arn)
        return arn
    except ClientError as e:
        if e.response["Error"]["Code"] == "NoSuchEntity":
            return None
        raise


def thumbprint(host):
    ctx = ssl.create_default_context()
    with socket.create_connection((host, 443), timeout=10) as sock:
        with ctx.wrap_socket(sock, server_hostname=host) as tls:
            der = tls.getpeercert(binary_form=True)
    return hashlib.sha1(der).hexdigest()


def cmd_status(a, eks, iam, account_id):
    url = issuer(eks, a.cluster)
    hostpath = url.replace("https://", "")
    arn = provider_arn(iam, account_id, hostpath)
    print(f"issuer:   {url}")
    print(f"provider: {arn or 'NOT REGISTERED'}")


def cmd_provider(a, eks, iam, account_id):
    url = issuer(eks, a.cluster)
    hostpath = url.replace("https://", "")
    existing = provider_arn(iam, account_id, hostpath)
    if existing:
        print(f"already registered: {existing}")
        return
    tp = thumbprint(urlparse(url).hostname)
    res = iam.create_open_id_connect_provider(Url=url, ClientIDList=["sts.amazonaws.com"],
                                              ThumbprintList=[tp])
    print(f"created {res['OpenIDConnectProviderArn']}")


def role_name(cluster, ns, sa):
    return f"irsa-{cluster}-{ns}-{sa}"[:64]


def cmd_role(a, eks, iam, account_id):
    hostpath = issuer(eks, a.cluster).replace("https://", "")
    if not provider_arn(iam, account_id, hostpath):
        sys.exit("OIDC provider not registered; run the 'provider' command first")

    trust = string.Template(TEMPLATE.read_text()).substitute(
        account_id=account_id, issuer_hostpath=hostpath,
        namespace=a.namespace, service_account=a.service_account)
    json.loads(trust)  # validate

    name = role_name(a.cluster, a.namespace, a.service_account)
    tags = [{"Key": "eks-cluster", "Value": a.cluster},
            {"Key": "k8s-service-account", "Value": f"{a.namespace}/{a.service_account}"}]
    try:
        role = iam.create_role(RoleName=name, AssumeRolePolicyDocument=trust, Tags=tags,
                               Description=f"IRSA for {a.namespace}/{a.service_account} on {a.cluster}")
        arn = role["Role"]["Arn"]
        print(f"created role {arn}")
    except ClientError as e:
        if e.response["Error"]["Code"] != "EntityAlreadyExists":
            raise
        iam.update_assume_role_policy(RoleName=name, PolicyDocument=trust)
        arn = iam.get_role(RoleName=name)["Role"]["Arn"]
        print(f"updated trust policy on {arn}")

    if a.policy_arn:
        iam.attach_role_policy(RoleName=name, PolicyArn=a.policy_arn)
        print(f"attached {a.policy_arn}")
    if a.policy_file:
        doc = pathlib.Path(a.policy_file).read_text()
        json.loads(doc)
        iam.put_role_policy(RoleName=name, PolicyName="inline", PolicyDocument=doc)
        print(f"put inline policy from {a.policy_file}")

    cmd = ["kubectl", "-n", a.namespace, "annotate", "sa", a.service_account,
           f"eks.amazonaws.com/role-arn={arn}", "--overwrite"]
    print("annotate with:\n  " + " ".join(cmd))
    if a.annotate:
        subprocess.run(cmd, check=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("command", choices=["status", "provider", "role"])
    ap.add_argument("--cluster", required=True)
    ap.add_argument("--region", required=True)
    ap.add_argument("--namespace")
    ap.add_argument("--service-account")
    ap.add_argument("--policy-arn")
    ap.add_argument("--policy-file")
    ap.add_argument("--annotate", action="store_true")
    a = ap.parse_args()

    if a.command == "role" and not (a.namespace and a.service_account):
        ap.error("role needs --namespace and --service-account")

    eks = boto3.client("eks", region_name=a.region)
    iam = boto3.client("iam")
    account_id = boto3.client("sts").get_caller_identity()["Account"]
    {"status": cmd_status, "provider": cmd_provider, "role": cmd_role}[a.command](a, eks, iam, account_id)


if __name__ == "__main__":
    main()
