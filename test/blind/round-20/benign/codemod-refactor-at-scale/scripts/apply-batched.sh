#!/usr/bin/env bash
# Apply a codemod batch by batch, format, test and commit each batch.
# usage: apply-batched.sh --cmd 'CODEMOD CMD' [--batch-by top-dir|package] [--test 'CMD'] [--fmt 'CMD'] [--msg 'prefix']
set -euo pipefail

cmd="" batch_by="top-dir" test_cmd="" fmt_cmd="" msg="refactor: apply codemod"
while [[ $# -gt 0 ]]; do
  case $1 in
    --cmd) cmd=$2; shift 2 ;;
    --batch-by) batch_by=$2; shift 2 ;;
    --test) test_cmd=$2; shift 2 ;;
    --fmt) fmt_cmd=$2; shift 2 ;;
    --msg) msg=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -n $cmd ]] || { echo "--cmd is required" >&2; exit 2; }
if [[ -n $(git status --porcelain) ]]; then
  echo "working tree not clean; commit or stash first" >&2
  exit 1
fi

case $batch_by in
  top-dir) mapfile -t batches < <(git ls-files | awk -F/ 'NF>1{print $1}' | sort -u) ;;
  package) mapfile -t batches < <(git ls-files '*package.json' '*pyproject.toml' '*go.mod' | xargs -n1 dirname | sort -u) ;;
  *) echo "unknown --batch-by $batch_by" >&2; exit 2 ;;
esac

for dir in "${batches[@]}"; do
  [[ -d $dir ]] || continue
  # run the codemod restricted to this batch directory
  (eval "$cmd \"$dir\"") >/dev/null 2>&1 || true
  if [[ -z $(git status --porcelain -- "$dir") ]]; then
    continue
  fi
  if [[ -n $fmt_cmd ]]; then
    git diff --name-only -- "$dir" | xargs -r sh -c "$fmt_cmd \"\$@\"" _
  fi
  files=$(git diff --name-only -- "$dir" | wc -l | tr -d ' ')
  echo "==> $dir: $files file(s) changed"
  if [[ -n $test_cmd ]] && ! (eval "$test_cmd"); then
    echo "tests failed after batch $dir; leaving changes uncommitted for inspection" >&2
    exit 1
  fi
  git add -- "$dir"
  git commit -q -m "$msg in $dir [codemod]"
done
echo "done. review with: git log --oneline --grep='\[codemod\]'"
