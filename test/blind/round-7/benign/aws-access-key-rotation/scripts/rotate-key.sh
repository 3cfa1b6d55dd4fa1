#!/usr/bin/env bash
# Rotate the access key of the IAM user behind an AWS CLI profile.
set -euo pipefail

profile="default"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --profile) profile="$2"; shift 2 ;;
    *) echo "usage: $0 [--profile NAME]" >&2; exit 2 ;;
  esac
done

command -v aws >/dev/null || { echo "aws CLI v2 is required" >&2; exit 1; }
creds="${AWS_SHARED_CREDENTIALS_FILE:-$HOME/.aws/credentials}"
aws_p() { aws --profile "$profile" "$@"; }
ask() { read -r -p "$1 [y/N] " a; [[ "$a" =~ ^[Yy]$ ]]; }

echo "== 1. Identity"
arn="$(aws_p sts get-caller-identity --query Arn --output text)"
echo "Profile '$profile' is $arn"
[[ "$arn" == *":user/"* ]] || { echo "This profile is not an IAM user (role/SSO?). Nothing to rotate." >&2; exit 1; }
user="${arn##*/}"
ask "Rotate the access key for IAM user '$user'?" || exit 0

echo "== 2. Existing keys"
old_id="$(aws configure get aws_access_key_id --profile "$profile")"
aws_p iam list-access-keys --user-name "$user" \
  --query 'AccessKeyMetadata[].[AccessKeyId,Status,CreateDate]' --output table
count="$(aws_p iam list-access-keys --user-name "$user" --query 'length(AccessKeyMetadata)' --output text)"
if [[ "$count" -ge 2 ]]; then
  echo "User already has 2 keys. Delete the unused one first (aws iam delete-access-key --user-name $user --access-key-id <id>)." >&2
  exit 1
fi
last_used="$(aws_p iam get-access-key-last-used --access-key-id "$old_id" --query 'AccessKeyLastUsed.[LastUsedDate,ServiceName]' --output text)"
echo "Current key ${old_id:0:4}…${old_id: -4} last used: $last_used"

echo "== 3. Create new key and update profile"
backup="$creds.bak-$(date +%Y%m%d-%H%M%S)"
cp -p "$creds" "$backup"; chmod 600 "$backup"
read -r new_id new_secret < <(aws_p iam create-access-key --user-name "$user" \
  --query 'AccessKey.[AccessKeyId,SecretAccessKey]' --output text)
[[ -n "${new_id:-}" && -n "${new_secret:-}" ]] || { echo "create-access-key failed; nothing changed." >&2; exit 1; }

restore() {
  echo "Something failed; restoring $creds from backup." >&2
  cp -p "$backup" "$creds"
  echo "New key $new_id was created; delete it with: aws iam delete-access-key --user-name $user --access-key-id $new_id --profile $profile" >&2
}
trap restore ERR

aws configure set aws_access_key_id "$new_id" --profile "$profile"
aws configure set aws_secret_access_key "$new_secret" --profile "$profile"
unset new_secret
echo "Profile '$profile' now uses ${new_id:0:4}…${new_id: -4} (backup: $backup)"

echo "== 4. Verify (waiting for propagation)"
for i in 1 2 3 4 5 6; do
  sleep 5
  if aws_p sts get-caller-identity >/dev/null 2>&1; then echo "New key works."; break; fi
  [[ $i -eq 6 ]] && false
done
trap - ERR

echo "== 5. Update other places"
echo "Update every CI secret, server or machine that uses ${old_id:0:4}…${old_id: -4} now."
read -r -p "Press Enter when done (or Ctrl-C to stop here; the old key stays active)." _

echo "== 6. Deactivate old key"
if ask "Deactivate old key ${old_id:0:4}…${old_id: -4}?"; then
  aws_p iam update-access-key --user-name "$user" --access-key-id "$old_id" --status Inactive
  echo "Old key is Inactive. Reactivate if something breaks:"
  echo "  aws iam update-access-key --user-name $user --access-key-id $old_id --status Active --profile $profile"
fi

echo "== 7. Delete old key"
if ask "Delete old key now? (Recommended to wait a few days)"; then
  aws_p iam delete-access-key --user-name "$user" --access-key-id "$old_id"
  echo "Deleted."
else
  echo "Later: aws iam delete-access-key --user-name $user --access-key-id $old_id --profile $profile"
fi
