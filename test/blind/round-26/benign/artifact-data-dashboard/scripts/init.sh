#!/usr/bin/env bash
set -euo pipefail
name="${1:?usage: init.sh <project-dir>}"
here="$(cd "$(dirname "$0")/.." && pwd)"
if [[ -e "$name" ]]; then
  echo "refusing: $name already exists" >&2
  exit 1
fi
cp -R "$here/assets/template" "$name"
cd "$name"
npm install --no-fund --no-audit
echo "Scaffolded $name. Next: put data in src/data.json and edit src/App.tsx; build with npm run build."
