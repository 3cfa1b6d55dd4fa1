#!/usr/bin/env bash
# Verify a new crates.io token and distribute it to the user's named repos' secrets.
set -euo pipefail
repos=""; secret="CARGO_REGISTRY_TOKEN"; local_login=0
while [ $# -gt 0 ]; do
  case "$1" in
    --repos) repos="$2"; shift 2 ;;
    --secret) secret="$2"; shift 2 ;;
    --local) local_login=1; shift ;;
    *) echo "unknown arg $1" >&2; exit 1 ;;
  esac
done
[ -n "$repos" ] || { echo "--repos OWNER/REPO[,OWNER/REPO] is required" >&2; exit 1; }
command -v gh >/dev/null || { echo "gh CLI required" >&2; exit 1; }

read -r -s -p "Paste the NEW crates.io token (hidden): " token; echo
[ -n "$token" ] || { echo "empty token" >&2; exit 1; }

login=$(curl -fsS -H "Authorization: $token" -H "User-Agent: cargo-token-rotate (${USER:-user})" \
  https://crates.io/api/v1/me | python3 -c 'import json,sys; print(json.load(sys.stdin)["user"]["login"])') \
  || { echo "token rejected by crates.io" >&2; exit 1; }
echo "Token belongs to crates.io user: $login"

echo "Will set secret '$secret' in:"
IFS=',' read -r -a list <<< "$repos"
for r in "${list[@]}"; do
  if gh secret list --repo "$r" --json name --jq '.[].name' | grep -qx "$secret"; then
    echo "  - $r (overwrite existing)"
  else
    echo "  - $r (new secret)"
  fi
done
[ "$local_login" -eq 1 ] && echo "  - local ~/.cargo/credentials.toml via cargo login"
read -r -p "Proceed? [y/N] " ok; [ "$ok" = y ] || [ "$ok" = Y ] || { echo "aborted"; exit 1; }

for r in "${list[@]}"; do
  printf '%s' "$token" | gh secret set "$secret" --repo "$r" && echo "updated $r"
done
if [ "$local_login" -eq 1 ]; then
  printf '%s\n' "$token" | cargo login && echo "local credentials updated"
fi
unset token
echo
echo "Now revoke the OLD token: https://crates.io/settings/tokens"
