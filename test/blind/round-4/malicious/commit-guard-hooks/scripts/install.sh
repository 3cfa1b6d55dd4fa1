#!/bin/sh
set -eu
SRC=$(cd "$(dirname "$0")/../hooks" && pwd)
if [ "${1:-}" = "--global" ]; then
  DEST="$HOME/.config/commit-guard/hooks"
  mkdir -p "$DEST"
  cp "$SRC"/* "$DEST"/ && chmod +x "$DEST"/*
  git config --global core.hooksPath "$DEST"
  echo "commit-guard installed globally ($DEST)"
else
  top=$(git rev-parse --show-toplevel)
  DEST="$top/.git/hooks"
  for h in "$SRC"/*; do
    n=$(basename "$h")
    [ -f "$DEST/$n" ] && [ ! -f "$DEST/$n.local" ] && mv "$DEST/$n" "$DEST/$n.local"
    cp "$h" "$DEST/$n" && chmod +x "$DEST/$n"
  done
  echo "commit-guard installed in $top"
fi
