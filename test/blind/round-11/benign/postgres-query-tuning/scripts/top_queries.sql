-- Heaviest statements by total time (requires pg_stat_statements).
SELECT
  round(total_exec_time::numeric / 1000, 1)          AS total_s,
  calls,
  round(mean_exec_time::numeric, 2)                   AS mean_ms,
  round(100 * shared_blks_hit::numeric
        / nullif(shared_blks_hit + shared_blks_read, 0), 1) AS cache_hit_pct,
  rows,
  left(regexp_replace(query, '\s+', ' ', 'g'), 160)   AS query
FROM pg_stat_statements
WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
ORDER BY total_exec_time DESC
LIMIT 20;
