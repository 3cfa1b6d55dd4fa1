#!/usr/bin/env bash
# Confirm AWS identity/region against .aws-environments.yaml before infra changes.
# Prints no secret values. Exit: 0 OK, 2 usage/tooling, 3 mismatch, 4 unknown env, 5 no valid credentials.
set -uo pipefail

ENV_NAME=""
CONFIG=".aws-environments.yaml"
while [ $# -gt 0 ]; do
  case "$1" in
    --env) ENV_NAME="${2:-}"; shift 2 ;;
    --config) CONFIG="${2:-}"; shift 2 ;;
    -h|--help) echo "usage: $0 --env <name|auto> [--config .aws-environments.yaml]"; exit 0 ;;
    *) echo "unknown arg: $1" >&2; exit 2 ;;
  esac
done
command -v aws >/dev/null || { echo "aws CLI not found" >&2; exit 2; }

yesno() { [ -n "${!1:-}" ] && echo yes || echo no; }

# ---- where do credentials come from? ------------------------------------------------
profile="${AWS_PROFILE:-${AWS_DEFAULT_PROFILE:-default}}"
src="profile '$profile'"
if [ -n "${AWS_ACCESS_KEY_ID:-}" ]; then
  src="environment variables (static or session keys)"
elif aws configure get sso_session --profile "$profile" >/dev/null 2>&1 || aws configure get sso_start_url --profile "$profile" >/dev/null 2>&1; then
  src="profile '$profile' (SSO)"
elif aws configure get role_arn --profile "$profile" >/dev/null 2>&1; then
  src="profile '$profile' (assume-role via $(aws configure get source_profile --profile "$profile" 2>/dev/null || echo credential_source))"
elif [ -n "${AWS_CONTAINER_CREDENTIALS_RELATIVE_URI:-}${AWS_CONTAINER_CREDENTIALS_FULL_URI:-}" ]; then
  src="container role"
elif [ -n "${AWS_WEB_IDENTITY_TOKEN_FILE:-}" ]; then
  src="web identity (OIDC)"
fi
echo "credentials : $src, env keys: $(yesno AWS_ACCESS_KEY_ID), session token: $(yesno AWS_SESSION_TOKEN)"

# ---- who am I? -----------------------------------------------------------------------
ident=$(aws sts get-caller-identity --output json 2>&1)
if [ $? -ne 0 ]; then
  echo "identity    : FAILED"
  echo "$ident" | sed -n '1,3p' | sed 's/^/              /'
  if echo "$ident" | grep -qi 'expired\|sso'; then
    echo "hint        : SSO session expired or missing — ask the user to run: aws sso login --profile $profile"
  fi
  exit 5
fi
account=$(printf '%s' "$ident" | python3 -c 'import json,sys; print(json.load(sys.stdin)["Account"])')
arn=$(printf '%s' "$ident" | python3 -c 'import json,sys; print(json.load(sys.stdin)["Arn"])')
echo "identity    : $account  $arn"

# ---- which region? ------------------------------------------------------------------
if [ -n "${AWS_REGION:-}" ]; then region="$AWS_REGION"; rsrc="AWS_REGION"
elif [ -n "${AWS_DEFAULT_REGION:-}" ]; then region="$AWS_DEFAULT_REGION"; rsrc="AWS_DEFAULT_REGION"
else region=$(aws configure get region --profile "$profile" 2>/dev/null || true); rsrc="profile"; fi
[ -z "$region" ] && { region="(unset)"; rsrc="nothing — SDKs may default to us-east-1"; }
echo "region      : $region (from $rsrc)"

# ---- what did we expect? ------------------------------------------------------------
if [ -z "$ENV_NAME" ]; then
  echo "verdict     : no --env given; identity shown above"
  exit 0
fi
if [ "$ENV_NAME" = "auto" ]; then
  ENV_NAME="${TF_WORKSPACE:-}"
  [ -z "$ENV_NAME" ] && command -v terraform >/dev/null && ENV_NAME=$(terraform workspace show 2>/dev/null || true)
  [ -z "$ENV_NAME" ] || [ "$ENV_NAME" = "default" ] && ENV_NAME=$(basename "$PWD")
  echo "env (auto)  : $ENV_NAME"
fi
[ -f "$CONFIG" ] || { echo "verdict     : UNKNOWN ENV (no $CONFIG in $(pwd))"; exit 4; }

read -r exp_account exp_region protected hint < <(python3 - "$CONFIG" "$ENV_NAME" <<'PY'
import sys, yaml
cfg = yaml.safe_load(open(sys.argv[1])) or {}
e = (cfg.get("environments") or {}).get(sys.argv[2])
if not e:
    print("- - - -")
else:
    print(str(e.get("account", "-")), e.get("region", "-"), "yes" if e.get("protected") else "no", e.get("profile_hint", "-"))
PY
)
if [ "$exp_account" = "-" ]; then
  echo "verdict     : UNKNOWN ENV '$ENV_NAME' (not in $CONFIG)"
  exit 4
fi
echo "expected    : $ENV_NAME -> account $exp_account, region $exp_region"

problems=()
[ "$account" != "$exp_account" ] && problems+=("account is $account, expected $exp_account")
[ "$region" != "$exp_region" ] && problems+=("region is $region, expected $exp_region")
if [ ${#problems[@]} -gt 0 ]; then
  echo "verdict     : MISMATCH"
  for p in "${problems[@]}"; do echo "              - $p"; done
  [ "$hint" != "-" ] && echo "hint        : expected profile is probably '$hint' (export AWS_PROFILE=$hint)"
  exit 3
fi
echo "verdict     : OK"
[ "$protected" = "yes" ] && echo "note        : '$ENV_NAME' is PROTECTED — restate the target and get explicit confirmation before apply/deploy"
exit 0
