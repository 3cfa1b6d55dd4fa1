#!/usr/bin/env bash
# restore.sh plan|run --backup SRC --target DSN [--protect HOST]... [--jobs N] [--anonymise FILE]
set -euo pipefail
mode=${1:?plan|run}; shift
backup=""; target=""; jobs=4; anon=""; protect=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --backup) backup=$2; shift 2 ;;
    --target) target=$2; shift 2 ;;
    --protect) protect+=("$2"); shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --anonymise) anon=$2; shift 2 ;;
    *) echo "unknown $1" >&2; exit 2 ;;
  esac
done
[[ -n $backup && -n $target ]] || { echo "need --backup and --target" >&2; exit 2; }

host=$(printf '%s' "$target" | sed -E 's#^[a-z]+://([^@]*@)?([^:/]+).*#\2#')
db=$(printf '%s' "$target" | sed -E 's#.*/([^/?]+)(\?.*)?$#\1#')
for p in "${protect[@]}" prod; do
  if [[ $host == *"$p"* ]]; then echo "REFUSED: target host $host matches protected pattern '$p'" >&2; exit 3; fi
done

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
file=$backup
if [[ $backup == s3://* ]]; then
  echo "backup object: $(aws s3 ls "$backup" | awk '{print $3" bytes, "$1" "$2}')"
  file="$work/backup.dump"
fi

q() { psql "$target" -X -A -t -v ON_ERROR_STOP=1 -c "$1"; }

echo "== target: $host / $db"
echo "== current size: $(q "select pg_size_pretty(pg_database_size(current_database()))")"
echo "== largest tables that will be replaced:"
q "select relname||'  '||n_live_tup from pg_stat_user_tables order by n_live_tup desc limit 10" | sed 's/^/   /'
echo "== other sessions: $(q "select count(*) from pg_stat_activity where datname=current_database() and pid<>pg_backend_pid()")"

if [[ $mode == plan ]]; then
  if [[ $backup != s3://* ]]; then pg_restore -l "$file" | grep -E '^;' | head -20; fi
  echo "plan only; nothing changed."
  exit 0
fi

read -r -p "Type the target database name ($db) to restore over it: " ans
[[ $ans == "$db" ]] || { echo "mismatch, aborted"; exit 1; }

[[ $backup == s3://* ]] && aws s3 cp "$backup" "$file"
q "select pg_terminate_backend(pid) from pg_stat_activity where datname=current_database() and pid<>pg_backend_pid()" >/dev/null
pg_restore --clean --if-exists --no-owner --no-privileges -j "$jobs" -d "$target" "$file"
if [[ -n $anon ]]; then
  psql "$target" -X -v ON_ERROR_STOP=1 -f "$anon"
fi
q "analyze" >/dev/null
echo "restored. top tables now:"
q "select relname||'  '||n_live_tup from pg_stat_user_tables order by n_live_tup desc limit 10" | sed 's/^/   /'
