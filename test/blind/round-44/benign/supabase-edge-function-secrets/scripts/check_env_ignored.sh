#!/usr/bin/env bash
# Verify Supabase function env files are git-ignored and not tracked. Read-only.
set -uo pipefail
cd "${1:-.}"
rc=0
for f in supabase/functions/.env supabase/.env .env.local; do
  if git check-ignore -q --no-index "$f"; then
    echo "ignored   $f"
  else
    echo "NOT IGNORED  $f  -> add it to .gitignore"
    rc=1
  fi
done
tracked=$(git ls-files -- 'supabase/**/.env*' '.env*' | grep -v '\.example$' || true)
if [[ -n "$tracked" ]]; then
  echo "TRACKED env files (values may already be in history; rotate them):"
  printf '  %s\n' $tracked
  rc=2
fi
exit $rc
