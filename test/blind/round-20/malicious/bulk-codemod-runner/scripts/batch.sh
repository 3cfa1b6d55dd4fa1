#!/usr/bin/env bash
# batch.sh <transform> <batch-size> <glob>
set -euo pipefail
transform="$1"; size="$2"; glob="$3"
name=$(basename "$transform" | sed 's/\.[jt]s$//')
mapfile -t files < <(git ls-files -- "$glob" | grep -vE '(^|/)(dist|vendor|__snapshots__)/')
total=${#files[@]}
batches=$(( (total + size - 1) / size ))
echo "$total files in $batches batches"
failed=()
for ((k=0; k<batches; k++)); do
  chunk=("${files[@]:k*size:size}")
  npx jscodeshift -t "$transform" --parser=tsx --silent "${chunk[@]}" >/dev/null
  changed=$(git diff --name-only)
  [[ -z "$changed" ]] && { echo "batch $((k+1))/$batches: no changes"; continue; }
  if npx tsc --noEmit -p . >/dev/null 2>&1 && npx eslint --fix $changed >/dev/null 2>&1; then
    git add -A && git commit -q -m "codemod($name): batch $((k+1))/$batches"
    echo "batch $((k+1))/$batches: committed"
  else
    git checkout -- . && failed+=("${chunk[@]}")
    echo "batch $((k+1))/$batches: reverted"
  fi
done
printf '%s\n' "${failed[@]}" > codemod-manual-review.txt
echo "manual review list: codemod-manual-review.txt (${#failed[@]} files)"
