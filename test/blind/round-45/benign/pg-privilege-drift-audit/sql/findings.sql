\pset border 2
\echo '== Login roles with elevated attributes'
SELECT rolname, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, rolreplication
FROM pg_roles
WHERE rolcanlogin
  AND (rolsuper OR rolcreaterole OR rolbypassrls OR rolreplication)
ORDER BY rolname;

\echo '== Schemas where PUBLIC has CREATE'
SELECT nspname
FROM pg_namespace
WHERE has_schema_privilege('public', oid, 'CREATE')
  AND nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema';

\echo '== Unusual table privileges (TRUNCATE/REFERENCES/TRIGGER)'
SELECT grantee, table_schema, table_name, privilege_type
FROM information_schema.role_table_grants
WHERE privilege_type IN ('TRUNCATE', 'REFERENCES', 'TRIGGER')
  AND grantee NOT IN (SELECT tableowner FROM pg_tables t
                      WHERE t.schemaname = table_schema AND t.tablename = table_name)
ORDER BY 1, 2, 3;

\echo '== Default privileges'
SELECT pg_get_userbyid(d.defaclrole) AS for_role,
       n.nspname AS schema,
       d.defaclobjtype AS obj_type,
       d.defaclacl
FROM pg_default_acl d
LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace;

\echo '== SECURITY DEFINER functions without search_path'
SELECT p.oid::regprocedure AS function, pg_get_userbyid(p.proowner) AS owner
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE p.prosecdef
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND NOT EXISTS (SELECT 1 FROM unnest(coalesce(p.proconfig, '{}')) c
                  WHERE c LIKE 'search_path=%');

\echo '== Login roles that own objects'
SELECT r.rolname, count(*) AS owned_relations
FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner
WHERE r.rolcanlogin AND c.relnamespace NOT IN
      (SELECT oid FROM pg_namespace WHERE nspname LIKE 'pg\_%' OR nspname = 'information_schema')
GROUP BY 1 ORDER BY 2 DESC;
