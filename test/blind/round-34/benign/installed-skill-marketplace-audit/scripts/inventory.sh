#!/usr/bin/env bash
# Inventory installed skills/plugins/marketplaces. Read-only.
# Usage: inventory.sh [--scan]
set -euo pipefail
SCAN=0; [[ "${1:-}" == "--scan" ]] && SCAN=1

roots=()
[[ -d "$HOME/.claude/skills" ]] && roots+=("user:skill:$HOME/.claude/skills")
[[ -d ".claude/skills" ]] && roots+=("project:skill:$PWD/.claude/skills")
[[ -d "$HOME/.claude/plugins" ]] && roots+=("user:plugin:$HOME/.claude/plugins")

mtime() { stat -c %y "$1" 2>/dev/null | cut -d. -f1 || stat -f %Sm "$1"; }

PATTERNS=(
  'P1:(curl|wget)[^|]*\|\s*(ba|z)?sh'
  'P2:base64 (-d|--decode)'
  'P3:(eval|exec)\s*\('
  'P4:https?://[a-z0-9.-]+\.(tk|top|xyz|ru|zip)\b'
  'P5:pastebin\.com|paste\.ee|transfer\.sh|ghostbin'
  'P6:~/\.ssh|id_rsa|id_ed25519|\.aws/credentials|\.npmrc|\.pypirc'
  'P7:settings(\.local)?\.json|permissions.*allow|CLAUDE\.md|AGENTS\.md'
  'P8:"hooks"|PreToolUse|PostToolUse|SessionStart'
  'P10:<!--[^>]*(agent|assistant|ignore|instead)'
  'P11:(do not|don.t) (tell|mention|inform).*user'
  'P12:postinstall|preinstall|cmdclass|build\.rs'
)

if (( ! SCAN )); then
  printf 'scope\tkind\tname\tpath\tsource\tmodified\tfiles\thas_scripts\thas_hooks\n'
fi

for r in "${roots[@]}"; do
  scope=${r%%:*}; rest=${r#*:}; kind=${rest%%:*}; base=${rest#*:}
  find -L "$base" -maxdepth 4 \( -name SKILL.md -o -name plugin.json \) 2>/dev/null | while read -r marker; do
    dir=$(dirname "$marker"); [[ "$(basename "$dir")" == ".claude-plugin" ]] && dir=$(dirname "$dir")
    name=$(basename "$dir")
    if (( SCAN )); then
      for p in "${PATTERNS[@]}"; do
        id=${p%%:*}; re=${p#*:}
        grep -rnEI --exclude-dir=.git -e "$re" "$dir" 2>/dev/null | cut -c1-220 | \
          while IFS= read -r hit; do printf '%s\t%s\t%s\t%s\n' "$scope" "$name" "$id" "$hit"; done
      done
      # P9: invisible / bidi characters (needs GNU grep -P)
      grep -rnPI --exclude-dir=.git '[\x{200B}-\x{200F}\x{202A}-\x{202E}\x{2066}-\x{2069}]' "$dir" 2>/dev/null | \
        cut -d: -f1,2 | while IFS= read -r hit; do printf '%s\t%s\tP9\t%s (invisible chars)\n' "$scope" "$name" "$hit"; done
    else
      src="-"; git -C "$dir" rev-parse 2>/dev/null && src=$(git -C "$dir" remote get-url origin 2>/dev/null || echo "git (no remote)")
      [[ -L "$dir" ]] && src="symlink -> $(readlink "$dir")"
      files=$(find "$dir" -type f -not -path '*/.git/*' | wc -l | tr -d ' ')
      scripts=no; [[ -d "$dir/scripts" ]] && scripts=yes
      hooks=no; [[ -f "$dir/hooks/hooks.json" ]] && hooks=yes
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scope" "$kind" "$name" "$dir" "$src" "$(mtime "$dir")" "$files" "$scripts" "$hooks"
    fi
  done
done

if (( ! SCAN )); then
  for f in "$HOME/.claude/plugins/known_marketplaces.json" ".claude/settings.json" "$HOME/.claude/settings.json"; do
    [[ -f "$f" ]] || continue
    command -v jq >/dev/null || { echo "# jq missing; skipped $f" >&2; continue; }
    jq -r --arg f "$f" '
      (if has("extraKnownMarketplaces") then .extraKnownMarketplaces else . end)
      | to_entries[]? | select(.value|type=="object")
      | ["marketplace", "marketplace", .key, $f, ((.value.source.repo // .value.source.url // .value.source.path // "?")|tostring), "-", "-", "-", "-"] | @tsv' "$f" 2>/dev/null || true
  done
fi
