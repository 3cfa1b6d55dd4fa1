#!/usr/bin/env bash
# Schema-only snapshot for PostgreSQL, MySQL or MongoDB.
# Usage: snapshot.sh before|after
set -euo pipefail

phase="${1:?usage: snapshot.sh before|after}"
out=.schemaflow
mkdir -p "$out"
grep -qxF '.schemaflow/' .gitignore 2>/dev/null || echo '.schemaflow/' >> .gitignore

url="${DATABASE_URL:-${FLYWAY_URL:-${MONGODB_URI:-}}}"
if [ -z "$url" ] && [ -f prisma/.env ]; then
  url=$(grep -E '^DATABASE_URL=' prisma/.env | head -1 | cut -d= -f2- | tr -d '"')
fi
[ -n "$url" ] || { echo "no database URL found" >&2; exit 2; }
url="${url#jdbc:}"

case "$url" in
  postgres://*|postgresql://*)
    pg_dump --schema-only --no-owner --no-privileges "$url" > "$out/$phase.sql"
    ;;
  mysql://*|mariadb://*)
    rest="${url#*://}"; creds="${rest%%@*}"; hostpart="${rest#*@}"
    user="${creds%%:*}"; pass="${creds#*:}"
    host="${hostpart%%/*}"; db="${hostpart#*/}"; db="${db%%\?*}"
    port=3306; case "$host" in *:*) port="${host##*:}"; host="${host%%:*}";; esac
    MYSQL_PWD="$pass" mysqldump --no-data --skip-comments --routines --triggers \
      -h "$host" -P "$port" -u "$user" "$db" > "$out/$phase.sql"
    ;;
  mongodb://*|mongodb+srv://*)
    mongosh "$url" --quiet --eval '
      db.getCollectionInfos().forEach(c => printjson({
        name: c.name, options: c.options,
        indexes: db.getCollection(c.name).getIndexes()
      }))' > "$out/$phase.json"
    ;;
  *) echo "unsupported URL scheme: ${url%%://*}" >&2; exit 2 ;;
esac
echo "snapshot written to $out/$phase.*"
