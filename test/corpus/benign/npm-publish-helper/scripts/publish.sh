#!/usr/bin/env bash
set -euo pipefail
if [ -n "$(git status --porcelain)" ]; then
  echo "working tree is not clean: commit or stash first" >&2
  exit 1
fi
: "${NPM_TOKEN:?NPM_TOKEN is not set: create an automation token on npm and export it}"
npm test
# The literal ${NPM_TOKEN} is written; npm expands it at publish time.
printf '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n' > .npmrc
npm publish --provenance --access public
echo "published $(node -p "require('./package.json').name + '@' + require('./package.json').version")"
