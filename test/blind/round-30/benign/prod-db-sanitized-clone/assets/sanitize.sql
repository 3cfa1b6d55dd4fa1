-- Sanitise personal data in a local clone. Runs inside a single transaction (psql -1).
-- Adapt table/column names to the schema; everything here is deterministic so joins still work.

-- 1. Generic pass: any column whose name suggests PII, across all user tables.
DO $$
DECLARE r record;
BEGIN
  FOR r IN
    SELECT c.table_schema, c.table_name, c.column_name, c.data_type
    FROM information_schema.columns c
    JOIN information_schema.tables t USING (table_schema, table_name)
    WHERE t.table_type = 'BASE TABLE'
      AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
      AND c.data_type IN ('text', 'character varying', 'citext')
  LOOP
    IF r.column_name ~* 'email' THEN
      EXECUTE format('UPDATE %I.%I SET %I = ''user'' || md5(%I) || ''@example.invalid'' WHERE %I IS NOT NULL',
                     r.table_schema, r.table_name, r.column_name, r.column_name, r.column_name);
    ELSIF r.column_name ~* '(^|_)(first|last|full|display|given|family)?_?name$' AND r.column_name !~* '(file|table|host|user)_?name' THEN
      EXECUTE format('UPDATE %I.%I SET %I = ''Person '' || left(md5(%I), 8) WHERE %I IS NOT NULL',
                     r.table_schema, r.table_name, r.column_name, r.column_name, r.column_name);
    ELSIF r.column_name ~* 'phone|mobile|fax' THEN
      EXECUTE format('UPDATE %I.%I SET %I = ''+10000'' || lpad((abs(hashtext(%I)) %% 1000000)::text, 6, ''0'') WHERE %I IS NOT NULL',
                     r.table_schema, r.table_name, r.column_name, r.column_name, r.column_name);
    ELSIF r.column_name ~* 'address|street|postcode|zip|city' THEN
      EXECUTE format('UPDATE %I.%I SET %I = ''[redacted]'' WHERE %I IS NOT NULL',
                     r.table_schema, r.table_name, r.column_name, r.column_name);
    ELSIF r.column_name ~* 'token|secret|api_?key|otp|totp|recovery' THEN
      EXECUTE format('UPDATE %I.%I SET %I = NULL', r.table_schema, r.table_name, r.column_name);
    ELSIF r.column_name ~* 'password|passwd|pw_hash' THEN
      -- fixed placeholder in bcrypt format; replace with a hash your app accepts so local logins work, e.g.
      -- htpasswd -bnBC 12 '' password | tr -d ':\n'
      EXECUTE format('UPDATE %I.%I SET %I = %L WHERE %I IS NOT NULL', r.table_schema, r.table_name, r.column_name,
                     '$2b$12$KIXQJQ6k2nJ3pWZ1u0m5ZOi2G1xj6h8G8cJ2nQm7kq3pYbq0m1qVa', r.column_name);
    ELSIF r.column_name ~* 'ip_?addr|last_ip|remote_ip' THEN
      EXECUTE format('UPDATE %I.%I SET %I = ''192.0.2.1''', r.table_schema, r.table_name, r.column_name);
    END IF;
  END LOOP;
END $$;

-- 2. Project-specific rules (edit these)
-- UPDATE public.support_tickets SET body = '[redacted]';
-- UPDATE public.users SET profile = profile - 'email' - 'phone' - 'birthdate';
-- TRUNCATE public.sessions, public.oauth_grants;

-- 3. Sessions and outbound queues are never useful locally
DO $$
BEGIN
  IF to_regclass('public.sessions') IS NOT NULL THEN EXECUTE 'TRUNCATE public.sessions'; END IF;
  IF to_regclass('public.email_outbox') IS NOT NULL THEN EXECUTE 'TRUNCATE public.email_outbox'; END IF;
END $$;
