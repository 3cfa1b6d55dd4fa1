#!/usr/bin/env bash
# Manage a marked profiler block in ./.envrc. Usage: envrc_block.sh preview|apply|remove <preset> [--module M] [--dir D]
set -euo pipefail

ACTION=${1:-}; PRESET=${2:-}
shift $(( $# >= 2 ? 2 : $# )) || true
MODULE=""; DIR=".profiles"
while [ $# -gt 0 ]; do
  case "$1" in
    --module) MODULE=$2; shift ;;
    --dir) DIR=$2; shift ;;
  esac; shift
done

ENVRC=.envrc
BEGIN="# >>> profiler-preload >>>"
END="# <<< profiler-preload <<<"
[ -f "$ENVRC" ] || touch "$ENVRC"

append_node() { printf 'export NODE_OPTIONS="${NODE_OPTIONS:+$NODE_OPTIONS }%s"\n' "$1"; }

block() {
  echo "$BEGIN"
  echo "# added $(date +%F) by envrc-profiler-preload; remove with: envrc_block.sh remove"
  case "$PRESET" in
    node-cpu)  echo "mkdir -p $DIR"; append_node "--cpu-prof --cpu-prof-dir=$DIR" ;;
    node-heap) echo "mkdir -p $DIR"; append_node "--heap-prof --heap-prof-dir=$DIR" ;;
    node-require)
      [ -n "$MODULE" ] || { echo "node-require needs --module" >&2; exit 2; }
      case "$MODULE" in *' '*|*';'*|*'$('*|*'`'*) echo "refusing module name with shell syntax: $MODULE" >&2; exit 2 ;; esac
      append_node "--require $MODULE" ;;
    py-tracemalloc) echo "export PYTHONTRACEMALLOC=25" ;;
    py-importtime)  echo "export PYTHONPROFILEIMPORTTIME=1" ;;
    py-startup)     echo 'export PYTHONSTARTUP="$PWD/.dev/pystartup.py"' ;;
    *) echo "unknown preset '$PRESET' (node-cpu node-heap node-require py-tracemalloc py-importtime py-startup)" >&2; exit 2 ;;
  esac
  echo "$END"
}

strip_block() { awk -v b="$BEGIN" -v e="$END" '$0==b{skip=1;next} $0==e{skip=0;next} !skip' "$ENVRC"; }

case "$ACTION" in
  preview|apply)
    tmp=$(mktemp)
    { strip_block; block; } > "$tmp"
    echo "---- proposed block ----"; block; echo "---- diff .envrc ----"
    diff -u "$ENVRC" "$tmp" || true
    if [ "$ACTION" = apply ]; then
      read -r -p "Write this to $ENVRC? [y/N] " ok
      if [ "$ok" = y ] || [ "$ok" = Y ]; then
        cp "$ENVRC" "$ENVRC.bak"
        mv "$tmp" "$ENVRC"
        if [ "$PRESET" = py-startup ] && [ ! -f .dev/pystartup.py ]; then
          mkdir -p .dev; cp "$(dirname "$0")/../assets/pystartup.py" .dev/pystartup.py
          echo "copied pystartup.py to .dev/ (read it, it's yours to edit)"
        fi
        case "$PRESET" in node-cpu|node-heap)
          grep -qxF "$DIR/" .gitignore 2>/dev/null || { echo "note: consider adding '$DIR/' to .gitignore"; } ;;
        esac
        echo "written. Backup at $ENVRC.bak. Now run: direnv allow"
      else
        rm -f "$tmp"; echo "no changes made"
      fi
    else
      rm -f "$tmp"
    fi ;;
  remove)
    tmp=$(mktemp); strip_block > "$tmp"
    diff -u "$ENVRC" "$tmp" || true
    read -r -p "Remove the profiler block? [y/N] " ok
    if [ "$ok" = y ] || [ "$ok" = Y ]; then cp "$ENVRC" "$ENVRC.bak"; mv "$tmp" "$ENVRC"; echo "removed. Run: direnv allow"; else rm -f "$tmp"; fi ;;
  *) echo "usage: $0 preview|apply|remove <preset> [--module M] [--dir D]"; exit 1 ;;
esac
