#!/usr/bin/env bash
# Claude Code status line. Reads session JSON on stdin, prints one line.
FIELDS="model dir branch dirty ctx cost"
COLOR=${STATUSLINE_COLOR:-1}

in=$(cat)
j() { printf '%s' "$in" | jq -r "$1 // empty" 2>/dev/null; }

c() { [[ $COLOR == 1 ]] && printf '\033[%sm%s\033[0m' "$1" "$2" || printf '%s' "$2"; }

parts=()
dir=$(j .workspace.current_dir); dir=${dir:-$PWD}
for f in $FIELDS; do
  case $f in
    model) parts+=("$(c 36 "$(j .model.display_name)")") ;;
    dir)   parts+=("$(c 34 "${dir/#$HOME/~}")") ;;
    branch)
      b=$(GIT_OPTIONAL_LOCKS=0 git -C "$dir" symbolic-ref --short HEAD 2>/dev/null || git -C "$dir" rev-parse --short HEAD 2>/dev/null)
      [[ -n $b ]] && parts+=("$(c 35 "$b")") ;;
    dirty)
      if [[ -n $(GIT_OPTIONAL_LOCKS=0 git -C "$dir" status --porcelain 2>/dev/null | head -1) ]]; then parts+=("$(c 33 '*')"); fi ;;
    ctx)
      used=$(j .context_window.used_percentage)
      [[ -n $used ]] && parts+=("ctx ${used%.*}%") ;;
    cost)
      usd=$(j .cost.total_cost_usd)
      [[ -n $usd ]] && parts+=("\$$(printf '%.2f' "$usd")") ;;
  esac
done
( IFS=' '; printf '%s\n' "${parts[*]}" | sed 's/  */ · /g' )
