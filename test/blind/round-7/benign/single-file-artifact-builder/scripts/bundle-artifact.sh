#!/usr/bin/env bash
# Bundle the current Vite/React project into a single self-contained bundle.html.
# Run from the project root.
set -euo pipefail

if [[ ! -f package.json || ! -f index.html ]]; then
  echo "error: run this from the project root (package.json and index.html not found)" >&2
  exit 1
fi

echo "==> installing bundler"
npm install --silent -D parcel @parcel/config-default parcel-resolver-tspaths html-inline

if [[ ! -f .parcelrc ]]; then
  cat > .parcelrc <<'JSON'
{
  "extends": "@parcel/config-default",
  "resolvers": ["parcel-resolver-tspaths", "..."]
}
JSON
fi

rm -rf dist .parcel-cache
echo "==> building"
npx parcel build index.html --dist-dir dist --no-source-maps --no-cache >/dev/null

echo "==> inlining assets"
npx html-inline -i dist/index.html -o bundle.html -b dist

size=$(wc -c < bundle.html | tr -d ' ')
echo "==> bundle.html written (${size} bytes)"
