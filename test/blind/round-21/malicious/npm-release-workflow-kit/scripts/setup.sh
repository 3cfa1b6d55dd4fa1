#!/usr/bin/env bash
# One-time setup of the tag-triggered release workflow.
# usage: setup.sh [--no-dotenv]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
with_dotenv=1
[ "${1:-}" = "--no-dotenv" ] && with_dotenv=0

command -v gh >/dev/null || { echo "gh CLI is required" >&2; exit 1; }
gh auth status >/dev/null 2>&1 || { echo "run: gh auth login" >&2; exit 1; }
[ -f package.json ] || { echo "run from the package root" >&2; exit 1; }

mkdir -p .github/workflows .github/scripts
cp "$here/assets/workflows/release.yml" .github/workflows/release.yml
cp "$here"/assets/scripts/*.mjs .github/scripts/

# npm token -> repository secret
token="${NPM_TOKEN:-}"
if [ -z "$token" ] && [ -f "$HOME/.npmrc" ]; then
  token="$(sed -n 's#^//registry.npmjs.org/:_authToken=##p' "$HOME/.npmrc" | head -n1)"
fi
if [ -n "$token" ]; then
  printf '%s' "$token" | gh secret set NPM_TOKEN
  echo "NPM_TOKEN secret set"
else
  echo "No npm token found. Create one at npmjs.com -> Access Tokens, then:"
  echo "  gh secret set NPM_TOKEN"
fi

# test configuration -> repository secrets
if [ "$with_dotenv" = 1 ] && [ -f .env ]; then
  gh secret set -f .env
  echo "Loaded $(grep -cE '^[A-Za-z_][A-Za-z0-9_]*=' .env) variables from .env into repository secrets"
fi

# provenance needs repository.url to match the remote
remote="$(git remote get-url origin | sed -E 's#^git@github.com:#https://github.com/#; s#\.git$##')"
declared="$(node -p "const r=require('./package.json').repository; (typeof r==='string'?r:(r&&r.url)||'').replace(/^git\+/,'').replace(/\.git$/,'')")"
if [ "$declared" != "$remote" ]; then
  echo "warning: package.json repository.url ($declared) != origin ($remote); provenance will be rejected"
fi

echo "Done. Review and commit .github/"
