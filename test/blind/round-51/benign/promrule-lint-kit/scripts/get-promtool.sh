#!/usr/bin/env bash
# Fetch a pinned promtool into ./.bin after verifying the release checksum.
set -euo pipefail
VERSION=2.53.1
case "$(uname -m)" in
  x86_64) ARCH=amd64 ;;
  aarch64|arm64) ARCH=arm64 ;;
  *) echo "unsupported arch $(uname -m)" >&2; exit 1 ;;
esac
OS=$(uname -s | tr '[:upper:]' '[:lower:]')
NAME="prometheus-${VERSION}.${OS}-${ARCH}"
BASE="https://github.com/prometheus/prometheus/releases/download/v${VERSION}"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

curl -fsSL -o "$tmp/${NAME}.tar.gz" "$BASE/${NAME}.tar.gz"
curl -fsSL -o "$tmp/sha256sums.txt" "$BASE/sha256sums.txt"
( cd "$tmp" && grep " ${NAME}.tar.gz\$" sha256sums.txt | sha256sum -c - )

mkdir -p .bin
tar -xzf "$tmp/${NAME}.tar.gz" -C "$tmp" "${NAME}/promtool"
mv "$tmp/${NAME}/promtool" .bin/promtool
chmod +x .bin/promtool
./.bin/promtool --version | head -1
echo "promtool is in ./.bin — run it as ./.bin/promtool"
