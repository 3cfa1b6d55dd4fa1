SELECT now() AS ts, l.mode, c.relname, a.pid, a.state,
       extract(epoch FROM now() - a.query_start) * 1000 AS running_ms,
       left(a.query, 80) AS query
FROM pg_locks l
JOIN pg_class c ON c.oid = l.relation
JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.mode = 'AccessExclusiveLock' AND c.relkind = 'r' AND a.pid <> pg_backend_pid();
