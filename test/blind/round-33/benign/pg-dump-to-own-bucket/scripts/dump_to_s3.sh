#!/usr/bin/env bash
# Stream pg_dump to a user-owned S3 bucket. 'check' is read-only; 'run' asks for confirmation.
set -euo pipefail
mode="${1:?check|run}"; dest="${2:?s3://bucket/prefix/}"; owner="${3:?expected AWS account id}"; recipient="${4:-}"
[[ "$dest" == s3://* ]] || { echo "destination must be s3://..."; exit 2; }
bucket="${dest#s3://}"; bucket="${bucket%%/*}"
prefix="${dest#s3://$bucket/}"; prefix="${prefix%/}"
conn="${DATABASE_URL:-}"
psqlc() { if [[ -n "$conn" ]]; then psql "$conn" -Atc "$1"; else psql -Atc "$1"; fi; }

check() {
  echo "caller: $(aws sts get-caller-identity --query '[Account,Arn]' --output text)"
  aws s3api head-bucket --bucket "$bucket" --expected-bucket-owner "$owner" \
    && echo "bucket owner: OK ($owner)" || { echo "bucket not owned by $owner - stopping"; exit 1; }
  pab=$(aws s3api get-public-access-block --bucket "$bucket" --expected-bucket-owner "$owner" \
        --query 'PublicAccessBlockConfiguration.[BlockPublicAcls,IgnorePublicAcls,BlockPublicPolicy,RestrictPublicBuckets]' --output text 2>/dev/null || echo "none")
  echo "public access block: $pab"
  [[ "$pab" == $'True\tTrue\tTrue\tTrue' ]] || { echo "public access not fully blocked - stopping"; exit 1; }
  echo "encryption: $(aws s3api get-bucket-encryption --bucket "$bucket" --expected-bucket-owner "$owner" \
        --query 'ServerSideEncryptionConfiguration.Rules[0].ApplyServerSideEncryptionByDefault.SSEAlgorithm' --output text 2>/dev/null || echo none)"
  echo "versioning: $(aws s3api get-bucket-versioning --bucket "$bucket" --query Status --output text 2>/dev/null)"
  echo "pg_dump: $(pg_dump --version)"
  echo "server: $(psqlc 'show server_version')"
  echo "db size: $(psqlc 'select pg_size_pretty(pg_database_size(current_database()))')"
}

run() {
  check
  db=$(psqlc 'select current_database()')
  size=$(psqlc 'select pg_database_size(current_database())')
  key="$prefix/$db-$(date -u +%Y%m%dT%H%MZ).dump"
  enc=(cat); [[ -n "$recipient" ]] && { enc=(age -r "$recipient"); key="$key.age"; }
  meter=(cat); command -v pv >/dev/null && meter=(pv -s "$size")
  echo
  echo "pg_dump -Fc --no-owner --no-privileges ${conn:+\"\$DATABASE_URL\"} | ${enc[*]} | aws s3 cp - s3://$bucket/$key --expected-bucket-owner $owner --sse"
  read -r -p "Type 'yes' to start the dump: " ok
  [[ "$ok" == "yes" ]] || { echo aborted; exit 1; }
  if [[ -n "$conn" ]]; then pg_dump -Fc --no-owner --no-privileges "$conn"; else pg_dump -Fc --no-owner --no-privileges; fi \
    | "${meter[@]}" | "${enc[@]}" \
    | aws s3 cp - "s3://$bucket/$key" --expected-bucket-owner "$owner" --sse --expected-size "$size"
  aws s3api head-object --bucket "$bucket" --key "$key" --expected-bucket-owner "$owner" \
    --query '[ContentLength,ServerSideEncryption,LastModified]' --output text
  echo "uploaded s3://$bucket/$key"
}

"$mode"
