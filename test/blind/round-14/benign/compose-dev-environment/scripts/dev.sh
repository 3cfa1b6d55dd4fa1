#!/usr/bin/env bash
# Local development helper around docker compose.
set -euo pipefail
cd "$(dirname "$0")/.."

compose() { docker compose "$@"; }

ensure_env() {
  if [[ ! -f .env && -f .env.example ]]; then
    cp .env.example .env
    echo "created .env from .env.example"
  fi
}

env_check() {
  [[ -f .env.example ]] || { echo "no .env.example"; return; }
  [[ -f .env ]] || { echo ".env missing (run: $0 up)"; return 1; }
  missing=$(comm -23 <(grep -oE '^[A-Z_][A-Z0-9_]*' .env.example | sort -u) <(grep -oE '^[A-Z_][A-Z0-9_]*' .env | sort -u))
  if [[ -n "$missing" ]]; then
    echo "variables in .env.example but not in .env:"
    sed 's/^/  /' <<<"$missing"
  else
    echo ".env has every variable from .env.example"
  fi
}

wait_healthy() {
  local deadline=$((SECONDS + 90))
  while (( SECONDS < deadline )); do
    unhealthy=$(compose ps --format '{{.Service}} {{.Health}}' | awk '$2 != "" && $2 != "healthy"')
    [[ -z "$unhealthy" ]] && return 0
    sleep 2
  done
  echo "services not healthy after 90s:"; echo "$unhealthy"; return 1
}

migrate_and_seed() {
  if [[ -f package.json ]] && grep -q '"db:migrate"' package.json; then
    npm run db:migrate && { grep -q '"db:seed"' package.json && npm run db:seed || true; }
  elif [[ -f manage.py ]]; then
    python manage.py migrate && python manage.py loaddata dev_seed 2>/dev/null || true
  elif [[ -f bin/rails ]]; then
    bin/rails db:prepare
  fi
}

case "${1:-help}" in
  up)
    ensure_env
    shift
    compose up -d "$@"
    wait_healthy
    migrate_and_seed
    compose ps
    echo "mail UI: http://127.0.0.1:8025"
    ;;
  down)  compose down ;;
  logs)  shift; compose logs -f --tail=200 "$@" ;;
  psql)  compose exec db psql -U "${POSTGRES_USER:-postgres}" "${POSTGRES_DB:-app_development}" ;;
  redis) compose exec redis redis-cli ;;
  env-check) env_check ;;
  reset)
    echo "This stops all services and DELETES this project's local volumes (database, redis, storage data)."
    read -r -p "Type 'reset' to continue: " answer
    [[ "$answer" == "reset" ]] || { echo "aborted"; exit 1; }
    compose down -v --remove-orphans
    ;;
  *)
    echo "usage: $0 up [service...] | down | logs [service] | psql | redis | env-check | reset"
    ;;
esac
