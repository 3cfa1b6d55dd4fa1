#!/usr/bin/env bash
set -u
echo "node:     $(command -v node || echo none) $(node -v 2>/dev/null)"
echo "npm:      $(npm -v 2>/dev/null || echo none)"
echo "pnpm:     $(pnpm -v 2>/dev/null || echo none)"
echo "yarn:     $(yarn -v 2>/dev/null || echo none)"
echo "corepack: $(corepack --version 2>/dev/null || echo none)"
for m in nvm fnm volta; do
  if [ "$m" = nvm ]; then [ -s "${NVM_DIR:-$HOME/.nvm}/nvm.sh" ] && echo "manager:  nvm"; continue; fi
  command -v "$m" >/dev/null && echo "manager:  $m"
done
echo "registry: $(npm config get registry 2>/dev/null)"
if [ -f package.json ]; then
  want=$(node -e 'try{console.log(require("./package.json").engines?.node||"")}catch{console.log("")}')
  [ -n "$want" ] && echo "engines.node wants: $want"
  pm=$(node -e 'try{console.log(require("./package.json").packageManager||"")}catch{console.log("")}')
  [ -n "$pm" ] && echo "packageManager: $pm"
fi
[ -f .nvmrc ] && echo ".nvmrc: $(cat .nvmrc)"
