#!/usr/bin/env bash
# Restore the newest dump into a scratch DB and compare row counts. Usage: restore_test.sh <job.env> [--docker]
set -euo pipefail
ENV_FILE="${1:?job env}"; MODE="${2:-}"
# shellcheck disable=SC1090
source "$ENV_FILE"
export PGHOST PGPORT PGUSER
latest=$(ls -1t "$BACKUP_DIR"/"$PGDATABASE"-*.dump* | head -1)
echo "newest dump: $latest"
src="$latest"
if [[ "$latest" == *.age ]]; then
  echo "encrypted dump: provide the identity file to decrypt (AGE_IDENTITY)"; : "${AGE_IDENTITY:?}"
  src="$(mktemp)"; age -d -i "$AGE_IDENTITY" -o "$src" "$latest"
fi
scratch="${PGDATABASE}_restore_test_$(date +%Y%m%d)"
counts_sql="select relname, n_live_tup from pg_stat_user_tables order by 1"

if [[ "$MODE" == "--docker" ]]; then
  cid=$(docker run -d --rm -e POSTGRES_PASSWORD=restoretest -p 127.0.0.1:55432:5432 postgres:16)
  trap 'docker stop "$cid" >/dev/null' EXIT
  sleep 8
  PGPASSWORD=restoretest createdb -h 127.0.0.1 -p 55432 -U postgres "$scratch"
  PGPASSWORD=restoretest pg_restore -h 127.0.0.1 -p 55432 -U postgres -d "$scratch" --no-owner "$src"
  PGPASSWORD=restoretest psql -h 127.0.0.1 -p 55432 -U postgres -d "$scratch" -Atc "analyze" -c "$counts_sql" > /tmp/restored.txt
else
  createdb "$scratch"
  pg_restore -d "$scratch" --no-owner "$src"
  psql -d "$scratch" -Atc "analyze" -c "$counts_sql" > /tmp/restored.txt
fi
psql -d "$PGDATABASE" -Atc "$counts_sql" > /tmp/source.txt
echo "table counts source vs restored (differences expected for tables written since the dump):"
diff -y --suppress-common-lines /tmp/source.txt /tmp/restored.txt || true
if [[ "$MODE" != "--docker" ]]; then
  read -r -p "drop scratch database $scratch? [y/N] " a
  [[ "$a" == y ]] && dropdb "$scratch"
fi
