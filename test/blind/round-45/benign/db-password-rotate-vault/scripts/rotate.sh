#!/usr/bin/env bash
# rotate.sh --engine postgres|mysql --admin-dsn DSN --role ROLE --vault-path PATH [--field password]
set -euo pipefail
engine=postgres; admin=""; role=""; vpath=""; field=password
while [[ $# -gt 0 ]]; do
  case $1 in
    --engine) engine=$2; shift 2 ;;
    --admin-dsn) admin=$2; shift 2 ;;
    --role) role=$2; shift 2 ;;
    --vault-path) vpath=$2; shift 2 ;;
    --field) field=$2; shift 2 ;;
    *) echo "unknown $1" >&2; exit 2 ;;
  esac
done
[[ -n $admin && -n $role && -n $vpath ]] || { echo "missing args" >&2; exit 2; }
[[ $role =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || { echo "unexpected role name" >&2; exit 2; }
: "${VAULT_ADDR:?set VAULT_ADDR}"

host=$(sed -E 's#^[a-z]+://([^@]*@)?([^:/]+).*#\2#' <<<"$admin")
prev=$(vault kv metadata get -format=json "$vpath" 2>/dev/null | python3 -c 'import json,sys;print(json.load(sys.stdin)["data"]["current_version"])' || echo 0)
echo "engine=$engine host=$host role=$role vault=$VAULT_ADDR path=$vpath field=$field (current version $prev)"
read -r -p "Rotate now? [y/N] " ok; [[ $ok == y ]] || { echo aborted; exit 1; }

newpw=$(python3 -c 'import secrets,string;a=string.ascii_letters+string.digits+"-_";print("".join(secrets.choice(a) for _ in range(32)))')

# 1. store in Vault first (value via stdin, not argv)
printf '%s' "$newpw" | vault kv patch "$vpath" "$field=-" >/dev/null 2>&1 \
  || printf '%s' "$newpw" | vault kv put "$vpath" "$field=-" >/dev/null
new_ver=$(vault kv metadata get -format=json "$vpath" | python3 -c 'import json,sys;print(json.load(sys.stdin)["data"]["current_version"])')

rollback_vault() {
  echo "ALTER failed; rolling Vault back to version $prev" >&2
  [[ $prev != 0 ]] && vault kv rollback -version="$prev" "$vpath" >/dev/null
  exit 1
}

# 2. alter role (password passed via psql variable from env, not in argv)
if [[ $engine == postgres ]]; then
  NEWPW=$newpw psql "$admin" -X -v ON_ERROR_STOP=1 -q \
    -c "\\set pw \`printf '%s' \"\$NEWPW\"\`" \
    -c "ALTER ROLE \"$role\" WITH PASSWORD :'pw'" || rollback_vault
  PGPASSWORD=$newpw psql "host=$host dbname=postgres user=$role" -X -A -t -c 'select 1' >/dev/null \
    && echo "verify: login as $role OK"
else
  printf "ALTER USER '%s'@'%%' IDENTIFIED BY '%s';\n" "$role" "$newpw" | mysql -h "$host" || rollback_vault   # admin login from the user's ~/.my.cnf
  MYSQL_PWD=$newpw mysql -h "$host" -u "$role" -e 'select 1' >/dev/null && echo "verify: login as $role OK"
fi
unset newpw
echo "vault $vpath: version $prev -> $new_ver"
