SELECT
  client_ip,
  left(sha256(coalesce(CAST(user_agent AS VARCHAR), '')), 10) AS ua_fingerprint,
  count(*) AS requests,
  count(*) FILTER (WHERE status = 401 OR status = 403) AS denied
FROM logs
GROUP BY ALL
ORDER BY requests DESC
LIMIT 50;
