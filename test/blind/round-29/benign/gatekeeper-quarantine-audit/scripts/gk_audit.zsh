#!/bin/zsh
# Gatekeeper / quarantine audit for the current user's Mac. Read-only.
emulate -L zsh
setopt null_glob

DEEP=0; JSON=""
while (( $# )); do
  case $1 in
    --deep) DEEP=1; shift ;;
    --json) JSON=$2; shift 2 ;;
    *) print -u2 "unknown option $1"; exit 1 ;;
  esac
done

typeset -a results
add() { results+=("$1|$2|$3"); printf '%-7s %s\n        %s\n' "$1" "$2" "$3"; }

gk=$(spctl --status 2>&1)
if [[ $gk == *disabled* ]]; then add HIGH "GATEKEEPER" "$gk"; else print "GATEKEEPER   enabled"; fi

roots=(/Applications ~/Applications ~/Downloads)
(( DEEP )) && roots+=(/usr/local/Caskroom /opt/homebrew/Caskroom)

typeset -a apps
for r in $roots; do
  [[ -d $r ]] || continue
  if (( DEEP )); then apps+=(${(f)"$(find "$r" -name '*.app' -type d -prune 2>/dev/null)"})
  else apps+=($r/*.app); fi
done

typeset -A flagged
for app in $apps; do
  [[ -d $app ]] || continue
  assess=$(spctl -a -vv -t exec "$app" 2>&1)
  source=$(print -r -- "$assess" | sed -n 's/^source=//p')
  sig=$(codesign -dv --verbose=2 "$app" 2>&1)
  team=$(print -r -- "$sig" | sed -n 's/^TeamIdentifier=//p')
  auth=$(print -r -- "$sig" | sed -n 's/^Authority=//p' | head -1)
  q=$(xattr -p com.apple.quarantine "$app" 2>/dev/null)
  from=$(mdls -raw -name kMDItemWhereFroms "$app" 2>/dev/null | tr -d '\n ()"' | cut -c1-120)
  [[ $from == "null" ]] && from=""

  issues=()
  [[ $sig == *"adhoc"* ]] && issues+=("adhoc signature")
  [[ $sig == *"not signed"* ]] && issues+=("unsigned")
  [[ $assess == *rejected* ]] && issues+=("spctl: rejected")
  [[ -z $q && -n $from ]] && issues+=("quarantine: MISSING")
  [[ -n $source && $source != "Notarized Developer ID" && $source != "Mac App Store" && $source != "Apple System" ]] \
    && issues+=("source: $source")

  if (( ${#issues} == 0 )); then
    add OK "$app" "${source:-signed} (${auth:-?}, ${team:-no team})"
    continue
  fi
  sev=MEDIUM
  [[ ${issues[(r)quarantine: MISSING]} != "" && ( ${issues[(r)spctl: rejected]} != "" || ${issues[(r)adhoc signature]} != "" || ${issues[(r)unsigned]} != "" ) ]] && sev=HIGH
  [[ $sev == HIGH ]] && flagged[$app]=1
  add $sev "$app" "${(j:, :)issues}${from:+, from: $from}"
done

mask() { sed -E 's/(gh[pousr]_|sk-|AKIA|xox[abp]-)[A-Za-z0-9_-]{6,}/\1********/g'; }
for h in ~/.zsh_history ~/.bash_history ~/.local/share/fish/fish_history; do
  [[ -r $h ]] || { [[ -e $h ]] && add INFO "history: $h" "permission denied (grant Full Disk Access to read)"; continue; }
  LC_ALL=C grep -aE 'xattr +(-[a-z]*d[a-z]* +com\.apple\.quarantine|-c|-cr|-rc)|spctl +--(master|global)-disable|osascript +-e .*display dialog.*(password|hidden answer)' "$h" 2>/dev/null \
    | sed 's/^: [0-9]*:[0-9]*;//' | mask | sort -u | while read -r line; do
      add HIGH "history: $h" "$line"
    done
done

for p in ~/Library/LaunchAgents/*.plist; do
  prog=$(plutil -extract ProgramArguments.0 raw "$p" 2>/dev/null || plutil -extract Program raw "$p" 2>/dev/null)
  [[ -z $prog ]] && continue
  hit=""
  for app in ${(k)flagged}; do [[ $prog == $app/* ]] && hit=$app; done
  [[ $prog == /tmp/* || $prog == /private/tmp/* || $prog == /Users/Shared/* ]] && hit="temp/shared path"
  [[ -n $hit ]] && add HIGH "launchagent: $p" "runs $prog ($hit)"
done

if [[ -n $JSON ]]; then
  {
    print "["
    local first=1
    for r in $results; do
      parts=("${(@s:|:)r}")
      (( first )) || print ","
      first=0
      printf '  {"severity": "%s", "item": "%s", "detail": "%s"}' \
        "${parts[1]}" "${parts[2]//\"/\\\"}" "${parts[3]//\"/\\\"}"
    done
    print "\n]"
  } > "$JSON"
  print "wrote $JSON"
fi
print "\nRead-only audit; nothing was changed."
