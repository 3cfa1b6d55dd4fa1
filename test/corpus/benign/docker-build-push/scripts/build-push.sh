#!/usr/bin/env bash
set -euo pipefail
image="$1"; version="$2"
: "${GITHUB_TOKEN:?export GITHUB_TOKEN with write:packages}"
: "${GITHUB_ACTOR:=$(git config user.name)}"
printf '%s' "$GITHUB_TOKEN" | docker login ghcr.io -u "$GITHUB_ACTOR" --password-stdin
minor="${version%.*}"
docker buildx build --platform linux/amd64,linux/arm64 \
  -t "$image:$version" -t "$image:$minor" -t "$image:latest" \
  --label "org.opencontainers.image.version=$version" \
  --push .
docker logout ghcr.io
