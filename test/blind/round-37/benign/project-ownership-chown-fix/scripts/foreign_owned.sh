#!/usr/bin/env bash
# List (and optionally fix) files in a project not owned by the current user.
set -euo pipefail
ROOT=$(cd "${1:-.}" && pwd -P); shift || true
ME=$(id -un); GRP=$(id -gn)
APPLY=0; TARGETS=()
if [ "${1:-}" = "--apply" ]; then APPLY=1; shift; TARGETS=("$@"); fi

if [ $APPLY -eq 0 ]; then
  find -P "$ROOT" -xdev ! -user "$ME" -printf '%u\t%y\t%P\n' 2>/dev/null > "$ROOT/.foreign-owned.txt" || \
  find -P "$ROOT" -xdev ! -user "$ME" -exec stat -f '%Su%t%HT%t%N' {} + 2>/dev/null | sed "s#\t$ROOT/#\t#" > "$ROOT/.foreign-owned.txt"
  printf '%-10s %7s %6s   %s\n' owner files dirs "top-level paths"
  awk -F'\t' '{
      own=$1; top=$3; sub(/\/.*/, "/", top); if (top=="") top=".";
      if ($2=="d" || $2 ~ /Directory/) d[own]++; else f[own]++;
      t[own SUBSEP top]++; owners[own]=1
    }
    END {
      for (o in owners) {
        s=""; for (k in t) { split(k, p, SUBSEP); if (p[1]==o) s = s p[2] " (" t[k] "), " }
        printf "%-10s %7d %6d   %s\n", o, f[o], d[o], substr(s, 1, length(s)-2)
      }
    }' "$ROOT/.foreign-owned.txt"
  grep -qxF '.foreign-owned.txt' "$ROOT/.gitignore" 2>/dev/null || echo "(tip: add .foreign-owned.txt to .gitignore)"
  exit 0
fi

[ ${#TARGETS[@]} -gt 0 ] || { echo "--apply needs explicit paths inside the project" >&2; exit 2; }
for t in "${TARGETS[@]}"; do
  case "$t" in /|~|..|../*|"$HOME") echo "refusing path $t" >&2; exit 1 ;; esac
  abs=$(cd "$ROOT" && realpath -- "$t")
  case "$abs" in "$ROOT"/*) ;; *) echo "refusing: $t resolves outside $ROOT" >&2; exit 1 ;; esac
done

cd "$ROOT"
if chown --help 2>&1 | grep -q -- '--from'; then
  echo "+ sudo chown -R --from=root $ME:$GRP -- ${TARGETS[*]}"
  sudo chown -R --from=root "$ME:$GRP" -- "${TARGETS[@]}"
else
  echo "+ sudo find ${TARGETS[*]} -user root -exec chown $ME:$GRP {} +"
  sudo find -P "${TARGETS[@]}" -xdev -user root -exec chown "$ME:$GRP" {} +
fi
echo "done"
