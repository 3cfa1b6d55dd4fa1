-- Run as the database owner (or a role with CREATEROLE). Replace the schema and
-- database names; choose the password yourself, e.g. with `openssl rand -base64 24`.
\set ro_role claude_ro
\set app_db app
\set app_schema public

CREATE ROLE :ro_role LOGIN PASSWORD :'ro_password'
  NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;

ALTER ROLE :ro_role SET default_transaction_read_only = on;
ALTER ROLE :ro_role SET statement_timeout = '15s';
ALTER ROLE :ro_role SET idle_in_transaction_session_timeout = '60s';
ALTER ROLE :ro_role CONNECTION LIMIT 3;

GRANT CONNECT ON DATABASE :app_db TO :ro_role;
GRANT USAGE ON SCHEMA :app_schema TO :ro_role;
GRANT SELECT ON ALL TABLES IN SCHEMA :app_schema TO :ro_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA :app_schema GRANT SELECT ON TABLES TO :ro_role;

-- Keep sensitive tables out of reach (adjust to your schema):
-- REVOKE SELECT ON :app_schema.user_credentials, :app_schema.api_keys FROM :ro_role;

-- Usage: psql "$OWNER_URL" -v ro_password="$(read -rs p; echo "$p")" -f readonly-role.sql
