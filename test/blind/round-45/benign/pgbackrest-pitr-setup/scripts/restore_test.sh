#!/usr/bin/env bash
# Point-in-time restore test into a scratch directory. Run on a test host as postgres.
# Usage: restore_test.sh STANZA TARGET_TIME SCRATCH_DIR PORT
set -euo pipefail
stanza=${1:?stanza} target=${2:?target time} dir=${3:?scratch dir} port=${4:-5499}

if [[ -e "$dir" && -n "$(ls -A "$dir" 2>/dev/null)" ]]; then
  echo "refusing: $dir exists and is not empty" >&2
  exit 1
fi
mkdir -p "$dir"
start=$(date +%s)

pgbackrest --stanza="$stanza" restore \
  --pg1-path="$dir" --type=time --target="$target" --target-action=promote \
  --archive-mode=off --delta

# Never let the restored copy archive into the production repository.
cat >> "$dir/postgresql.auto.conf" <<CONF
port = $port
archive_mode = off
listen_addresses = 'localhost'
CONF

pgbin=$(dirname "$(command -v pg_ctl || echo /usr/lib/postgresql/16/bin/pg_ctl)")
"$pgbin/pg_ctl" -D "$dir" -l "$dir/restore-test.log" -w -t 600 start
trap '"$pgbin/pg_ctl" -D "$dir" -m fast stop || true' EXIT

psql -p "$port" -d postgres -X -At -c "SELECT now(), pg_is_in_recovery(), (SELECT count(*) FROM pg_database);"
psql -p "$port" -d postgres -X -At -c "SELECT datname, pg_size_pretty(pg_database_size(datname)) FROM pg_database WHERE NOT datistemplate;"

echo "restore test OK in $(( $(date +%s) - start ))s (target $target)"
