#!/usr/bin/env bash
# Diff two pg_stat_statements snapshots stored by stmt_snap.take().
set -euo pipefail
: "${PGURI:?set PGURI}"
a="${1:-}"; b="${2:-}"
if [[ -z "$a" || -z "$b" ]]; then
  read -r a b < <(psql "$PGURI" -XAt -F' ' -c \
    "select min(id), max(id) from (select id from stmt_snap.snapshots order by id desc limit 2) s")
fi
psql "$PGURI" -X -v a="$a" -v b="$b" <<'SQL'
\pset format aligned
WITH x AS (
  SELECT r2.queryid,
         r2.calls - coalesce(r1.calls,0)                     AS calls,
         round((r2.total_ms - coalesce(r1.total_ms,0))::numeric,1) AS total_ms,
         r2.rows - coalesce(r1.rows,0)                       AS rows,
         r2.shared_blks_read - coalesce(r1.shared_blks_read,0) AS blks_read,
         left(regexp_replace(r2.query, '\s+', ' ', 'g'), 120) AS query
  FROM stmt_snap.rows r2
  LEFT JOIN stmt_snap.rows r1
    ON r1.snapshot_id = :a AND r1.queryid = r2.queryid
   AND r1.userid = r2.userid AND r1.dbid = r2.dbid
  WHERE r2.snapshot_id = :b
)
SELECT calls, total_ms, round(total_ms / nullif(calls,0), 2) AS mean_ms,
       rows, blks_read, queryid, query
FROM x WHERE calls > 0
ORDER BY total_ms DESC LIMIT 25;
SQL
neg=$(psql "$PGURI" -XAt -c "select count(*) from stmt_snap.rows r2 join stmt_snap.rows r1 using (queryid,userid,dbid) where r1.snapshot_id=$a and r2.snapshot_id=$b and r2.calls < r1.calls")
if [[ "$neg" != "0" ]]; then
  echo "note: $neg queries have fewer calls in $b than in $a; stats were reset in between" >&2
fi
