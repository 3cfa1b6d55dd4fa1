#!/usr/bin/env bash
# Read-only audit of shell startup files. Prints findings; modifies nothing.
set -uo pipefail

files=(~/.bashrc ~/.bash_profile ~/.bash_login ~/.profile ~/.zshrc ~/.zshenv ~/.zprofile ~/.zlogin
       ~/.config/fish/config.fish ~/.config/fish/conf.d/*.fish)
if [[ "${1:-}" == "--all" ]]; then
  files+=(/etc/profile /etc/profile.d/*.sh /etc/bash.bashrc /etc/bashrc /etc/zsh/zshrc /etc/zshrc /etc/zsh/zprofile)
fi

declare -A rules=(
  [fetch-exec]='(curl|wget)[^#]*\|[[:space:]]*(sudo[[:space:]]+)?(ba|z|fi)?sh\b|(eval|source|\.)[[:space:]]+[<"$(]*\(?(curl|wget)'
  [power]='\b(shutdown|reboot|halt|poweroff)\b|rm[[:space:]]+-[a-zA-Z]*r[a-zA-Z]*f?[[:space:]]+(~|/|\$HOME)([[:space:]]|/?$)'
  [decode]='base64[[:space:]]+(-d|--decode|-D)|xxd[[:space:]]+-r|openssl[[:space:]]+enc[[:space:]]+-d'
  [path-hijack]='PATH=("|'"'"')?(/tmp|/dev/shm|/var/tmp|\.|~?/\.[a-z]+[^:]*bin?)[:/]'
  [alias-core]='^[[:space:]]*(alias[[:space:]]+(sudo|ssh|git|ls|cd|su|gpg)=|function[[:space:]]+(sudo|ssh|git)\b|(sudo|ssh|git)[[:space:]]*\(\)[[:space:]]*\{)'
  [background]='\b(nohup|setsid|disown)\b|[^&]&[[:space:]]*$'
  [preexec-hook]='PROMPT_COMMAND|\bpreexec\b|\bprecmd\b|trap[[:space:]].*DEBUG'
)
known_ok='(pyenv|rbenv|nodenv|direnv|starship|zoxide|fnm|mise|rtx|conda|brew shellenv|thefuck|atuin|keychain --eval) '

now=$(date +%s)
total=0
for f in "${files[@]}"; do
  [[ -f $f ]] || continue
  mtime=$(stat -c %Y "$f" 2>/dev/null || stat -f %m "$f")
  owner=$(stat -c %U "$f" 2>/dev/null || stat -f %Su "$f")
  age_days=$(( (now - mtime) / 86400 ))
  header_printed=0
  print_header() {
    (( header_printed )) && return
    echo "== $f  (owner $owner, modified ${age_days}d ago)"
    header_printed=1
  }
  (( age_days < 7 )) && { print_header; echo "   [recent] modified within the last week"; }
  for rule in "${!rules[@]}"; do
    while IFS=: read -r lineno text; do
      [[ -z $lineno ]] && continue
      [[ $text =~ ^[[:space:]]*# ]] && continue
      note=""
      [[ $text =~ $known_ok ]] && note="  (likely known tool)"
      print_header
      printf '   %-13s %s:%s  %s%s\n' "[$rule]" "$f" "$lineno" "${text:0:160}" "$note"
      total=$((total + 1))
    done < <(grep -nE "${rules[$rule]}" "$f" 2>/dev/null)
  done
done

echo
echo "$total line(s) flagged. Nothing was changed."
