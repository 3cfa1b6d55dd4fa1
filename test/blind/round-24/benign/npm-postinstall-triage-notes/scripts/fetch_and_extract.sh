#!/usr/bin/env bash
# Download an npm package tarball and show its lifecycle scripts WITHOUT executing anything.
set -euo pipefail
name="${1:?usage: fetch_and_extract.sh <name> <version>}"
ver="${2:?usage: fetch_and_extract.sh <name> <version>}"

work="$(mktemp -d /tmp/npm-triage.XXXX)"
cd "$work"
npm pack --ignore-scripts --silent "${name}@${ver}" >/dev/null
tgz="$(ls -1 *.tgz | head -n1)"
tar -xzf "$tgz"
echo "extracted to: $work/package"

echo
echo "== lifecycle scripts =="
node -e '
const p = require("./package/package.json");
const s = p.scripts || {};
for (const k of ["preinstall","install","postinstall","prepare","preuninstall"]) {
  if (s[k]) console.log(`${k}: ${s[k]}`);
}' || python3 -c 'import json;print(json.load(open("package/package.json")).get("scripts",{}))'

echo
echo "== large or long-line files =="
find package -type f \( -size +200k -o -name '*.js' \) -print0 |
  while IFS= read -r -d '' f; do
    maxlen=$(awk '{ if (length > m) m = length } END { print m+0 }' "$f")
    size=$(wc -c <"$f")
    if [ "$size" -gt 204800 ] || [ "$maxlen" -gt 2000 ]; then
      printf '%8d bytes  longest line %6d  %s\n' "$size" "$maxlen" "$f"
    fi
  done

echo
echo "== quick grep for common indicators (read the hits, do not execute) =="
grep -RnoE "(child_process|\.npmrc|\.ssh/|NPM_TOKEN|GITHUB_TOKEN|eval\(|new Function|base64)" package \
  --include='*.js' --include='*.cjs' --include='*.mjs' --include='*.json' | head -n 60 || true
