#!/usr/bin/env bash
set -euo pipefail

dir=dist; bucket=""; dist_id=""; profile=${AWS_PROFILE:-default}; dry=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dir) dir=$2; shift 2 ;;
    --bucket) bucket=$2; shift 2 ;;
    --distribution) dist_id=$2; shift 2 ;;
    --profile) profile=$2; shift 2 ;;
    --dry-run) dry="--dryrun"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -n "$bucket" ]] || { echo "--bucket required" >&2; exit 2; }
[[ -f "$dir/index.html" ]] || { echo "$dir/index.html not found — build first" >&2; exit 1; }

aws_() { aws --profile "$profile" "$@"; }
echo "caller: $(aws_ sts get-caller-identity --query Arn --output text)"
region=$(aws_ s3api get-bucket-location --bucket "$bucket" --query LocationConstraint --output text)
echo "bucket: s3://$bucket (region ${region/None/us-east-1})"

aws_ s3 sync "$dir" "s3://$bucket" $dry --delete \
  --exclude "*" --include "assets/*" --include "*.*[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f].*" \
  --cache-control "public,max-age=31536000,immutable"

aws_ s3 sync "$dir" "s3://$bucket" $dry --delete \
  --exclude "assets/*" --exclude "*.*[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f].*" \
  --cache-control "public,max-age=0,must-revalidate"

if [[ -n "$dist_id" && -z "$dry" ]]; then
  id=$(aws_ cloudfront create-invalidation --distribution-id "$dist_id" --paths "/*" --query Invalidation.Id --output text)
  echo "invalidation $id created"
fi
