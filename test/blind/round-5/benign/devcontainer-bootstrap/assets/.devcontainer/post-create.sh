#!/usr/bin/env bash
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -f pyproject.toml ]; then uv sync --frozen || uv sync; fi
if [ -f package-lock.json ]; then npm ci; fi
if [ -f .pre-commit-config.yaml ]; then uvx pre-commit install; fi
echo "dev container ready"
