#!/usr/bin/env bash
# List dotfiles that exist and hint which may contain secrets. Read-only.
set -uo pipefail
cands=(.zshrc .bashrc .bash_profile .profile .gitconfig .gitignore_global .tmux.conf .vimrc
       .config/nvim .config/fish .config/starship.toml .config/alacritty .config/kitty .config/git
       .ssh/config .npmrc .pypirc .aws/config .aws/credentials .netrc .git-credentials .config/gh/hosts.yml)
printf '%-28s %8s  %s\n' "path" "size" "note"
for c in "${cands[@]}"; do
  p="$HOME/$c"; [[ -e "$p" ]] || continue
  size="$(du -sh "$p" 2>/dev/null | cut -f1)"
  note=""
  case "$c" in
    .aws/credentials|.netrc|.git-credentials|.config/gh/hosts.yml) note="SECRET FILE - exclude or encrypt" ;;
    *) if grep -rqsEi '(token|secret|password|api[_-]?key)[[:space:]]*[=:]' "$p" 2>/dev/null; then
         note="contains token-like assignment - template it"; fi ;;
  esac
  printf '%-28s %8s  %s\n' "~/$c" "$size" "$note"
done
