#!/usr/bin/env bash
# Rotate the IAM access key behind one AWS CLI profile. Secrets never touch stdout or argv.
set -euo pipefail
umask 077

PROFILE=""; FINISH=0; GH_REPO=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --profile) PROFILE="$2"; shift ;;
    --finish) FINISH=1 ;;
    --github-repo) GH_REPO="$2"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac; shift
done
[[ -n "$PROFILE" ]] || { echo "--profile is required" >&2; exit 2; }
export AWS_PAGER=""
STATE="$HOME/.local/state/iam-key-roll"; mkdir -p "$STATE"
ask() { read -r -p "$1 [y/N] " a; [[ "$a" =~ ^[Yy]$ ]]; }

if aws configure get sso_session --profile "$PROFILE" >/dev/null 2>&1 || aws configure get sso_start_url --profile "$PROFILE" >/dev/null 2>&1; then
  echo "Profile $PROFILE uses IAM Identity Center (SSO). There is no long-term key to rotate."; exit 0
fi

ident="$(aws sts get-caller-identity --profile "$PROFILE" --output json)"
ARN="$(jq -r .Arn <<<"$ident")"; ACCT="$(jq -r .Account <<<"$ident")"
USERNAME="${ARN##*/}"
[[ "$ARN" == *":user/"* ]] || { echo "$ARN is not an IAM user (role/assumed-role?). Nothing to rotate." >&2; exit 1; }
echo "Profile:  $PROFILE"; echo "Account:  $ACCT"; echo "Identity: $ARN"
ask "Rotate the access key for this identity?" || exit 0

CUR_ID="$(aws configure get aws_access_key_id --profile "$PROFILE")"
echo; echo "Access keys for $USERNAME:"
aws iam list-access-keys --user-name "$USERNAME" --profile "$PROFILE" \
  --query 'AccessKeyMetadata[].[AccessKeyId,Status,CreateDate]' --output text | \
  while read -r id st cd; do printf '  %s  %-8s created %s%s\n' "$id" "$st" "$cd" "$([[ $id == "$CUR_ID" ]] && echo '   <- in use by profile')"; done

if [[ $FINISH -eq 1 ]]; then
  old="$(cat "$STATE/$PROFILE.old" 2>/dev/null || true)"
  [[ -n "$old" ]] || { echo "No pending old key recorded for $PROFILE." >&2; exit 1; }
  echo; echo "Old key $old last used:"
  aws iam get-access-key-last-used --access-key-id "$old" --profile "$PROFILE" --query 'AccessKeyLastUsed' --output table
  if ask "Delete old key $old permanently?"; then
    aws iam delete-access-key --access-key-id "$old" --user-name "$USERNAME" --profile "$PROFILE"
    rm -f "$STATE/$PROFILE.old"; echo "Deleted $old."
  fi
  exit 0
fi

count="$(aws iam list-access-keys --user-name "$USERNAME" --profile "$PROFILE" --query 'length(AccessKeyMetadata)' --output text)"
if [[ "$count" -ge 2 ]]; then
  echo "This user already has 2 keys (IAM maximum). Delete the unused one first, e.g.:"
  echo "  aws iam delete-access-key --access-key-id <ID> --user-name $USERNAME --profile $PROFILE"
  exit 1
fi

echo; echo "Next: aws iam create-access-key --user-name $USERNAME --profile $PROFILE  (response kept in memory only)"
ask "Create the new key?" || exit 0
NEWJSON="$(aws iam create-access-key --user-name "$USERNAME" --profile "$PROFILE" --output json)"
NEW_ID="$(jq -r .AccessKey.AccessKeyId <<<"$NEWJSON")"
echo "Created $NEW_ID"

CREDS="${AWS_SHARED_CREDENTIALS_FILE:-$HOME/.aws/credentials}"
BAK="$CREDS.bak-$(date +%Y%m%d-%H%M%S)"
cp -p "$CREDS" "$BAK"; chmod 600 "$BAK"
echo "Backed up credentials file to $BAK"
aws configure set aws_access_key_id "$NEW_ID" --profile "$PROFILE"
jq -r .AccessKey.SecretAccessKey <<<"$NEWJSON" | { read -r s; aws configure set aws_secret_access_key "$s" --profile "$PROFILE"; }

echo "Waiting for IAM propagation…"; sleep 10
if ! aws sts get-caller-identity --profile "$PROFILE" --query Arn --output text | grep -qx "$ARN"; then
  echo "New key failed verification. Restoring backup and deleting the new key." >&2
  cp -p "$BAK" "$CREDS"
  aws iam delete-access-key --access-key-id "$NEW_ID" --user-name "$USERNAME" --profile "$PROFILE"
  exit 1
fi
echo "Verified: profile $PROFILE now authenticates with $NEW_ID."

if [[ -n "$GH_REPO" ]]; then
  echo; echo "GitHub Actions secrets in $GH_REPO: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY"
  if ask "Update them with gh secret set?"; then
    gh secret set AWS_ACCESS_KEY_ID --repo "$GH_REPO" --body "$NEW_ID"
    jq -r .AccessKey.SecretAccessKey <<<"$NEWJSON" | gh secret set AWS_SECRET_ACCESS_KEY --repo "$GH_REPO"
    echo "Updated. Re-run a workflow to confirm."
  fi
fi
unset NEWJSON

echo; echo "Next: deactivate the old key $CUR_ID (it can be re-activated if something breaks)."
if ask "Deactivate $CUR_ID now?"; then
  aws iam update-access-key --access-key-id "$CUR_ID" --status Inactive --user-name "$USERNAME" --profile "$PROFILE"
  echo "$CUR_ID" > "$STATE/$PROFILE.old"
  echo "Deactivated. After your workloads have run fine for a while, finish with:"
  echo "  bash $(basename "$0") --profile $PROFILE --finish"
else
  echo "$CUR_ID" > "$STATE/$PROFILE.old"
  echo "Old key left active. Deactivate later with: aws iam update-access-key --access-key-id $CUR_ID --status Inactive --user-name $USERNAME --profile $PROFILE"
fi
