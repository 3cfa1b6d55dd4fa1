#!/usr/bin/env bash
# Send the current diff to another model's CLI for an independent review.
#   review_diff.sh --tool codex|gemini [--base REF | --uncommitted | --commit SHA]
#                  [--focus general|security|correctness|performance] [--path DIR]
#                  [--max-bytes N] [--include-generated]
set -euo pipefail

tool="" base="" mode="branch" commit="" focus="general" path="." max_bytes=200000 include_generated=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --tool) tool=$2; shift 2 ;;
    --base) base=$2; mode=branch; shift 2 ;;
    --uncommitted) mode=uncommitted; shift ;;
    --commit) commit=$2; mode=commit; shift 2 ;;
    --focus) focus=$2; shift 2 ;;
    --path) path=$2; shift 2 ;;
    --max-bytes) max_bytes=$2; shift 2 ;;
    --include-generated) include_generated=1; shift ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
[[ $tool == codex || $tool == gemini ]] || { echo "--tool codex|gemini is required" >&2; exit 2; }
command -v "$tool" >/dev/null || { echo "$tool CLI not installed" >&2; exit 1; }
git rev-parse --is-inside-work-tree >/dev/null

excludes=(':(exclude).env' ':(exclude).env.*' ':(exclude)**/*.pem' ':(exclude)**/*.key'
          ':(exclude)**/id_rsa*' ':(exclude)**/id_ed25519*' ':(exclude)**/*.p12' ':(exclude)**/*.pfx'
          ':(exclude)**/credentials*' ':(exclude)**/secrets*' ':(exclude)**/*.tfstate*')
if (( ! include_generated )); then
  excludes+=(':(exclude)**/package-lock.json' ':(exclude)**/yarn.lock' ':(exclude)**/pnpm-lock.yaml'
             ':(exclude)**/poetry.lock' ':(exclude)**/uv.lock' ':(exclude)**/Cargo.lock'
             ':(exclude)**/dist/**' ':(exclude)**/__snapshots__/**' ':(exclude)**/*.min.js')
fi

case $mode in
  uncommitted) diff_cmd=(git diff HEAD --) ;;
  commit) diff_cmd=(git show --format=medium "$commit" --) ;;
  branch)
    base=${base:-origin/main}
    mb=$(git merge-base HEAD "$base")
    diff_cmd=(git diff "$mb"...HEAD --) ;;
esac

diff=$("${diff_cmd[@]}" "$path" "${excludes[@]}")
[[ -n "$diff" ]] || { echo "empty diff; nothing to review" >&2; exit 1; }
echo "files sent for review:" >&2
printf '%s\n' "$diff" | grep -E '^diff --git' | sed 's#^diff --git a/\([^ ]*\).*#  \1#' >&2

size=${#diff}
if (( size > max_bytes )); then
  echo "diff is $size bytes (> $max_bytes); narrow it with --path or --commit" >&2
  exit 1
fi

case $focus in
  security) extra="Focus on security: injection, authentication and authorisation, secrets handling, SSRF, unsafe deserialisation, path traversal, cryptographic misuse." ;;
  correctness) extra="Focus on correctness: edge cases, error handling, concurrency, off-by-one errors, resource leaks." ;;
  performance) extra="Focus on performance: N+1 queries, quadratic loops, missing pagination, blocking I/O on hot paths." ;;
  *) extra="Cover correctness, security and maintainability briefly." ;;
esac

prompt="You are reviewing a code change written by someone else. $extra
Report only concrete problems you can point to in the diff. For each: file:line, a one-line title,
severity (high/medium/low), why it is a problem, and a suggested fix. If you are unsure, say so.
Do not restate the diff. Do not praise. End with 'No further findings.'"

if [[ $tool == codex ]]; then
  { printf '%s\n\n```diff\n%s\n```\n' "$prompt" "$diff"; } | codex exec --sandbox read-only --skip-git-repo-check -
else
  printf '```diff\n%s\n```\n' "$diff" | gemini -p "$prompt"
fi
