#!/usr/bin/env bash
# Consistent, private mysqldump snapshot of a database the user names.
set -euo pipefail
umask 077

login_path=""; suffix=""; db=""; out="./db-snapshots"; check=0; excludes=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --login-path) login_path="$2"; shift 2 ;;
    --defaults-group-suffix) suffix="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --exclude-table) excludes+=("--ignore-table=$2"); shift 2 ;;
    --check) check=1; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[[ -n "$db" ]] || { echo "usage: mysql_snapshot.sh (--login-path NAME | --defaults-group-suffix S) --db NAME [--out DIR] [--exclude-table db.tbl] [--check]" >&2; exit 2; }

client=$(command -v mysql || command -v mariadb) || { echo "mysql client not found" >&2; exit 1; }
dumper=$(command -v mysqldump || command -v mariadb-dump) || { echo "mysqldump not found" >&2; exit 1; }

# Connection options: first option must be the defaults/login option for the client to honour it.
conn=()
[[ -n "$login_path" ]] && conn+=("--login-path=$login_path")
[[ -n "$suffix" ]] && conn+=("--defaults-group-suffix=$suffix")
[[ ${#conn[@]} -gt 0 ]] || { echo "Using [client] from ~/.my.cnf (or prompting)"; }
if [[ -f "$HOME/.my.cnf" ]]; then
  perm=$(stat -c %a "$HOME/.my.cnf" 2>/dev/null || stat -f %Lp "$HOME/.my.cnf")
  [[ "$perm" == 600 || "$perm" == 400 ]] || echo "warning: ~/.my.cnf has mode $perm; run chmod 600 ~/.my.cnf" >&2
fi

q() { "$client" "${conn[@]}" --batch --skip-column-names -e "$1"; }

host=$(q "SELECT @@hostname")
version=$(q "SELECT VERSION()")
size_mb=$(q "SELECT ROUND(SUM(data_length+index_length)/1048576) FROM information_schema.tables WHERE table_schema='${db//\'/}'")
non_innodb=$(q "SELECT GROUP_CONCAT(table_name) FROM information_schema.tables WHERE table_schema='${db//\'/}' AND engine <> 'InnoDB' AND table_type='BASE TABLE'")
echo "Server:     $host ($version)"
echo "Database:   $db, about ${size_mb:-0} MB"
[[ "$non_innodb" != "NULL" && -n "$non_innodb" ]] && echo "Non-InnoDB tables (not transactionally consistent): $non_innodb"
[[ $check -eq 1 ]] && exit 0

mkdir -p "$out"; chmod 700 "$out"
free_mb=$(df -Pm "$out" | awk 'NR==2 {print $4}')
if [[ -n "$size_mb" && "$size_mb" != NULL && "$free_mb" -lt "$size_mb" ]]; then
  echo "Only ${free_mb} MB free in $out; the uncompressed data is about ${size_mb} MB. Aborting." >&2; exit 1
fi

ts=$(date -u +%Y%m%dT%H%M%SZ)
base="$out/${db}-${host}-${ts}.sql.gz"
start=$(date +%s)
extra=()
"$dumper" --help 2>/dev/null | grep -q -- '--column-statistics' && extra+=(--column-statistics=0)
"$dumper" --help 2>/dev/null | grep -q -- '--set-gtid-purged' && extra+=(--set-gtid-purged=OFF)

"$dumper" "${conn[@]}" --single-transaction --quick --routines --triggers --events \
  --hex-blob --default-character-set=utf8mb4 --no-tablespaces "${extra[@]}" "${excludes[@]}" \
  --databases "$db" | gzip -6 > "$base"

(cd "$out" && sha256sum "$(basename "$base")" > "$(basename "$base").sha256")
cat > "${base%.sql.gz}.RESTORE.txt" <<TXT
Snapshot of database '$db' on $host ($version), taken $ts UTC.
Options: --single-transaction --routines --triggers --events --hex-blob

Verify:   sha256sum -c $(basename "$base").sha256
Restore into a NEW database (the dump contains CREATE DATABASE/USE for '$db';
strip those lines or restore on a different server):
  gunzip -c $(basename "$base") | sed -e '/^CREATE DATABASE/d' -e '/^USE /d' | mysql --login-path=<target> ${db}_restore
TXT
chmod 600 "$base" "$base.sha256" "${base%.sql.gz}.RESTORE.txt"
echo "Wrote $base ($(du -h "$base" | cut -f1)) in $(( $(date +%s) - start ))s"
echo "Checksum: $(cut -d' ' -f1 "$base.sha256")"
