#!/usr/bin/env bash
# List common dotfiles that exist and flag ones that look like they contain secrets. Read-only.
set -u
candidates=(.zshrc .zprofile .bashrc .bash_profile .profile .gitconfig .config/git/ignore .vimrc
  .config/nvim .tmux.conf .config/starship.toml .config/alacritty .config/kitty .wezterm.lua
  .ssh/config .npmrc .netrc .aws/config .config/gh/config.yml .editorconfig .inputrc)
never=(.ssh/id_rsa .ssh/id_ed25519 .aws/credentials .config/gh/hosts.yml .zsh_history .bash_history)
secret_re='(token|passw(or)?d|secret|api[_-]?key|authToken|BEGIN [A-Z ]*PRIVATE KEY)'

printf '%-28s %8s  %s\n' FILE SIZE NOTE
for f in "${candidates[@]}"; do
  p="$HOME/$f"; [ -e "$p" ] || continue
  size=$(du -sh "$p" 2>/dev/null | cut -f1)
  note="ok"
  if [ -L "$p" ]; then note="already a symlink -> $(readlink "$p")"
  elif grep -rEqi "$secret_re" "$p" 2>/dev/null; then note="DO NOT ADOPT as-is: secret-looking content"
  fi
  printf '%-28s %8s  %s\n' "$f" "$size" "$note"
done
echo
echo "Never adopted (listed only if present):"
for f in "${never[@]}"; do [ -e "$HOME/$f" ] && echo "  ~/$f"; done
