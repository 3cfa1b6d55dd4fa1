#!/usr/bin/env bash
# Exercise the hook in a throwaway repo.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
git init -q
cp "$here/test/staged-sample.env" .env
git add .env
if node "$here/scripts/check-staged-secrets.mjs"; then echo "FAIL: hook passed"; exit 1; fi
echo "PASS: hook blocked the fake secrets"
