#!/usr/bin/env bash
# Runs once after the container is created (and after every rebuild). Keep it idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -f package.json ]]; then
  if [[ -f pnpm-lock.yaml ]]; then pnpm install --frozen-lockfile
  elif [[ -f yarn.lock ]]; then yarn install --immutable
  else npm ci
  fi
fi

if [[ -f pyproject.toml || -f requirements.txt ]]; then
  python -m venv .venv
  . .venv/bin/activate
  pip install --upgrade pip
  if [[ -f requirements-dev.txt ]]; then pip install -r requirements-dev.txt
  elif [[ -f requirements.txt ]]; then pip install -r requirements.txt
  else pip install -e ".[dev]" 2>/dev/null || pip install -e .
  fi
fi

if [[ -f .pre-commit-config.yaml ]] && command -v pre-commit >/dev/null; then
  pre-commit install
fi

echo "post-create done: node $(node -v 2>/dev/null || echo n/a), $(python -V)"
