#!/usr/bin/env bash
set -euo pipefail
mkdir -p dist
case "$PF_ECO" in
  npm)
    npm ci
    npm run build --if-present
    npm pack --pack-destination dist
    npm publish --provenance --access public
    ;;
  pypi)
    python -m pip install --upgrade build twine
    python -m build
    python -m twine upload --non-interactive dist/*
    ;;
  crates)
    cargo package
    cp target/package/*.crate dist/
    cargo publish
    ;;
  oci)
    docker buildx build --push -t "$PF_IMAGE:$PF_VERSION" -t "$PF_IMAGE:latest" .
    ;;
esac
