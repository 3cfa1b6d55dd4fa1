#!/usr/bin/env bash
# plan | apply | drop a read-only PostgreSQL role. Requires psql, openssl.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
MODE="${1:?plan|apply|drop}"; shift
ROLE=""; DB=""; SCHEMAS=""; EXCLUDE=""; CONN=5; TIMEOUT=60s; UNTIL=""; DEST=""; OWNER=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --role) ROLE="$2"; shift 2 ;;  --db) DB="$2"; shift 2 ;;
    --schemas) SCHEMAS="$2"; shift 2 ;;  --exclude) EXCLUDE="$2"; shift 2 ;;
    --conn-limit) CONN="$2"; shift 2 ;;  --timeout) TIMEOUT="$2"; shift 2 ;;
    --valid-until) UNTIL="$2"; shift 2 ;;  --password-to) DEST="$2"; shift 2 ;;
    --owner) OWNER="$2"; shift 2 ;;
    *) echo "unknown $1" >&2; exit 2 ;;
  esac
done
[[ "$ROLE" =~ ^[a-z_][a-z0-9_]{1,62}$ ]] || { echo "role name must be lowercase identifier" >&2; exit 2; }
[[ -n "$DB" && -n "$SCHEMAS" ]] || { echo "--db and --schemas required" >&2; exit 2; }

q() { psql -X -v ON_ERROR_STOP=1 -d "$DB" -At "$@"; }

render() {
  local out; out="$(sed -n '1,/{{#EACH_SCHEMA}}/p' "$HERE/../assets/readonly_role.sql.tmpl" | sed '$d')"
  local block; block="$(sed -n '/{{#EACH_SCHEMA}}/,/{{\/EACH_SCHEMA}}/p' "$HERE/../assets/readonly_role.sql.tmpl" | sed '1d;$d')"
  local vu=""; [[ -n "$UNTIL" ]] && vu="VALID UNTIL '$UNTIL'"
  out="${out//\{\{ROLE\}\}/$ROLE}"; out="${out//\{\{DB\}\}/$DB}"; out="${out//\{\{SCHEMAS\}\}/$SCHEMAS}"
  out="${out//\{\{CONN_LIMIT\}\}/$CONN}"; out="${out//\{\{VALID_UNTIL\}\}/$vu}"; out="${out//\{\{TIMEOUT\}\}/$TIMEOUT}"
  echo "$out"
  IFS=',' read -ra SCH <<<"$SCHEMAS"
  for s in "${SCH[@]}"; do
    local grants=""
    while read -r t; do
      [[ -z "$t" ]] && continue
      if [[ ",$EXCLUDE," == *",$s.$t,"* ]]; then grants+="-- excluded: $s.$t"$'\n'; continue; fi
      grants+="GRANT SELECT ON $s.\"$t\" TO $ROLE;"$'\n'
    done < <(q -c "select tablename from pg_tables where schemaname = '$s' union all select viewname from pg_views where schemaname = '$s' order by 1")
    local owner="$OWNER"
    [[ -z "$owner" ]] && owner="$(q -c "select tableowner from pg_tables where schemaname='$s' group by 1 order by count(*) desc limit 1")"
    local b="$block"
    b="${b//\{\{SCHEMA\}\}/$s}"; b="${b//\{\{ROLE\}\}/$ROLE}"
    b="${b//\{\{FOR_ROLE\}\}/${owner:+FOR ROLE $owner}}"
    b="${b//\{\{TABLE_GRANTS\}\}/${grants%$'\n'}}"
    echo "$b"
  done
}

store_pw() {  # reads password on stdin
  case "$DEST" in
    vault:*) local r="${DEST#vault:}"; local p="${r%%#*}" f="${r#*#}"
             vault kv patch -mount="${p%%/data/*}" "${p#*/data/}" "$f=-" >/dev/null ;;
    op://*)  local r="${DEST#op://}"; local v="${r%%/*}"; r="${r#*/}"; local item="${r%%/*}"
             op item create --category=Database --vault "$v" --title "$item" "username=$ROLE" "database=$DB" "password=$(cat)" >/dev/null ;;
    "")      echo "--password-to required" >&2; return 2 ;;
    *)       local f="${DEST/#\~/$HOME}"; [[ -e "$f" ]] && { echo "$f exists, not overwriting" >&2; return 2; }
             (umask 077; cat > "$f") ;;
  esac
}

case "$MODE" in
  plan)
    render | sed "s/:'ro_password'/'<generated>'/"
    ;;
  apply)
    [[ -n "$DEST" ]] || { echo "--password-to required" >&2; exit 2; }
    if q -c "select 1 from pg_roles where rolname='$ROLE'" | grep -q 1; then echo "role $ROLE already exists" >&2; exit 1; fi
    sql="$(render)"
    pw="$(openssl rand -base64 24 | tr -d '/+=' | cut -c1-32)"
    { printf '\\set ro_password %s\n' "$pw"; printf '%s\n' "$sql"; } | psql -X -v ON_ERROR_STOP=1 --single-transaction -d "$DB" -q
    printf '%s' "$pw" | store_pw
    echo "role $ROLE created; password stored at $DEST"
    # verify
    first=$(q -c "select schemaname||'.'||tablename from pg_tables where schemaname = any(string_to_array('$SCHEMAS', ',')) limit 1")
    PGPASSWORD="$pw" psql -X -d "$DB" -U "$ROLE" -At -c "select current_user, has_table_privilege('$first','SELECT'), has_table_privilege('$first','INSERT')"
    unset pw
    ;;
  drop)
    echo "-- sessions of $ROLE:"; q -c "select pid, client_addr, state, query_start from pg_stat_activity where usename='$ROLE'"
    cat <<SQL
REASSIGN OWNED BY $ROLE TO CURRENT_USER;
DROP OWNED BY $ROLE;
DROP ROLE $ROLE;
SQL
    read -r -p "run these statements? [y/N] " a
    [[ "$a" == y ]] || exit 0
    q -c "REASSIGN OWNED BY $ROLE TO CURRENT_USER" -c "DROP OWNED BY $ROLE" -c "DROP ROLE $ROLE"
    echo "dropped $ROLE"
    ;;
esac
