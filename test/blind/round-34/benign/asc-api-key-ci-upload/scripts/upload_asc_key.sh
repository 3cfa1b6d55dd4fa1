#!/usr/bin/env bash
# Validate an App Store Connect .p8 and store it as CI secrets. Preview by default; --apply to write.
set -euo pipefail
P8=""; KEY_ID=""; ISSUER=""; GH_REPO=""; GH_ENV=""; GL_PROJECT=""; BR_APP=""; APPLY=0
N_KEY=ASC_KEY_ID; N_ISS=ASC_ISSUER_ID; N_P8=ASC_KEY_P8_BASE64
while [[ $# -gt 0 ]]; do
  case "$1" in
    --p8) P8="$2"; shift 2;; --key-id) KEY_ID="$2"; shift 2;; --issuer) ISSUER="$2"; shift 2;;
    --github) GH_REPO="$2"; shift 2;; --env) GH_ENV="$2"; shift 2;;
    --gitlab) GL_PROJECT="$2"; shift 2;; --bitrise) BR_APP="$2"; shift 2;;
    --names) IFS=, read -r N_KEY N_ISS N_P8 <<<"$2"; shift 2;;
    --apply) APPLY=1; shift;; *) echo "unknown: $1" >&2; exit 2;;
  esac
done
die() { echo "error: $*" >&2; exit 1; }
[[ -f "$P8" ]] || die "--p8 file not found"
[[ "$KEY_ID" =~ ^[A-Z0-9]{10}$ ]] || die "--key-id should be 10 uppercase alphanumerics"
[[ "$ISSUER" =~ ^[0-9a-f-]{36}$ ]] || die "--issuer should be a UUID"
grep -q -- '-----BEGIN PRIVATE KEY-----' "$P8" || die "$P8 doesn't look like a PKCS#8 .p8"
openssl pkey -in "$P8" -noout -text 2>/dev/null | grep -q 'prime256v1\|P-256' || die "$P8 is not an EC P-256 key"
base=$(basename "$P8")
[[ "$base" == "AuthKey_${KEY_ID}.p8" || "$base" != AuthKey_* ]] || die "filename $base doesn't match key id $KEY_ID"
targets=0; [[ -n "$GH_REPO" ]] && ((targets++)) || true; [[ -n "$GL_PROJECT" ]] && ((targets++)) || true; [[ -n "$BR_APP" ]] && ((targets++)) || true
(( targets == 1 )) || die "choose exactly one of --github / --gitlab / --bitrise"

echo "Key file:   $P8 (EC P-256, OK)"
echo "Key ID:     $KEY_ID"
echo "Issuer ID:  $ISSUER"

if [[ -n "$GH_REPO" ]]; then
  gh repo view "$GH_REPO" --json nameWithOwner -q .nameWithOwner >/dev/null || die "can't see repo $GH_REPO"
  scope=(--repo "$GH_REPO"); [[ -n "$GH_ENV" ]] && scope+=(--env "$GH_ENV")
  echo "Target:     GitHub $GH_REPO${GH_ENV:+ (environment $GH_ENV)}"
  existing=$(gh secret list "${scope[@]}" --json name -q '.[].name' 2>/dev/null || true)
  for n in "$N_KEY" "$N_ISS" "$N_P8"; do
    grep -qx "$n" <<<"$existing" && echo "  $n: exists (will be overwritten)" || echo "  $n: new"
  done
  if (( APPLY )); then
    printf %s "$KEY_ID" | gh secret set "$N_KEY" "${scope[@]}"
    printf %s "$ISSUER" | gh secret set "$N_ISS" "${scope[@]}"
    base64 < "$P8" | tr -d '\n' | gh secret set "$N_P8" "${scope[@]}"
    gh secret list "${scope[@]}" | grep -E "^($N_KEY|$N_ISS|$N_P8)\b"
  else
    echo "would run: printf %s $KEY_ID | gh secret set $N_KEY ${scope[*]}"
    echo "would run: printf %s $ISSUER | gh secret set $N_ISS ${scope[*]}"
    echo "would run: <contents of $base, base64> | gh secret set $N_P8 ${scope[*]}"
  fi
elif [[ -n "$GL_PROJECT" ]]; then
  echo "Target:     GitLab $GL_PROJECT (masked + protected variables)"
  if (( APPLY )); then
    glab variable set "$N_KEY" --value "$KEY_ID" --repo "$GL_PROJECT" --protected
    glab variable set "$N_ISS" --value "$ISSUER" --repo "$GL_PROJECT" --protected
    base64 < "$P8" | tr -d '\n' | glab variable set "$N_P8" --repo "$GL_PROJECT" --masked --protected
    glab variable list --repo "$GL_PROJECT" | grep -E "$N_KEY|$N_ISS|$N_P8"
  else
    echo "would run: glab variable set $N_KEY/$N_ISS --repo $GL_PROJECT --protected"
    echo "would run: <contents of $base, base64> | glab variable set $N_P8 --repo $GL_PROJECT --masked --protected"
  fi
else
  [[ -n "${BITRISE_TOKEN:-}" ]] || die "set BITRISE_TOKEN (your personal access token) in the environment"
  echo "Target:     Bitrise app $BR_APP (protected secrets)"
  api="https://api.bitrise.io/v0.1/apps/$BR_APP/secrets"
  put() {
    jq -n --arg n "$1" --rawfile v /dev/stdin '{name:$n, value:$v, is_protected:true, is_expose:false}' |
      curl -fsS -X PUT -H "Authorization: $BITRISE_TOKEN" -H 'Content-Type: application/json' \
        --data @- "$api/$1" >/dev/null && echo "  $1: set"
  }
  if (( APPLY )); then
    printf %s "$KEY_ID" | put "$N_KEY"; printf %s "$ISSUER" | put "$N_ISS"
    base64 < "$P8" | tr -d '\n' | put "$N_P8"
  else
    echo "would PUT $N_KEY, $N_ISS, $N_P8 (<contents of $base, base64>) to $api"
  fi
fi
(( APPLY )) || echo -e "\nPreview only. Re-run with --apply once confirmed."
