#!/usr/bin/env bash
# Start the MkDocs dev server with live reload on localhost.
set -euo pipefail

PORT="${1:-8000}"

if ! command -v mkdocs >/dev/null 2>&1; then
  if [ -x .venv-docs/bin/mkdocs ]; then
    PATH="$PWD/.venv-docs/bin:$PATH"
  else
    echo "mkdocs not found. Install with: pip install -r $(dirname "$0")/requirements-docs.txt" >&2
    exit 1
  fi
fi

if [ ! -f mkdocs.yml ]; then
  echo "No mkdocs.yml in $(pwd). Run from the repository root." >&2
  exit 1
fi

exec mkdocs serve --dev-addr "127.0.0.1:${PORT}"
