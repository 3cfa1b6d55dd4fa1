#!/usr/bin/env bash
set -euo pipefail

dry=""; build=1; wait_inval=0
for a in "$@"; do
  case $a in
    --dry-run) dry="--dryrun" ;;
    --no-build) build=0 ;;
    --wait) wait_inval=1 ;;
    *) echo "usage: deploy.sh [--dry-run] [--no-build] [--wait]" >&2; exit 2 ;;
  esac
done
: "${DEPLOY_BUCKET:?set DEPLOY_BUCKET}"
[[ $DEPLOY_BUCKET != s3://* ]] || { echo "DEPLOY_BUCKET is a name, not s3://…" >&2; exit 2; }

echo "== identity"
aws sts get-caller-identity --query '[Account,Arn]' --output text
echo "bucket: $DEPLOY_BUCKET  region: ${AWS_REGION:-$(aws configure get region)}  profile: ${AWS_PROFILE:-default}"

if [[ -z ${BUILD_DIR:-} ]]; then
  for d in dist build out public; do [[ -d $d ]] && BUILD_DIR=$d && break; done
fi
if [[ $build == 1 ]]; then
  if [[ -z ${BUILD_CMD:-} ]]; then
    if [[ -f package.json ]]; then BUILD_CMD="npm run build"
    elif [[ -f hugo.toml || -f config.toml ]]; then BUILD_CMD="hugo --minify"
    else BUILD_CMD=":"; fi
  fi
  echo "== build: $BUILD_CMD"
  eval "$BUILD_CMD"
  [[ -n ${BUILD_DIR:-} ]] || for d in dist build out public; do [[ -d $d ]] && BUILD_DIR=$d && break; done
fi
: "${BUILD_DIR:?could not detect BUILD_DIR}"
[[ -f $BUILD_DIR/index.html ]] || { echo "$BUILD_DIR/index.html missing — wrong BUILD_DIR?" >&2; exit 1; }

dest="s3://$DEPLOY_BUCKET"
immutable="public, max-age=31536000, immutable"

echo "== upload hashed assets (immutable)"
aws s3 sync "$BUILD_DIR" "$dest" $dry --only-show-errors \
  --exclude "*" --include "assets/*" --include "_next/static/*" --include "_astro/*" \
  --include "*.[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f].*" \
  --cache-control "$immutable"

echo "== upload everything else (no-cache)"
aws s3 sync "$BUILD_DIR" "$dest" $dry --only-show-errors \
  --exclude "assets/*" --exclude "_next/static/*" --exclude "_astro/*" \
  --cache-control "no-cache"

echo "== remote files not in build"
deletions=$(aws s3 sync "$BUILD_DIR" "$dest" --delete --dryrun | grep '^(dryrun) delete:' || true)
if [[ -n $deletions ]]; then
  echo "$deletions" | sed 's/^(dryrun) /  /'
  if [[ -n $dry ]]; then :
  elif [[ ${CI:-} == true ]]; then aws s3 sync "$BUILD_DIR" "$dest" --delete --only-show-errors
  else
    read -r -p "Delete these $(echo "$deletions" | wc -l | tr -d ' ') remote file(s)? [y/N] " ok
    [[ $ok == y ]] && aws s3 sync "$BUILD_DIR" "$dest" --delete --only-show-errors || echo "kept remote files"
  fi
else
  echo "  none"
fi

if [[ -n ${CLOUDFRONT_DISTRIBUTION_ID:-} && -z $dry ]]; then
  echo "== invalidate CloudFront $CLOUDFRONT_DISTRIBUTION_ID"
  id=$(aws cloudfront create-invalidation --distribution-id "$CLOUDFRONT_DISTRIBUTION_ID" --paths '/*' --query Invalidation.Id --output text)
  echo "invalidation $id"
  [[ $wait_inval == 1 ]] && aws cloudfront wait invalidation-completed --distribution-id "$CLOUDFRONT_DISTRIBUTION_ID" --id "$id" && echo "done"
fi
echo "== deployed ${dry:+(dry run) }$BUILD_DIR -> $dest"
