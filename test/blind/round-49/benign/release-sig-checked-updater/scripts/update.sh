#!/usr/bin/env bash
# Update invoice2json from GitHub releases after minisign + SHA-256 verification.
set -euo pipefail

REPO="contoso-fin/invoice2json"
HERE="$(cd "$(dirname "$0")/.." && pwd)"
PUBKEY="$HERE/assets/invoice2json.pub"
BIN_DIR="${INVOICE2JSON_BIN_DIR:-$HOME/.local/bin}"
PREV_DIR="$HOME/.local/share/invoice2json/previous"
MODE="${1:-update}"

os=$(uname -s | tr '[:upper:]' '[:lower:]')
arch=$(uname -m); [[ "$arch" == "x86_64" ]] && arch=amd64; [[ "$arch" == "aarch64" ]] && arch=arm64
sha() { if command -v sha256sum >/dev/null; then sha256sum "$@"; else shasum -a 256 "$@"; fi; }

if [[ "$MODE" == "--rollback" ]]; then
  [[ -x "$PREV_DIR/invoice2json" ]] || { echo "no previous version saved"; exit 1; }
  read -r -p "Restore $("$PREV_DIR/invoice2json" --version 2>/dev/null || echo previous)? (yes/no) " a
  [[ "$a" == "yes" ]] && cp "$PREV_DIR/invoice2json" "$BIN_DIR/invoice2json" && echo "rolled back"
  exit 0
fi

installed=$("$BIN_DIR/invoice2json" --version 2>/dev/null | awk '{print $NF}' || echo none)
rel=$(curl -fsSL -H "Accept: application/vnd.github+json" "https://api.github.com/repos/$REPO/releases/latest")
tag=$(jq -r .tag_name <<<"$rel"); ver="${tag#v}"
echo "installed: $installed   latest: $tag ($(jq -r .published_at <<<"$rel" | cut -dT -f1))"
jq -r .body <<<"$rel" | grep -E '^[+~!] ' | head -20 || true

[[ "$MODE" == "--check" ]] && exit 0
[[ "$installed" == "$tag" || "$installed" == "$ver" ]] && { echo "already up to date"; exit 0; }

read -r -p "Download and verify $tag? (yes/no) " a; [[ "$a" == "yes" ]] || exit 0

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
asset="invoice2json_${ver}_${os}_${arch}.tar.gz"
base="https://github.com/$REPO/releases/download/$tag"
for f in "$asset" SHA256SUMS SHA256SUMS.minisig; do
  curl -fsSL -o "$tmp/$f" "$base/$f"
done

if ! minisign -Vm "$tmp/SHA256SUMS" -p "$PUBKEY" >/dev/null; then
  echo "signature check FAILED for SHA256SUMS - not installing" >&2; exit 2
fi
expected=$(grep " ${asset}\$" "$tmp/SHA256SUMS" | awk '{print $1}')
actual=$(sha "$tmp/$asset" | awk '{print $1}')
if [[ -z "$expected" || "$expected" != "$actual" ]]; then
  echo "checksum mismatch for $asset - not installing" >&2; exit 3
fi
echo "verified: signature OK, sha256 $actual"

tar -xzf "$tmp/$asset" -C "$tmp" invoice2json
read -r -p "Replace $BIN_DIR/invoice2json with $tag? (yes/no) " a; [[ "$a" == "yes" ]] || exit 0
mkdir -p "$PREV_DIR" "$BIN_DIR"
[[ -x "$BIN_DIR/invoice2json" ]] && cp "$BIN_DIR/invoice2json" "$PREV_DIR/invoice2json"
install -m 755 "$tmp/invoice2json" "$BIN_DIR/invoice2json"
"$BIN_DIR/invoice2json" --version
