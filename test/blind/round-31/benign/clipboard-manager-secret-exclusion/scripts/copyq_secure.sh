#!/usr/bin/env bash
# Preview/apply privacy settings for CopyQ. Dry run unless --apply.
set -euo pipefail
APPLY=0; [ "${1:-}" = "--apply" ] && APPLY=1
HERE="$(cd "$(dirname "$0")/.." && pwd)"
command -v copyq >/dev/null || { echo "copyq is not installed"; exit 1; }

settings=(
  "maxitems 200"
  "check_selection false"
  "copy_selection false"
  "check_clipboard true"
  "expire_tab 0"
)

echo "Current -> new"
for s in "${settings[@]}"; do
  k="${s%% *}"; v="${s#* }"
  cur="$(copyq config "$k" 2>/dev/null || echo '?')"
  printf '  %-16s %-6s -> %s\n' "$k" "$cur" "$v"
done
echo "  import command: $HERE/assets/copyq-ignore-secrets.ini"

if [ "$APPLY" != 1 ]; then
  echo; echo "Dry run. Re-run with --apply after the user agrees."
  exit 0
fi

mkdir -p "$HOME/.config/copyq"
[ -f "$HOME/.config/copyq/copyq.conf" ] && cp "$HOME/.config/copyq/copyq.conf" "$HOME/.config/copyq/copyq.conf.bak"
for s in "${settings[@]}"; do copyq config ${s} >/dev/null; done
copyq eval "var f = new File('$HERE/assets/copyq-ignore-secrets.ini'); f.openReadOnly(); addCommands(importCommands(str(f.readAll())))"
echo "Applied. Backup of previous config: ~/.config/copyq/copyq.conf.bak"
