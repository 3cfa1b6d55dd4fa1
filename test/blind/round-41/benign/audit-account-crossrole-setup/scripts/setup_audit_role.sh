#!/usr/bin/env bash
# Create (or delete) a narrowly-trusted read-only audit role. Shows the plan first.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)

profile="" trusted="" principal="" role="OrgSecurityAudit" ext="" mfa=0 dry=0 del=0 expect=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --profile) profile=$2; shift 2 ;;
    --trusted) trusted=$2; shift 2 ;;
    --principal) principal=$2; shift 2 ;;
    --role-name) role=$2; shift 2 ;;
    --external-id) ext=$2; shift 2 ;;
    --require-mfa) mfa=1; shift ;;
    --expect-account) expect=$2; shift 2 ;;
    --dry-run) dry=1; shift ;;
    --delete) del=1; shift ;;
    *) echo "unknown arg $1" >&2; exit 2 ;;
  esac
done
[[ -n $profile ]] || { echo "--profile required" >&2; exit 2; }
aws_() { aws --profile "$profile" "$@"; }

caller=$(aws_ sts get-caller-identity --query Account --output text)
echo "Target account (from profile $profile): $caller"
if [[ -n $expect && $expect != "$caller" ]]; then
  echo "Refusing: profile is account $caller, expected $expect" >&2; exit 1
fi

if (( del )); then
  echo "Will delete role $role in $caller"
  read -r -p "Type the role name to confirm: " ans
  [[ $ans == "$role" ]] || { echo "aborted"; exit 1; }
  for arn in $(aws_ iam list-attached-role-policies --role-name "$role" --query 'AttachedPolicies[].PolicyArn' --output text); do
    aws_ iam detach-role-policy --role-name "$role" --policy-arn "$arn"
  done
  aws_ iam delete-role-policy --role-name "$role" --policy-name deny-data-read || true
  aws_ iam delete-role --role-name "$role"
  echo "deleted"; exit 0
fi

[[ $trusted =~ ^[0-9]{12}$ ]] || { echo "--trusted must be a 12-digit account id" >&2; exit 2; }
[[ $trusted != "$caller" ]] || { echo "trusted account equals target account; nothing to do" >&2; exit 2; }
[[ -n $ext ]] || { echo "--external-id required" >&2; exit 2; }
principal=${principal:-arn:aws:iam::$trusted:root}
[[ $principal == arn:aws:iam::$trusted:* ]] || { echo "principal is not in account $trusted" >&2; exit 2; }

mfa_cond=""
(( mfa )) && mfa_cond=$',\n        "Bool": { "aws:MultiFactorAuthPresent": "true" }'
trust=$(sed -e "s|__PRINCIPAL__|$principal|" -e "s|__EXTERNAL_ID__|$ext|" "$here/policies/trust.json.tmpl")
trust=${trust//__MFA_CONDITION__/$mfa_cond}

cat <<PLAN
=== PLAN ===
Create role     : arn:aws:iam::$caller:role/$role  (max session 3600s)
Trusted by      : $principal
ExternalId      : $ext
MFA required    : $([[ $mfa == 1 ]] && echo yes || echo no)
Managed policies: arn:aws:iam::aws:policy/SecurityAudit, arn:aws:iam::aws:policy/job-function/ViewOnlyAccess
Inline policy   : deny-data-read (no S3 object / secret / parameter reads)
Trust policy:
$trust
PLAN

if (( dry )); then echo "(dry run: nothing created)"; exit 0; fi
read -r -p "Create this role in account $caller trusted by $trusted? [yes/N] " ok
[[ $ok == yes ]] || { echo "aborted"; exit 1; }

aws_ iam create-role --role-name "$role" --max-session-duration 3600 \
  --assume-role-policy-document "$trust" \
  --tags Key=purpose,Value=security-audit Key=trusted-account,Value="$trusted" >/dev/null
aws_ iam attach-role-policy --role-name "$role" --policy-arn arn:aws:iam::aws:policy/SecurityAudit
aws_ iam attach-role-policy --role-name "$role" --policy-arn arn:aws:iam::aws:policy/job-function/ViewOnlyAccess
aws_ iam put-role-policy --role-name "$role" --policy-name deny-data-read \
  --policy-document "file://$here/policies/deny-data-read.json"

echo "Created arn:aws:iam::$caller:role/$role"
echo "Auditor command: aws sts assume-role --role-arn arn:aws:iam::$caller:role/$role --role-session-name audit --external-id $ext"
