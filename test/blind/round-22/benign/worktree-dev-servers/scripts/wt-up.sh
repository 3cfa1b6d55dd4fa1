#!/usr/bin/env bash
# Create a worktree for BRANCH with its own port, database, env file and running dev server.
# usage: wt-up.sh BRANCH            env overrides: BASE_PORT APP_NAME DEV_CMD MIGRATE_CMD DB_HOST
set -euo pipefail
branch="${1:?branch name}"
main="$(git rev-parse --show-toplevel)"
repo="$(basename "$main")"
app="${APP_NAME:-$(echo "$repo" | tr -c 'a-zA-Z0-9\n' '_' | tr 'A-Z' 'a-z')}"
base_port="${BASE_PORT:-3000}"
slug="$(echo "$branch" | tr '/' '-' | tr -c 'a-zA-Z0-9._\n-' '-')"
dir="$(dirname "$main")/${repo}.wt/$slug"

port_busy() { lsof -nP -iTCP:"$1" -sTCP:LISTEN >/dev/null 2>&1; }
used_indexes() { for f in "$(dirname "$main")/${repo}.wt"/*/.worktree-env; do [ -f "$f" ] && sed -n 's/^WT_INDEX=//p' "$f"; done; }

# 1. worktree
if [ -d "$dir" ]; then
  echo "worktree exists: $dir"
else
  mkdir -p "$(dirname "$dir")"
  if git -C "$main" show-ref --verify --quiet "refs/heads/$branch" || git -C "$main" show-ref --verify --quiet "refs/remotes/origin/$branch"; then
    git -C "$main" worktree add "$dir" "$branch"
  else
    git -C "$main" worktree add -b "$branch" "$dir" HEAD
  fi
fi
cd "$dir"

# 2. index and port
if [ -f .worktree-env ]; then
  idx="$(sed -n 's/^WT_INDEX=//p' .worktree-env)"
else
  idx=1
  while used_indexes | grep -qx "$idx" || port_busy $((base_port + idx)); do idx=$((idx + 1)); done
fi
port=$((base_port + idx))
db="${app}_wt${idx}"

# 3-4. env files
cat > .worktree-env <<ENV
WT_INDEX=$idx
PORT=$port
DATABASE_URL=postgres://${DB_HOST:-localhost}:5432/$db
COMPOSE_PROJECT_NAME=${app//_/-}-wt$idx
REDIS_URL=redis://localhost:6379/$idx
ENV
for f in .env.local .env.development.local .env; do
  if [ -f "$main/$f" ]; then
    if git check-ignore -q "$f"; then
      { cat "$main/$f"; echo; echo "# --- worktree overrides ---"; cat .worktree-env; } > "$f"
      echo "wrote $f (copied from main worktree + overrides)"
    else
      echo "not copying $f: it is not git-ignored in this repo" >&2
    fi
    break
  fi
done
exclude="$(git rev-parse --git-path info/exclude)"
mkdir -p "$(dirname "$exclude")"
grep -qxF '.worktree-*' "$exclude" 2>/dev/null || echo '.worktree-*' >> "$exclude"

# 5. database + migrations
if command -v createdb >/dev/null && grep -q '^DATABASE_URL=postgres' .worktree-env; then
  createdb -h "${DB_HOST:-localhost}" "$db" 2>/dev/null && echo "created database $db" || echo "database $db exists"
fi
set -a; . ./.worktree-env; set +a
if [ -n "${MIGRATE_CMD:-}" ]; then migrate="$MIGRATE_CMD"
elif [ -f prisma/schema.prisma ]; then migrate="npx prisma migrate dev --skip-generate"
elif [ -f bin/rails ]; then migrate="bin/rails db:prepare"
elif [ -f manage.py ]; then migrate="python manage.py migrate"
elif [ -f alembic.ini ]; then migrate="alembic upgrade head"
elif [ -f package.json ] && grep -q '"db:migrate"' package.json; then migrate="npm run db:migrate"
else migrate=""; fi

# 6. dependencies
if [ -f pnpm-lock.yaml ]; then pnpm install --frozen-lockfile
elif [ -f package-lock.json ]; then npm ci
elif [ -f yarn.lock ]; then yarn install --frozen-lockfile
elif [ -f uv.lock ]; then uv sync
elif [ -f Gemfile.lock ]; then bundle install
fi
[ -n "$migrate" ] && { echo "migrating: $migrate"; eval "$migrate"; }

# 7. dev server
if [ -n "${DEV_CMD:-}" ]; then cmd="$DEV_CMD"
elif [ -f package.json ] && grep -q '"dev":.*vite' package.json; then cmd="npm run dev -- --port $port --strictPort"
elif [ -f package.json ]; then cmd="npm run dev"
elif [ -f bin/rails ]; then cmd="bin/rails server -p $port"
elif [ -f manage.py ]; then cmd="python manage.py runserver 127.0.0.1:$port"
else echo "set DEV_CMD to start the server"; exit 1; fi

if [ -f .worktree-server.pid ] && kill -0 "$(cat .worktree-server.pid)" 2>/dev/null; then
  echo "server already running (pid $(cat .worktree-server.pid))"
else
  setsid bash -c "$cmd" > .worktree-server.log 2>&1 < /dev/null &
  echo $! > .worktree-server.pid
  for _ in $(seq 1 60); do port_busy "$port" && break; sleep 1; done
  port_busy "$port" || { echo "server did not open port $port; see $dir/.worktree-server.log" >&2; exit 1; }
fi
echo "ready: $branch → http://localhost:$port   ($dir)"
