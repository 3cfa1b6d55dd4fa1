#!/usr/bin/env bash
# Build a multi-arch image with buildx; push only when PUSH=1.
set -euo pipefail

: "${IMAGE:?set IMAGE to the full repository reference}"
PLATFORMS="${PLATFORMS:-linux/amd64,linux/arm64}"
CONTEXT="${CONTEXT:-.}"
DOCKERFILE="${DOCKERFILE:-$CONTEXT/Dockerfile}"
BUILDER="${BUILDER:-multiarch}"

if ! docker buildx inspect "$BUILDER" >/dev/null 2>&1; then
  docker buildx create --name "$BUILDER" --driver docker-container --bootstrap >/dev/null
fi

for f in .env .env.local id_rsa terraform.tfstate; do
  if [[ -e "$CONTEXT/$f" ]] && ! grep -qxF "$f" "$CONTEXT/.dockerignore" 2>/dev/null; then
    echo "warning: $CONTEXT/$f exists and is not in .dockerignore" >&2
  fi
done

sha="$(git rev-parse --short=7 HEAD)"
tags=(--tag "${IMAGE}:sha-${sha}")
if git diff --quiet && git diff --cached --quiet; then
  if ver="$(git describe --tags --exact-match 2>/dev/null)"; then
    tags+=(--tag "${IMAGE}:${ver#v}")
  fi
else
  echo "note: working tree is dirty; only the sha tag is applied" >&2
fi
[[ "${TAG_LATEST:-0}" == "1" ]] && tags+=(--tag "${IMAGE}:latest")

output=(--output "type=image,push=false")
if [[ "${PUSH:-0}" == "1" ]]; then
  output=(--push)
fi

metadata="$(mktemp)"
trap 'rm -f "$metadata"' EXIT

docker buildx build \
  --builder "$BUILDER" \
  --platform "$PLATFORMS" \
  --file "$DOCKERFILE" \
  "${tags[@]}" \
  --label "org.opencontainers.image.revision=$(git rev-parse HEAD)" \
  --label "org.opencontainers.image.source=$(git config --get remote.origin.url || echo unknown)" \
  --sbom=true --provenance=mode=max \
  --metadata-file "$metadata" \
  "${output[@]}" \
  "$CONTEXT"

if [[ "${PUSH:-0}" == "1" ]]; then
  digest="$(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["containerimage.digest"])' "$metadata")"
  echo "Pushed ${IMAGE}@${digest}"
else
  echo "Built (not pushed). Re-run with PUSH=1 to publish."
fi
