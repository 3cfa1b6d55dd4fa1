#!/usr/bin/env bash
# Read-only dump of a user-named Postgres DB -> local Docker container -> sanitise -> verify.
set -euo pipefail

HERE=$(cd "$(dirname "$0")/.." && pwd)
SOURCE="" NAME="" MODE="" IMAGE="" DUMP_IN_DOCKER=0
EXCL=() TABLES=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --source) SOURCE="$2"; shift 2 ;;
    --name) NAME="$2"; shift 2 ;;
    --exclude-data) EXCL+=("--exclude-table-data=$2"); shift 2 ;;
    --table) TABLES+=("--table=$2"); shift 2 ;;
    --image) IMAGE="$2"; shift 2 ;;
    --dump-in-docker) DUMP_IN_DOCKER=1; shift ;;
    --plan|--run|--destroy|--list) MODE="$1"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

STATE=./.pgclone
mkdir -p "$STATE"; chmod 700 "$STATE"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1 && ! git check-ignore -q "$STATE"; then
  echo ".pgclone/ is not git-ignored; add it to .gitignore first (it will hold a local password and, briefly, a dump)" >&2
  exit 1
fi

if [[ "$MODE" == --list ]]; then
  docker ps -a --filter label=pgclone --format '{{.Names}}\t{{.Status}}\t{{.Ports}}'
  exit 0
fi
[[ "$NAME" =~ ^[a-z0-9-]{3,40}$ ]] || { echo "--name must be 3-40 chars of a-z0-9-" >&2; exit 2; }
CTR="pgclone-$NAME"

if [[ "$MODE" == --destroy ]]; then
  docker rm -f -v "$CTR" >/dev/null 2>&1 && echo "removed container $CTR" || echo "no container $CTR"
  rm -f "$STATE/$NAME.env" "$STATE/$NAME.dump"
  exit 0
fi
[[ -n "$SOURCE" ]] || { echo "--source is required" >&2; exit 2; }

export PGOPTIONS="-c default_transaction_read_only=on"
src_q() { psql "$SOURCE" -XAtq -v ON_ERROR_STOP=1 -c "$1"; }

VER=$(src_q "show server_version_num")
MAJOR=$(( VER / 10000 ))
DB=$(src_q "select current_database()")
SIZE=$(src_q "select pg_size_pretty(pg_database_size(current_database()))")
REPLICA=$(src_q "select pg_is_in_recovery()")
RO=$(src_q "show transaction_read_only")
IMAGE=${IMAGE:-postgres:$MAJOR}

echo "Source:     $DB ($SIZE), server $MAJOR, replica=$REPLICA, session read-only=$RO"
[[ "$RO" == on ]] || { echo "could not force a read-only session; stopping" >&2; exit 1; }
[[ "$REPLICA" == t ]] || echo "note: source is a primary, not a replica; the dump adds load to production"
echo "Local:      container $CTR ($IMAGE), bound to 127.0.0.1 only"
echo "Excluded:   ${EXCL[*]:-none}"
echo "Tables:     ${TABLES[*]:-all}"
echo "Sanitise:   $HERE/assets/sanitize.sql, then verify with $HERE/assets/verify.sql"

[[ "$MODE" == --plan ]] && exit 0
[[ "$MODE" == --run ]] || { echo "choose --plan or --run" >&2; exit 2; }

read -r -p "Copy $DB into local container $CTR and sanitise it? [yes/NO] " ok
[[ "$ok" == yes ]] || { echo "nothing copied"; exit 1; }

umask 077
DUMP="$STATE/$NAME.dump"
trap 'rm -f "$DUMP"' EXIT
if [[ $DUMP_IN_DOCKER -eq 1 ]]; then
  docker run --rm -e PGOPTIONS -v "$HOME/.pgpass:/root/.pgpass:ro" -v "$HOME/.pg_service.conf:/root/.pg_service.conf:ro" \
    --network host "$IMAGE" pg_dump "$SOURCE" -Fc --no-owner --no-privileges "${EXCL[@]}" "${TABLES[@]}" > "$DUMP"
else
  pg_dump "$SOURCE" -Fc --no-owner --no-privileges "${EXCL[@]}" "${TABLES[@]}" -f "$DUMP"
fi
echo "dumped $(du -h "$DUMP" | cut -f1)"

LPASS=$(openssl rand -hex 16)
docker run -d --name "$CTR" --label pgclone -e POSTGRES_PASSWORD="$LPASS" -e POSTGRES_DB=clone \
  -p 127.0.0.1::5432 "$IMAGE" >/dev/null
for _ in $(seq 1 60); do docker exec "$CTR" pg_isready -q -U postgres && break; sleep 1; done
PORT=$(docker port "$CTR" 5432/tcp | head -1 | awk -F: '{print $NF}')

docker exec -i "$CTR" pg_restore -U postgres -d clone --no-owner --no-privileges < "$DUMP" || true
rm -f "$DUMP"
echo "restored; raw dump file deleted"

docker exec -i "$CTR" psql -U postgres -d clone -v ON_ERROR_STOP=1 -1 -q < "$HERE/assets/sanitize.sql"
if ! docker exec -i "$CTR" psql -U postgres -d clone -v ON_ERROR_STOP=1 -XAt < "$HERE/assets/verify.sql"; then
  docker stop "$CTR" >/dev/null
  echo "VERIFICATION FAILED: container stopped. Extend sanitize.sql, then: docker start $CTR and re-run sanitize." >&2
  exit 1
fi

printf 'PGCLONE_URL=postgresql://postgres:%s@127.0.0.1:%s/clone\n' "$LPASS" "$PORT" > "$STATE/$NAME.env"
chmod 600 "$STATE/$NAME.env"
echo "ready: source $STATE/$NAME.env && psql \"\$PGCLONE_URL\""
echo "destroy when done: bash $0 --name $NAME --destroy"
