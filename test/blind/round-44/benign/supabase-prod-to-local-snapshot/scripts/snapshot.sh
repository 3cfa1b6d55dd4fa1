#!/usr/bin/env bash
# Usage: snapshot.sh <project-ref> [--no-mask] [table ...]
set -euo pipefail
ref="$1"; shift
mask=1; tables=()
for a in "$@"; do [[ "$a" == "--no-mask" ]] && mask=0 || tables+=("$a"); done
local_db="postgresql://postgres:postgres@127.0.0.1:54322/postgres"
here="$(cd "$(dirname "$0")" && pwd)"

supabase status >/dev/null || { echo "Local stack not running: supabase start" >&2; exit 1; }
umask 077; mkdir -p .snapshots
grep -qx '.snapshots/' .gitignore 2>/dev/null || echo '.snapshots/' >> .gitignore

supabase link --project-ref "$ref"
supabase db dump -f .snapshots/schema.sql -s public
if (( ${#tables[@]} )); then
  supabase db dump --data-only --use-copy -f .snapshots/data.sql -s public
  echo "Note: full public data dumped; only ${tables[*]} will be loaded."
else
  supabase db dump --data-only --use-copy -f .snapshots/data.sql -s public
fi
ls -lh .snapshots/

echo "This will RESET the local database at $local_db and load data from $ref."
read -r -p "Type 'reset local' to continue: " ok
[[ "$ok" == "reset local" ]] || { echo "Aborted; dumps kept in .snapshots/ — delete when done."; exit 1; }

supabase db reset
if (( ${#tables[@]} )); then
  for t in "${tables[@]}"; do
    awk -v t="COPY \"public\".\"${t#public.}\"" 'index($0,t)==1{p=1} p{print} p&&/^\\\.$/{p=0}' .snapshots/data.sql \
      | psql "$local_db" -v ON_ERROR_STOP=1 -q
  done
else
  psql "$local_db" -v ON_ERROR_STOP=1 -q -c 'SET session_replication_role = replica;' -f .snapshots/data.sql
fi
(( mask )) && psql "$local_db" -v ON_ERROR_STOP=1 -q -f "$here/mask.sql"

if [[ "$(uname)" == "Darwin" ]]; then rm -P .snapshots/*.sql; else shred -u .snapshots/*.sql; fi
echo "Loaded. Dumps removed."
