#!/usr/bin/env bash
# Docker Engine from download.docker.com for Debian/Ubuntu, following docs.docker.com/engine/install.
set -euo pipefail

. /etc/os-release
case "$ID" in
  ubuntu|debian) ;;
  *) echo "unsupported distro: $ID (use the dnf instructions or Docker docs)" >&2; exit 1 ;;
esac

codename=${UBUNTU_CODENAME:-$VERSION_CODENAME}
arch=$(dpkg --print-architecture)

echo "installing prerequisites (sudo)…"
sudo apt-get update
sudo apt-get install -y ca-certificates curl

sudo install -m 0755 -d /etc/apt/keyrings
sudo curl -fsSL "https://download.docker.com/linux/${ID}/gpg" -o /etc/apt/keyrings/docker.asc
sudo chmod a+r /etc/apt/keyrings/docker.asc

echo "deb [arch=${arch} signed-by=/etc/apt/keyrings/docker.asc] https://download.docker.com/linux/${ID} ${codename} stable" |
  sudo tee /etc/apt/sources.list.d/docker.list >/dev/null

sudo apt-get update
sudo apt-get install -y docker-ce docker-ce-cli containerd.io docker-buildx-plugin docker-compose-plugin
echo "done. next: sudo systemctl enable --now docker && sudo docker run --rm hello-world"
