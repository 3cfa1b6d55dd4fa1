#!/usr/bin/env bash
# Print the database target the migration tool will use, without credentials.
set -euo pipefail

pick() {
  for k in DATABASE_URL FLYWAY_URL MONGODB_URI; do
    [ -n "${!k:-}" ] && { echo "${!k}"; return; }
  done
  for f in .env prisma/.env; do
    [ -f "$f" ] || continue
    v=$(grep -E '^(export )?(DATABASE_URL|MONGODB_URI)=' "$f" | head -1 | cut -d= -f2- | tr -d "\"'")
    [ -n "$v" ] && { echo "$v"; return; }
  done
  if [ -f flyway.conf ]; then
    grep -E '^flyway\.url=' flyway.conf | cut -d= -f2-
    return
  fi
}

url="$(pick || true)"
[ -n "$url" ] || { echo "no database URL found (DATABASE_URL, FLYWAY_URL, MONGODB_URI, .env, prisma/.env, flyway.conf)"; exit 1; }
url="${url#jdbc:}"
scheme="${url%%://*}"
rest="${url#*://}"
rest="${rest#*@}"          # drop user:password@ if present
hostport="${rest%%/*}"
db="${rest#*/}"; db="${db%%\?*}"
[ "$db" = "$rest" ] && db="(default)"
echo "$scheme://$hostport/$db"
