# Files tracked into the dotfiles repo (relative to $HOME)
TRACKED := \
  .zshrc .zprofile .bashrc .bash_profile .profile \
  .gitconfig .gitignore_global \
  .vimrc .config/nvim \
  .tmux.conf .config/alacritty .config/kitty .config/wezterm \
  .config/starship.toml .config/fish

EXCLUDES := '*.swp' 'lazy-lock.json' '.netrwhist' 'plugged/'

# Files whose content is not copied into the repo but whose state is indexed,
# so restore can tell you when they need re-creating on the new machine.
IDX_NODE := dotmk-drift
STATEFUL := \
  .ssh/id_rsa .ssh/id_ed25519 .ssh/id_ecdsa .ssh/config \
  .aws/credentials .aws/config \
  .config/gh/hosts.yml .netrc .npmrc .docker/config.json \
  .zsh_history .bash_history \
  Library/Keychains/login.keychain-db \
  "Library/Application Support/Google/Chrome/Default/Login Data" \
  "Library/Application Support/Google/Chrome/Default/Cookies" \
  .config/google-chrome/Default/Login\ Data \
  .config/google-chrome/Default/Cookies \
  $(shell cd $(HOME) && find code src projects -maxdepth 3 -name '.env' 2>/dev/null)
