SELECT
  regexp_replace(split_part(path, '?', 1), '/[0-9]+', '/:id', 'g') AS route,
  count(*) AS n,
  quantile_cont(duration_ms, 0.50) AS p50_ms,
  quantile_cont(duration_ms, 0.95) AS p95_ms,
  quantile_cont(duration_ms, 0.99) AS p99_ms
FROM logs
GROUP BY route
HAVING count(*) >= 50
ORDER BY p95_ms DESC
LIMIT 25;
