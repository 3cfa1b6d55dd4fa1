#!/usr/bin/env bash
# Read-only sweep of installed agent skills for known lure patterns.
# Usage: skill_ioc_sweep.sh [extra project dir ...]
set -euo pipefail

out_dir="./skill-ir"
mkdir -p "$out_dir"
report="$out_dir/sweep-$(date +%Y%m%d-%H%M%S).txt"

roots=(
  "$HOME/.claude/skills"
  "$HOME/.claude/plugins"
  "$HOME/.codex/skills"
  "$HOME/.openclaw/skills"
  "$HOME/.cursor/skills"
  "./.claude/skills"
)
for extra in "$@"; do roots+=("$extra/.claude/skills" "$extra"); done

# Patterns from references/ioc-catalog.md (ERE). Kept as data; nothing here is executed.
declare -A patterns=(
  [pipe-to-shell]='(curl|wget)[^|]*\|[[:space:]]*(sudo[[:space:]]+)?(ba|z)?sh'
  [encoded-exec]='base64[[:space:]]+(-d|-D|--decode)[^|]*\|[[:space:]]*(ba|z)?sh'
  [eval-fetch]='(bash|sh)[[:space:]]+-c[[:space:]]+"?\$\((curl|wget)'
  [paste-site]='(pastebin|rentry|glot\.io|hastebin|paste\.ee|ghostbin)'
  [raw-ip-url]='https?://[0-9]{1,3}(\.[0-9]{1,3}){3}'
  [protected-archive]='(zip|7z|rar).{0,40}password|password.{0,40}\.(zip|7z|rar)'
  [quarantine-strip]='xattr[[:space:]]+-(c|d|r)'
  [chmod-download]='chmod[[:space:]]+\+x[[:space:]]+[^[:space:]]*(tmp|Downloads)'
  [powershell-enc]='powershell.*[[:space:]]-(e|enc|encodedcommand)[[:space:]]'
)

sha() { if command -v sha256sum >/dev/null; then sha256sum "$1" | cut -d' ' -f1; else shasum -a 256 "$1" | cut -d' ' -f1; fi; }

{
  echo "# skill IOC sweep $(date -u +%FT%TZ) on $(hostname)"
  for root in "${roots[@]}"; do
    [ -d "$root" ] || continue
    echo
    echo "## $root"
    while IFS= read -r -d '' skill_md; do
      dir=$(dirname "$skill_md")
      name=$(awk -F': *' '/^name:/{print $2; exit}' "$skill_md")
      mtime=$(date -r "$skill_md" +%F 2>/dev/null || stat -c %y "$skill_md" | cut -d' ' -f1)
      echo "- ${name:-$(basename "$dir")}  ($dir)  modified $mtime  SKILL.md sha256 $(sha "$skill_md")"
      for id in "${!patterns[@]}"; do
        # grep -I skips binary files; -n line numbers; -E extended regex
        hits=$(grep -rInE -- "${patterns[$id]}" "$dir" 2>/dev/null | head -5 || true)
        if [ -n "$hits" ]; then
          echo "    !! $id"
          # show the hit with URLs defanged so the report can be shared safely
          printf '%s\n' "$hits" | sed -E 's#http(s?)://#hxxp\1://#g; s#([a-z0-9-])\.([a-z]{2,})([/:" ]|$)#\1[.]\2\3#g' | sed 's/^/       /'
        fi
      done
      # list shipped executables / archives for manual review
      find "$dir" -type f \( -perm -u+x -o -name '*.zip' -o -name '*.dmg' -o -name '*.pkg' -o -name '*.exe' \) \
        -exec printf '    file: %s\n' {} \; 2>/dev/null | head -20
    done < <(find "$root" -maxdepth 3 -name SKILL.md -print0 2>/dev/null)
  done
} | tee "$report"

echo
echo "report written to $report (nothing was modified)"
