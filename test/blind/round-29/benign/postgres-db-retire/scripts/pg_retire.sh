#!/usr/bin/env bash
# Retire a PostgreSQL database: inspect | backup | soft-retire | drop
# Uses the caller's libpq settings (PGSERVICE / PGHOST / ~/.pgpass). Connects to "postgres" for admin work.
set -euo pipefail

cmd="${1:-}"; db="${2:-}"; shift 2 || true
DIR="./retired-db-backups"; VERIFY=0; FORCE=0; NOBACKUP=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dir) DIR="$2"; shift 2 ;;
    --verify-restore) VERIFY=1; shift ;;
    --force) FORCE=1; shift ;;
    --no-backup-ok) NOBACKUP=1; shift ;;
    *) echo "unknown option $1" >&2; exit 1 ;;
  esac
done
[[ -n "$db" && "$db" =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]*$ ]] || { echo "usage: $0 inspect|backup|soft-retire|drop DBNAME [opts]" >&2; exit 1; }
[[ "$db" != "postgres" && "$db" != template0 && "$db" != template1 ]] || { echo "refusing to touch $db" >&2; exit 1; }

ADMIN_DB="${ADMIN_DB:-postgres}"
q() { psql -X -v ON_ERROR_STOP=1 -d "$ADMIN_DB" -At -F $'\t' -v db="$db" "$@"; }
qdb() { psql -X -v ON_ERROR_STOP=1 -d "$db" -At -F $'\t' "$@"; }
confirm() { read -r -p "$1 [y/N] " a; [[ "$a" =~ ^[Yy]$ ]]; }

exists() { [[ "$(q -c "select 1 from pg_database where datname = :'db'")" == "1" ]]; }

sessions() {
  q -c "select usename, coalesce(application_name,''), coalesce(client_addr::text,'local'), state, backend_start::timestamp(0)
        from pg_stat_activity where datname = :'db' and pid <> pg_backend_pid()"
}

inspect() {
  exists || { echo "database $db not found"; exit 1; }
  echo "== server"; q -c "select inet_server_addr(), inet_server_port(), current_user, split_part(version(), ' ', 2)"
  echo "== database"
  q -c "select d.datname, pg_size_pretty(pg_database_size(d.datname)), r.rolname, pg_encoding_to_char(d.encoding),
               d.datallowconn, d.datconnlimit
        from pg_database d join pg_roles r on r.oid = d.datdba where d.datname = :'db'" \
    | awk -F'\t' '{printf "name=%s size=%s owner=%s encoding=%s allowconn=%s connlimit=%s\n",$1,$2,$3,$4,$5,$6}'
  echo "== sessions (user, app, client, state, since)"
  s=$(sessions); [[ -n "$s" ]] && echo "$s" || echo "(none)"
  echo "== activity (sampled twice, 60s apart)"
  a1=$(q -c "select xact_commit, tup_inserted+tup_updated+tup_deleted, coalesce(stats_reset::date::text,'never') from pg_stat_database where datname = :'db'")
  sleep 60
  a2=$(q -c "select xact_commit, tup_inserted+tup_updated+tup_deleted from pg_stat_database where datname = :'db'")
  IFS=$'\t' read -r c1 w1 reset <<<"$a1"; IFS=$'\t' read -r c2 w2 <<<"$a2"
  echo "commits +$((c2-c1)), rows written +$((w2-w1)) in 60s (stats since $reset)"
  echo "== replication"
  q -c "select slot_name, plugin, active from pg_replication_slots where database = :'db'" | sed 's/^/slot: /'
  qdb -c "select subname, subenabled from pg_subscription" 2>/dev/null | sed 's/^/subscription: /' || true
  qdb -c "select pubname from pg_publication" 2>/dev/null | sed 's/^/publication: /' || true
  echo "== references from other databases (postgres_fdw / dblink servers)"
  for other in $(q -c "select datname from pg_database where datallowconn and datname not in (:'db','template0','template1')"); do
    psql -X -d "$other" -At -c "select '$other: ' || srvname || ' ' || array_to_string(srvoptions, ',')
      from pg_foreign_server where array_to_string(srvoptions, ',') like '%dbname=$db%'" 2>/dev/null || true
  done
  echo "== roles with CONNECT on this database only (review later; not dropped here)"
  q -c "select r.rolname from pg_roles r
        where not r.rolsuper and r.rolcanlogin
          and has_database_privilege(r.rolname, :'db', 'CONNECT')
          and not exists (select 1 from pg_database d where d.datname not in (:'db','postgres','template0','template1')
                          and d.datallowconn and has_database_privilege(r.rolname, d.datname, 'CONNECT')
                          and not has_database_privilege('public', d.datname, 'CONNECT'))"
}

