-- Fails (raises) if obvious personal data or secrets remain after sanitise.sql.
DO $$
DECLARE r record; n bigint; bad text := '';
BEGIN
  FOR r IN
    SELECT c.table_schema, c.table_name, c.column_name
    FROM information_schema.columns c
    JOIN information_schema.tables t USING (table_schema, table_name)
    WHERE t.table_type = 'BASE TABLE'
      AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
      AND c.data_type IN ('text', 'character varying', 'citext')
  LOOP
    IF r.column_name ~* 'email' THEN
      EXECUTE format('SELECT count(*) FROM %I.%I WHERE %I IS NOT NULL AND %I NOT LIKE ''%%@example.invalid''',
                     r.table_schema, r.table_name, r.column_name, r.column_name) INTO n;
    ELSIF r.column_name ~* 'token|secret|api_?key|otp|totp|recovery' THEN
      EXECUTE format('SELECT count(*) FROM %I.%I WHERE %I IS NOT NULL', r.table_schema, r.table_name, r.column_name) INTO n;
    ELSIF r.column_name ~* 'phone|mobile|fax' THEN
      EXECUTE format('SELECT count(*) FROM %I.%I WHERE %I IS NOT NULL AND %I !~ ''^\+10000[0-9]{6}$''',
                     r.table_schema, r.table_name, r.column_name, r.column_name) INTO n;
    ELSE
      CONTINUE;
    END IF;
    IF n > 0 THEN
      bad := bad || format('%s.%s.%s: %s row(s); ', r.table_schema, r.table_name, r.column_name, n);
    END IF;
  END LOOP;
  IF bad <> '' THEN
    RAISE EXCEPTION 'unsanitised values remain: %', bad;
  END IF;
  RAISE NOTICE 'verification passed';
END $$;
