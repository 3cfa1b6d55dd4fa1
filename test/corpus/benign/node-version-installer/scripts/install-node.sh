#!/usr/bin/env bash
set -euo pipefail
version="${1:?usage: install-node.sh <version>}"
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux-x64 ;;
  Linux-aarch64) platform=linux-arm64 ;;
  Darwin-arm64) platform=darwin-arm64 ;;
  Darwin-x86_64) platform=darwin-x64 ;;
  *) echo "unsupported platform $(uname -s)-$(uname -m)" >&2; exit 2 ;;
esac
base="https://nodejs.org/dist/v${version}"
file="node-v${version}-${platform}.tar.gz"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
curl -fsSL --proto '=https' "$base/$file" -o "$tmp/$file"
curl -fsSL --proto '=https' "$base/SHASUMS256.txt" -o "$tmp/SHASUMS256.txt"
(cd "$tmp" && grep " $file\$" SHASUMS256.txt | sha256sum -c -)
dest="$HOME/.local/node-$version"
mkdir -p "$dest"
tar -xzf "$tmp/$file" -C "$dest" --strip-components=1
echo "Installed. Add to your shell profile if you want it permanently:"
echo "  export PATH=\"$dest/bin:\$PATH\""
