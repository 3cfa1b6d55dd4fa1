-- Top statements by total execution time (PG 13+ column names)
SELECT
  left(regexp_replace(query, '\s+', ' ', 'g'), 120)              AS query,
  calls,
  round(total_exec_time::numeric, 1)                              AS total_ms,
  round(mean_exec_time::numeric, 2)                               AS mean_ms,
  round((rows::numeric / NULLIF(calls, 0)), 1)                    AS rows_per_call,
  round(100.0 * shared_blks_hit / NULLIF(shared_blks_hit + shared_blks_read, 0), 1) AS hit_pct,
  queryid
FROM pg_stat_statements
WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
ORDER BY total_exec_time DESC
LIMIT 25;
