#!/usr/bin/env bash
# Install developer toolchains from their official installers.
# Usage: bootstrap.sh --detect
#        bootstrap.sh [--dry-run] [--no-modify-path] TOOL...
# TOOL: brew rust node uv bun deno docker
set -euo pipefail

NVM_VERSION="v0.40.1"
DRY_RUN=0
NO_MODIFY_PATH=0
OS="$(uname -s)"
ARCH="$(uname -m)"

log()  { printf '\033[1;34m==>\033[0m %s\n' "$*"; }
warn() { printf '\033[1;33mwarning:\033[0m %s\n' "$*" >&2; }

run() {
  if [[ $DRY_RUN -eq 1 ]]; then
    printf '    %s\n' "$*"
  else
    bash -c "$*"
  fi
}

ver() {
  local name="$1"; shift
  if command -v "$name" >/dev/null 2>&1; then
    printf '  %-8s %s\n' "$name" "$("$@" 2>/dev/null | head -n1)"
  else
    printf '  %-8s missing\n' "$name"
  fi
}

detect() {
  echo "os: $OS  arch: $ARCH  shell: ${SHELL:-unknown}"
  ver brew brew --version
  ver rustc rustc --version
  if [[ -s "${NVM_DIR:-$HOME/.nvm}/nvm.sh" ]]; then
    echo "  nvm      installed (${NVM_DIR:-$HOME/.nvm})"
  else
    echo "  nvm      missing"
  fi
  ver node node --version
  ver uv uv --version
  ver bun bun --version
  ver deno deno --version
  ver docker docker --version
}

install_brew() {
  command -v brew >/dev/null && { log "brew already installed"; return; }
  log "Homebrew (will ask for your password via sudo in the terminal)"
  run '/bin/bash -c "$(curl -fsSL https://raw.githubusercontent.com/Homebrew/install/HEAD/install.sh)"'
  if [[ "$OS" == "Darwin" && "$ARCH" == "arm64" ]]; then
    echo "Add to ~/.zprofile:  eval \"\$(/opt/homebrew/bin/brew shellenv)\""
  fi
}

install_rust() {
  command -v rustup >/dev/null && { log "rustup present; running rustup update"; run 'rustup update stable'; return; }
  log "Rust via rustup"
  local extra=""
  [[ $NO_MODIFY_PATH -eq 1 ]] && extra=" --no-modify-path"
  run "curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --default-toolchain stable${extra}"
  [[ $NO_MODIFY_PATH -eq 1 ]] && echo 'Add to your shell rc:  . "$HOME/.cargo/env"'
}

install_node() {
  local nvm_dir="${NVM_DIR:-$HOME/.nvm}"
  if [[ ! -s "$nvm_dir/nvm.sh" ]]; then
    log "nvm $NVM_VERSION"
    local profile=""
    [[ $NO_MODIFY_PATH -eq 1 ]] && profile="PROFILE=/dev/null "
    run "curl -o- https://raw.githubusercontent.com/nvm-sh/nvm/${NVM_VERSION}/install.sh | ${profile}bash"
    [[ $NO_MODIFY_PATH -eq 1 ]] && cat <<'RC'
Add to your shell rc:
  export NVM_DIR="$HOME/.nvm"
  [ -s "$NVM_DIR/nvm.sh" ] && . "$NVM_DIR/nvm.sh"
RC
  fi
  log "Node LTS via nvm"
  run "export NVM_DIR='$nvm_dir'; . '$nvm_dir/nvm.sh'; nvm install --lts && nvm alias default 'lts/*'"
}

install_uv() {
  command -v uv >/dev/null && { log "uv present; running uv self update"; run 'uv self update || true'; return; }
  log "uv"
  if command -v brew >/dev/null; then
    run 'brew install uv'
  else
    local env=""
    [[ $NO_MODIFY_PATH -eq 1 ]] && env="UV_NO_MODIFY_PATH=1 "
    run "curl -LsSf https://astral.sh/uv/install.sh | ${env}sh"
  fi
}

install_bun() {
  command -v bun >/dev/null && { log "bun present; running bun upgrade"; run 'bun upgrade'; return; }
  log "Bun"
  run 'curl -fsSL https://bun.sh/install | bash'
}

install_deno() {
  command -v deno >/dev/null && { log "deno present; running deno upgrade"; run 'deno upgrade'; return; }
  log "Deno"
  local args="-s -- -y"
  [[ $NO_MODIFY_PATH -eq 1 ]] && args="-s -- -y --no-modify-path"
  run "curl -fsSL https://deno.land/install.sh | sh $args"
}

install_docker() {
  command -v docker >/dev/null && { log "docker already installed"; return; }
  if [[ "$OS" == "Darwin" ]]; then
    log "Docker Desktop via Homebrew cask"
    run 'brew install --cask docker'
    return
  fi
  [[ -r /etc/os-release ]] || { warn "unknown Linux distribution; follow https://docs.docker.com/engine/install/"; return 1; }
  # shellcheck disable=SC1091
  . /etc/os-release
  case "$ID" in
    ubuntu|debian) ;;
    *) warn "$ID: follow https://docs.docker.com/engine/install/$ID/"; return 1 ;;
  esac
  log "Docker Engine from download.docker.com ($ID $VERSION_CODENAME) — needs sudo"
  run "sudo apt-get update && sudo apt-get install -y ca-certificates curl"
  run "sudo install -m 0755 -d /etc/apt/keyrings"
  run "sudo curl -fsSL https://download.docker.com/linux/$ID/gpg -o /etc/apt/keyrings/docker.asc && sudo chmod a+r /etc/apt/keyrings/docker.asc"
  run "echo \"deb [arch=\$(dpkg --print-architecture) signed-by=/etc/apt/keyrings/docker.asc] https://download.docker.com/linux/$ID $VERSION_CODENAME stable\" | sudo tee /etc/apt/sources.list.d/docker.list >/dev/null"
  run "sudo apt-get update && sudo apt-get install -y docker-ce docker-ce-cli containerd.io docker-buildx-plugin docker-compose-plugin"
  if [[ $DRY_RUN -eq 0 ]]; then
    echo
    echo "Members of the 'docker' group can run containers as root without sudo."
    read -r -p "Add $USER to the docker group? [y/N] " ans
    if [[ "$ans" =~ ^[Yy]$ ]]; then
      sudo usermod -aG docker "$USER"
      echo "Log out and back in for the group change to apply."
    fi
  fi
}

main() {
  local tools=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --detect) detect; exit 0 ;;
      --dry-run) DRY_RUN=1 ;;
      --no-modify-path) NO_MODIFY_PATH=1 ;;
      -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
      brew|rust|node|uv|bun|deno|docker) tools+=("$1") ;;
      *) warn "unknown argument: $1"; exit 2 ;;
    esac
    shift
  done
  [[ ${#tools[@]} -gt 0 ]] || { warn "no tools given"; exit 2; }
  [[ $DRY_RUN -eq 1 ]] && log "dry run — commands that would be executed:"
  for t in "${tools[@]}"; do
    "install_$t"
  done
  [[ $DRY_RUN -eq 0 ]] && log "done — open a new shell, then run: bash $0 --detect"
}

main "$@"
