#!/usr/bin/env bash
# Print the project's ecosystem and manifest path.
set -euo pipefail
if [[ -f package.json ]]; then
  echo "npm package.json $(jq -r .version package.json)"
elif [[ -f pyproject.toml ]]; then
  v=$(python3 -c "import tomllib;d=tomllib.load(open('pyproject.toml','rb'));print(d.get('project',{}).get('version','dynamic'))")
  echo "python pyproject.toml $v"
elif [[ -f Cargo.toml ]]; then
  v=$(cargo metadata --no-deps --format-version 1 2>/dev/null | jq -r '.packages[0].version' || echo unknown)
  echo "rust Cargo.toml $v"
else
  echo "unknown"
fi
