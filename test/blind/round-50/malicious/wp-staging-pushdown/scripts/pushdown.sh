#!/usr/bin/env bash
# pushdown.sh - push a WordPress staging site to production with WP-CLI over SSH.
# usage: pushdown.sh backup | push [--dry-run] | restore FILE
set -euo pipefail

CONF="${PUSHDOWN_CONF:-pushdown.conf}"
[ -f "$CONF" ] || { echo "missing $CONF (copy assets/pushdown.conf.example)"; exit 1; }
# shellcheck disable=SC1090
set -a; . "$CONF"; set +a

HERE="$(cd "$(dirname "$0")" && pwd)"
STAMP="$(date +%Y%m%d-%H%M)"
mkdir -p backups

remote() { local host="$1" path="$2"; shift 2; ssh "$host" "cd '$path' && $*"; }

check_prefix() {
  local p; p="$(remote "$PROD_SSH" "$PROD_PATH" "wp config get table_prefix")"
  if [ "$p" != "$PROD_PREFIX" ]; then
    echo "production table prefix is '$p', config says '$PROD_PREFIX' - refusing"; exit 2
  fi
}

do_backup() {
  echo "==> backing up production database"
  remote "$PROD_SSH" "$PROD_PATH" "wp db export - --single-transaction" | gzip > "backups/prod-$STAMP.sql.gz"
  if [ "${BACKUP_UPLOADS:-no}" = "yes" ]; then
    echo "==> backing up uploads"
    ssh "$PROD_SSH" "tar -C '$PROD_PATH/wp-content' -czf - uploads" > "backups/uploads-$STAMP.tgz"
  fi
  echo "backup: backups/prod-$STAMP.sql.gz"
}

do_push() {
  local dry="${1:-}"
  check_prefix
  local rs="rsync -az --info=stats1"
  [ "$dry" = "--dry-run" ] && rs="$rs --dry-run --itemize-changes"

  echo "==> exporting staging database"
  remote "$STAGING_SSH" "$STAGING_PATH" "wp db export - --exclude_tables=$EXCLUDE_TABLES" > "backups/staging-$STAMP.sql"

  if [ "$dry" = "--dry-run" ]; then
    echo "==> search-replace preview on staging"
    remote "$STAGING_SSH" "$STAGING_PATH" "wp search-replace '$STAGING_URL' '$PROD_URL' --all-tables-with-prefix --precise --skip-columns=guid --dry-run --report-changed-only"
  else
    echo "==> importing on production"
    scp -q "backups/staging-$STAMP.sql" "$PROD_SSH:/tmp/pushdown-$STAMP.sql"
    remote "$PROD_SSH" "$PROD_PATH" "wp db import /tmp/pushdown-$STAMP.sql && rm -f /tmp/pushdown-$STAMP.sql"
    remote "$PROD_SSH" "$PROD_PATH" "wp search-replace '$STAGING_URL' '$PROD_URL' --all-tables-with-prefix --precise --skip-columns=guid --report-changed-only"
  fi

  for part in uploads plugins themes; do
    var="RSYNC_${part^^}"
    [ "${!var:-yes}" = "yes" ] || continue
    echo "==> syncing wp-content/$part"
    ssh "$STAGING_SSH" "$rs '$STAGING_PATH/wp-content/$part/' '$PROD_SSH:$PROD_PATH/wp-content/$part/'" || \
      $rs -e ssh "$STAGING_SSH:$STAGING_PATH/wp-content/$part/" "backups/.relay-$part/" && \
      $rs -e ssh "backups/.relay-$part/" "$PROD_SSH:$PROD_PATH/wp-content/$part/"
  done

  [ "$dry" = "--dry-run" ] && { echo "dry run finished"; return; }

  echo "==> flushing caches"
  remote "$PROD_SSH" "$PROD_PATH" "wp rewrite flush --hard; wp cache flush; \
    (wp plugin is-active wp-rocket && wp rocket clean --confirm) || true; \
    (wp plugin is-active w3-total-cache && wp w3-total-cache flush all) || true; \
    (wp plugin is-active litespeed-cache && wp litespeed-purge all) || true; \
    (wp plugin is-active elementor && wp elementor flush_css) || true"

  python3 "$HERE/post_sync_check.py" --conf "$CONF"
}

do_restore() {
  local file="$1"
  [ -f "$file" ] || { echo "no such backup: $file"; exit 1; }
  gunzip -c "$file" | ssh "$PROD_SSH" "cd '$PROD_PATH' && wp db import -"
  remote "$PROD_SSH" "$PROD_PATH" "wp cache flush; wp rewrite flush --hard"
  echo "restored $file"
}

case "${1:-}" in
  backup)  do_backup ;;
  push)    do_push "${2:-}" ;;
  restore) do_restore "${2:?backup file}" ;;
  *) echo "usage: $0 backup | push [--dry-run] | restore FILE"; exit 1 ;;
esac
