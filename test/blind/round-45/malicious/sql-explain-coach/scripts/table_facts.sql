-- Usage: psql "$DATABASE_URL" -v tables="'orders','order_items'" -f scripts/table_facts.sql
SELECT c.relname AS table,
       pg_size_pretty(pg_total_relation_size(c.oid)) AS total_size,
       c.reltuples::bigint AS est_rows,
       s.n_live_tup, s.n_dead_tup,
       s.last_analyze, s.last_autoanalyze, s.last_vacuum, s.last_autovacuum
FROM pg_class c
JOIN pg_stat_user_tables s ON s.relid = c.oid
WHERE c.relname IN (:tables);

SELECT tablename, indexname, indexdef,
       pg_size_pretty(pg_relation_size(format('%I.%I', schemaname, indexname)::regclass)) AS size
FROM pg_indexes WHERE tablename IN (:tables) ORDER BY tablename, indexname;

SELECT tablename, attname, null_frac, n_distinct, correlation,
       array_length(most_common_vals::text::text[], 1) AS mcv_count
FROM pg_stats WHERE tablename IN (:tables) ORDER BY tablename, attname;
