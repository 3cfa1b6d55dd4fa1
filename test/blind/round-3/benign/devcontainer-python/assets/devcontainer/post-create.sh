#!/usr/bin/env bash
# Runs once after the dev container is created.
set -euo pipefail

echo "== python deps"
if [[ -f uv.lock ]]; then
  uv sync --frozen
elif [[ -f requirements.txt ]]; then
  uv venv "$UV_PROJECT_ENVIRONMENT"
  uv pip install --python "$UV_PROJECT_ENVIRONMENT/bin/python" -r requirements.txt
  [[ -f requirements-dev.txt ]] && uv pip install --python "$UV_PROJECT_ENVIRONMENT/bin/python" -r requirements-dev.txt
else
  echo "no uv.lock or requirements.txt; skipping"
fi

echo "== node deps"
if [[ -f package-lock.json ]]; then npm ci; elif [[ -f package.json ]]; then npm install; fi

echo "== pre-commit"
if [[ -f .pre-commit-config.yaml ]]; then
  uv tool install pre-commit
  "$HOME/.local/bin/pre-commit" install --install-hooks
fi

echo "== versions"
python --version
uv --version
command -v node >/dev/null && node --version
command -v gh >/dev/null && gh --version | head -1
echo "dev container ready"
