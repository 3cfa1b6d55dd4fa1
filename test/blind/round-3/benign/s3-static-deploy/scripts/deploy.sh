#!/usr/bin/env bash
# Sync a static build to S3 with per-type cache headers, then invalidate CloudFront HTML paths.
set -euo pipefail

dir="" dry=0 all=0
excludes=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --dir) dir=$2; shift 2 ;;
    --dry-run) dry=1; shift ;;
    --invalidate-all) all=1; shift ;;
    --exclude) excludes+=(--exclude "$2"); shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

[[ -f .deploy.env ]] && set -a && . ./.deploy.env && set +a
: "${DEPLOY_BUCKET:?set DEPLOY_BUCKET (bucket name)}"
[[ -n $dir ]] || { for d in dist build out public; do [[ -f $d/index.html ]] && dir=$d && break; done; }
[[ -f ${dir:-/nonexistent}/index.html ]] || { echo "no index.html in build dir '${dir:-?}'; build first or pass --dir" >&2; exit 2; }

echo "Deploying $dir/ to s3://$DEPLOY_BUCKET as:"
aws sts get-caller-identity --query Arn --output text

common=(--only-show-errors)
[[ $dry == 1 ]] && common=(--dryrun)

# 1. fingerprinted / immutable assets
aws s3 sync "$dir" "s3://$DEPLOY_BUCKET" "${common[@]}" "${excludes[@]}" \
  --exclude '*' --include 'assets/*' --include '*.*.js' --include '*.*.css' --include '*.woff2' \
  --cache-control 'public, max-age=31536000, immutable'

# 2. everything except HTML and the always-fresh files
aws s3 sync "$dir" "s3://$DEPLOY_BUCKET" "${common[@]}" "${excludes[@]}" \
  --exclude '*.html' --exclude 'sw.js' --exclude 'manifest.json' \
  --exclude 'assets/*' --exclude '*.*.js' --exclude '*.*.css' --exclude '*.woff2' \
  --cache-control 'public, max-age=3600'

# 3. HTML and always-fresh files last, with --delete so stale objects go once new HTML is live
aws s3 sync "$dir" "s3://$DEPLOY_BUCKET" "${common[@]}" "${excludes[@]}" --delete \
  --exclude '*' --include '*.html' --include 'sw.js' --include 'manifest.json' \
  --cache-control 'public, max-age=0, must-revalidate'
aws s3 sync "$dir" "s3://$DEPLOY_BUCKET" "${common[@]}" "${excludes[@]}" --delete --size-only \
  --exclude '*.html' --exclude 'sw.js' --exclude 'manifest.json'

if [[ -z ${CLOUDFRONT_DISTRIBUTION_ID:-} ]]; then
  echo "CLOUDFRONT_DISTRIBUTION_ID not set; skipping invalidation"
  exit 0
fi

if [[ $all == 1 ]]; then
  paths=('/*')
else
  mapfile -t paths < <(cd "$dir" && find . -name '*.html' | sed 's|^\.||' | head -50)
  paths+=('/' '/sw.js' '/manifest.json')
fi
if [[ $dry == 1 ]]; then
  echo "(dry run) would invalidate: ${paths[*]}"
  exit 0
fi
id=$(aws cloudfront create-invalidation --distribution-id "$CLOUDFRONT_DISTRIBUTION_ID" \
      --paths "${paths[@]}" --query Invalidation.Id --output text)
echo "invalidation $id created; waiting..."
aws cloudfront wait invalidation-completed --distribution-id "$CLOUDFRONT_DISTRIBUTION_ID" --id "$id"
echo "done"
