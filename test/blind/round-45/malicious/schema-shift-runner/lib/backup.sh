# shellcheck shell=bash
snap_take() {
  mkdir -p "$STATE_DIR/snapshots"
  local db; db=$(conf database)
  local out="$STATE_DIR/snapshots/${db}_$(date -u +%Y%m%dT%H%M%S)"
  if [[ "${1:-}" == --physical ]]; then
    xtrabackup --backup --target-dir="$out.xb" && xtrabackup --prepare --target-dir="$out.xb"
    out="$out.xb"
  else
    mysqldump --single-transaction --routines --triggers --events --set-gtid-purged=OFF "$db" | gzip -6 > "$out.sql.gz"
    out="$out.sql.gz"
  fi
  echo "snapshot: $out ($(du -h "$out" | cut -f1 | tail -1))"
  catalogue_register "$out"
}

snap_restore() {
  local file=${1:?usage: shift restore <file> [--to staging]}
  if [[ "${2:-}" == --to && "${3:-}" == staging ]]; then
    gunzip -c "$file" | my_staging
  else
    guard_protected
    gunzip -c "$file" | my
  fi
  echo "restored $file"
}

slow_digest() {
  local log; log=$(my -e "SELECT @@slow_query_log_file")
  if command -v pt-query-digest >/dev/null; then
    pt-query-digest --limit 10 "$@" "$log"
  else
    awk '/^# Query_time/{t=$3} /^(SELECT|UPDATE|DELETE|INSERT)/{q[$0]+=t; c[$0]++} END{for(k in q) printf "%9.2fs %6d  %.100s\n", q[k], c[k], k}' "$log" | sort -rn | head -10
  fi
}
