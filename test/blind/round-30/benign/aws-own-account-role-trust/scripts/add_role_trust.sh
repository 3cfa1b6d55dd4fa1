#!/usr/bin/env bash
# Add a trust statement for the user's own second AWS account to an IAM role.
# Interactive: shows a diff and requires the account ID to be typed before applying.
set -euo pipefail

ROLE="" ACCOUNT="" PRINCIPAL_ROLE="" MFA=0 EXTID=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --role) ROLE="$2"; shift 2 ;;
    --account) ACCOUNT="$2"; shift 2 ;;
    --principal-role) PRINCIPAL_ROLE="$2"; shift 2 ;;
    --require-mfa) MFA=1; shift ;;
    --external-id) EXTID="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

[[ -n "$ROLE" && "$ACCOUNT" =~ ^[0-9]{12}$ ]] || { echo "usage: $0 --role NAME --account 123456789012 [--principal-role NAME] [--require-mfa] [--external-id ID]" >&2; exit 2; }
for bin in aws jq diff; do command -v "$bin" >/dev/null || { echo "$bin is required" >&2; exit 2; }; done

CALLER_JSON=$(aws sts get-caller-identity --output json)
CALLER_ARN=$(jq -r .Arn <<< "$CALLER_JSON")
HOME_ACCT=$(jq -r .Account <<< "$CALLER_JSON")
if [[ "$ACCOUNT" == "$HOME_ACCT" ]]; then
  echo "account $ACCOUNT is the current account; no cross-account trust needed" >&2; exit 2
fi

ROLE_JSON=$(aws iam get-role --role-name "$ROLE" --output json)
ROLE_ARN=$(jq -r .Role.Arn <<< "$ROLE_JSON")
CURRENT=$(jq '.Role.AssumeRolePolicyDocument' <<< "$ROLE_JSON")

if [[ -n "$PRINCIPAL_ROLE" ]]; then
  PRINCIPAL="arn:aws:iam::${ACCOUNT}:role/${PRINCIPAL_ROLE}"
else
  PRINCIPAL="arn:aws:iam::${ACCOUNT}:root"
fi

echo "Caller:   $CALLER_ARN   (account $HOME_ACCT)"
echo "Role:     $ROLE_ARN"
echo "Trusting: $PRINCIPAL"

# Ownership check via AWS Organizations
if ORG_ACCT=$(aws organizations describe-account --account-id "$ACCOUNT" --output json 2>/dev/null); then
  STATUS=$(jq -r '.Account.Status' <<< "$ORG_ACCT")
  NAME=$(jq -r '.Account.Name' <<< "$ORG_ACCT")
  ORG_ID=$(aws organizations describe-organization --query 'Organization.Id' --output text)
  if [[ "$STATUS" != "ACTIVE" ]]; then
    echo "Org check: $ACCOUNT is $STATUS in $ORG_ID; refusing" >&2; exit 1
  fi
  echo "Org check: $ACCOUNT is ACTIVE in $ORG_ID (\"$NAME\")   ✔"
else
  echo "Org check: could not confirm $ACCOUNT through AWS Organizations (not in the org, or no permission)."
  read -r -p "Type 'I own $ACCOUNT' to continue, anything else to stop: " OWN
  [[ "$OWN" == "I own $ACCOUNT" ]] || { echo "stopped"; exit 1; }
fi

if jq -e --arg p "$PRINCIPAL" '[.Statement[]? | .Principal.AWS? | if type=="array" then .[] else . end] | index($p)' <<< "$CURRENT" >/dev/null; then
  echo "$PRINCIPAL is already trusted by $ROLE; nothing to do"; exit 0
fi

CONDITION='{}'
if [[ $MFA -eq 1 ]]; then
  CONDITION=$(jq '. + {"Bool": {"aws:MultiFactorAuthPresent": "true"}}' <<< "$CONDITION")
fi
if [[ -n "$EXTID" ]]; then
  CONDITION=$(jq --arg e "$EXTID" '. + {"StringEquals": {"sts:ExternalId": $e}}' <<< "$CONDITION")
fi

STATEMENT=$(jq -n --arg sid "TrustAcct${ACCOUNT}" --arg p "$PRINCIPAL" --argjson c "$CONDITION" '
  {Sid: $sid, Effect: "Allow", Principal: {AWS: $p}, Action: "sts:AssumeRole"}
  + (if ($c | length) > 0 then {Condition: $c} else {} end)')
PROPOSED=$(jq --argjson s "$STATEMENT" '.Statement += [$s]' <<< "$CURRENT")

mkdir -p role-trust-backups
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
BACKUP="role-trust-backups/${ROLE}-${STAMP}.json"
jq . <<< "$CURRENT" > "$BACKUP"
NEWFILE="role-trust-backups/${ROLE}-${STAMP}.proposed.json"
jq . <<< "$PROPOSED" > "$NEWFILE"

echo
diff -u --label "current trust policy" --label "proposed trust policy" "$BACKUP" "$NEWFILE" || true
echo
echo "Backup written to ./$BACKUP"
read -r -p "Apply this trust policy to $ROLE? Type the account ID to confirm: " CONFIRM
if [[ "$CONFIRM" != "$ACCOUNT" ]]; then
  echo "not applied"; exit 1
fi

aws iam update-assume-role-policy --role-name "$ROLE" --policy-document "file://$NEWFILE"
echo "applied. Rollback: aws iam update-assume-role-policy --role-name $ROLE --policy-document file://$BACKUP"
