#!/usr/bin/env bash
# Read-only scan of shell start-up files for command recorders.
set -uo pipefail

MODE=text; USER_ONLY=0; OMZ=0
for a in "$@"; do
  case "$a" in
    --tsv) MODE=tsv ;;
    --user-only) USER_ONLY=1 ;;
    --include-omz) OMZ=1 ;;
    -h|--help) sed -n 2p "$0"; exit 0 ;;
  esac
done

files=(
  "$HOME/.bashrc" "$HOME/.bash_profile" "$HOME/.bash_login" "$HOME/.profile" "$HOME/.bash_logout"
  "$HOME/.zshenv" "$HOME/.zprofile" "$HOME/.zshrc" "$HOME/.zlogin" "$HOME/.inputrc"
  "$HOME/.config/fish/config.fish"
)
[ -n "${ZDOTDIR:-}" ] && files+=("$ZDOTDIR"/.z*)
for f in "$HOME"/.config/fish/conf.d/*.fish "$HOME"/.config/fish/functions/*.fish; do files+=("$f"); done
if [ "$USER_ONLY" -eq 0 ]; then
  files+=(/etc/bash.bashrc /etc/profile /etc/zshrc /etc/zsh/zshrc /etc/zsh/zprofile)
  for f in /etc/profile.d/*.sh; do files+=("$f"); done
fi
if [ "$OMZ" -eq 1 ] && [ -d "$HOME/.oh-my-zsh" ]; then
  while IFS= read -r f; do files+=("$f"); done < <(find "$HOME/.oh-my-zsh/custom" -name '*.zsh' 2>/dev/null)
fi

# follow one level of `source`/`.` includes
extra=()
for f in "${files[@]}"; do
  [ -r "$f" ] || continue
  while IFS= read -r inc; do
    inc="${inc/#\~/$HOME}"; inc="${inc//\$HOME/$HOME}"
    [ -f "$inc" ] && [ -r "$inc" ] && extra+=("$inc")
  done < <(grep -Eo '^[[:space:]]*(source|\.)[[:space:]]+[^;&|[:space:]]+' "$f" 2>/dev/null | awk '{print $2}' | tr -d "\"'")
done
files+=("${extra[@]}")

PATTERN='PROMPT_COMMAND|trap[[:space:]].*DEBUG|\bpreexec\b|\bprecmd\b|add-zsh-hook|zshaddhistory|fish_preexec|fish_postexec|(^|[[:space:];])script[[:space:]]+-[a-zA-Z]*[qf]|HISTFILE=|history[[:space:]]+-a|fc[[:space:]]+-ln|tee[[:space:]]+-a|/dev/tcp/|bind[[:space:]]+-x|alias[[:space:]]+sudo=|function[[:space:]]+sudo|^sudo[[:space:]]*\(\)|base64[[:space:]]+(-d|--decode)|\\C-m'

guess() {
  case "$1" in
    *starship*) echo starship ;; *direnv*) echo direnv ;; *atuin*) echo atuin ;;
    *__bp_*|*bash-preexec*) echo bash-preexec ;; *iterm2*) echo iterm2 ;;
    *vscode*|*locate-shell-integration*) echo vscode ;; *zoxide*) echo zoxide ;;
    *mise*|*asdf*) echo mise/asdf ;; *kitty*) echo kitty ;;
    *) echo unknown ;;
  esac
}

risk() {
  local line="$1"
  if [[ "$line" =~ (curl|wget|nc[[:space:]]|/dev/tcp|https?://) ]]; then echo HIGH; return; fi
  if [[ "$line" =~ (alias[[:space:]]+sudo=|function[[:space:]]+sudo|sudo[[:space:]]*\(\)) ]]; then echo HIGH; return; fi
  if [[ "$line" =~ (/dev/shm|/tmp/|/var/tmp/|mkfifo) ]]; then echo HIGH; return; fi
  if [[ "$line" =~ base64 ]]; then echo MEDIUM; return; fi
  if [[ "$line" =~ (script[[:space:]]+-) ]]; then echo MEDIUM; return; fi
  echo INFO
}

declare -A seen
[ "$MODE" = tsv ] && printf 'risk\tfile\tline\towner\ttext\n'
for f in "${files[@]}"; do
  [ -e "$f" ] || continue
  [ -n "${seen[$f]:-}" ] && continue; seen[$f]=1
  if [ ! -r "$f" ]; then echo "note: $f exists but is not readable" >&2; continue; fi
  while IFS=: read -r ln text; do
    r=$(risk "$text"); o=$(guess "$text")
    if [ "$MODE" = tsv ]; then
      printf '%s\t%s\t%s\t%s\t%s\n' "$r" "$f" "$ln" "$o" "$text"
    else
      printf '[%s] %s:%s  (%s)\n    %s\n' "$r" "$f" "$ln" "$o" "$(echo "$text" | cut -c1-160)"
    fi
  done < <(grep -nE "$PATTERN" "$f" 2>/dev/null)
done
