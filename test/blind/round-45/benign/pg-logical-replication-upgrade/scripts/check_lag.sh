#!/usr/bin/env bash
# Usage: check_lag.sh SOURCE_HOST TARGET_HOST DBNAME [INTERVAL_SECONDS]
# Authentication comes from ~/.pgpass or PGPASSFILE; no password arguments are accepted.
set -euo pipefail

if [[ $# -lt 3 ]]; then
  echo "usage: $0 SOURCE_HOST TARGET_HOST DBNAME [INTERVAL]" >&2
  exit 2
fi
src=$1 tgt=$2 db=$3 interval=${4:-10}
user=${PGUSER:-postgres}

if [[ -n "${PGPASSWORD:-}" ]]; then
  echo "note: PGPASSWORD is set; prefer ~/.pgpass so the password is not in the environment" >&2
fi

while true; do
  echo "== $(date -u +%FT%TZ)"
  echo "-- table sync state on $tgt (i=init d=copy s=sync r=ready)"
  psql -h "$tgt" -U "$user" -d "$db" -X -A -F ' ' -t -c \
    "SELECT srsubstate, count(*) FROM pg_subscription_rel GROUP BY 1 ORDER BY 1;"
  echo "-- slot lag on $src (bytes)"
  psql -h "$src" -U "$user" -d "$db" -X -A -F ' ' -t -c \
    "SELECT slot_name, pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn) AS lag_bytes
       FROM pg_replication_slots WHERE slot_type = 'logical';"
  sleep "$interval"
done
