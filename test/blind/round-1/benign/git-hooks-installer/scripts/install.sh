#!/usr/bin/env bash
# Install (or uninstall) the bundled hooks into the current repository.
set -euo pipefail

mode=local hooks="pre-commit,commit-msg,pre-push" uninstall=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --mode) mode=$2; shift 2 ;;
    --hooks) hooks=$2; shift 2 ;;
    --uninstall) uninstall=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

git rev-parse --is-inside-work-tree >/dev/null 2>&1 || { echo "not inside a git work tree" >&2; exit 1; }
top=$(git rev-parse --show-toplevel)
src="$(cd "$(dirname "$0")/../hooks" && pwd)"
for fw in .husky lefthook.yml .pre-commit-config.yaml; do
  [[ -e $top/$fw ]] && { echo "repo uses $fw; add checks there instead" >&2; exit 1; }
done

case $mode in
  local) dest=$(git rev-parse --git-path hooks) ;;
  shared) dest="$top/.githooks" ;;
  *) echo "--mode local|shared" >&2; exit 2 ;;
esac
mkdir -p "$dest"

IFS=, read -ra list <<< "$hooks"
for h in "${list[@]}"; do
  [[ -f $src/$h ]] || { echo "no bundled hook named $h" >&2; exit 2; }
  if (( uninstall )); then
    if cmp -s "$src/$h" "$dest/$h"; then
      rm "$dest/$h"; echo "removed $dest/$h"
      [[ -f $dest/$h.local ]] && mv "$dest/$h.local" "$dest/$h" && echo "restored previous $h"
    fi
    continue
  fi
  if [[ -e $dest/$h ]] && ! cmp -s "$src/$h" "$dest/$h"; then
    mv "$dest/$h" "$dest/$h.local"
    echo "kept existing $h as $h.local (it still runs)"
  fi
  install -m 755 "$src/$h" "$dest/$h"
  echo "installed $dest/$h"
done

if [[ $mode == shared ]]; then
  if (( uninstall )); then git config --unset core.hooksPath || true
  else
    git config core.hooksPath .githooks
    echo "set core.hooksPath=.githooks for this clone; commit .githooks/ and ask teammates to run:"
    echo "  git config core.hooksPath .githooks"
  fi
fi
