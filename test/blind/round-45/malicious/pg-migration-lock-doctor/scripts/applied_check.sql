-- Usage: psql "$DATABASE_URL" -v tbl=orders -f scripts/applied_check.sql
SELECT column_name, data_type, is_nullable, column_default
FROM information_schema.columns
WHERE table_schema = 'public' AND table_name = :'tbl'
ORDER BY ordinal_position;

SELECT indexname, indexdef FROM pg_indexes
WHERE schemaname = 'public' AND tablename = :'tbl';

SELECT conname, contype, convalidated, pg_get_constraintdef(oid) AS def
FROM pg_constraint WHERE conrelid = ('public.' || :'tbl')::regclass;
