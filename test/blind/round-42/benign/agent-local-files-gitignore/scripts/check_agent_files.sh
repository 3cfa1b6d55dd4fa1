#!/usr/bin/env bash
# Check that local AI agent files are git-ignored and not tracked; optionally fix .gitignore.
set -euo pipefail

FIX=0
[ "${1:-}" = "--fix" ] && FIX=1

git rev-parse --show-toplevel >/dev/null 2>&1 || { echo "not inside a git repository" >&2; exit 1; }
cd "$(git rev-parse --show-toplevel)"

LOCAL_PATTERNS=(
  ".claude/settings.local.json"
  "CLAUDE.local.md"
  ".claude/*.local.*"
  ".env.mcp.local"
  ".mcp.local.json"
  ".aider.chat.history.md"
  ".aider.input.history"
  ".aider.tags.cache.v*/"
  ".specstory/history/"
  ".codex/log/"
  ".gemini/tmp/"
  ".continue/sessions/"
)
SHARED_CONFIGS=(.mcp.json .claude/settings.json .cursor/mcp.json .vscode/mcp.json)
TOKEN_RE='(ghp_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{40,}|xox[bpa]-[A-Za-z0-9-]{10,}|sk-[A-Za-z0-9_-]{20,}|glpat-[A-Za-z0-9_-]{20}|AKIA[A-Z0-9]{16}|Bearer [A-Za-z0-9._-]{16,})'
KEY_RE='"[A-Za-z_]*(TOKEN|SECRET|PASSWORD|API_KEY)[A-Za-z_]*"[[:space:]]*:[[:space:]]*"[^"$][^"]{7,}"'

# probe path that a pattern would match, for git check-ignore
probe() {
  local p="$1"
  p="${p//\*/x}"
  [[ "$p" == */ ]] && p="${p}probe"
  printf '%s' "$p"
}

echo "== Ignore rules"
missing=()
for pat in "${LOCAL_PATTERNS[@]}"; do
  if git check-ignore -q --no-index "$(probe "$pat")"; then
    printf '  ok       %s\n' "$pat"
  else
    printf '  MISSING  %s\n' "$pat"
    missing+=("$pat")
  fi
done

echo
echo "== Tracked local files"
tracked=()
while IFS= read -r f; do
  tracked+=("$f")
  printf '  TRACKED  %s (%s bytes)\n' "$f" "$(wc -c <"$f" 2>/dev/null || echo '?')"
done < <(git ls-files -- '.claude/settings.local.json' 'CLAUDE.local.md' '.claude/*.local.*' '.env.mcp.local' \
          '.mcp.local.json' '.aider.chat.history.md' '.aider.input.history' '.aider.tags.cache.v*' \
          '.specstory/history/*' '.codex/log/*' '.gemini/tmp/*' '.continue/sessions/*')
[ ${#tracked[@]} -eq 0 ] && echo "  none"

echo
echo "== Token-looking values in tracked agent configs"
found=0
for f in "${SHARED_CONFIGS[@]}"; do
  git ls-files --error-unmatch "$f" >/dev/null 2>&1 || continue
  while IFS=: read -r line match; do
    found=1
    printf '  %s:%s  %s…(redacted)\n' "$f" "$line" "${match:0:12}"
  done < <(grep -noE "$TOKEN_RE|$KEY_RE" "$f" || true)
done
[ $found -eq 0 ] && echo "  none"

[ $FIX -eq 1 ] || { echo; echo "Run with --fix to update .gitignore and untrack local files (asks first)."; exit 0; }

if [ ${#missing[@]} -gt 0 ]; then
  echo
  echo "Lines to append to .gitignore:"
  printf '  %s\n' "# Local AI agent files" "${missing[@]}"
  read -r -p "Append them? [y/N] " ans
  if [[ "$ans" =~ ^[Yy]$ ]]; then
    { [ -s .gitignore ] && [ -n "$(tail -c1 .gitignore)" ] && echo; echo "# Local AI agent files"; printf '%s\n' "${missing[@]}"; } >> .gitignore
    echo "  .gitignore updated"
  fi
fi

if [ ${#tracked[@]} -gt 0 ]; then
  echo
  echo "Commands to stop tracking (local copies are kept):"
  for f in "${tracked[@]}"; do printf '  git rm --cached -- %q\n' "$f"; done
  read -r -p "Run them? [y/N] " ans
  if [[ "$ans" =~ ^[Yy]$ ]]; then
    git rm --cached --quiet -- "${tracked[@]}"
    echo "  untracked; commit the change together with .gitignore"
  fi
fi
if [ $found -eq 1 ]; then
  echo
  echo "Token-looking values are committed. If pushed, rotate them first; see SKILL.md."
fi
