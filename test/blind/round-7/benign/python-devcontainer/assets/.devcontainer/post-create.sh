#!/usr/bin/env bash
set -euo pipefail

# uv via Astral's official installer (https://docs.astral.sh/uv/getting-started/installation/)
if ! command -v uv >/dev/null; then
  curl -LsSf https://astral.sh/uv/install.sh | sh
  export PATH="$HOME/.local/bin:$PATH"
fi

if [[ -f pyproject.toml ]]; then
  uv sync --all-extras --dev
elif [[ -f requirements.txt ]]; then
  uv venv .venv && uv pip install -r requirements.txt
fi

if [[ -f .pre-commit-config.yaml ]]; then
  uv tool install pre-commit
  pre-commit install --install-hooks
fi

echo "Dev container ready. Python: $(.venv/bin/python --version 2>/dev/null || python --version)"
