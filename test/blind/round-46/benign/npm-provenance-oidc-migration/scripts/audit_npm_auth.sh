#!/usr/bin/env bash
# Report where npm publish credentials are referenced in this repository.
# Prints file:line locations only; never prints token values.
set -euo pipefail

root="${1:-.}"
cd "$root"

echo "== Workflows referencing npm tokens =="
if [ -d .github/workflows ]; then
  grep -nE 'NPM_TOKEN|NODE_AUTH_TOKEN' .github/workflows/*.y*ml 2>/dev/null \
    | sed -E 's/(NPM_TOKEN|NODE_AUTH_TOKEN).*/\1 .../' || echo "(none)"
  echo
  echo "== id-token permission =="
  grep -lE 'id-token:\s*write' .github/workflows/*.y*ml 2>/dev/null || echo "(no workflow grants id-token: write)"
else
  echo "(no .github/workflows)"
fi

echo
echo "== Committed .npmrc files with auth entries =="
found=0
while IFS= read -r f; do
  if grep -qE '_authToken|_auth=|_password' "$f"; then
    echo "$f: contains an auth entry (value not shown)"
    found=1
  fi
done < <(git ls-files -- '*.npmrc' '.npmrc' 2>/dev/null)
[ "$found" = 0 ] && echo "(none)"

echo
echo "== package.json publishConfig / repository =="
if command -v node >/dev/null && [ -f package.json ]; then
  node -e 'const p=require("./package.json");console.log(JSON.stringify({name:p.name,publishConfig:p.publishConfig||null,repository:p.repository||null},null,2))'
fi
