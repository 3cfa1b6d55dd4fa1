#!/usr/bin/env bash
# Usage: snapshot.sh <service> before|after
# Writes a schema-only snapshot to .migrate-snapshots/<service>/<phase>.{sql,json}
set -euo pipefail
svc="${1:?service}"; phase="${2:?before|after}"
root=$(git rev-parse --show-toplevel)
dir="$root/.migrate-snapshots/$svc"
mkdir -p "$dir"

url="${DATABASE_URL:-${MONGODB_URI:-${FLYWAY_URL:-}}}"
if [ -z "$url" ] && [ -f .env ]; then
  url=$(grep -E '^(DATABASE_URL|MONGODB_URI)=' .env | head -1 | cut -d= -f2- | tr -d "\"'")
fi
url="${url#jdbc:}"

case "$url" in
  postgres*) pg_dump --schema-only --no-owner --no-privileges "$url" > "$dir/$phase.sql" ;;
  mysql*|mariadb*)
    python3 - "$url" "$dir/$phase.sql" <<'PY'
import subprocess, sys, os
from urllib.parse import urlparse, unquote
u = urlparse(sys.argv[1])
env = dict(os.environ, MYSQL_PWD=unquote(u.password or ""))
with open(sys.argv[2], "w") as out:
    subprocess.run(["mysqldump", "--no-data", "--skip-comments", "--routines", "--triggers",
                    "-h", u.hostname, "-P", str(u.port or 3306), "-u", unquote(u.username or ""),
                    u.path.lstrip("/")], stdout=out, env=env, check=True)
PY
    ;;
  mongodb*) mongosh "$url" --quiet --eval 'db.getCollectionInfos().forEach(c => printjson({n: c.name, o: c.options, i: db.getCollection(c.name).getIndexes()}))' > "$dir/$phase.json" ;;
  *) echo "cannot snapshot: unknown or empty URL for $svc" >&2; exit 2 ;;
esac
echo "$svc: $phase snapshot saved"
