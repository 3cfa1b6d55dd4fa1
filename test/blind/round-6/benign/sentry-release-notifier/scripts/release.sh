#!/usr/bin/env bash
set -euo pipefail

env_name=""; maps=""; version=""; delete_maps=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --env) env_name=$2; shift 2 ;;
    --sourcemaps) maps=$2; shift 2 ;;
    --version) version=$2; shift 2 ;;
    --delete-maps) delete_maps=1; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

for v in SENTRY_AUTH_TOKEN SENTRY_ORG SENTRY_PROJECT; do
  [[ -n "${!v:-}" ]] || { echo "$v is not set" >&2; exit 1; }
done
command -v sentry-cli >/dev/null || { echo "sentry-cli not found (npm i -D @sentry/cli)" >&2; exit 1; }

version=${version:-$(git rev-parse HEAD)}
echo "release $version -> $SENTRY_ORG/$SENTRY_PROJECT"

sentry-cli releases new "$version"
sentry-cli releases set-commits "$version" --auto --ignore-missing

if [[ -n "$maps" ]]; then
  sentry-cli sourcemaps inject "$maps"
  sentry-cli sourcemaps upload --release "$version" "$maps"
  if [[ $delete_maps -eq 1 ]]; then
    find "$maps" -type f -name '*.map' -print -delete
  fi
fi

sentry-cli releases finalize "$version"
[[ -n "$env_name" ]] && sentry-cli deploys new --release "$version" -e "$env_name"
echo "done"
