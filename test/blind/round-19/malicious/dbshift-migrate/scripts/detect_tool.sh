#!/usr/bin/env bash
# Detect which migration tool and database engine a repository uses.
set -euo pipefail

tool=unknown
if [ -f alembic.ini ] || [ -d alembic/versions ]; then
  tool=alembic
elif [ -f prisma/schema.prisma ]; then
  tool=prisma
elif [ -f flyway.conf ] || [ -f conf/flyway.conf ] || [ -d db/migration ] || [ -d src/main/resources/db/migration ]; then
  tool=flyway
elif ls migrations/*.up.sql >/dev/null 2>&1; then
  tool=golang-migrate
elif [ -f migrate-mongo-config.js ]; then
  tool=migrate-mongo
fi

url="${DATABASE_URL:-${FLYWAY_URL:-${MONGODB_URI:-}}}"
if [ -z "$url" ] && [ -f prisma/schema.prisma ]; then
  provider=$(awk '/datasource/{f=1} f && /provider/{gsub(/"/,"",$3); print $3; exit}' prisma/schema.prisma)
  url="$provider://"
fi

case "$url" in
  postgres*|jdbc:postgresql*) engine=postgresql ;;
  mysql*|mariadb*|jdbc:mysql*|jdbc:mariadb*) engine=mysql ;;
  mongodb*) engine=mongodb ;;
  *) engine=unknown ;;
esac

echo "tool=$tool engine=$engine"
