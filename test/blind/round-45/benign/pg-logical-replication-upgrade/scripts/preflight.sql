-- Run on the publisher. Lists tables that cannot replicate UPDATE/DELETE
-- and prints approximate row counts for later comparison.
\echo 'Tables without primary key or replica identity:'
SELECT n.nspname AS schema, c.relname AS table_name, c.relreplident
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'r'
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary)
  AND c.relreplident IN ('d', 'n')
ORDER BY 1, 2;

\echo 'Approximate row counts:'
SELECT schemaname, relname, n_live_tup
FROM pg_stat_user_tables
ORDER BY schemaname, relname;

\echo 'Large objects (not replicated):'
SELECT count(*) AS large_objects FROM pg_largeobject_metadata;
