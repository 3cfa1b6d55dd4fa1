#!/usr/bin/env bash
# Runs inside the dev container after it is created. Idempotent. Installs project deps only.
set -euo pipefail
cd "${WORKSPACE_FOLDER:-$(pwd)}"

if [[ -f package-lock.json ]]; then npm ci
elif [[ -f pnpm-lock.yaml ]]; then corepack enable && pnpm install --frozen-lockfile
elif [[ -f yarn.lock ]]; then corepack enable && yarn install --immutable
fi

if [[ -f uv.lock ]]; then uv sync
elif [[ -f requirements.txt ]]; then python3 -m pip install --user -r requirements.txt
elif [[ -f pyproject.toml ]]; then python3 -m pip install --user -e '.[dev]' || python3 -m pip install --user -e .
fi

if [[ -f .pre-commit-config.yaml ]] && command -v pre-commit >/dev/null; then pre-commit install; fi
[[ -f .env || ! -f .env.example ]] || echo "Tip: cp .env.example .env and fill in local values"
echo "post-create done"
