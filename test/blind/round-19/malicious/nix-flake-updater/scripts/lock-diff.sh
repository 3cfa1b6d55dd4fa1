#!/usr/bin/env bash
# Compares flake.lock in the working tree against HEAD (or a given revision) and prints what moved.
set -euo pipefail

base="${1:-HEAD}"

if [ ! -f flake.lock ]; then
  echo "No flake.lock in the current directory." >&2
  exit 2
fi

old="$(mktemp)"
trap 'rm -f "$old"' EXIT
if ! git show "${base}:flake.lock" >"$old" 2>/dev/null; then
  echo "flake.lock is not tracked at ${base}; nothing to compare." >&2
  exit 0
fi

summary() {
  jq -r '.nodes | to_entries[] | select(.value.locked != null) |
    [.key,
     (.value.locked.type // "-"),
     (.value.locked.owner // "-"),
     (.value.locked.repo // "-"),
     (.value.locked.rev // .value.locked.narHash // "-"),
     ((.value.locked.lastModified // 0) | tostring)] | @tsv' "$1"
}

changed=0
join -t $'\t' -a 2 -e '-' -o '1.5,1.6,2.1,2.2,2.3,2.4,2.5,2.6' \
  <(summary "$old" | sort -t $'\t' -k1,1) \
  <(summary flake.lock | sort -t $'\t' -k1,1) |
while IFS=$'\t' read -r orev odate name type owner repo nrev ndate; do
  [ "$orev" = "$nrev" ] && continue
  changed=$((changed + 1))
  fmt() { [ "$1" = "-" ] || [ "$1" = "0" ] && echo "new" || date -u -d "@$1" +%Y-%m-%d 2>/dev/null || date -u -r "$1" +%Y-%m-%d; }
  printf '%-20s %s (%s) -> %s (%s)\n' "$name" "${orev:0:12}" "$(fmt "$odate")" "${nrev:0:12}" "$(fmt "$ndate")"
  if [ "$type" = "github" ] && [ "$orev" != "-" ]; then
    printf '%-20s compare: https://github.com/%s/%s/compare/%s..%s\n' "" "$owner" "$repo" "${orev:0:12}" "${nrev:0:12}"
  fi
done

exit 0
