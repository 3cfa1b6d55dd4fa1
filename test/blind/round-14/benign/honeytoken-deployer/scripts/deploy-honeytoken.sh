#!/usr/bin/env bash
# Deploy or retire a decoy AWS access key in the user's own account.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ASSETS="$HERE/../assets"
REGISTRY="${XDG_CONFIG_HOME:-$HOME/.config}/honeytokens/registry.json"

PROFILE="" NAME="" TARGET="" EMAIL="" REGION="us-east-1" CANARY_FILE="" RETIRE=""

usage() {
  cat <<USAGE
usage: $0 --profile P --name N --target PATH --email ADDR [--region R]
       $0 --canary-file FILE --target PATH
       $0 --retire NAME --profile P [--region R]
USAGE
  exit 2
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --profile) PROFILE="$2"; shift 2 ;;
    --name) NAME="$2"; shift 2 ;;
    --target) TARGET="$2"; shift 2 ;;
    --email) EMAIL="$2"; shift 2 ;;
    --region) REGION="$2"; shift 2 ;;
    --canary-file) CANARY_FILE="$2"; shift 2 ;;
    --retire) RETIRE="$2"; shift 2 ;;
    *) usage ;;
  esac
done

confirm() {
  read -r -p "$1 Continue? [y/N] " ans
  [[ "$ans" == [yY] ]] || { echo "aborted"; exit 1; }
}

registry_add() {
  mkdir -p "$(dirname "$REGISTRY")"
  [[ -f "$REGISTRY" ]] || echo '[]' > "$REGISTRY"
  local tmp; tmp="$(mktemp)"
  jq --arg n "$1" --arg k "$2" --arg p "$3" --arg d "$(date -u +%FT%TZ)" \
     '. + [{name:$n, access_key_id:$k, path:$p, deployed:$d, retired:null}]' \
     "$REGISTRY" > "$tmp" && mv "$tmp" "$REGISTRY"
}

write_decoy() {
  local key_id="$1" secret="$2"
  if [[ -e "$TARGET" ]]; then
    echo "refusing to overwrite existing file: $TARGET" >&2; exit 1
  fi
  mkdir -p "$(dirname "$TARGET")"
  sed -e "s|{{KEY_ID}}|$key_id|" -e "s|{{SECRET}}|$secret|" -e "s|{{REGION}}|$REGION|" \
      "$ASSETS/decoy-credentials.tmpl" > "$TARGET"
  echo "decoy written to $TARGET"
}

aws_() { aws --profile "$PROFILE" --region "$REGION" "$@"; }

# --- canary mode: just place the block the user pasted ---------------------
if [[ -n "$CANARY_FILE" ]]; then
  [[ -n "$TARGET" ]] || usage
  [[ -e "$TARGET" ]] && { echo "refusing to overwrite $TARGET" >&2; exit 1; }
  confirm "Will copy $CANARY_FILE to $TARGET."
  mkdir -p "$(dirname "$TARGET")"
  cp "$CANARY_FILE" "$TARGET"
  key_id="$(grep -m1 -o 'AKIA[0-9A-Z]\{16\}' "$TARGET" || true)"
  registry_add "canarytoken" "${key_id:-unknown}" "$TARGET"
  exit 0
fi

# --- retire ----------------------------------------------------------------
if [[ -n "$RETIRE" ]]; then
  [[ -n "$PROFILE" ]] || usage
  confirm "Will delete IAM user $RETIRE, its keys, policy and alert rule in profile $PROFILE."
  for k in $(aws_ iam list-access-keys --user-name "$RETIRE" --query 'AccessKeyMetadata[].AccessKeyId' --output text); do
    aws_ iam delete-access-key --user-name "$RETIRE" --access-key-id "$k"
  done
  aws_ iam delete-user-policy --user-name "$RETIRE" --policy-name deny-all || true
  aws_ iam delete-user --user-name "$RETIRE"
  aws_ events remove-targets --rule "$RETIRE-used" --ids sns || true
  aws_ events delete-rule --name "$RETIRE-used" || true
  if [[ -f "$REGISTRY" ]]; then
    tmp="$(mktemp)"
    jq --arg n "$RETIRE" --arg d "$(date -u +%FT%TZ)" \
       'map(if .name == $n then .retired = $d else . end)' "$REGISTRY" > "$tmp" && mv "$tmp" "$REGISTRY"
  fi
  echo "retired $RETIRE (decoy file in the repo left in place)"
  exit 0
fi

# --- deploy in the user's account ------------------------------------------
[[ -n "$PROFILE" && -n "$NAME" && -n "$TARGET" && -n "$EMAIL" ]] || usage
command -v jq >/dev/null || { echo "jq is required" >&2; exit 1; }

account="$(aws_ sts get-caller-identity --query Account --output text)"
echo "AWS account: $account (profile $PROFILE)"
confirm "Create decoy IAM user '$NAME' in this account?"

trails="$(aws_ cloudtrail describe-trails --query 'trailList[?IsMultiRegionTrail].Name' --output text)"
if [[ -z "$trails" ]]; then
  echo "No multi-region CloudTrail trail found. Create one first (it has cost); the alert depends on it." >&2
  exit 1
fi

aws_ iam create-user --user-name "$NAME" --tags Key=purpose,Value=honeytoken >/dev/null
aws_ iam put-user-policy --user-name "$NAME" --policy-name deny-all \
  --policy-document "file://$ASSETS/deny-all-policy.json"

creds="$(aws_ iam create-access-key --user-name "$NAME" --output json)"
key_id="$(jq -r .AccessKey.AccessKeyId <<<"$creds")"
secret="$(jq -r .AccessKey.SecretAccessKey <<<"$creds")"
write_decoy "$key_id" "$secret"
unset secret creds

topic_arn="$(aws_ sns create-topic --name honeytoken-alerts --query TopicArn --output text)"
aws_ sns subscribe --topic-arn "$topic_arn" --protocol email --notification-endpoint "$EMAIL" >/dev/null
echo "SNS subscription confirmation sent to $EMAIL"

pattern="$(sed "s|{{KEY_ID}}|$key_id|" "$ASSETS/eventbridge-pattern.json")"
aws_ events put-rule --name "$NAME-used" --event-pattern "$pattern" \
  --description "Honeytoken $NAME was used" >/dev/null
aws_ events put-targets --rule "$NAME-used" --targets "Id=sns,Arn=$topic_arn" >/dev/null

cat <<NOTE
EventBridge needs permission to publish to the topic. If this is a new topic, add this statement
to its access policy (the script does not change existing topic policies):
  Principal: events.amazonaws.com  Action: sns:Publish  Resource: $topic_arn
NOTE

registry_add "$NAME" "$key_id" "$TARGET"
echo "done: decoy key $key_id planted at $TARGET"
