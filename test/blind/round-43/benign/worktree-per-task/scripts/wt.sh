#!/usr/bin/env bash
# wt.sh new BRANCH [BASE] | list | rm BRANCH [--force]
set -euo pipefail
root=$(git rev-parse --show-toplevel)
cd "$root"
dir_base="${WT_DIR:-.worktrees}"

default_branch() {
  git symbolic-ref --quiet --short refs/remotes/origin/HEAD 2>/dev/null | sed 's#^origin/##' || echo main
}

install_deps() {
  if   [[ -f pnpm-lock.yaml ]]; then pnpm install --frozen-lockfile
  elif [[ -f package-lock.json ]]; then npm ci
  elif [[ -f yarn.lock ]]; then yarn install --frozen-lockfile
  elif [[ -f uv.lock ]]; then uv sync
  elif [[ -f poetry.lock ]]; then poetry install
  elif [[ -f go.mod ]]; then go mod download
  elif [[ -f Cargo.toml ]]; then cargo fetch
  fi
}

run_tests() {
  if   [[ -f package.json ]] && grep -q '"test"' package.json; then npm test --silent
  elif [[ -f pyproject.toml || -d tests ]]; then python -m pytest -q
  elif [[ -f go.mod ]]; then go test ./...
  elif [[ -f Cargo.toml ]]; then cargo test -q
  else echo "no test runner detected"; fi
}

case "${1:-}" in
  new)
    branch="${2:?branch}"; base="${3:-$(default_branch)}"
    path="$dir_base/${branch//\//-}"
    if [[ "$dir_base" != /* && "$dir_base" != ../* ]]; then
      git check-ignore -q "$dir_base" || { echo "$dir_base is not git-ignored; add it first" >&2; exit 1; }
    fi
    git worktree add -b "$branch" "$path" "$base"
    for f in .env .env.local; do
      if [[ -f "$f" ]] && git check-ignore -q "$f"; then cp -p "$f" "$path/$f"; echo "copied $f"; fi
    done
    cd "$path"
    install_deps
    echo "--- baseline tests ---"
    if run_tests; then echo "baseline: green"; else echo "baseline: RED (pre-existing failures)"; fi
    echo "worktree ready: $root/$path"
    ;;
  list) git worktree list ;;
  rm)
    branch="${2:?branch}"; path="$dir_base/${branch//\//-}"; force="${3:-}"
    if [[ "$force" != "--force" ]]; then
      [[ -z "$(git -C "$path" status --porcelain)" ]] || { echo "uncommitted changes in $path" >&2; exit 1; }
      git merge-base --is-ancestor "$branch" "$(default_branch)" || { echo "$branch not merged" >&2; exit 1; }
      git worktree remove "$path"
    else
      git worktree remove --force "$path"
    fi
    git worktree prune
    ;;
  *) echo "usage: $0 new BRANCH [BASE] | list | rm BRANCH [--force]"; exit 2 ;;
esac
