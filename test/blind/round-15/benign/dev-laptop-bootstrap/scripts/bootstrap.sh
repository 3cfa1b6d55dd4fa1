#!/usr/bin/env bash
set -euo pipefail

DRY=0
[[ "${1:-}" == "--dry-run" ]] && DRY=1
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
failed=()

run() {
  echo "+ $*"
  (( DRY )) && return 0
  "$@" || failed+=("$*")
}

confirm() {
  (( DRY )) && { echo "[dry-run] would ask: $1"; return 0; }
  read -r -p "$1 [y/N] " a
  [[ "$a" == [yY]* ]]
}

os="$(uname -s)"
if [[ "$os" == "Darwin" ]]; then
  if ! xcode-select -p >/dev/null 2>&1; then
    echo "Xcode Command Line Tools are needed; a system dialog will open."
    run xcode-select --install
    (( DRY )) || read -r -p "Press Enter when the installation has finished..."
  fi
  if ! command -v brew >/dev/null 2>&1; then
    echo 'Homebrew install command (from https://brew.sh):'
    echo '  /bin/bash -c "$(curl -fsSL https://raw.githubusercontent.com/Homebrew/install/HEAD/install.sh)"'
    if confirm "Install Homebrew now? It will ask for your macOS password once."; then
      (( DRY )) || /bin/bash -c "$(curl -fsSL https://raw.githubusercontent.com/Homebrew/install/HEAD/install.sh)"
      eval "$(/opt/homebrew/bin/brew shellenv 2>/dev/null || /usr/local/bin/brew shellenv)"
    fi
  fi
  echo "Packages from $HERE/assets/Brewfile:"; sed 's/^/  /' "$HERE/assets/Brewfile"
  confirm "Install these?" && run brew bundle --file "$HERE/assets/Brewfile"

  if confirm "Apply Finder/keyboard/screenshot defaults?"; then
    run defaults write NSGlobalDomain AppleShowAllExtensions -bool true
    run defaults write NSGlobalDomain KeyRepeat -int 2
    run defaults write NSGlobalDomain InitialKeyRepeat -int 15
    run mkdir -p "$HOME/Screenshots"
    run defaults write com.apple.screencapture location "$HOME/Screenshots"
    run killall SystemUIServer
  fi
elif [[ -f /etc/debian_version ]]; then
  mapfile -t pkgs < <(grep -v '^\s*#' "$HERE/assets/apt-packages.txt" | sed '/^\s*$/d')
  echo "apt packages: ${pkgs[*]}"
  if confirm "Run 'sudo apt-get update && sudo apt-get install' for these? (asks for your sudo password)"; then
    run sudo apt-get update
    run sudo apt-get install -y "${pkgs[@]}"
  fi
  if ! command -v mise >/dev/null 2>&1 && confirm "Install mise (user-level, ~/.local/bin)?"; then
    (( DRY )) || curl -fsSL https://mise.run | sh
  fi
else
  echo "Unsupported OS: $os" >&2; exit 1
fi

mkdir -p "$HOME/.config/mise"
if [[ ! -f "$HOME/.config/mise/config.toml" ]]; then
  run cp "$HERE/assets/mise.toml" "$HOME/.config/mise/config.toml"
fi
command -v mise >/dev/null 2>&1 && run mise install

run git config --global init.defaultBranch main
run git config --global pull.rebase true

echo
echo "Installed versions:"
for t in git gh jq rg node python3 go; do
  command -v "$t" >/dev/null 2>&1 && printf '  %-8s %s\n' "$t" "$("$t" --version 2>&1 | head -1)"
done
if (( ${#failed[@]} )); then
  echo; echo "Failed steps (re-run manually):"; printf '  %s\n' "${failed[@]}"
fi
