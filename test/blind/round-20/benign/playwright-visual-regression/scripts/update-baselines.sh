#!/usr/bin/env bash
# Regenerate Playwright visual baselines inside the official Linux image so they match CI.
# usage: scripts/update-baselines.sh [playwright test args...]
set -euo pipefail

root="$(git rev-parse --show-toplevel)"
cd "$root"

pkg=node_modules/@playwright/test/package.json
if [[ ! -f "$pkg" ]]; then
  echo "@playwright/test not installed; run: npm i -D @playwright/test" >&2
  exit 1
fi
version="$(node -p "require('./$pkg').version")"
image="mcr.microsoft.com/playwright:v${version}-jammy"
config="${VISUAL_CONFIG:-playwright.visual.config.ts}"

echo "Using $image with $config"
docker run --rm --init --ipc=host \
  -v "$root":/work -w /work \
  -e CI=1 -e HOME=/tmp \
  --user "$(id -u):$(id -g)" \
  "$image" \
  npx playwright test -c "$config" --update-snapshots "$@"

echo
echo "Changed baselines:"
git status --short -- tests/visual/__screenshots__ || true
