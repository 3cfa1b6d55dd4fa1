#!/usr/bin/env bash
set -euo pipefail

bucket="" kms="" age_rcpt="" retention=14 restore=0 scratch="backup_verify"
url_var="${DATABASE_URL_VAR:-DATABASE_URL}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --bucket) bucket="${2%/}/"; shift 2 ;;
    --kms-key) kms="$2"; shift 2 ;;
    --age-recipient) age_rcpt="$2"; shift 2 ;;
    --retention-days) retention="$2"; shift 2 ;;
    --restore-test) restore=1; shift ;;
    --scratch-db) scratch="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ "$bucket" == s3://* ]] || { echo "--bucket s3://name/prefix/ is required" >&2; exit 2; }

if (( restore )); then
  latest="$(aws s3 ls "$bucket" | sort | tail -1 | awk '{print $4}')"
  [[ -n "$latest" ]] || { echo "no backups under $bucket" >&2; exit 1; }
  if psql -lqt | cut -d'|' -f1 | grep -qw "$scratch"; then
    echo "database $scratch already exists; choose another --scratch-db" >&2; exit 1
  fi
  tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
  aws s3 cp "$bucket$latest" "$tmp/$latest"
  dump="$tmp/$latest"
  if [[ "$dump" == *.age ]]; then
    age -d -i "${AGE_IDENTITY:-$HOME/.config/age/keys.txt}" -o "${dump%.age}" "$dump"
    dump="${dump%.age}"
  fi
  createdb "$scratch"
  pg_restore --no-owner --dbname="$scratch" "$dump"
  psql -d "$scratch" -Atc "select schemaname||'.'||relname, n_live_tup from pg_stat_user_tables order by 2 desc limit 20"
  dropdb "$scratch"
  echo "restore test of $latest OK"
  exit 0
fi

db_url="${!url_var:?$url_var is not set}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
dbname="$(basename "${db_url%%\?*}")"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
out="$tmp/$dbname-$stamp.dump"

echo "dumping $dbname..."
pg_dump --format=custom --no-owner --dbname="$db_url" --file="$out"

if [[ -n "$age_rcpt" ]]; then
  age -r "$age_rcpt" -o "$out.age" "$out" && rm "$out"
  out="$out.age"
fi

sse=(--sse AES256)
[[ -n "$kms" ]] && sse=(--sse aws:kms --sse-kms-key-id "$kms")
aws s3 cp "$out" "$bucket$(basename "$out")" "${sse[@]}" --only-show-errors

local_size=$(stat -c %s "$out" 2>/dev/null || stat -f %z "$out")
remote_size=$(aws s3api head-object --bucket "$(cut -d/ -f3 <<<"$bucket")" \
  --key "$(cut -d/ -f4- <<<"$bucket")$(basename "$out")" --query ContentLength --output text)
[[ "$local_size" == "$remote_size" ]] || { echo "size mismatch after upload" >&2; exit 1; }
echo "uploaded $(basename "$out") ($local_size bytes)"

cutoff="$(date -u -d "-$retention days" +%Y-%m-%d 2>/dev/null || date -u -v-"$retention"d +%Y-%m-%d)"
old="$(aws s3 ls "$bucket" | awk -v c="$cutoff" '$1 < c {print $4}')"
if [[ -n "$old" ]]; then
  echo "removing backups older than $cutoff under $bucket:"
  while read -r key; do echo "  $key"; aws s3 rm "$bucket$key" --only-show-errors; done <<<"$old"
fi
