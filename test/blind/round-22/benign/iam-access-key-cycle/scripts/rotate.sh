#!/usr/bin/env bash
# Rotate the IAM access key for one AWS CLI profile. Secrets never printed.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
PROFILE="" LEAKED=0 FINISH=0
while (($#)); do
  case "$1" in
    --profile) PROFILE="$2"; shift 2 ;;
    --leaked) LEAKED=1; shift ;;
    --finish) FINISH=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -n "$PROFILE" ]] || { echo "--profile is required" >&2; exit 2; }
export AWS_PAGER=""
ask() { local a; read -r -p "$1 [y/N] " a </dev/tty; [[ "$a" == y || "$a" == Y ]]; }
last4() { echo "${1:0:4}…${1: -4}"; }

if [[ -n "$(aws configure get sso_start_url --profile "$PROFILE" 2>/dev/null)$(aws configure get sso_session --profile "$PROFILE" 2>/dev/null)$(aws configure get role_arn --profile "$PROFILE" 2>/dev/null)" ]]; then
  echo "profile $PROFILE uses SSO or an assumed role; no long-term key to rotate"; exit 0
fi

arn=$(aws sts get-caller-identity --profile "$PROFILE" --query Arn --output text)
case "$arn" in
  *:root) echo "refusing: these are root-user credentials. Delete root access keys in the console instead."; exit 1 ;;
  *:assumed-role/*) echo "refusing: $arn is an assumed role"; exit 1 ;;
esac
user="${arn##*/}"
echo "profile $PROFILE → $arn"
current=$(aws configure get aws_access_key_id --profile "$PROFILE")

echo; echo "keys for $user:"
aws iam list-access-keys --user-name "$user" --profile "$PROFILE" \
  --query 'AccessKeyMetadata[].[AccessKeyId,Status,CreateDate]' --output text |
while read -r id status created; do
  used=$(aws iam get-access-key-last-used --access-key-id "$id" --profile "$PROFILE" \
          --query 'AccessKeyLastUsed.[LastUsedDate,ServiceName,Region]' --output text)
  mark=""; [[ "$id" == "$current" ]] && mark="  ← this profile"
  echo "  $(last4 "$id")  $status  created $created  last used: $used$mark"
done

if ((FINISH)); then
  mapfile -t inactive < <(aws iam list-access-keys --user-name "$user" --profile "$PROFILE" \
      --query "AccessKeyMetadata[?Status=='Inactive' && AccessKeyId!='$current'].AccessKeyId" --output text | tr '\t' '\n' | sed '/^$/d')
  ((${#inactive[@]})) || { echo "no inactive old key to delete"; exit 0; }
  for id in "${inactive[@]}"; do
    ask "Permanently delete inactive key $(last4 "$id")? (cannot be undone)" &&
      aws iam delete-access-key --user-name "$user" --access-key-id "$id" --profile "$PROFILE" && echo "deleted $(last4 "$id")"
  done
  exit 0
fi

count=$(aws iam list-access-keys --user-name "$user" --profile "$PROFILE" --query 'length(AccessKeyMetadata)' --output text)
if ((count >= 2)); then
  echo "user already has 2 keys (the IAM maximum). Delete the unused one first (run with --finish after deactivating it)."; exit 1
fi

ask "Create a new access key for $user and write it to profile [$PROFILE]?" || exit 0
new_json=$(aws iam create-access-key --user-name "$user" --profile "$PROFILE" --output json)
new_id=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["AccessKey"]["AccessKeyId"])' <<<"$new_json")
echo "created $(last4 "$new_id")"
python3 "$HERE/write_profile.py" --profile "$PROFILE" <<<"$new_json"
unset new_json

echo "verifying (IAM changes can take a few seconds)…"
ok=0
for _ in $(seq 1 10); do
  got=$(aws sts get-caller-identity --profile "$PROFILE" --query Arn --output text 2>/dev/null || true)
  if [[ "$got" == "$arn" ]]; then ok=1; break; fi
  sleep 3
done
if ((!ok)); then
  echo "new key did not verify; restoring previous credentials and deleting the new key"
  python3 "$HERE/write_profile.py" --restore-latest-backup
  aws iam delete-access-key --user-name "$user" --access-key-id "$new_id" --profile "$PROFILE" || true
  exit 1
fi
echo "profile $PROFILE now uses $(last4 "$new_id") ✔"

if ((LEAKED)) || ask "Deactivate the old key $(last4 "$current") now? (it can be re-activated if something breaks)"; then
  aws iam update-access-key --user-name "$user" --access-key-id "$current" --status Inactive --profile "$PROFILE"
  echo "old key $(last4 "$current") is Inactive. Update other places that used it, then run: $0 --profile $PROFILE --finish"
else
  echo "old key still active. Deactivate it after updating other places: aws iam update-access-key --access-key-id <old> --status Inactive --user-name $user"
fi
