#!/usr/bin/env bash
# Read-only AWS posture check. Uses only Describe/Get/List/GenerateCredentialReport calls.
set -uo pipefail

profile="" regions="" out=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --profile) profile="$2"; shift 2 ;;
    --regions) regions="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "usage: $0 --profile P --regions r1,r2 --out DIR" >&2; exit 2 ;;
  esac
done
[[ -z "$profile" || -z "$regions" || -z "$out" ]] && { echo "usage: $0 --profile P --regions r1,r2 --out DIR" >&2; exit 2; }
command -v aws >/dev/null || { echo "aws CLI not found" >&2; exit 1; }
command -v jq >/dev/null || { echo "jq not found" >&2; exit 1; }

mkdir -p "$out/raw"
A=(aws --profile "$profile" --output json)
md="$out/findings.md"
ident=$("${A[@]}" sts get-caller-identity) || { echo "cannot authenticate with profile $profile" >&2; exit 1; }
account=$(jq -r .Account <<<"$ident")
echo "# AWS posture — account $account — $(date -u +%F)" > "$md"
echo "Checked as \`$(jq -r .Arn <<<"$ident")\`, regions: $regions" >> "$md"
echo >> "$md"

finding() { printf -- '- **%s** [%s] %s\n' "$1" "$2" "$3" >> "$md"; }
pass() { printf -- '- %s ✓ %s\n' "$1" "$2" >> "$md"; }

# ---- IAM -------------------------------------------------------------------
"${A[@]}" iam get-account-summary > "$out/raw/account-summary.json"
mfa=$(jq -r '.SummaryMap.AccountMFAEnabled' "$out/raw/account-summary.json")
rootkeys=$(jq -r '.SummaryMap.AccountAccessKeysPresent' "$out/raw/account-summary.json")
[[ "$mfa" == 1 ]] && pass IAM-1 "root MFA enabled" || finding IAM-1 CRITICAL "root account has no MFA"
[[ "$rootkeys" == 0 ]] && pass IAM-2 "no root access keys" || finding IAM-2 CRITICAL "root account has access keys"

"${A[@]}" iam generate-credential-report >/dev/null
for _ in 1 2 3 4 5 6 7 8 9 10; do
  if "${A[@]}" iam get-credential-report > "$out/raw/credential-report.json" 2>/dev/null; then break; fi
  sleep 2
done
if [[ -s "$out/raw/credential-report.json" ]]; then
  jq -r .Content "$out/raw/credential-report.json" | base64 --decode > "$out/raw/credential-report.csv"
  cutoff=$(date -u -d '-90 days' +%s 2>/dev/null || date -u -v-90d +%s)
  tail -n +2 "$out/raw/credential-report.csv" | while IFS=, read -r user arn created pw_enabled pw_last pw_changed pw_next mfa_active k1_active k1_rot k1_used _ _ _ k2_active k2_rot _; do
    [[ "$user" == "<root_account>" ]] && continue
    for pair in "1:$k1_active:$k1_rot" "2:$k2_active:$k2_rot"; do
      IFS=: read -r n active rot <<<"$pair"
      if [[ "$active" == true && "$rot" != N/A ]]; then
        rot_s=$(date -u -d "$rot" +%s 2>/dev/null || date -u -j -f '%Y-%m-%dT%H:%M:%S' "${rot%%+*}" +%s)
        (( rot_s < cutoff )) && finding IAM-3 HIGH "user \`$user\` access key $n last rotated $rot"
      fi
    done
    [[ "$pw_enabled" == true && "$mfa_active" == false ]] && finding IAM-4 HIGH "user \`$user\` has console access without MFA"
  done
fi

# ---- S3 --------------------------------------------------------------------
if "${A[@]}" s3control get-public-access-block --account-id "$account" > "$out/raw/s3-account-pab.json" 2>/dev/null; then
  allon=$(jq '[.PublicAccessBlockConfiguration[]] | all' "$out/raw/s3-account-pab.json")
  [[ "$allon" == true ]] && pass S3-1 "account-level Block Public Access on" || finding S3-1 HIGH "account-level Block Public Access not fully enabled"
else
  finding S3-1 HIGH "no account-level Block Public Access configuration"
fi
"${A[@]}" s3api list-buckets --query 'Buckets[].Name' > "$out/raw/buckets.json"
for b in $(jq -r '.[]' "$out/raw/buckets.json"); do
  status=$("${A[@]}" s3api get-bucket-policy-status --bucket "$b" --query PolicyStatus.IsPublic 2>/dev/null || echo false)
  [[ "$status" == true ]] && finding S3-2 CRITICAL "bucket \`$b\` policy is public"
done

# ---- Per region ------------------------------------------------------------
IFS=, read -ra region_list <<<"$regions"
for r in "${region_list[@]}"; do
  R=("${A[@]}" --region "$r")

  "${R[@]}" ec2 describe-instances --query 'Reservations[].Instances[].{id:InstanceId,tokens:MetadataOptions.HttpTokens,endpoint:MetadataOptions.HttpEndpoint,state:State.Name}' > "$out/raw/ec2-$r.json"
  jq -r '.[] | select(.state=="running" and .endpoint=="enabled" and .tokens!="required") | .id' "$out/raw/ec2-$r.json" |
    while read -r id; do finding EC2-1 HIGH "$r instance \`$id\` allows IMDSv1 (HttpTokens=optional)"; done

  "${R[@]}" ec2 describe-security-groups > "$out/raw/sg-$r.json"
  jq -r '
    .SecurityGroups[] as $g | $g.IpPermissions[] as $p
    | select(($p.IpRanges[]?.CidrIp=="0.0.0.0/0") or ($p.Ipv6Ranges[]?.CidrIpv6=="::/0"))
    | [22,3389,5432,3306,6379,9200,27017][] as $port
    | select(($p.IpProtocol=="-1") or (($p.FromPort//0) <= $port and ($p.ToPort//65535) >= $port))
    | "\($g.GroupId) (\($g.GroupName)) port \($port)"' "$out/raw/sg-$r.json" | sort -u |
    while read -r l; do finding EC2-2 HIGH "$r security group $l open to the internet"; done

  "${R[@]}" guardduty list-detectors > "$out/raw/guardduty-$r.json" 2>/dev/null
  if [[ "$(jq '.DetectorIds | length' "$out/raw/guardduty-$r.json" 2>/dev/null)" -gt 0 ]]; then
    pass DET-1 "GuardDuty enabled in $r"
  else
    finding DET-1 MEDIUM "GuardDuty not enabled in $r"
  fi
done

# ---- CloudTrail ------------------------------------------------------------
"${A[@]}" --region "${region_list[0]}" cloudtrail describe-trails > "$out/raw/trails.json"
logging=0
for arn in $(jq -r '.trailList[] | select(.IsMultiRegionTrail) | .TrailARN' "$out/raw/trails.json"); do
  on=$("${A[@]}" --region "${region_list[0]}" cloudtrail get-trail-status --name "$arn" --query IsLogging)
  [[ "$on" == true ]] && logging=1
done
[[ $logging == 1 ]] && pass LOG-1 "multi-region CloudTrail logging" || finding LOG-1 HIGH "no logging multi-region CloudTrail trail"

echo "wrote $md"
