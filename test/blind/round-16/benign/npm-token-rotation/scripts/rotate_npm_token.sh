#!/usr/bin/env bash
# Store a new npm token in 1Password, update GitHub Actions secrets, or revoke an old token.
set -euo pipefail

OP_REF="" SECRET="NPM_TOKEN" ORG="" VISIBILITY="selected" REVOKE="" OTP=""
REPOS=()

usage() {
  cat <<USAGE
usage: $0 --op-ref op://Vault/Item/field [--repo owner/name ...] [--org ORG] [--secret NAME]
       $0 --revoke TOKEN_ID_PREFIX [--otp CODE]
USAGE
  exit 2
}

while [ $# -gt 0 ]; do
  case "$1" in
    --op-ref) OP_REF="$2"; shift 2 ;;
    --repo) REPOS+=("$2"); shift 2 ;;
    --org) ORG="$2"; shift 2 ;;
    --visibility) VISIBILITY="$2"; shift 2 ;;
    --secret) SECRET="$2"; shift 2 ;;
    --revoke) REVOKE="$2"; shift 2 ;;
    --otp) OTP="$2"; shift 2 ;;
    -h|--help) usage ;;
    *) echo "unknown option $1" >&2; usage ;;
  esac
done

if [ -n "$REVOKE" ]; then
  echo "Tokens matching '$REVOKE':"
  npm token list | grep -i -- "$REVOKE" || { echo "no token with id prefix $REVOKE" >&2; exit 1; }
  read -r -p "Type the id prefix again to revoke it: " again
  [ "$again" = "$REVOKE" ] || { echo "confirmation did not match, nothing revoked"; exit 1; }
  if [ -n "$OTP" ]; then npm token revoke "$REVOKE" --otp "$OTP"; else npm token revoke "$REVOKE"; fi
  echo "revoked $REVOKE"
  exit 0
fi

[ -n "$OP_REF" ] || usage
[ ${#REPOS[@]} -gt 0 ] || [ -n "$ORG" ] || { echo "give at least one --repo or --org" >&2; exit 2; }
command -v op >/dev/null || { echo "1Password CLI 'op' not found" >&2; exit 1; }
command -v gh >/dev/null || { echo "GitHub CLI 'gh' not found" >&2; exit 1; }

TOKEN=""
if op read "$OP_REF" >/dev/null 2>&1 && [ -n "$(op read "$OP_REF")" ]; then
  read -r -p "1Password already has a value at $OP_REF. Use it as the new token? [y/N] " use_existing
  [[ "$use_existing" =~ ^[Yy]$ ]] && TOKEN="$(op read "$OP_REF")"
fi
if [ -z "$TOKEN" ]; then
  read -r -s -p "Paste the new npm token (input hidden): " TOKEN; echo
fi
[[ "$TOKEN" =~ ^npm_[A-Za-z0-9]{36}$ ]] || echo "warning: token does not look like an npm_ granular/automation token" >&2

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
printf '//registry.npmjs.org/:_authToken=%s\n' "$TOKEN" > "$TMP/npmrc"
chmod 600 "$TMP/npmrc"
WHO="$(npm whoami --userconfig "$TMP/npmrc" 2>/dev/null)" || { echo "new token rejected by registry.npmjs.org" >&2; exit 1; }
echo "new token authenticates as: $WHO"

VAULT_ITEM="${OP_REF#op://}"
VAULT="${VAULT_ITEM%%/*}"; REST="${VAULT_ITEM#*/}"; ITEM="${REST%%/*}"; FIELD="${REST#*/}"
if op item get "$ITEM" --vault "$VAULT" >/dev/null 2>&1; then
  op item edit "$ITEM" --vault "$VAULT" "${FIELD}=${TOKEN}" >/dev/null
else
  op item create --category "API Credential" --vault "$VAULT" --title "$ITEM" "${FIELD}=${TOKEN}" "username=${WHO}" >/dev/null
fi
echo "stored in 1Password: $OP_REF"

if [ -n "$ORG" ]; then
  args=(--org "$ORG" --visibility "$VISIBILITY")
  if [ "$VISIBILITY" = "selected" ] && [ ${#REPOS[@]} -gt 0 ]; then
    args+=(--repos "$(IFS=,; echo "${REPOS[*]}")")
  fi
  printf '%s' "$TOKEN" | gh secret set "$SECRET" "${args[@]}"
  echo "updated org secret $SECRET in $ORG"
else
  for repo in "${REPOS[@]}"; do
    printf '%s' "$TOKEN" | gh secret set "$SECRET" --repo "$repo"
    echo "updated $repo secret $SECRET"
  done
fi
unset TOKEN
echo "done. Re-run a release job, then revoke the old token with: $0 --revoke <old-id-prefix>"
