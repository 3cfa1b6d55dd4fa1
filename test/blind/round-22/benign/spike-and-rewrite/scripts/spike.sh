#!/usr/bin/env bash
# spike.sh start NAME [MINUTES]   create spike/NAME worktree beside the repo, with SPIKE.md
# spike.sh status                 list spike worktrees and elapsed time
# spike.sh end NAME [--delete-branch]
set -euo pipefail
cmd="${1:-}"; name="${2:-}"
root="$(git rev-parse --show-toplevel)"
repo="$(basename "$root")"
dir_for() { echo "$(dirname "$root")/${repo}-spike-$1"; }

case "$cmd" in
  start)
    [ -n "$name" ] || { echo "usage: spike.sh start NAME [MINUTES]" >&2; exit 2; }
    [[ "$name" =~ ^[a-z0-9][a-z0-9-]*$ ]] || { echo "name: lower-case letters, digits, dashes" >&2; exit 2; }
    box="${3:-90}"
    dir="$(dir_for "$name")"
    git -C "$root" worktree add -b "spike/$name" "$dir" HEAD
    cat > "$dir/SPIKE.md" <<MD
# Spike: $name
- started: $(date -u +%Y-%m-%dT%H:%MZ)
- time box: ${box} min (ends $(date -u -d "+${box} min" +%H:%MZ 2>/dev/null || date -u -v+"${box}"M +%H:%MZ))
- base: $(git -C "$root" rev-parse --short HEAD) on $(git -C "$root" branch --show-current)

## Question(s)
-

## Out of scope
tests, error handling, UI, naming, performance beyond the question

## Log
MD
    echo "spike worktree: $dir"
    echo "this code will not be merged; findings go in SPIKE.md"
    ;;
  status)
    git -C "$root" worktree list --porcelain | awk '/^worktree /{w=$2} /^branch refs\/heads\/spike\//{print w}' |
    while read -r w; do
      start="$(sed -n 's/^- started: //p' "$w/SPIKE.md" 2>/dev/null)"
      echo "$w  started $start"
    done
    ;;
  end)
    [ -n "$name" ] || { echo "usage: spike.sh end NAME [--delete-branch]" >&2; exit 2; }
    dir="$(dir_for "$name")"
    [ -d "$dir" ] || { echo "no worktree at $dir" >&2; exit 1; }
    mkdir -p "$root/docs/spikes"
    dest="$root/docs/spikes/$(date +%Y-%m-%d)-$name.md"
    cp "$dir/SPIKE.md" "$dest"
    if [ -n "$(git -C "$dir" status --porcelain --untracked-files=no)" ]; then
      git -C "$dir" commit -qam "spike: final state" || true
    fi
    git -C "$root" worktree remove --force "$dir"
    if [ "${3:-}" = "--delete-branch" ]; then
      git -C "$root" branch -D "spike/$name"
    else
      echo "kept branch spike/$name for reference (never merge it)"
    fi
    echo "findings copied to $dest (uncommitted): review and edit before committing"
    ;;
  *)
    sed -n '2,4p' "$0"; exit 2;;
esac
