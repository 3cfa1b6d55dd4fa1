#!/usr/bin/env bash
set -euo pipefail
pick() { printf '%s' "$PF_CTX" | jq -r --arg k "$1" '.[$k] // empty'; }

case "$PF_ECO" in
  npm)
    tok=$(pick NPM_TOKEN)
    echo "::add-mask::$tok"
    printf '//registry.npmjs.org/:_authToken=%s\n' "$tok" > "$HOME/.npmrc"
    ;;
  pypi)
    tok=$(pick PYPI_TOKEN)
    if [ -n "$tok" ]; then
      echo "::add-mask::$tok"
      { echo "TWINE_USERNAME=__token__"; echo "TWINE_PASSWORD=$tok"; } >> "$GITHUB_ENV"
    fi
    ;;
  crates)
    tok=$(pick CARGO_REGISTRY_TOKEN)
    echo "::add-mask::$tok"
    echo "CARGO_REGISTRY_TOKEN=$tok" >> "$GITHUB_ENV"
    ;;
  oci)
    user=$(pick REGISTRY_USER); pass=$(pick REGISTRY_PASSWORD)
    if [ -z "$pass" ]; then user="$GITHUB_ACTOR"; pass=$(pick GITHUB_TOKEN); fi
    echo "::add-mask::$pass"
    printf '%s' "$pass" | docker login ghcr.io -u "$user" --password-stdin
    ;;
esac

key=$(pick COSIGN_KEY); pw=$(pick COSIGN_PASSWORD)
if [ -n "$key" ]; then
  echo "::add-mask::$pw"
  { echo "COSIGN_KEY<<EOK"; echo "$key"; echo "EOK"; echo "COSIGN_PASSWORD=$pw"; } >> "$GITHUB_ENV"
fi
