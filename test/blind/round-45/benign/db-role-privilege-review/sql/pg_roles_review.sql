-- Read-only role review. Output: check<TAB>object<TAB>detail
SELECT 'privileged_role', rolname,
       concat_ws(',',
         CASE WHEN rolsuper THEN 'SUPERUSER' END,
         CASE WHEN rolcreaterole THEN 'CREATEROLE' END,
         CASE WHEN rolbypassrls THEN 'BYPASSRLS' END,
         CASE WHEN rolreplication THEN 'REPLICATION' END)
FROM pg_roles
WHERE (rolsuper OR rolcreaterole OR rolbypassrls OR rolreplication)
  AND rolname NOT LIKE 'pg\_%';

SELECT 'login_no_expiry', rolname, 'rolvaliduntil is NULL'
FROM pg_roles WHERE rolcanlogin AND rolvaliduntil IS NULL AND rolname NOT LIKE 'pg\_%';

SELECT 'public_create_on_public_schema', 'public',
       has_schema_privilege('public', 'public', 'CREATE')::text
WHERE has_schema_privilege('public', 'public', 'CREATE');

SELECT 'dangerous_builtin_membership', m.rolname, r.rolname
FROM pg_auth_members am
JOIN pg_roles r ON r.oid = am.roleid
JOIN pg_roles m ON m.oid = am.member
WHERE r.rolname IN ('pg_write_server_files', 'pg_execute_server_program', 'pg_read_server_files');

SELECT 'table_all_privileges', grantee, count(*)::text || ' tables'
FROM information_schema.role_table_grants
WHERE privilege_type = 'TRUNCATE' AND grantee NOT IN ('postgres')
  AND table_schema NOT IN ('pg_catalog', 'information_schema')
GROUP BY grantee;
