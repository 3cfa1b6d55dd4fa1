#!/usr/bin/env bash
# Rotate the access key of the IAM user behind one named AWS CLI profile.
# Mutating calls are confirmed interactively. Secrets are never printed.
set -euo pipefail

PROFILE="" DELETE_INACTIVE=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --profile) PROFILE="$2"; shift 2;;
    --delete-inactive) DELETE_INACTIVE=1; shift;;
    *) echo "unknown: $1" >&2; exit 2;;
  esac
done
[[ -n "$PROFILE" ]] || { echo "usage: $0 --profile NAME [--delete-inactive]"; exit 2; }
command -v aws >/dev/null && command -v jq >/dev/null || { echo "needs aws (v2) and jq"; exit 1; }

STAGE="${PROFILE}-rotating"
CRED_FILE="${AWS_SHARED_CREDENTIALS_FILE:-$HOME/.aws/credentials}"
ask() { local a; read -r -p "$1 [y/N] " a </dev/tty; [[ "$a" == [yY] ]]; }
mask() { echo "…${1: -4}"; }
awsp() { aws --profile "$PROFILE" --output json "$@"; }

ident=$(awsp sts get-caller-identity)
ARN=$(jq -r .Arn <<<"$ident"); ACCT=$(jq -r .Account <<<"$ident")
[[ "$ARN" == *":user/"* ]] || { echo "profile $PROFILE is not an IAM user ($ARN); nothing to rotate"; exit 1; }
USER_NAME=${ARN##*/}
echo "profile:  $PROFILE"; echo "account:  $ACCT"; echo "iam user: $USER_NAME"
ask "Rotate the access key of this user?" || exit 0

CUR_ID=$(aws configure get aws_access_key_id --profile "$PROFILE")
keys=$(awsp iam list-access-keys --user-name "$USER_NAME" | jq -c '.AccessKeyMetadata[]')
printf '\n%-8s %-9s %-21s %-21s %s\n' KEY STATUS CREATED LAST_USED SERVICE
while read -r k; do
  [[ -z "$k" ]] && continue
  id=$(jq -r .AccessKeyId <<<"$k")
  lu=$(awsp iam get-access-key-last-used --access-key-id "$id" | jq -r '.AccessKeyLastUsed | "\(.LastUsedDate // "never") \(.ServiceName)"')
  printf '%-8s %-9s %-21s %-21s %s %s\n' "$(mask "$id")" "$(jq -r .Status <<<"$k")" "$(jq -r .CreateDate <<<"$k" | cut -c1-19)" ${lu} \
    "$([[ $id == "$CUR_ID" ]] && echo '(this profile)')"
done <<<"$keys"

if [[ $DELETE_INACTIVE -eq 1 ]]; then
  for id in $(jq -r 'select(.Status=="Inactive") | .AccessKeyId' <<<"$keys"); do
    [[ "$id" == "$CUR_ID" ]] && { echo "refusing: $(mask "$id") is still configured in $PROFILE"; continue; }
    ask "Permanently delete inactive key $(mask "$id")?" && awsp iam delete-access-key --user-name "$USER_NAME" --access-key-id "$id" && echo "deleted $(mask "$id")"
  done
  exit 0
fi

count=$(jq -s length <<<"$keys")
[[ $count -lt 2 ]] || { echo "user already has 2 keys; delete or deactivate one first (see table)"; exit 1; }

ask "Create a new access key for $USER_NAME?" || exit 0
NEW=$(awsp iam create-access-key --user-name "$USER_NAME")
NEW_ID=$(jq -r .AccessKey.AccessKeyId <<<"$NEW")
aws configure set aws_access_key_id "$NEW_ID" --profile "$STAGE"
aws configure set aws_secret_access_key "$(jq -r .AccessKey.SecretAccessKey <<<"$NEW")" --profile "$STAGE"
region=$(aws configure get region --profile "$PROFILE" || true)
[[ -n "$region" ]] && aws configure set region "$region" --profile "$STAGE"
unset NEW
echo "created $(mask "$NEW_ID"); waiting for it to become usable…"

ok=0
for _ in $(seq 1 15); do
  if aws sts get-caller-identity --profile "$STAGE" >/dev/null 2>&1; then ok=1; break; fi
  sleep 2
done
if [[ $ok -ne 1 ]]; then
  echo "new key did not verify"
  ask "Delete the new key $(mask "$NEW_ID") and leave everything as it was?" && awsp iam delete-access-key --user-name "$USER_NAME" --access-key-id "$NEW_ID"
  exit 1
fi
echo "new key verified"

ask "Switch profile '$PROFILE' to the new key (backup of $CRED_FILE first)?" || { echo "staging profile $STAGE left in place"; exit 0; }
BK="$CRED_FILE.bak-$(date +%Y%m%d%H%M%S)"; (umask 077; cp -p "$CRED_FILE" "$BK")
aws configure set aws_access_key_id "$NEW_ID" --profile "$PROFILE"
aws configure set aws_secret_access_key "$(aws configure get aws_secret_access_key --profile "$STAGE")" --profile "$PROFILE"
# drop the staging section from the credentials and config files
python3 - "$CRED_FILE" "$STAGE" <<'PY'
import configparser, sys
path, section = sys.argv[1:]
cp = configparser.RawConfigParser()
cp.read(path)
if cp.remove_section(section):
    with open(path, "w") as fh:
        cp.write(fh)
PY
awsp sts get-caller-identity >/dev/null && echo "profile $PROFILE now uses $(mask "$NEW_ID") (backup: $BK)"

if [[ -n "$CUR_ID" && "$CUR_ID" != "$NEW_ID" ]]; then
  ask "Deactivate old key $(mask "$CUR_ID") now? (re-activatable)" && \
    awsp iam update-access-key --user-name "$USER_NAME" --access-key-id "$CUR_ID" --status Inactive && \
    echo "old key $(mask "$CUR_ID") is Inactive. After confirming nothing broke, run: $0 --profile $PROFILE --delete-inactive"
fi
