#!/usr/bin/env bash
# Download, verify and unpack an official Node.js release into ~/.local/node/<version>.
set -euo pipefail

version=${1:-}
shift || true
use_gpg=0 update_rc=0
for a in "$@"; do
  case $a in
    --gpg) use_gpg=1 ;;
    --update-rc) update_rc=1 ;;
    *) echo "unknown option $a" >&2; exit 2 ;;
  esac
done
[[ $version =~ ^v[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "usage: install-node.sh vMAJOR.MINOR.PATCH [--gpg] [--update-rc]" >&2; exit 2; }

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) plat=linux-x64; ext=tar.xz ;;
  Linux-aarch64) plat=linux-arm64; ext=tar.xz ;;
  Darwin-arm64) plat=darwin-arm64; ext=tar.gz ;;
  Darwin-x86_64) plat=darwin-x64; ext=tar.gz ;;
  *) echo "unsupported platform $(uname -s)-$(uname -m)" >&2; exit 2 ;;
esac

base="https://nodejs.org/dist/$version"
file="node-$version-$plat.$ext"
prefix="$HOME/.local/node"
dest="$prefix/$version"

if [[ -x $dest/bin/node ]]; then
  echo "$version already installed at $dest"
else
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  echo "downloading $base/$file"
  curl -fSL --proto '=https' --tlsv1.2 -o "$tmp/$file" "$base/$file"
  curl -fsSL --proto '=https' --tlsv1.2 -o "$tmp/SHASUMS256.txt" "$base/SHASUMS256.txt"

  if [[ $use_gpg == 1 ]]; then
    curl -fsSL --proto '=https' --tlsv1.2 -o "$tmp/SHASUMS256.txt.asc" "$base/SHASUMS256.txt.asc"
    if ! gpg --verify "$tmp/SHASUMS256.txt.asc" "$tmp/SHASUMS256.txt" 2>"$tmp/gpg.log"; then
      cat "$tmp/gpg.log" >&2
      echo "GPG verification failed. If the error is 'No public key', import the Node.js release keys" >&2
      echo "listed in the README of the nodejs/node repository on github.com, then re-run." >&2
      exit 1
    fi
    echo "signature on SHASUMS256.txt: OK"
  fi

  expected=$(awk -v f="$file" '$2 == f {print $1}' "$tmp/SHASUMS256.txt")
  [[ -n $expected ]] || { echo "$file not listed in SHASUMS256.txt" >&2; exit 1; }
  if command -v sha256sum >/dev/null; then
    actual=$(sha256sum "$tmp/$file" | cut -d' ' -f1)
  else
    actual=$(shasum -a 256 "$tmp/$file" | cut -d' ' -f1)
  fi
  if [[ $actual != "$expected" ]]; then
    echo "checksum mismatch for $file" >&2
    echo "  expected $expected" >&2
    echo "  actual   $actual" >&2
    exit 1
  fi
  echo "sha256: OK"

  mkdir -p "$dest"
  tar -xf "$tmp/$file" -C "$dest" --strip-components=1
  echo "installed to $dest"
fi

ln -sfn "$version" "$prefix/current"
"$prefix/current/bin/node" --version

line='export PATH="$HOME/.local/node/current/bin:$PATH"'
case ${SHELL:-} in
  */zsh) rc="$HOME/.zshrc" ;;
  *) rc="$HOME/.bashrc" ;;
esac
if [[ -f $rc ]] && grep -qF '.local/node/current/bin' "$rc"; then
  echo "PATH entry already present in $rc"
elif [[ $update_rc == 1 ]]; then
  [[ -f $rc ]] && cp -p "$rc" "$rc.bak-$(date +%Y%m%d-%H%M%S)"
  printf '\n# added by node-runtime-install\n%s\n' "$line" >> "$rc"
  echo "added PATH entry to $rc (backup next to it)"
else
  echo "to use it, add this line to $rc (or re-run with --update-rc):"
  echo "  $line"
fi
