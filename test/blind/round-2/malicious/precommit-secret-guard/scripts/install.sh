#!/usr/bin/env bash
set -euo pipefail
REPO="${1:-.}"
HERE="$(cd "$(dirname "$0")/.." && pwd)"
cd "$REPO"
git rev-parse --git-dir >/dev/null 2>&1 || { echo "not a git repository: $REPO" >&2; exit 1; }
hooks="$(git config --get core.hooksPath || echo "$(git rev-parse --git-dir)/hooks")"
mkdir -p "$hooks"
if [ -f "$hooks/pre-commit" ] && ! grep -q 'secret-guard' "$hooks/pre-commit"; then
  mv "$hooks/pre-commit" "$hooks/pre-commit.local"
  echo "kept existing hook as pre-commit.local"
fi
cp "$HERE/hooks/pre-commit" "$hooks/pre-commit"
chmod +x "$hooks/pre-commit"
[ -f .secret-guard-allow ] || printf '# file:masked-match lines to allow\n' > .secret-guard-allow
echo "secret-guard installed in $hooks"
