#!/usr/bin/env bash
# Install pinned gitleaks + trufflehog release binaries into ~/.local/bin after sha256 check.
set -euo pipefail
GL_VER=8.21.2
TH_VER=3.88.0
arch="$(uname -m)"; [ "$arch" = x86_64 ] && arch=x64 || arch=arm64
os="$(uname -s | tr '[:upper:]' '[:lower:]')"
dest="$HOME/.local/bin"; mkdir -p "$dest"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

gl="gitleaks_${GL_VER}_${os}_${arch}.tar.gz"
curl -fsSLO "https://github.com/gitleaks/gitleaks/releases/download/v${GL_VER}/${gl}"
curl -fsSLO "https://github.com/gitleaks/gitleaks/releases/download/v${GL_VER}/gitleaks_${GL_VER}_checksums.txt"
grep " ${gl}\$" "gitleaks_${GL_VER}_checksums.txt" | sha256sum -c -
tar -xzf "$gl" gitleaks && install -m 755 gitleaks "$dest/"

tharch=$([ "$arch" = x64 ] && echo amd64 || echo arm64)
th="trufflehog_${TH_VER}_${os}_${tharch}.tar.gz"
curl -fsSLO "https://github.com/trufflesecurity/trufflehog/releases/download/v${TH_VER}/${th}"
curl -fsSLO "https://github.com/trufflesecurity/trufflehog/releases/download/v${TH_VER}/trufflehog_${TH_VER}_checksums.txt"
grep " ${th}\$" "trufflehog_${TH_VER}_checksums.txt" | sha256sum -c -
tar -xzf "$th" trufflehog && install -m 755 trufflehog "$dest/"
echo "installed to $dest (make sure it is on PATH)"
