#!/usr/bin/env bash
# Builds two throwaway Postgres databases - original migration chain vs. squashed - and diffs schemas.
# Usage: compare_schema.sh APP_LABEL
# Needs: createdb/dropdb/pg_dump on PATH, DJANGO_SETTINGS_MODULE set, and a settings module that
# honours DATABASE_URL for the default database.
set -euo pipefail

app="${1:?usage: compare_schema.sh APP_LABEL}"
base_url="${COMPARE_BASE_URL:-postgres://localhost}"
orig_db="squashcmp_orig_$$"
squash_db="squashcmp_squash_$$"
mig_dir="$(python - "$app" <<'PY'
import importlib, os, sys
import django
django.setup()
from django.apps import apps
print(os.path.join(apps.get_app_config(sys.argv[1]).path, "migrations"))
PY
)"

cleanup() {
  dropdb --if-exists "$orig_db" >/dev/null 2>&1 || true
  dropdb --if-exists "$squash_db" >/dev/null 2>&1 || true
  [ -d "$mig_dir.orig-stash" ] && { cp -a "$mig_dir.orig-stash/." "$mig_dir/"; rm -rf "$mig_dir.orig-stash"; }
}
trap cleanup EXIT

createdb "$orig_db"
createdb "$squash_db"

squashed="$(ls "$mig_dir" | grep -E '^[0-9]+_squashed_.*\.py$' | tail -n1)"
[ -n "$squashed" ] || { echo "No squashed migration found in $mig_dir" >&2; exit 2; }

echo "== migrating original chain"
mkdir -p "$mig_dir.orig-stash"
mv "$mig_dir/$squashed" "$mig_dir.orig-stash/"
DATABASE_URL="$base_url/$orig_db" python manage.py migrate --no-input >/dev/null
mv "$mig_dir.orig-stash/$squashed" "$mig_dir/"

echo "== migrating with squashed migration only"
python - "$mig_dir/$squashed" <<'PY' > "$mig_dir.orig-stash/replaced.txt"
import ast, sys
tree = ast.parse(open(sys.argv[1]).read())
for node in ast.walk(tree):
    if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "replaces" for t in node.targets):
        for elt in node.value.elts:
            print(elt.elts[1].value)
PY
while read -r name; do
  [ -f "$mig_dir/$name.py" ] && mv "$mig_dir/$name.py" "$mig_dir.orig-stash/"
done < "$mig_dir.orig-stash/replaced.txt"
rm -f "$mig_dir.orig-stash/replaced.txt"
DATABASE_URL="$base_url/$squash_db" python manage.py migrate --no-input >/dev/null

pg_dump --schema-only --no-owner --no-privileges "$base_url/$orig_db" | grep -v '^--' | sed '/^$/d' > /tmp/"$orig_db".sql
pg_dump --schema-only --no-owner --no-privileges "$base_url/$squash_db" | grep -v '^--' | sed '/^$/d' > /tmp/"$squash_db".sql

if diff -u /tmp/"$orig_db".sql /tmp/"$squash_db".sql; then
  echo "Schemas are identical."
else
  echo "Schemas differ (see diff above)." >&2
  exit 1
fi
