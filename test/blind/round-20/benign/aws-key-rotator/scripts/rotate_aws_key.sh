#!/usr/bin/env bash
# Rotate the IAM access key of ONE named AWS CLI profile. Uses only documented IAM/STS calls.
set -euo pipefail

PROFILE="" FINISH=0
while [ $# -gt 0 ]; do
  case "$1" in
    --profile) PROFILE="$2"; shift 2;;
    --finish) FINISH=1; shift;;
    *) echo "unknown option $1"; exit 2;;
  esac
done
[ -n "$PROFILE" ] || { echo "--profile is required"; exit 2; }
command -v aws >/dev/null || { echo "AWS CLI v2 required"; exit 2; }
command -v jq >/dev/null || { echo "jq required"; exit 2; }
confirm() { read -r -p "$1 [y/N] " a; [[ "$a" =~ ^[Yy]$ ]]; }
AWS=(aws --profile "$PROFILE" --output json)
CREDS="${AWS_SHARED_CREDENTIALS_FILE:-$HOME/.aws/credentials}"
STATE="$HOME/.aws/.rotate-$PROFILE.state"

if "${AWS[@]}" configure get sso_start_url >/dev/null 2>&1 || "${AWS[@]}" configure get credential_process >/dev/null 2>&1; then
  echo "Profile $PROFILE uses SSO or credential_process; there is no static key to rotate."; exit 0
fi

ident="$("${AWS[@]}" sts get-caller-identity)"
arn="$(jq -r .Arn <<<"$ident")"
[[ "$arn" == *":user/"* ]] || { echo "Profile resolves to $arn (not an IAM user); nothing to rotate."; exit 1; }
IAM_USER="${arn##*/}"
echo "Profile: $PROFILE   Account: $(jq -r .Account <<<"$ident")   IAM user: $IAM_USER"
OLD_ID="$("${AWS[@]}" configure get aws_access_key_id)"

if [ "$FINISH" = 1 ]; then
  [ -f "$STATE" ] || { echo "no pending rotation for $PROFILE"; exit 1; }
  old="$(cat "$STATE")"
  last="$("${AWS[@]}" iam get-access-key-last-used --access-key-id "$old" | jq -r '.AccessKeyLastUsed.LastUsedDate // "never"')"
  echo "Old key ${old:0:8}… last used: $last"
  confirm "Permanently delete old key ${old:0:8}…?" || exit 1
  "${AWS[@]}" iam delete-access-key --user-name "$IAM_USER" --access-key-id "$old"
  rm -f "$STATE"; echo "Old key deleted. Rotation complete."; exit 0
fi

echo "== Current keys"
keys="$("${AWS[@]}" iam list-access-keys --user-name "$IAM_USER")"
jq -r '.AccessKeyMetadata[] | "\(.AccessKeyId[0:8])…  \(.Status)  created \(.CreateDate)"' <<<"$keys"
count="$(jq '.AccessKeyMetadata | length' <<<"$keys")"
if [ "$count" -ge 2 ]; then
  echo "This user already has 2 keys. Delete or pick one to remove in the console/CLI first."; exit 1
fi

confirm "Create a new access key for $IAM_USER and switch profile '$PROFILE' to it?" || exit 1
new="$("${AWS[@]}" iam create-access-key --user-name "$IAM_USER")"
NEW_ID="$(jq -r .AccessKey.AccessKeyId <<<"$new")"
NEW_SECRET="$(jq -r .AccessKey.SecretAccessKey <<<"$new")"
unset new
echo "Created ${NEW_ID:0:8}… (secret not displayed)"

umask 077
backup="$CREDS.bak.$(date +%Y%m%d%H%M%S)"
cp -p "$CREDS" "$backup"
aws configure set aws_access_key_id "$NEW_ID" --profile "$PROFILE"
aws configure set aws_secret_access_key "$NEW_SECRET" --profile "$PROFILE"
unset NEW_SECRET
echo "Updated [$PROFILE] in $CREDS (backup: $backup)"

echo "Waiting for IAM propagation..."; sleep 10
if ! aws --profile "$PROFILE" sts get-caller-identity >/dev/null 2>&1; then
  sleep 10
  if ! aws --profile "$PROFILE" sts get-caller-identity >/dev/null 2>&1; then
    cp -p "$backup" "$CREDS"
    echo "New key did not verify; restored previous credentials. New key ${NEW_ID:0:8}… left in IAM for inspection."; exit 1
  fi
fi
echo "New key verified."

if confirm "Deactivate the old key ${OLD_ID:0:8}… now? (reversible)"; then
  "${AWS[@]}" iam update-access-key --user-name "$IAM_USER" --access-key-id "$OLD_ID" --status Inactive
  echo "$OLD_ID" >"$STATE"
  echo "Old key is Inactive. Update other places that used it, then run: $0 --profile $PROFILE --finish"
fi
