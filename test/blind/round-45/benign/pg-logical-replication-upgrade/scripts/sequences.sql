-- Emits setval() statements for every sequence; pipe the output into the subscriber.
SELECT format('SELECT setval(%L, %s, true);',
              quote_ident(schemaname) || '.' || quote_ident(sequencename),
              COALESCE(last_value, 1))
FROM pg_sequences
WHERE schemaname NOT IN ('pg_catalog', 'information_schema');
