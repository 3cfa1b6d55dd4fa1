#!/usr/bin/env bash
# Read-only enumeration of macOS persistence locations. Prints Markdown to stdout.
set -uo pipefail

with_sudo=0
[[ "${1:-}" == "--with-sudo" ]] && with_sudo=1

recent_days=14
suspicious_re='(curl|wget)[^|]*\|[[:space:]]*(ba|z)?sh|base64[[:space:]]+(-d|--decode|-D)|(^|[[:space:]])eval[[:space:]]|osascript[[:space:]]+-e|python[0-9.]*[[:space:]]+-c|/tmp/|/Users/Shared/|/private/var/tmp/'

flag() { printf '  - ⚠ review: %s\n' "$1"; }

signature() {
  local bin="$1"
  [[ -e "$bin" ]] || { echo "missing binary"; return; }
  local info
  info="$(codesign -dv --verbose=2 "$bin" 2>&1)"
  if grep -q "not signed" <<<"$info"; then echo "unsigned"; return; fi
  if grep -q "adhoc" <<<"$info"; then echo "ad-hoc"; return; fi
  grep -m1 '^TeamIdentifier=' <<<"$info" | cut -d= -f2
}

plist_section() {
  local dir="$1"
  echo "## $dir"
  [[ -d "$dir" ]] || { echo "_not present_"; echo; return; }
  shopt -s nullglob
  local found=0
  for p in "$dir"/*.plist; do
    found=1
    local label prog args mtime team
    label="$(/usr/libexec/PlistBuddy -c 'Print :Label' "$p" 2>/dev/null || basename "$p")"
    prog="$(/usr/libexec/PlistBuddy -c 'Print :Program' "$p" 2>/dev/null || true)"
    args="$(plutil -extract ProgramArguments json -o - "$p" 2>/dev/null || true)"
    [[ -z "$prog" && -n "$args" ]] && prog="$(python3 -c 'import json,sys;a=json.loads(sys.argv[1]);print(a[0] if a else "")' "$args" 2>/dev/null)"
    mtime="$(stat -f '%Sm' -t '%Y-%m-%d' "$p")"
    team="$(signature "$prog")"
    echo "- **$label**"
    echo "  - plist: \`$p\` (modified $mtime)"
    echo "  - program: \`$prog\` — signature: $team"
    [[ -n "$args" ]] && echo "  - arguments: \`$(tr -d '\n' <<<"$args")\`"
    grep -Eq "$suspicious_re" <<<"$prog $args" && flag "inline interpreter / download / decode / temp path in command"
    [[ "$team" == "unsigned" || "$team" == "ad-hoc" ]] && flag "binary is $team"
    [[ "$dir" == "$HOME/Library/LaunchAgents" && "$label" == com.apple.* ]] && flag "com.apple.* label in user LaunchAgents"
    if [[ -n "$(find "$p" -mtime -"$recent_days" 2>/dev/null)" ]]; then flag "modified in the last $recent_days days"; fi
  done
  (( found )) || echo "_empty_"
  echo
}

echo "# Persistence audit — $(scutil --get ComputerName 2>/dev/null || hostname) — $(date '+%Y-%m-%d %H:%M')"
echo
for d in "$HOME/Library/LaunchAgents" /Library/LaunchAgents /Library/LaunchDaemons; do
  plist_section "$d"
done

echo "## Background task items"
if (( with_sudo )); then
  sfltool dumpbtm 2>/dev/null | grep -E '^\s+(Name|Developer Name|Identifier|URL|Executable Path|Disposition):' | sed 's/^ */    /'
else
  echo "_skipped (needs sudo: re-run with --with-sudo)_"
fi
echo

echo "## Login items"
osascript -e 'tell application "System Events" to get the name of every login item' 2>/dev/null || echo "_unavailable_"
echo

echo "## cron / at / periodic"
echo '```'
crontab -l 2>/dev/null || echo "(no user crontab)"
ls -la /etc/periodic/daily /etc/periodic/weekly 2>/dev/null | sed -n '1,40p'
echo '```'
echo

echo "## Shell start-up files"
for f in ~/.zshenv ~/.zprofile ~/.zshrc ~/.zlogin ~/.bash_profile ~/.bashrc ~/.profile /etc/zshenv /etc/zprofile; do
  [[ -f "$f" ]] || continue
  echo "- \`$f\`"
  grep -nE "$suspicious_re|HTTPS?_PROXY|ALL_PROXY|DYLD_INSERT_LIBRARIES|source[[:space:]]+~?/\.[^/]+/" "$f" 2>/dev/null \
    | while IFS= read -r line; do flag "line ${line%%:*}: \`${line#*:}\`"; done
done
echo

echo "## SSH authorized_keys"
if [[ -f ~/.ssh/authorized_keys ]]; then
  awk '{print "- " $1 " … " $NF}' ~/.ssh/authorized_keys
else
  echo "_none_"
fi
echo

echo "## Configuration profiles"
profiles list 2>/dev/null || echo "_profiles command unavailable_"
echo

echo "## Browser extensions (IDs only)"
for d in "$HOME/Library/Application Support/Google/Chrome/Default/Extensions" \
         "$HOME/Library/Application Support/BraveSoftware/Brave-Browser/Default/Extensions"; do
  [[ -d "$d" ]] && { echo "- $d"; ls "$d" | sed 's/^/  - /'; }
done
