#!/usr/bin/env bash
# Dev toolchain installer. --plan shows everything; each privileged step asks first.
set -euo pipefail

GROUPS_ARG="base,python,node" PLAN=0
NVM_VERSION="v0.40.1"
DOCKER_FPR="9DC858229FC7DD38854AE2D88D81803C0EBFCD88"
while [ $# -gt 0 ]; do
  case "$1" in
    --groups) GROUPS_ARG="$2"; shift 2;;
    --plan) PLAN=1; shift;;
    *) echo "unknown option $1"; exit 2;;
  esac
done
. /etc/os-release
FAMILY=""
case "${ID}:${ID_LIKE:-}" in
  ubuntu:*|debian:*|*:*debian*|*:*ubuntu*) FAMILY=debian;;
  fedora:*|*:*fedora*|*:*rhel*) FAMILY=fedora;;
  *) echo "unsupported distro $ID"; exit 2;;
esac
DOCKER_DISTRO="$([ "$ID" = debian ] && echo debian || echo ubuntu)"

declare -A DEB=(
  [base]="build-essential git curl ca-certificates gnupg unzip jq ripgrep fd-find htop tmux"
  [python]="python3 python3-venv python3-pip pipx"
)
declare -A RPM=(
  [base]="@development-tools git curl ca-certificates gnupg2 unzip jq ripgrep fd-find htop tmux"
  [python]="python3 python3-pip pipx"
)

step() {  # step "description" cmd...
  local desc="$1"; shift
  echo; echo "▶ $desc"; printf '   $ %s\n' "$*"
  [ "$PLAN" = 1 ] && return 0
  read -r -p "   run this? [y/N] " a
  [[ "$a" =~ ^[Yy]$ ]] || { echo "   skipped"; return 0; }
  "$@"
}

IFS=',' read -r -a groups <<<"$GROUPS_ARG"
[ "$PLAN" = 1 ] && echo "PLAN ONLY — nothing will be executed" || echo "Distro: $PRETTY_NAME; groups: ${groups[*]}"

for g in "${groups[@]}"; do
  case "$g" in
    base|python)
      if [ "$FAMILY" = debian ]; then
        step "apt update" sudo apt-get update
        step "install $g packages" sudo apt-get install -y ${DEB[$g]}
      else
        step "install $g packages" sudo dnf install -y ${RPM[$g]}
      fi ;;
    node)
      step "download nvm $NVM_VERSION installer to /tmp" curl -fsSLo /tmp/nvm-install.sh "https://raw.githubusercontent.com/nvm-sh/nvm/$NVM_VERSION/install.sh"
      if [ "$PLAN" = 0 ] && [ -f /tmp/nvm-install.sh ]; then
        echo "   sha256: $(sha256sum /tmp/nvm-install.sh | cut -d' ' -f1)"
        step "review installer" less /tmp/nvm-install.sh
        step "run nvm installer (adds loader lines to your shell rc)" bash /tmp/nvm-install.sh
        export NVM_DIR="$HOME/.nvm"; [ -s "$NVM_DIR/nvm.sh" ] && . "$NVM_DIR/nvm.sh" && step "install Node LTS" nvm install --lts
      fi ;;
    docker)
      if [ "$FAMILY" = debian ]; then
        step "create keyring dir" sudo install -m 0755 -d /etc/apt/keyrings
        step "fetch Docker's apt signing key into a dedicated keyring" \
          bash -c "curl -fsSL https://download.docker.com/linux/$DOCKER_DISTRO/gpg | sudo gpg --dearmor --yes -o /etc/apt/keyrings/docker.gpg"
        if [ "$PLAN" = 0 ] && [ -f /etc/apt/keyrings/docker.gpg ]; then
          got="$(gpg --show-keys --with-colons /etc/apt/keyrings/docker.gpg | awk -F: '/^fpr/{print $10; exit}')"
          echo "   key fingerprint: $got"
          [ "$got" = "$DOCKER_FPR" ] || { echo "   fingerprint mismatch — stopping"; exit 1; }
        fi
        line="deb [arch=$(dpkg --print-architecture) signed-by=/etc/apt/keyrings/docker.gpg] https://download.docker.com/linux/$DOCKER_DISTRO ${VERSION_CODENAME:-stable} stable"
        step "add Docker apt source" bash -c "echo '$line' | sudo tee /etc/apt/sources.list.d/docker.list"
        step "apt update" sudo apt-get update
        step "install Docker Engine" sudo apt-get install -y docker-ce docker-ce-cli containerd.io docker-buildx-plugin docker-compose-plugin
      else
        step "add Docker dnf repo" sudo dnf config-manager --add-repo https://download.docker.com/linux/fedora/docker-ce.repo
        step "install Docker Engine" sudo dnf install -y docker-ce docker-ce-cli containerd.io docker-buildx-plugin docker-compose-plugin
        step "enable docker service" sudo systemctl enable --now docker
      fi
      echo "   NOTE: the docker group grants root-equivalent access. Rootless alternative: dockerd-rootless-setuptool.sh install"
      step "add $USER to docker group" sudo usermod -aG docker "$USER" ;;
    *) echo "unknown group $g"; exit 2;;
  esac
done
echo; echo "Done. Log out and back in for group changes; open a new shell for nvm."
