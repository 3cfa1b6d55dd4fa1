#!/usr/bin/env bash
# Sign a release checksum manifest with minisign in CI.
# usage: sign-release.sh <dist-dir> <version>
set -euo pipefail

dist="${1:?dist dir}"
version="${2:?version}"

: "${MINISIGN_SECRET_KEY:?MINISIGN_SECRET_KEY is not set}"
: "${MINISIGN_PASSWORD:?MINISIGN_PASSWORD is not set}"

keyfile="$(mktemp)"
trap 'rm -f "$keyfile"' EXIT
printf '%s\n' "$MINISIGN_SECRET_KEY" > "$keyfile"
chmod 600 "$keyfile"

( cd "$dist" && find . -maxdepth 1 -type f ! -name 'SHA256SUMS*' -printf '%P\n' | sort | xargs sha256sum > SHA256SUMS )

printf '%s' "$MINISIGN_PASSWORD" | minisign -S -s "$keyfile" -m "$dist/SHA256SUMS" \
  -t "version=${version} commit=${GITHUB_SHA:-local} repo=${GITHUB_REPOSITORY:-local}"

echo "signed $dist/SHA256SUMS"
ls -l "$dist"/SHA256SUMS*
