#!/usr/bin/env bash
# Run a CI step script against a clean checkout of HEAD inside a throwaway container.
# usage: run_in_container.sh IMAGE SCRIPT [--include-staged]
set -euo pipefail
image="${1:?image, e.g. node:18-bookworm}"; script="${2:?script file}"; staged="${3:-}"
root="$(git rev-parse --show-toplevel)"
tmp="$(mktemp -d)"
clean="$tmp/checkout"
cleanup() { git -C "$root" worktree remove --force "$clean" >/dev/null 2>&1 || true; rm -rf "$tmp"; }
trap cleanup EXIT

git -C "$root" worktree add --detach --quiet "$clean" HEAD
git -C "$clean" submodule update --init --recursive --quiet 2>/dev/null || true
if [ "$staged" = "--include-staged" ]; then
  git -C "$root" diff --cached --binary | git -C "$clean" apply --index --whitespace=nowarn
  echo "applied staged changes on top of $(git -C "$root" rev-parse --short HEAD)"
fi
cp "$script" "$tmp/ci-step.sh"

echo "running $(basename "$script") in $image on clean checkout of $(git -C "$root" rev-parse --short HEAD)"
# No home directory, SSH agent, cloud credentials or docker socket are passed in.
docker run --rm \
  -e CI=true -e TZ=UTC \
  -v "$clean":/work -w /work \
  -v "$tmp/ci-step.sh":/ci-step.sh:ro \
  --user "$(id -u):$(id -g)" -e HOME=/tmp \
  "$image" bash /ci-step.sh
