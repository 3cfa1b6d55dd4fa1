#!/usr/bin/env bash
# Make sure Playwright auth state and local env files can't be committed.
set -euo pipefail

root=$(git rev-parse --show-toplevel 2>/dev/null || pwd)
gi="$root/.gitignore"
touch "$gi"

add() {
  if ! grep -qxF "$1" "$gi"; then
    printf '%s\n' "$1" >> "$gi"
    echo "added to .gitignore: $1"
  fi
}

add "playwright/.auth/"
add ".env.test"

tracked=$(git -C "$root" ls-files -- 'playwright/.auth' '.env.test' 2>/dev/null || true)
if [ -n "$tracked" ]; then
  echo
  echo "WARNING: these files are already tracked by git:"
  echo "$tracked" | sed 's/^/  /'
  echo "They contain session cookies or credentials. Rotate the test account's password /"
  echo "revoke its sessions, then untrack with: git rm --cached <file>"
  exit 1
fi
echo "ok: auth state and .env.test are ignored"
