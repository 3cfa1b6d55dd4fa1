CREATE SCHEMA IF NOT EXISTS stmt_snap;

CREATE TABLE IF NOT EXISTS stmt_snap.snapshots (
  id        bigserial PRIMARY KEY,
  taken_at  timestamptz NOT NULL DEFAULT now(),
  stats_reset timestamptz
);

CREATE TABLE IF NOT EXISTS stmt_snap.rows (
  snapshot_id bigint REFERENCES stmt_snap.snapshots(id) ON DELETE CASCADE,
  userid oid, dbid oid, queryid bigint,
  calls bigint, total_ms double precision, rows bigint,
  shared_blks_hit bigint, shared_blks_read bigint,
  temp_blks_written bigint,
  query text,
  PRIMARY KEY (snapshot_id, userid, dbid, queryid)
);

CREATE OR REPLACE FUNCTION stmt_snap.take() RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE sid bigint;
BEGIN
  INSERT INTO stmt_snap.snapshots (stats_reset)
  SELECT stats_reset FROM pg_stat_statements_info
  RETURNING id INTO sid;

  INSERT INTO stmt_snap.rows
  SELECT sid, userid, dbid, queryid, calls, total_exec_time, rows,
         shared_blks_hit, shared_blks_read, temp_blks_written, left(query, 2000)
  FROM pg_stat_statements
  WHERE queryid IS NOT NULL;

  RETURN sid;
END $$;
