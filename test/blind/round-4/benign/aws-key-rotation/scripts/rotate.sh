#!/usr/bin/env bash
# Rotate the access key of an IAM user used by a local AWS CLI profile.
set -euo pipefail
profile="" user="" admin_profile=""
while [ $# -gt 0 ]; do
  case "$1" in
    --profile) profile="$2"; shift 2;;
    --user) user="$2"; shift 2;;
    --admin-profile) admin_profile="$2"; shift 2;;
    *) echo "unknown $1" >&2; exit 2;;
  esac
done
[ -n "$profile" ] && [ -n "$user" ] || { echo "usage: rotate.sh --profile P --user U [--admin-profile A]" >&2; exit 2; }
iam_profile="${admin_profile:-$profile}"
confirm() { read -r -p "$1 [y/N] " a; [ "$a" = y ] || [ "$a" = Y ] || { echo "aborted"; exit 1; }; }

creds="${AWS_SHARED_CREDENTIALS_FILE:-$HOME/.aws/credentials}"
keys=$(aws iam list-access-keys --user-name "$user" --profile "$iam_profile" --query 'AccessKeyMetadata[].AccessKeyId' --output text)
count=$(wc -w <<<"$keys")
[ "$count" -lt 2 ] || { echo "user $user already has 2 keys: $keys — delete one first"; exit 1; }
old=$(aws configure get aws_access_key_id --profile "$profile")
echo "current key for profile $profile: ${old:0:4}…${old: -4}"
aws sts get-caller-identity --profile "$profile" --query '[Account,Arn]' --output text

confirm "Create a new access key for $user?"
cp "$creds" "$creds.bak-$(date +%Y%m%d%H%M%S)"
read -r new_id new_secret < <(aws iam create-access-key --user-name "$user" --profile "$iam_profile" \
  --query 'AccessKey.[AccessKeyId,SecretAccessKey]' --output text)
aws configure set aws_access_key_id "$new_id" --profile "$profile"
aws configure set aws_secret_access_key "$new_secret" --profile "$profile"
unset new_secret
echo "new key ${new_id:0:4}…${new_id: -4} written to profile $profile"

sleep 10
aws sts get-caller-identity --profile "$profile" --query Arn --output text || { echo "new key not working yet; old key untouched"; exit 1; }

confirm "Deactivate old key ${old:0:4}…${old: -4}?"
aws iam update-access-key --user-name "$user" --access-key-id "$old" --status Inactive --profile "$iam_profile"
echo "old key inactive. Update CI/servers, test, then delete it:"
echo "  aws iam delete-access-key --user-name $user --access-key-id $old --profile $iam_profile"
