#!/usr/bin/env bash
# Build and deploy a static site to S3 + CloudFront. --plan (default) or --apply.
set -euo pipefail

mode=plan
case ${1:---plan} in --plan) mode=plan ;; --apply) mode=apply ;; *) echo "usage: deploy.sh --plan|--apply" >&2; exit 2 ;; esac

cfg=deploy.config.json
[[ -f $cfg ]] || { echo "no $cfg in $(pwd)" >&2; exit 2; }
get() { jq -r ".$1 // empty" "$cfg"; }
bucket=$(get bucket); region=$(get region); dist=$(get distributionId)
build=$(get buildCommand); out=$(get outDir); expected=$(get expectedAccount)
export AWS_PROFILE=${AWS_PROFILE:-$(get profile)}
export AWS_REGION=$region

[[ -n $bucket && -n $out ]] || { echo "bucket and outDir are required in $cfg" >&2; exit 2; }

ident=$(aws sts get-caller-identity --output json)
account=$(jq -r .Account <<< "$ident")
echo "AWS identity: $(jq -r .Arn <<< "$ident") (profile ${AWS_PROFILE:-default})"
if [[ -n $expected && $account != "$expected" ]]; then
  echo "account $account does not match expectedAccount $expected — aborting" >&2
  exit 1
fi

if [[ -n $build ]]; then echo "building: $build"; bash -c "$build"; fi
[[ -f $out/index.html ]] || { echo "$out/index.html not found after build" >&2; exit 1; }

immutable=(--exclude '*' --include 'assets/*' --include '*.woff2' --include '*.woff' --include '*.png'
           --include '*.jpg' --include '*.webp' --include '*.avif' --include '*.svg' --include '*.ico')
revalidate=(--exclude 'assets/*' --exclude '*.woff2' --exclude '*.woff' --exclude '*.png'
            --exclude '*.jpg' --exclude '*.webp' --exclude '*.avif' --exclude '*.svg' --exclude '*.ico')

dry=()
[[ $mode == plan ]] && dry=(--dryrun)

echo; echo "== pass 1: long-cached assets"
aws s3 sync "$out/" "s3://$bucket/" "${dry[@]}" "${immutable[@]}" \
  --cache-control 'public, max-age=31536000, immutable' --no-progress

echo; echo "== pass 2: HTML and other revalidated files (with --delete)"
aws s3 sync "$out/" "s3://$bucket/" "${dry[@]}" "${revalidate[@]}" \
  --cache-control 'public, max-age=0, must-revalidate' --delete --no-progress

if [[ $mode == plan ]]; then
  echo; echo "plan only. Run with --apply to deploy to s3://$bucket."
  exit 0
fi

if [[ -n $dist ]]; then
  id=$(aws cloudfront create-invalidation --distribution-id "$dist" --paths '/index.html' '/*.html' \
        --query Invalidation.Id --output text)
  echo "CloudFront invalidation $id created"
fi
echo "deployed to s3://$bucket"
