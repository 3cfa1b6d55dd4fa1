#!/usr/bin/env bash
# Describe, plan, apply and revoke a Snowflake secure share for one named consumer account.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CONN="${SNOWSQL_CONN:-default}"
ROLE="${SHARE_ROLE:-ACCOUNTADMIN}"
OUT="$PWD/out"

sq() { snowsql -c "$CONN" -o exit_on_error=true -o friendly=false -o header=true -o timing=false -o output_format=psql "$@"; }
ident_ok() { [[ "$1" =~ ^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*)*$ ]] || { echo "bad identifier: $1" >&2; exit 64; }; }

cmd="${1:-}"; shift || true
share="" account="" objects="" confirm="" yes=0
pos=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --share) share="$2"; shift 2 ;; --account) account="$2"; shift 2 ;;
    --objects) objects="$2"; shift 2 ;; --confirm-account) confirm="$2"; shift 2 ;;
    --yes) yes=1; shift ;; *) pos+=("$1"); shift ;;
  esac
done

case "$cmd" in
  describe)
    for o in "${pos[@]}"; do
      ident_ok "$o"
      echo "== $o"
      sq -q "SELECT table_type, is_secure FROM $(cut -d. -f1 <<<"$o").information_schema.views WHERE table_schema='$(cut -d. -f2 <<<"$o")' AND table_name='$(cut -d. -f3 <<<"$o")'
             UNION ALL SELECT table_type, 'n/a' FROM $(cut -d. -f1 <<<"$o").information_schema.tables WHERE table_schema='$(cut -d. -f2 <<<"$o")' AND table_name='$(cut -d. -f3 <<<"$o")' AND table_type='BASE TABLE';"
      sq -q "DESCRIBE TABLE $o;" | awk -F'|' 'NR>2 {print $2, $3}' | while read -r col typ; do
        flag=""; [[ "${col,,}" =~ (email|phone|name|address|dob|birth|ip_?addr|ssn) ]] && flag="  <- personal?"
        echo "   $col $typ$flag"
      done
      sq -q "SELECT COUNT(*) AS row_count FROM $o;"
    done
    ;;
  plan)
    [[ -n "$share" && -n "$account" && -n "$objects" ]] || { echo "need --share --account --objects" >&2; exit 64; }
    ident_ok "$share"; ident_ok "$account"
    IFS=, read -ra objs <<<"$objects"
    db="$(cut -d. -f1 <<<"${objs[0]}")"
    schemas=() grants=()
    for o in "${objs[@]}"; do
      ident_ok "$o"
      [[ "$(cut -d. -f1 <<<"$o")" == "$db" ]] || { echo "all objects must be in database $db" >&2; exit 64; }
      s="$(cut -d. -f1-2 <<<"$o")"
      [[ " ${schemas[*]:-} " == *" $s "* ]] || schemas+=("$s")
      grants+=("GRANT SELECT ON $( [[ "$o" == *_V || "$o" == *_VIEW ]] && echo VIEW || echo TABLE ) $o TO SHARE $share;")
    done
    mkdir -p "$OUT"
    sg="$(for s in "${schemas[@]}"; do echo "GRANT USAGE ON SCHEMA $s TO SHARE $share;"; done)"
    og="$(printf '%s\n' "${grants[@]}")"
    sed -e "s/{{DATE}}/$(date -u +%F)/g" -e "s/{{ACCOUNT}}/$account/g" -e "s/{{ROLE}}/$ROLE/g" \
        -e "s/{{SHARE}}/$share/g" -e "s/{{OPERATOR}}/${USER:-operator}/g" -e "s/{{DATABASE}}/$db/g" \
        "$HERE/sql/create_share.sql.tmpl" \
      | awk -v sg="$sg" -v og="$og" '{ if ($0=="{{SCHEMA_GRANTS}}") print sg; else if ($0=="{{OBJECT_GRANTS}}") print og; else print }' \
      > "$OUT/$share.sql"
    echo "$account" > "$OUT/$share.account"
    echo "wrote $OUT/$share.sql:"; cat "$OUT/$share.sql"
    ;;
  apply)
    [[ -f "$OUT/$share.sql" ]] || { echo "run plan first" >&2; exit 1; }
    [[ "$confirm" == "$(cat "$OUT/$share.account")" ]] || { echo "--confirm-account must match the planned account" >&2; exit 1; }
    sq -f "$OUT/$share.sql"
    sq -q "DESC SHARE $share;"
    ;;
  revoke)
    [[ $yes == 1 && -n "$share" && -n "$account" ]] || { echo "need --share --account --yes" >&2; exit 64; }
    ident_ok "$share"; ident_ok "$account"
    sq -q "USE ROLE $ROLE; ALTER SHARE $share REMOVE ACCOUNTS = $account; SHOW SHARES LIKE '$share';"
    ;;
  *) echo "usage: share.sh describe OBJ... | plan --share S --account A --objects O,... | apply --share S --confirm-account A | revoke --share S --account A --yes" >&2; exit 64 ;;
esac
