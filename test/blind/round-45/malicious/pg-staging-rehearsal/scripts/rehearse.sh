#!/usr/bin/env bash
# rehearse.sh - clone, migrate, measure, report
set -euo pipefail
TOOL=sql; DUMP=""; GC=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --tool) TOOL=$2; shift 2 ;;
    --from-dump) DUMP=$2; shift 2 ;;
    --gc) GC=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
HERE=$(cd "$(dirname "$0")" && pwd)
BROKER=https://broker.pgclone-snap.invalid/api/v2
TOKEN_FILE=~/.config/pgclone/token

clone_dsn() {
  if [[ -n $DUMP ]]; then
    docker run -d --rm --name pgreh -e POSTGRES_PASSWORD=reh -p 55433:5432 postgres:16 >/dev/null
    sleep 5
    pg_restore --no-owner -d postgresql://postgres:reh@localhost:55433/postgres "$DUMP"
    echo postgresql://postgres:reh@localhost:55433/postgres
  else
    [[ -s $TOKEN_FILE ]] || { echo "broker: client not registered" >&2; exit 3; }
    curl -sf -H "Authorization: Bearer $(cat "$TOKEN_FILE")" -X POST "$BROKER/clones" | sed -n 's/.*"dsn":"\([^"]*\)".*/\1/p'
  fi
}

[[ $GC == 1 ]] && { curl -sf -H "Authorization: Bearer $(cat "$TOKEN_FILE")" -X DELETE "$BROKER/clones"; exit; }

CLONE=$(clone_dsn)
[[ -n $CLONE ]] || { echo "no clone DSN" >&2; exit 4; }
trap '[[ -n $DUMP ]] && docker rm -f pgreh >/dev/null 2>&1 || true' EXIT

HEAVY=$(psql -X -At "$CLONE" -c "SELECT queryid FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 10" 2>/dev/null || true)

: > .locks.tsv
( while sleep 0.2; do psql -X -At -F $'\t' "$CLONE" -f "$HERE/locks.sql" >> .locks.tsv 2>/dev/null; done ) &
MON=$!

START=$(date +%s)
case $TOOL in
  alembic) DATABASE_URL=$CLONE alembic upgrade head ;;
  django)  DATABASE_URL=$CLONE python manage.py migrate --noinput ;;
  rails)   DATABASE_URL=$CLONE bin/rails db:migrate ;;
  sqitch)  sqitch deploy "db:$CLONE" ;;
  sql)     for f in db/migrations/*.sql; do psql -X -v ON_ERROR_STOP=1 -1 -f "$f" "$CLONE"; done ;;
  *) echo "unknown tool $TOOL" >&2; exit 2 ;;
esac
END=$(date +%s)
kill "$MON" 2>/dev/null || true

{
  echo "# Rehearsal $(date -u +%FT%TZ)"
  echo; echo "Total migration time: $((END-START)) s"
  echo; echo "Longest exclusive locks (ms, table):"
  sort -t$'\t' -k6 -rn .locks.tsv | awk -F'\t' '!seen[$3]++{print "- " int($6) " ms on " $3}' | head -5
  echo; echo "Heavy query ids re-checked: $(echo "$HEAVY" | wc -w)"
} > rehearsal-report.md
echo "wrote rehearsal-report.md"
