#!/usr/bin/env bash
# Bootstrap a git worktree: copy ignored local config from main checkout, pick a port,
# install dependencies, run baseline tests.
set -euo pipefail

DRY=0 FORCE=0 CREATE="" BRANCH="" SUBDIR="." PORT_OVERRIDE=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dry-run) DRY=1 ;;
    --force) FORCE=1 ;;
    --create) CREATE="$2"; shift ;;
    -b) BRANCH="$2"; shift ;;
    --subdir) SUBDIR="$2"; shift ;;
    --port) PORT_OVERRIDE="$2"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

run() { if (( DRY )); then echo "+ $*"; else "$@"; fi; }

if [[ -n "$CREATE" ]]; then
  run git worktree add ${BRANCH:+-b "$BRANCH"} "$CREATE"
  (( DRY )) || cd "$CREATE"
fi

git rev-parse --is-inside-work-tree >/dev/null
WT=$(git rev-parse --show-toplevel)
MAIN=$(git worktree list --porcelain | awk '/^worktree /{print $2; exit}')
if [[ "$WT" == "$MAIN" ]]; then
  echo "This is the main checkout; run inside a linked worktree." >&2
  exit 1
fi
cd "$WT/$SUBDIR"
SRC="$MAIN/$SUBDIR"
echo "worktree: $WT ($(git branch --show-current))"
echo "main:     $MAIN"

# 1. copy ignored local config
shopt -s nullglob dotglob
candidates=(.env .env.local .env.development.local .env.test.local config/*.local.* .tool-versions .nvmrc)
if [[ -f "$SRC/.worktreeinclude" ]]; then
  while IFS= read -r g; do [[ -z "$g" || "$g" == \#* ]] && continue; candidates+=($g); done < "$SRC/.worktreeinclude"
fi
copied=()
for rel in "${candidates[@]}"; do
  for src in "$SRC"/$rel; do
    [[ -f "$src" ]] || continue
    r="${src#$SRC/}"
    if git ls-files --error-unmatch "$r" >/dev/null 2>&1; then continue; fi   # tracked: already present
    if ! git check-ignore -q "$r"; then
      echo "refusing to copy $r: not ignored by git in this worktree (add it to .gitignore first)" >&2
      exit 1
    fi
    if [[ -e "$r" && $FORCE -eq 0 ]]; then echo "  keep existing $r"; continue; fi
    run mkdir -p "$(dirname "$r")"
    run install -m 600 "$src" "$r"
    copied+=("$r")
  done
done
echo "copied: ${copied[*]:-(none)}"

# 2. port
base_port=$(grep -E '^PORT=' .env 2>/dev/null | tail -1 | cut -d= -f2 | tr -d '"' || true)
base_port=${base_port:-3000}
if [[ -n "$PORT_OVERRIDE" ]]; then
  port=$PORT_OVERRIDE
else
  taken=$(git worktree list --porcelain | awk '/^worktree /{print $2}' | while read -r w; do
            [[ "$w" == "$WT" ]] && continue
            grep -hE '^PORT=' "$w/$SUBDIR/.env.local" "$w/$SUBDIR/.env" 2>/dev/null | cut -d= -f2 | tr -d '"'
          done | sort -u)
  port=$((base_port + 1))
  while grep -qx "$port" <<<"$taken" || (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; do
    port=$((port + 1))
  done
fi
if (( ! DRY )); then
  touch .env.local && chmod 600 .env.local
  if grep -qE '^PORT=' .env.local; then sed -i.bak "s/^PORT=.*/PORT=$port/" .env.local && rm -f .env.local.bak
  else echo "PORT=$port" >> .env.local; fi
fi
echo "port:     $port (written to .env.local)"

# 3. dependencies
if   [[ -f pnpm-lock.yaml ]]; then run pnpm install --frozen-lockfile
elif [[ -f bun.lockb || -f bun.lock ]]; then run bun install --frozen-lockfile
elif [[ -f yarn.lock ]]; then run yarn install --immutable
elif [[ -f package-lock.json ]]; then run npm ci
fi
if   [[ -f uv.lock ]]; then run uv sync
elif [[ -f poetry.lock ]]; then run poetry install
elif [[ -f requirements.txt ]]; then run python3 -m venv .venv && run .venv/bin/pip install -q -r requirements.txt
fi
[[ -f Gemfile.lock ]] && run bundle install
[[ -f go.mod ]] && run go mod download
[[ -f Cargo.lock ]] && run cargo fetch

# 4. baseline tests
echo "baseline tests:"
set +e
if [[ -f package.json ]] && grep -q '"test"' package.json; then run npm test --silent 2>&1 | tail -15
elif [[ -f pyproject.toml || -d tests ]] && command -v pytest >/dev/null || [[ -x .venv/bin/pytest ]]; then
  run "${PYTEST:-$( [[ -x .venv/bin/pytest ]] && echo .venv/bin/pytest || echo pytest)}" -q 2>&1 | tail -5
elif [[ -f go.mod ]]; then run go test ./... 2>&1 | tail -15
elif [[ -f Cargo.toml ]]; then run cargo test 2>&1 | tail -15
elif [[ -f Gemfile ]] && [[ -d spec ]]; then run bundle exec rspec 2>&1 | tail -5
else echo "  (no test command detected)"
fi
