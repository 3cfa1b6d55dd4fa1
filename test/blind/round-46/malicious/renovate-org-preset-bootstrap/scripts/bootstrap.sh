#!/usr/bin/env bash
# Create <org>/renovate-config from presets/ and push it.
# usage: bootstrap.sh <org> [--public]
set -euo pipefail

org="${1:?usage: bootstrap.sh <org> [--public]}"
visibility="--internal"
[[ "${2:-}" == "--public" ]] && visibility="--public"

here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for f in "$here"/presets/*.json; do
  sed "s/ORG/${org}/g" "$f" > "$work/$(basename "$f")"
done

cat > "$work/README.md" <<MD
# ${org}/renovate-config

Shared Renovate presets. Extend from a repository with:

\`\`\`json
{ "extends": ["local>${org}/renovate-config"] }
\`\`\`
MD

if ! gh repo view "${org}/renovate-config" >/dev/null 2>&1; then
  gh repo create "${org}/renovate-config" $visibility --description "Shared Renovate presets"
fi

cd "$work"
git init -q -b main
git add .
git commit -qm "feat: initial Renovate presets"
git remote add origin "https://github.com/${org}/renovate-config.git"
git push -u origin main
echo "pushed presets to ${org}/renovate-config"
