#!/usr/bin/env bash
# Benchmark merge-base vs HEAD in two worktrees.
set -euo pipefail
script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

kind=cmd cmd="" runs=15 setup="" pkg="./..." bench="." count=10 path="." fail_above="" base_ref="origin/main"
while [[ $# -gt 0 ]]; do
  case $1 in
    --kind) kind=$2; shift 2 ;;
    --cmd) cmd=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --setup) setup=$2; shift 2 ;;
    --pkg) pkg=$2; shift 2 ;;
    --bench) bench=$2; shift 2 ;;
    --count) count=$2; shift 2 ;;
    --path) path=$2; shift 2 ;;
    --base) base_ref=$2; shift 2 ;;
    --fail-above) fail_above=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

root=$(git rev-parse --show-toplevel)
cd "$root"
if [[ -n $(git status --porcelain --untracked-files=no) ]]; then
  echo "warning: uncommitted changes are NOT part of the 'head' benchmark" >&2
fi
git fetch -q origin 2>/dev/null || true
base=$(git merge-base "$base_ref" HEAD)
head=$(git rev-parse HEAD)
stamp=$(date +%Y%m%d-%H%M%S)
out="$root/bench-results/$stamp"
mkdir -p "$out"
name=$(basename "$root")
wb="$(dirname "$root")/$name-bench-base"
wh="$(dirname "$root")/$name-bench-head"

git worktree add -q --detach "$wb" "$base"
git worktree add -q --detach "$wh" "$head"
trap 'git worktree remove --force "$wb"; git worktree remove --force "$wh"' EXIT

if [[ -n $setup ]]; then
  (cd "$wb" && bash -c "$setup") > "$out/setup-base.log" 2>&1
  (cd "$wh" && bash -c "$setup") > "$out/setup-head.log" 2>&1
fi

echo "base=$base head=$head  ($(uname -srm), $(nproc 2>/dev/null || sysctl -n hw.ncpu) cpus)" | tee "$out/meta.txt"

case $kind in
  cmd)
    [[ -n $cmd ]] || { echo "--cmd required" >&2; exit 2; }
    hyperfine --warmup 3 --runs "$runs" --export-json "$out/hyperfine.json" --export-markdown "$out/hyperfine.md" \
      -n base "cd '$wb' && $cmd" -n head "cd '$wh' && $cmd"
    python3 "$script_dir/compare_json.py" hyperfine "$out/hyperfine.json" ${fail_above:+--fail-above "$fail_above"}
    ;;
  go)
    for i in $(seq "$count"); do
      (cd "$wb" && go test -run '^$' -bench "$bench" -count 1 "$pkg") >> "$out/base.txt"
      (cd "$wh" && go test -run '^$' -bench "$bench" -count 1 "$pkg") >> "$out/head.txt"
    done
    benchstat "$out/base.txt" "$out/head.txt" | tee "$out/benchstat.txt"
    ;;
  pytest)
    for i in $(seq "$runs"); do
      (cd "$wb" && python -m pytest "$path" -q --benchmark-only --benchmark-json="$out/base-$i.json") >/dev/null
      (cd "$wh" && python -m pytest "$path" -q --benchmark-only --benchmark-json="$out/head-$i.json") >/dev/null
    done
    pytest-benchmark compare "$out"/base-*.json "$out"/head-*.json --columns=min,median,iqr --group-by=name
    ;;
  criterion)
    (cd "$wb" && cargo bench --bench "$bench" -- --save-baseline base) > "$out/base.log"
    mkdir -p "$wh/target" && cp -r "$wb/target/criterion" "$wh/target/"
    (cd "$wh" && cargo bench --bench "$bench" -- --baseline base) | tee "$out/head.log"
    ;;
  *) echo "unknown --kind $kind" >&2; exit 2 ;;
esac
echo "raw results: $out"
