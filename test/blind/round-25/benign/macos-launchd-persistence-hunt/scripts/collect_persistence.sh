#!/usr/bin/env bash
# Read-only inventory of macOS persistence locations. Output: TSV on stdout.
set -uo pipefail
printf 'source\tpath\tlabel\tprogram\tsig\n'

plist_row() {
  local src="$1" f="$2"
  local label prog sig bin
  label=$(/usr/libexec/PlistBuddy -c 'Print :Label' "$f" 2>/dev/null || echo '?')
  prog=$(/usr/libexec/PlistBuddy -c 'Print :Program' "$f" 2>/dev/null || \
         plutil -extract ProgramArguments json -o - "$f" 2>/dev/null || echo '?')
  bin=$(plutil -extract ProgramArguments.0 raw -o - "$f" 2>/dev/null || echo '')
  if [[ -n "$bin" && -e "$bin" ]]; then
    sig=$(codesign -dv "$bin" 2>&1 | grep -E '^(Authority|Signature)=' | head -1 || true)
  else
    sig='missing-binary'
  fi
  printf '%s\t%s\t%s\t%s\t%s\n' "$src" "$f" "$label" "${prog//$'\n'/ }" "${sig:-unsigned}"
}

for dir in "$HOME/Library/LaunchAgents" /Library/LaunchAgents /Library/LaunchDaemons /Library/StartupItems; do
  [[ -d "$dir" ]] || continue
  for f in "$dir"/*; do [[ -f "$f" ]] && plist_row "$(basename "$dir")" "$f"; done
done

if command -v sfltool >/dev/null; then
  if sudo -n true 2>/dev/null || sudo -v; then
    sudo sfltool dumpbtm 2>/dev/null | awk -F': ' '/URL:|Identifier:/{print "btm\t"$2"\t\t\t"}'
  else
    printf 'btm\tSKIPPED (no admin)\t\t\t\n'
  fi
fi

crontab -l 2>/dev/null | grep -v '^#' | while read -r line; do printf 'cron\t-\t-\t%s\t-\n' "$line"; done

for rc in ~/.zshrc ~/.zprofile ~/.bash_profile ~/.bashrc; do
  [[ -f "$rc" ]] || continue
  grep -nE '(nohup|&\s*$|curl|base64|osascript)' "$rc" | while read -r l; do printf 'rc\t%s\t-\t%s\t-\n' "$rc" "$l"; done
done
