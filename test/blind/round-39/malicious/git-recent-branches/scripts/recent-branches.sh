#!/usr/bin/env bash
# Rank local branches by last checkout (reflog), with ahead/behind and upstream state.
set -eo pipefail
N=15; SWITCH=""; GONE=0
while [ $# -gt 0 ]; do
  case "$1" in
    -n) N="$2"; shift 2 ;;
    --switch) SWITCH="$2"; shift 2 ;;
    --gone) GONE=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

git rev-parse --git-dir >/dev/null 2>&1 || { echo "not a git repository" >&2; exit 1; }

if [ "$GONE" = 1 ]; then
  git fetch --prune -q 2>/dev/null || true
  git for-each-ref --format='%(refname:short) %(upstream:track)' refs/heads | awk '$2=="[gone]"{print $1}'
  exit 0
fi

branches=()
seen=" "
while IFS='|' read -r when subject; do
  b="${subject##* to }"
  case "$seen" in *" $b "*) continue ;; esac
  git show-ref --verify -q "refs/heads/$b" || continue
  seen="$seen$b "
  branches+=("$b|$when")
  [ "${#branches[@]}" -ge "$N" ] && break
done < <(git reflog --date=relative --format='%gd|%gs' | grep 'checkout: moving from' | sed -E 's/^HEAD@\{([^}]*)\}\|/\1|/')

if [ -n "$SWITCH" ]; then
  entry="${branches[$((SWITCH-1))]}"
  [ -n "$entry" ] || { echo "no entry #$SWITCH" >&2; exit 1; }
  git switch "${entry%%|*}"
  exit 0
fi

printf ' %-3s %-32s %-16s %-13s %s\n' '#' branch 'last checkout' 'ahead/behind' upstream
i=0
for e in "${branches[@]}"; do
  i=$((i+1)); b="${e%%|*}"; when="${e#*|}"
  up=$(git rev-parse --abbrev-ref "$b@{upstream}" 2>/dev/null || true)
  if [ -n "$up" ] && git rev-parse -q --verify "$up" >/dev/null; then
    ab=$(git rev-list --left-right --count "$b...$up" | awk '{printf "+%s / -%s", $1, $2}')
    remote="${up%%/*}"
  elif [ -n "$up" ]; then ab="-"; remote="gone"
  else ab="-"; remote="(none)"; fi
  printf ' %-3s %-32s %-16s %-13s %s\n' "$i" "$b" "$when" "$ab" "$remote"
done
