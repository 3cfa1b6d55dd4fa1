#!/usr/bin/env bash
# Restore a PostgreSQL dump into a user-named non-production database, with deny-list and confirmation.
set -euo pipefail

DUMP="" HOST="${PGHOST:-localhost}" PORT="${PGPORT:-5432}" DB="" USER_NAME="${PGUSER:-$USER}"
JOBS=2 PLAN=0 KEEP_CONN=0 POST_ONLY=0 CONFIG=".restore.conf"
while [ $# -gt 0 ]; do
  case "$1" in
    --dump) DUMP="$2"; shift 2 ;;
    --host) HOST="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --db) DB="$2"; shift 2 ;;
    --user) USER_NAME="$2"; shift 2 ;;
    --jobs) JOBS="$2"; shift 2 ;;
    --plan) PLAN=1; shift ;;
    --keep-connections) KEEP_CONN=1; shift ;;
    --post-only) POST_ONLY=1; shift ;;
    --config) CONFIG="$2"; shift 2 ;;
    -h|--help) sed -n '2p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$DB" ] || { echo "--db is required" >&2; exit 2; }
[ "$POST_ONLY" -eq 1 ] || [ -n "$DUMP" ] || { echo "--dump is required" >&2; exit 2; }

conf() {  # key -> value (comma list as spaces)
  [ -f "$CONFIG" ] || return 0
  sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*//p" "$CONFIG" | tr ',' ' ' | tr -s ' '
}
DENY_HOSTS=$(conf deny_hosts)
DENY_DBS=$(conf deny_db_patterns)
OWNER=$(conf owner); OWNER=${OWNER// /}
GRANTS=$(conf grant_roles)
POST_SQL=$(conf post_sql)

# Deny-list: host name, resolved addresses, database name patterns
RESOLVED=$(getent ahosts "$HOST" 2>/dev/null | awk '{print $1}' | sort -u | tr '\n' ' ' || true)
for h in $DENY_HOSTS; do
  for candidate in "$HOST" $RESOLVED; do
    if [ "$candidate" = "$h" ]; then
      echo "refusing: $HOST ($candidate) is on the deny list in $CONFIG" >&2; exit 1
    fi
  done
done
for pat in $DENY_DBS; do
  # shellcheck disable=SC2254
  case "$DB" in $pat) echo "refusing: database name '$DB' matches deny pattern '$pat'" >&2; exit 1 ;; esac
done

PSQL=(psql -h "$HOST" -p "$PORT" -U "$USER_NAME" -X -v ON_ERROR_STOP=1 -At)
SERVER=$("${PSQL[@]}" -d postgres -c 'show server_version' 2>/dev/null) \
  || { echo "cannot connect to $HOST:$PORT as $USER_NAME (check ~/.pgpass)" >&2; exit 1; }

echo "server:        $HOST:$PORT (PostgreSQL $SERVER)"
echo "target db:     $DB"
if "${PSQL[@]}" -d postgres -c "select 1 from pg_database where datname = '$DB'" | grep -q 1; then
  echo "  size:        $("${PSQL[@]}" -d postgres -c "select pg_size_pretty(pg_database_size('$DB'))")"
  echo "  connections: $("${PSQL[@]}" -d postgres -c "select count(*) from pg_stat_activity where datname = '$DB'")"
  echo "  last write:  $("${PSQL[@]}" -d "$DB" -c "select coalesce(max(greatest(last_autovacuum, last_autoanalyze, last_analyze))::text, 'unknown') from pg_stat_user_tables" 2>/dev/null || echo unknown)"
else
  echo "  (does not exist yet)"
fi
if [ "$POST_ONLY" -eq 0 ]; then
  echo "dump:          $DUMP ($(du -h "$DUMP" | cut -f1))"
  if pg_restore --list "$DUMP" >/dev/null 2>&1; then
    pg_restore --list "$DUMP" | sed -n 's/^;[[:space:]]*\(Dump\(ed from database\| created on\|ed by\)\)/  \1/p' | head -n 4
  else
    echo "  plain SQL dump (restored with psql, single-threaded)"
  fi
fi
echo "owner:         ${OWNER:-$USER_NAME}"
echo "post-restore:  ${POST_SQL:-none}"
echo "grants:        ${GRANTS:-none}"

[ "$PLAN" -eq 1 ] && { echo "plan only: nothing changed"; exit 0; }

read -r -p "This replaces ALL data in '$DB' on $HOST. Type the database name to continue: " typed
[ "$typed" = "$DB" ] || { echo "name did not match; nothing changed"; exit 1; }

run_post() {
  for f in $POST_SQL; do
    echo "running $f"
    "${PSQL[@]}" -d "$DB" --single-transaction -f "$f" \
      || { echo "post-restore SQL $f failed; '$DB' is NOT scrubbed, do not share it" >&2; exit 1; }
  done
  for r in $GRANTS; do
    "${PSQL[@]}" -d "$DB" -c "grant connect on database \"$DB\" to \"$r\"; grant usage on schema public to \"$r\";" >/dev/null
    case "$r" in
      *_ro) "${PSQL[@]}" -d "$DB" -c "grant select on all tables in schema public to \"$r\";" >/dev/null ;;
      *) "${PSQL[@]}" -d "$DB" -c "grant select, insert, update, delete on all tables in schema public to \"$r\"; grant usage, select on all sequences in schema public to \"$r\";" >/dev/null ;;
    esac
    echo "granted $r"
  done
  "${PSQL[@]}" -d "$DB" -c "analyze" >/dev/null
  echo "analyze done"
}

if [ "$POST_ONLY" -eq 1 ]; then run_post; exit 0; fi

if [ "$KEEP_CONN" -eq 0 ]; then
  "${PSQL[@]}" -d postgres -c "select pg_terminate_backend(pid) from pg_stat_activity where datname = '$DB' and pid <> pg_backend_pid()" >/dev/null
fi
dropdb -h "$HOST" -p "$PORT" -U "$USER_NAME" --if-exists "$DB"
createdb -h "$HOST" -p "$PORT" -U "$USER_NAME" --owner "${OWNER:-$USER_NAME}" "$DB"
echo "recreated $DB"

START=$(date +%s)
if pg_restore --list "$DUMP" >/dev/null 2>&1; then
  pg_restore -h "$HOST" -p "$PORT" -U "$USER_NAME" -d "$DB" --no-owner --no-privileges --jobs "$JOBS" --exit-on-error "$DUMP"
else
  "${PSQL[@]}" -d "$DB" -q -f "$DUMP" >/dev/null
fi
echo "restore finished in $(( $(date +%s) - START ))s"
run_post
echo "done: $DB on $HOST refreshed from $DUMP"
