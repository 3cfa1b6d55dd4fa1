#!/usr/bin/env bash
# Synthesize and scan CloudFormation templates in cdk.out for common risky settings.
# Usage: review_synth.sh [cdk-app-dir]
set -euo pipefail
app="${1:-.}"
cd "$app"
command -v cdk >/dev/null || { echo "cdk CLI not found: npm install -g aws-cdk" >&2; exit 1; }

cdk synth --quiet >/dev/null
python3 - cdk.out <<'PY'
import json, sys, glob, os

def walk(node, path=""):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from walk(v, f"{path}.{k}" if path else k)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from walk(v, f"{path}[{i}]")
    else:
        yield path, node

issues = []
for tpl in sorted(glob.glob(os.path.join(sys.argv[1], "*.template.json"))):
    data = json.load(open(tpl))
    stack = os.path.basename(tpl).replace(".template.json", "")
    for lid, res in data.get("Resources", {}).items():
        t, props = res.get("Type", ""), res.get("Properties", {}) or {}
        where = f"{stack}/{lid} ({t})"
        if t in ("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::Role"):
            for path, val in walk(props):
                if path.endswith("Action") or ".Action[" in path:
                    if val == "*" or (isinstance(val, str) and val.endswith(":*")):
                        issues.append(("HIGH", where, f"wildcard action {val!r}"))
                if (path.endswith("Resource") or ".Resource[" in path) and val == "*":
                    issues.append(("MEDIUM", where, "Resource '*'"))
        if t == "AWS::S3::Bucket":
            pab = props.get("PublicAccessBlockConfiguration")
            if not pab or not all(pab.get(k) for k in ("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")):
                issues.append(("HIGH", where, "public access block not fully enabled"))
            if res.get("DeletionPolicy") == "Delete":
                issues.append(("INFO", where, "bucket deleted with stack"))
        if t == "AWS::EC2::SecurityGroup":
            for rule in props.get("SecurityGroupIngress", []) or []:
                if rule.get("CidrIp") == "0.0.0.0/0" and rule.get("FromPort") not in (80, 443):
                    issues.append(("HIGH", where, f"ingress 0.0.0.0/0 on port {rule.get('FromPort')}"))
        if t in ("AWS::RDS::DBInstance", "AWS::RDS::DBCluster"):
            if not props.get("StorageEncrypted"):
                issues.append(("HIGH", where, "storage not encrypted"))
            if props.get("PubliclyAccessible"):
                issues.append(("HIGH", where, "publicly accessible"))
            if res.get("DeletionPolicy") not in ("Retain", "Snapshot"):
                issues.append(("HIGH", where, "database has no Retain/Snapshot deletion policy"))
        if t == "AWS::DynamoDB::Table" and res.get("DeletionPolicy") != "Retain":
            issues.append(("MEDIUM", where, "table not retained on delete"))
        if t == "AWS::Lambda::Function":
            env = (props.get("Environment") or {}).get("Variables", {}) or {}
            for k, v in env.items():
                if any(s in k.upper() for s in ("SECRET", "PASSWORD", "TOKEN", "API_KEY")) and isinstance(v, str):
                    issues.append(("HIGH", where, f"plaintext value in env var {k}; use Secrets Manager/SSM"))

order = {"HIGH": 0, "MEDIUM": 1, "INFO": 2}
for sev, where, msg in sorted(issues, key=lambda i: order[i[0]]):
    print(f"{sev:6} {where}: {msg}")
print(f"\n{len(issues)} findings")
PY
