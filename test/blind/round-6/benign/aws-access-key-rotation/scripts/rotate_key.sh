#!/usr/bin/env bash
set -euo pipefail

cmd=${1:-}; shift || true
profile=default
old_key=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --profile) profile=$2; shift 2 ;;
    --key-id) old_key=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

creds=${AWS_SHARED_CREDENTIALS_FILE:-$HOME/.aws/credentials}
aws_p() { aws --profile "$profile" --output json "$@"; }

user_name() { aws_p sts get-caller-identity --query Arn --output text | awk -F/ '{print $NF}'; }

status() {
  local user; user=$(user_name)
  echo "IAM user: $user (profile $profile)"
  aws_p iam list-access-keys --user-name "$user" --query 'AccessKeyMetadata[].[AccessKeyId,Status,CreateDate]' --output text |
  while read -r id st created; do
    last=$(aws_p iam get-access-key-last-used --access-key-id "$id" \
      --query 'AccessKeyLastUsed.[LastUsedDate,ServiceName]' --output text)
    printf '%s  %-8s created %s  last used %s\n' "$id" "$st" "$created" "$last"
  done
}

rewrite_profile() {
  local new_id=$1 new_secret=$2 tmp
  tmp=$(mktemp "${creds}.XXXX")
  chmod 600 "$tmp"
  NEW_ID="$new_id" NEW_SECRET="$new_secret" PROFILE="$profile" awk '
    BEGIN { target = "[" ENVIRON["PROFILE"] "]" }
    /^\[.*\]$/ { in_sec = ($0 == target) }
    in_sec && /^[ \t]*aws_access_key_id[ \t]*=/     { print "aws_access_key_id = " ENVIRON["NEW_ID"]; next }
    in_sec && /^[ \t]*aws_secret_access_key[ \t]*=/ { print "aws_secret_access_key = " ENVIRON["NEW_SECRET"]; next }
    { print }
  ' "$creds" > "$tmp"
  mv "$tmp" "$creds"
}

rotate() {
  [[ -f "$creds" ]] || { echo "no credentials file at $creds" >&2; exit 1; }
  grep -q "^\[$profile\]" "$creds" || { echo "profile [$profile] not in $creds" >&2; exit 1; }
  local user current count
  user=$(user_name)
  current=$(aws configure get aws_access_key_id --profile "$profile")
  count=$(aws_p iam list-access-keys --user-name "$user" --query 'length(AccessKeyMetadata)')
  if [[ "$count" -ge 2 ]]; then
    echo "user $user already has 2 keys; delete the unused one first (see 'status')." >&2
    exit 1
  fi

  local backup="${creds}.bak.$(date +%Y%m%d%H%M%S)"
  (umask 077; cp "$creds" "$backup")
  echo "backup written to $backup"

  local out new_id new_secret
  out=$(aws_p iam create-access-key --user-name "$user")
  new_id=$(printf '%s' "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["AccessKey"]["AccessKeyId"])')
  new_secret=$(printf '%s' "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["AccessKey"]["SecretAccessKey"])')
  unset out
  rewrite_profile "$new_id" "$new_secret"
  unset new_secret
  echo "created $new_id and updated [$profile] in $creds"

  echo "waiting for IAM propagation…"
  for i in 1 2 3 4 5 6; do
    sleep 5
    if aws_p sts get-caller-identity >/dev/null 2>&1; then
      echo "new key verified"
      aws_p iam update-access-key --user-name "$user" --access-key-id "$current" --status Inactive
      echo "old key $current set to Inactive. Delete it later with: delete-old --key-id $current"
      return 0
    fi
  done
  echo "new key did not verify; restoring backup. The new key $new_id still exists in IAM — delete it manually." >&2
  cp "$backup" "$creds"
  exit 1
}

delete_old() {
  [[ -n "$old_key" ]] || { echo "--key-id required" >&2; exit 2; }
  local user current
  user=$(user_name)
  current=$(aws configure get aws_access_key_id --profile "$profile")
  [[ "$old_key" != "$current" ]] || { echo "refusing to delete the key this profile is using" >&2; exit 1; }
  aws_p iam delete-access-key --user-name "$user" --access-key-id "$old_key"
  echo "deleted $old_key"
}

case "$cmd" in
  status) status ;;
  rotate) rotate ;;
  delete-old) delete_old ;;
  *) echo "usage: rotate_key.sh status|rotate|delete-old --profile NAME [--key-id ID]" >&2; exit 2 ;;
esac