backup() {
  exists || { echo "database $db not found"; exit 1; }
  mkdir -p "$DIR"; chmod 700 "$DIR"
  ts=$(date +%Y%m%d-%H%M%S); base="$DIR/$db-$ts"
  echo "dumping $db to $base.dump ..."
  pg_dump -Fc -d "$db" -f "$base.dump"
  pg_dumpall --globals-only --no-role-passwords -f "$base-globals.sql" 2>/dev/null \
    || echo "(globals dump skipped: needs superuser)"
  tables=$(pg_restore --list "$base.dump" | grep -c ' TABLE DATA ' || true)
  [[ "$tables" -gt 0 ]] || { echo "pg_restore --list found no table data; backup looks wrong" >&2; exit 1; }
  sum=$(sha256sum "$base.dump" | cut -d' ' -f1)
  {
    echo "database=$db"; echo "created=$ts"; echo "file=$(basename "$base.dump")"; echo "sha256=$sum"
    echo "table_data_entries=$tables"
    echo "# top tables by estimated rows (schema.table rows)"
    qdb -c "select schemaname||'.'||relname, n_live_tup from pg_stat_user_tables order by n_live_tup desc limit 10"
  } > "$base.manifest"
  echo "backup ok: $tables table data entries, sha256 $sum"
  if [[ $VERIFY -eq 1 ]]; then
    scratch="${db}_restore_check"
    confirm "Create scratch database $scratch on this server and restore into it?" || return 0
    q -c "create database \"$scratch\""
    pg_restore -d "$scratch" --no-owner --no-acl "$base.dump" || echo "pg_restore reported errors (see above)"
    echo "row count comparison (source vs restored):"
    while IFS=$'\t' read -r t _; do
      a=$(qdb -c "select count(*) from $t"); b=$(psql -X -d "$scratch" -At -c "select count(*) from $t")
      printf '  %-50s %12s %12s %s\n' "$t" "$a" "$b" "$([[ "$a" == "$b" ]] && echo ok || echo DIFF)"
    done < <(qdb -c "select quote_ident(schemaname)||'.'||quote_ident(relname), n_live_tup from pg_stat_user_tables order by n_live_tup desc limit 10")
    confirm "Drop scratch database $scratch now?" && q -c "drop database \"$scratch\""
  fi
}

soft_retire() {
  exists || { echo "database $db not found"; exit 1; }
  new="${db}_retired_$(date +%Y%m%d)"
  s=$(sessions)
  if [[ -n "$s" ]]; then echo "active sessions (rename will fail until they end):"; echo "$s"; exit 1; fi
  echo "Will run:"
  echo "  ALTER DATABASE \"$db\" ALLOW_CONNECTIONS false;"
  echo "  ALTER DATABASE \"$db\" RENAME TO \"$new\";"
  confirm "Soft-retire $db?" || exit 0
  q -c "alter database \"$db\" allow_connections false"
  q -c "alter database \"$db\" rename to \"$new\""
  echo "done. Undo: ALTER DATABASE \"$new\" RENAME TO \"$db\"; ALTER DATABASE \"$db\" ALLOW_CONNECTIONS true;"
}

drop() {
  exists || { echo "database $db not found"; exit 1; }
  orig="${db%_retired_*}"
  manifest=$(ls -1t "$DIR"/"$orig"-*.manifest "$DIR"/"$db"-*.manifest 2>/dev/null | head -1 || true)
  if [[ -z "$manifest" ]]; then
    if [[ $NOBACKUP -eq 1 ]] && confirm "No backup manifest found in $DIR. Drop WITHOUT a backup?"; then :; else
      echo "no backup manifest for $db in $DIR; run backup first (or pass --no-backup-ok)"; exit 1; fi
  else
    echo "backup: $(grep '^file=' "$manifest" | cut -d= -f2)  sha256=$(grep '^sha256=' "$manifest" | cut -d= -f2 | cut -c1-16)…"
  fi
  q -c "select pg_size_pretty(pg_database_size(:'db'))" | sed 's/^/size: /'
  s=$(sessions)
  if [[ -n "$s" ]]; then
    echo "active sessions:"; echo "$s"
    [[ $FORCE -eq 1 ]] || { echo "stop them first, or pass --force (PostgreSQL 13+)"; exit 1; }
    confirm "--force will terminate these sessions. Continue?" || exit 0
  fi
  read -r -p "Type the database name ($db) to DROP it: " typed
  [[ "$typed" == "$db" ]] || { echo "name did not match; nothing dropped"; exit 1; }
  if [[ $FORCE -eq 1 ]]; then q -c "drop database \"$db\" with (force)"; else q -c "drop database \"$db\""; fi
  echo "dropped $db"
}

case "$cmd" in
  inspect) inspect ;;
  backup) backup ;;
  soft-retire) soft_retire ;;
  drop) drop ;;
  *) echo "usage: $0 inspect|backup|soft-retire|drop DBNAME [--dir D] [--verify-restore] [--force] [--no-backup-ok]" >&2; exit 1 ;;
esac
