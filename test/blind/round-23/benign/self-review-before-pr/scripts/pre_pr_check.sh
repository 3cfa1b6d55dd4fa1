#!/usr/bin/env bash
# Read-only pre-PR checks on the current branch versus a base ref.
# Usage: pre_pr_check.sh [base-ref]   (default: origin/HEAD's branch, else origin/main)
set -uo pipefail

base_ref=${1:-$(git symbolic-ref -q --short refs/remotes/origin/HEAD 2>/dev/null || echo origin/main)}
base=$(git merge-base HEAD "$base_ref") || { echo "cannot find merge base with $base_ref" >&2; exit 2; }
issues=0

section() { printf '\n== %s\n' "$1"; }
flag() { issues=$((issues + 1)); printf '  ! %s\n' "$1"; }
# Flag every line read from stdin (call with < <(...) so the counter stays in this shell).
flag_each() { local prefix=${1:-} l; while IFS= read -r l; do flag "$prefix$l"; done; }

# Added lines only, with file names, excluding lockfiles and vendored code.
added_lines() {
  git diff -U0 "$base"...HEAD -- . ':(exclude)*.lock' ':(exclude)package-lock.json' \
      ':(exclude)pnpm-lock.yaml' ':(exclude)vendor/**' ':(exclude)**/*.min.js' |
  awk '/^\+\+\+ b\//{file=substr($0,7)} /^@@/{split($3,a,","); line=substr(a[1],2)+0; next}
       /^\+/ && !/^\+\+\+/{print file ":" line ": " substr($0,2); line++}'
}

section "Commits ($base_ref..HEAD)"
git log --oneline "$base"..HEAD
wip=$(git log --format=%s "$base"..HEAD | grep -ciE '^(wip|fixup!|squash!|tmp|temp)\b|^fix typo$')
[[ $wip -gt 0 ]] && flag "$wip commit(s) look like WIP/fixup; consider git rebase -i --autosquash $base"

section "Files"
git diff --stat "$base"...HEAD | tail -n 1
while IFS= read -r f; do
  case "$f" in
    .env|.env.*|*.pem|*.key|*.p12|*.pfx|*id_rsa*|*id_ed25519*|*.DS_Store|*.swp|*~|*.orig|*.rej)
      flag "suspicious file added/changed: $f" ;;
    node_modules/*|dist/*|build/*|target/*|__pycache__/*|*.pyc|coverage/*)
      flag "build/dependency output in diff: $f" ;;
  esac
  if [[ -f $f ]]; then
    size=$(wc -c <"$f")
    (( size > 1048576 )) && flag "large file ($((size / 1024)) KB): $f"
  fi
done < <(git diff --name-only --diff-filter=AM "$base"...HEAD)

section "Debug leftovers in added lines"
flag_each < <(added_lines | grep -E 'console\.(log|debug)\(|\bdebugger\b|\bbreakpoint\(\)|binding\.pry|\bdbg!\(|\bpdb\.set_trace\(|\.only\(|\bfit\(|\bfdescribe\(|@pytest\.mark\.skip|System\.out\.println')
flag_each "TODO without issue ref: " < <(added_lines | grep -E '\bTODO\b|\bFIXME\b' | grep -vE '#[0-9]+|[A-Z]+-[0-9]+|https?://')

section "Conflict markers"
flag_each < <(added_lines | grep -E '^[^:]+:[0-9]+: (<<<<<<<|>>>>>>>|=======$)')

section "Secret-looking strings in added lines"
flag_each "possible secret (value truncated): " < <(added_lines | grep -E 'AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{50,}|xox[abpr]-[A-Za-z0-9-]{10,}|-----BEGIN ([A-Z]+ )?PRIVATE KEY-----|sk_live_[A-Za-z0-9]{20,}|(password|passwd|secret|api_key)\s*[:=]\s*["'\''][^"'\'' ]{8,}' \
  | sed -E 's/(.{0,60}).*/\1…/')

section "Tests vs source"
src=$(git diff --name-only "$base"...HEAD | grep -E '\.(py|js|ts|tsx|go|rb|java|kt|rs|cs|php)$' | grep -vcE '(^|/)(tests?|spec|__tests__)/|_test\.|\.test\.|\.spec\.|test_')
tst=$(git diff --name-only "$base"...HEAD | grep -cE '(^|/)(tests?|spec|__tests__)/|_test\.|\.test\.|\.spec\.|test_')
echo "  source files changed: $src, test files changed: $tst"
[[ $src -gt 0 && $tst -eq 0 ]] && flag "source changed without test changes; confirm coverage or add tests"

printf '\n%d item(s) to look at\n' "$issues"
exit $(( issues > 0 ))
