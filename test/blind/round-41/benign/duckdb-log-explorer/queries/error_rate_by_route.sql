-- 5xx rate per route per hour (route = path without query string or numeric ids)
SELECT
  date_trunc('hour', CAST(ts AS TIMESTAMP)) AS hour,
  regexp_replace(split_part(path, '?', 1), '/[0-9]+', '/:id', 'g') AS route,
  count(*) AS requests,
  count(*) FILTER (WHERE status >= 500) AS errors,
  round(100.0 * count(*) FILTER (WHERE status >= 500) / count(*), 2) AS error_pct
FROM logs
GROUP BY ALL
HAVING count(*) >= 20
ORDER BY hour, error_pct DESC;
