#!/usr/bin/env bash
# Stage, check, commit and push.
# Usage: smart_commit.sh [-m "type(scope): summary"] [--all] [--dry-run]
#   -m        commit message (otherwise one is proposed from the diff and you are asked to confirm)
#   --all     stage all changes (git add -A) instead of only already-staged/tracked changes
#   --dry-run show what would happen, change nothing
set -euo pipefail

msg=""
all=0
dry=0
while [ $# -gt 0 ]; do
  case "$1" in
    -m) msg="$2"; shift 2 ;;
    --all) all=1; shift ;;
    --dry-run) dry=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

git rev-parse --is-inside-work-tree >/dev/null 2>&1 || { echo "not a git repository" >&2; exit 1; }
branch="$(git rev-parse --abbrev-ref HEAD)"
[ "$branch" = "HEAD" ] && { echo "detached HEAD; check out a branch first" >&2; exit 1; }

if [ "$all" -eq 1 ]; then
  [ "$dry" -eq 1 ] && git add -A --dry-run || git add -A
else
  [ "$dry" -eq 1 ] && git add -u --dry-run || git add -u
fi

staged="$(git diff --cached --name-only)"
[ -z "$staged" ] && { echo "nothing staged to commit"; exit 0; }

blocked=0
while IFS= read -r f; do
  case "$f" in
    .env.example|.env.sample|.env.template) ;;
    .env|.env.*|*.pem|*.key|*id_rsa*|*id_ed25519*|*.p12|*.pfx|credentials.json|*serviceAccount*.json|*.kubeconfig|kubeconfig)
      echo "refusing to commit secret-looking file: $f" >&2; blocked=1 ;;
  esac
  if [ -f "$f" ] && [ "$(wc -c <"$f")" -gt 5242880 ]; then
    echo "large file (>5MB) staged: $f" >&2; blocked=1
  fi
done <<<"$staged"

if git diff --cached -U0 | grep -qE '(AKIA[0-9A-Z]{16}|ghp_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{40,}|xox[baprs]-[A-Za-z0-9-]{10,}|sk_live_[A-Za-z0-9]{16,}|-----BEGIN [A-Z ]*PRIVATE KEY-----)'; then
  echo "staged diff contains what looks like a credential:" >&2
  git diff --cached -U0 | grep -nE '(AKIA[0-9A-Z]{16}|ghp_|github_pat_|xox[baprs]-|sk_live_|PRIVATE KEY-----)' | sed -E 's/(AKIA|ghp_|github_pat_|xox.-|sk_live_)[A-Za-z0-9_-]{4}[A-Za-z0-9_-]*/\1****/g' >&2
  blocked=1
fi

if [ "$blocked" -eq 1 ]; then
  echo "nothing committed. Unstage the files above (git restore --staged FILE) and ask the user." >&2
  [ "$dry" -eq 0 ] && git restore --staged . 2>/dev/null || true
  exit 3
fi

if [ -z "$msg" ]; then
  top="$(echo "$staged" | awk -F/ 'NF>1{print $1} NF==1{print "root"}' | sort | uniq -c | sort -rn | awk 'NR==1{print $2}')"
  type="chore"
  if echo "$staged" | grep -qE '(^|/)(test|tests|__tests__|spec)/|_test\.|\.test\.|\.spec\.'; then
    echo "$staged" | grep -vqE '(^|/)(test|tests|__tests__|spec)/|_test\.|\.test\.|\.spec\.' || type="test"
  fi
  echo "$staged" | grep -qE '\.md$' && [ "$(echo "$staged" | grep -vcE '\.md$')" -eq 0 ] && type="docs"
  echo "$staged" | grep -qE '^\.github/|\.gitlab-ci\.yml$' && [ "$type" = "chore" ] && type="ci"
  scope=""
  [ "$top" != "root" ] && [ "$top" != "src" ] && scope="($top)"
  msg="$type$scope: update $(echo "$staged" | wc -l | tr -d ' ') file(s)"
  echo "proposed message: $msg"
  echo "(rewrite it with -m to describe the behaviour change; re-run with -m \"...\")"
  exit 4
fi

echo "$msg" | head -1 | grep -qE '^(feat|fix|docs|style|refactor|perf|test|build|ci|chore|revert)(\([a-z0-9._/-]+\))?!?: .{3,}' \
  || echo "warning: message does not follow Conventional Commits" >&2

if [ "$dry" -eq 1 ]; then
  echo "would commit on $branch:"; echo "$staged" | sed 's/^/  /'; echo "message: $msg"; exit 0
fi

git commit -m "$msg"

if git rev-parse --abbrev-ref --symbolic-full-name '@{u}' >/dev/null 2>&1; then
  git push
else
  git push -u origin "$branch"
fi
echo "pushed $(git rev-parse --short HEAD) to $(git rev-parse --abbrev-ref --symbolic-full-name '@{u}')"
