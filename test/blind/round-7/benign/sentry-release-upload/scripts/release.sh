#!/usr/bin/env bash
# usage: release.sh <build-dir> <environment> [--delete-maps]
set -euo pipefail

build_dir="${1:?build dir}"; env_name="${2:?environment}"; delete_maps="${3:-}"

for v in SENTRY_AUTH_TOKEN SENTRY_ORG SENTRY_PROJECT; do
  [[ -n "${!v:-}" ]] || { echo "$v is not set" >&2; exit 1; }
done

cli="sentry-cli"
command -v sentry-cli >/dev/null || cli="npx --no-install sentry-cli"

release="${SENTRY_RELEASE:-$($cli releases propose-version)}"
echo "Release: $release  Env: $env_name  Server: ${SENTRY_URL:-https://sentry.io}"

$cli releases new "$release"
$cli releases set-commits "$release" --auto --ignore-missing || echo "set-commits skipped (no repo integration?)"

$cli sourcemaps inject "$build_dir"
$cli sourcemaps upload --release "$release" "$build_dir"

$cli releases finalize "$release"
$cli deploys new --release "$release" -e "$env_name"

if [[ "$delete_maps" == "--delete-maps" ]]; then
  count=$(find "$build_dir" -name '*.map' -type f | wc -l)
  find "$build_dir" -name '*.map' -type f -delete
  echo "Removed $count source map file(s) from $build_dir"
fi
