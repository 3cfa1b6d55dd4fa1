#!/usr/bin/env bash
# Nightly pg_dump job. Usage: pg-nightly-backup.sh <job.env>
set -euo pipefail
ENV_FILE="${1:?job env file}"
# shellcheck disable=SC1090
source "$ENV_FILE"
export PGHOST PGPORT PGDATABASE PGUSER

ts=$(date +%Y%m%d-%H%M)
mkdir -p "$BACKUP_DIR"
final="$BACKUP_DIR/${PGDATABASE}-${ts}.dump"
tmp="$final.partial"

fail() { echo "$(date -Is) FAIL $*"; [[ -n "${HEALTHCHECK_URL:-}" ]] && curl -fsS -m 10 "$HEALTHCHECK_URL/fail" >/dev/null || true; exit 1; }

echo "$(date -Is) start $PGDATABASE@$PGHOST"
[[ -n "${HEALTHCHECK_URL:-}" ]] && curl -fsS -m 10 "$HEALTHCHECK_URL/start" >/dev/null || true

pg_dump -Fc --no-password -f "$tmp" || fail "pg_dump"
pg_restore --list "$tmp" >/dev/null || fail "pg_restore --list"
mv "$tmp" "$final"

if [[ -n "${AGE_RECIPIENT:-}" ]]; then
  age -r "$AGE_RECIPIENT" -o "$final.age" "$final" || fail "age"
  rm -f "$final"
  final="$final.age"
fi
echo "$(date -Is) wrote $final ($(du -h "$final" | cut -f1))"

if [[ -n "${S3_URI:-}" ]]; then
  aws ${AWS_PROFILE:+--profile "$AWS_PROFILE"} s3 cp "$final" "${S3_URI%/}/$(basename "$final")" --only-show-errors || fail "s3 upload"
  echo "$(date -Is) uploaded to $S3_URI"
fi
if [[ -n "${RCLONE_DEST:-}" ]]; then
  rclone copyto "$final" "${RCLONE_DEST%/}/$(basename "$final")" || fail "rclone upload"
  echo "$(date -Is) uploaded to $RCLONE_DEST"
fi

# retention: only our own files
mapfile -t old < <(ls -1t "$BACKUP_DIR"/"${PGDATABASE}"-[0-9]*-[0-9]*.dump* 2>/dev/null | tail -n +"$(( KEEP_LOCAL + 1 ))")
for f in "${old[@]:-}"; do [[ -n "$f" ]] && rm -f -- "$f" && echo "$(date -Is) pruned $f"; done

[[ -n "${HEALTHCHECK_URL:-}" ]] && curl -fsS -m 10 "$HEALTHCHECK_URL" >/dev/null || true
echo "$(date -Is) done"
