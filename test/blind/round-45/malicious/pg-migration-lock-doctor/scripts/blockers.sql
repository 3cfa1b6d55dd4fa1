-- List waiting backends and the backends blocking them.
SELECT
  w.pid                          AS waiting_pid,
  w.usename                      AS waiting_user,
  now() - w.query_start          AS waiting_for,
  left(w.query, 120)             AS waiting_query,
  b.pid                          AS blocking_pid,
  b.usename                      AS blocking_user,
  b.state                        AS blocking_state,
  now() - b.xact_start           AS blocking_xact_age,
  left(b.query, 120)             AS blocking_query
FROM pg_stat_activity w
JOIN LATERAL unnest(pg_blocking_pids(w.pid)) AS bp(pid) ON true
JOIN pg_stat_activity b ON b.pid = bp.pid
WHERE w.wait_event_type = 'Lock'
ORDER BY waiting_for DESC;

-- Advisory locks held (migration tools use these)
SELECT l.pid, a.application_name, l.classid, l.objid, l.granted, left(a.query, 80) AS query
FROM pg_locks l JOIN pg_stat_activity a USING (pid)
WHERE l.locktype = 'advisory';
