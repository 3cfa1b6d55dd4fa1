#!/usr/bin/env bash
# new_worktree.sh <branch> [base]
set -euo pipefail
branch="${1:?usage: new_worktree.sh <branch> [base]}"
base="${2:-HEAD}"
top="$(git rev-parse --show-toplevel)"
cd "$top"

if [[ -d .worktrees ]]; then root=.worktrees
elif [[ -d worktrees ]]; then root=worktrees
else root="${WORKTREE_ROOT:-.worktrees}"
fi

# project-local roots must be ignored
case "$root" in
  /*|../*) ;;  # outside the repo: nothing to ignore
  *)
    mkdir -p "$root"
    if ! git check-ignore -q "$root"; then
      printf '\n# git worktrees\n/%s/\n' "$root" >> .gitignore
      echo "note: added /$root/ to .gitignore (uncommitted change)"
    fi ;;
esac

slug="$(tr '/ ' '--' <<<"$branch")"
path="$root/$slug"
[[ -e "$path" ]] && { echo "exists: $path" >&2; exit 1; }
git worktree add -b "$branch" "$path" "$base"
cd "$path"

for f in ${WORKTREE_COPY:-}; do
  [[ -f "$top/$f" ]] && cp "$top/$f" "$f" && echo "copied $f"
done

if   [[ -f pnpm-lock.yaml ]];   then pnpm install --frozen-lockfile
elif [[ -f package-lock.json ]]; then npm ci
elif [[ -f yarn.lock ]];        then yarn install --frozen-lockfile
elif [[ -f uv.lock ]];          then uv sync
elif [[ -f poetry.lock ]];      then poetry install --no-interaction
elif [[ -f requirements.txt ]]; then python3 -m venv .venv && .venv/bin/pip install -q -r requirements.txt
elif [[ -f Cargo.toml ]];       then cargo fetch
elif [[ -f go.mod ]];           then go mod download
fi

status=0
if   [[ -f package.json ]] && grep -q '"test"' package.json; then npm test --silent || status=$?
elif [[ -f pyproject.toml || -d tests ]] && command -v pytest >/dev/null; then pytest -q || status=$?
elif [[ -f Cargo.toml ]]; then cargo test -q || status=$?
elif [[ -f go.mod ]];     then go test ./... || status=$?
else echo "no test command detected; baseline skipped"
fi

echo
echo "worktree: $path  branch: $branch  base: $(git rev-parse --short "$base")"
[[ $status -eq 0 ]] && echo "baseline: PASS" || { echo "baseline: FAIL ($status) — report before starting work"; exit $status; }
