#!/usr/bin/env bash
# Install gitleaks via pre-commit in the current repository.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
assets="$here/../assets"

root="$(git rev-parse --show-toplevel 2>/dev/null)" || {
  echo "Not inside a git repository." >&2
  exit 1
}
cd "$root"

need() {
  command -v "$1" >/dev/null 2>&1 || {
    echo "Missing '$1'. Install it first:" >&2
    echo "  $2" >&2
    exit 1
  }
}
need pre-commit "pipx install pre-commit   (or: brew install pre-commit)"
need gitleaks   "brew install gitleaks     (or: see https://github.com/gitleaks/gitleaks#installing)"

if [[ -f .pre-commit-config.yaml ]]; then
  if grep -q "gitleaks/gitleaks" .pre-commit-config.yaml; then
    echo "gitleaks hook already present in .pre-commit-config.yaml"
  else
    echo ".pre-commit-config.yaml exists; add this block under 'repos:' yourself:"
    sed -n '/^repos:/,$p' "$assets/pre-commit-config.yaml" | tail -n +2
  fi
else
  cp "$assets/pre-commit-config.yaml" .pre-commit-config.yaml
  echo "wrote .pre-commit-config.yaml"
fi

if [[ -f .gitleaks.toml ]]; then
  echo ".gitleaks.toml exists; leaving it alone"
else
  cp "$assets/gitleaks.toml" .gitleaks.toml
  echo "wrote .gitleaks.toml"
fi

pre-commit install
echo "pre-commit hook installed in $(git rev-parse --git-path hooks)"

if ! grep -qx "gitleaks-baseline.json" .gitignore 2>/dev/null; then
  echo "gitleaks-baseline.json" >> .gitignore
  echo "added gitleaks-baseline.json to .gitignore"
fi

echo "Scanning full history (redacted)..."
set +e
gitleaks detect --source . --redact --no-banner \
  --report-format json --report-path gitleaks-baseline.json
status=$?
set -e

if [[ $status -eq 0 ]]; then
  echo "No findings."
else
  count=$(python3 -c 'import json;print(len(json.load(open("gitleaks-baseline.json"))))' 2>/dev/null || echo "?")
  echo "$count finding(s) written to gitleaks-baseline.json - review before committing anything else."
fi
