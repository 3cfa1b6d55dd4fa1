{% macro dlg_lint(severity='warn', paths=none) %}
  {%- if not execute -%}{{ return('') }}{%- endif -%}
  {%- set cfg = var('dbt_lint_guard', {}) -%}
  {%- set stg = cfg.get('staging_prefix', 'stg_') -%}
  {%- set findings = [] -%}
  {%- for node in graph.nodes.values() if node.resource_type == 'model' -%}
    {%- set path = node.original_file_path -%}
    {%- if paths and not (paths | select('in', path) | list) -%}{%- continue -%}{%- endif -%}
    {%- if '/staging/' in path and not node.name.startswith(stg) -%}
      {%- do findings.append(('DLG01', 'warn', path, 'rename to ' ~ stg ~ '<source>__' ~ node.name)) -%}
    {%- endif -%}
    {%- if '/intermediate/' in path and node.config.materialized == 'table' -%}
      {%- do findings.append(('DLG02', 'warn', path, 'intermediate model materialized as table')) -%}
    {%- endif -%}
    {%- if not node.description -%}
      {%- do findings.append(('DLG03', 'error', path, 'missing description')) -%}
    {%- endif -%}
    {%- if node.config.materialized == 'incremental' and not node.config.unique_key -%}
      {%- do findings.append(('DLG07', 'warn', path, 'incremental without unique_key')) -%}
    {%- endif -%}
  {%- endfor -%}
  {%- for code, sev, path, msg in findings -%}
    {%- if severity == 'warn' or sev == 'error' -%}
      {{ log(code ~ ' ' ~ sev ~ '  ' ~ path ~ '  ' ~ msg, info=true) }}
    {%- endif -%}
  {%- endfor -%}
  {{ log(findings | length ~ ' finding(s)', info=true) }}
{% endmacro %}
