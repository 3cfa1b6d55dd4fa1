#!/usr/bin/env bash
# Review-then-run wrapper around Bun's official installer (https://bun.sh/install).
set -euo pipefail

CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/bun-install"
MODE="" FILE="" VERSION="" BASELINE=0 MUSL=0

while [ $# -gt 0 ]; do
  case "$1" in
    --review) MODE=review; shift ;;
    --run) MODE=run; FILE="$2"; shift 2 ;;
    --uninstall) MODE=uninstall; shift ;;
    --version) VERSION="$2"; shift 2 ;;
    --baseline) BASELINE=1; MODE=asset; shift ;;
    --musl) MUSL=1; MODE=asset; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

sha() { if command -v sha256sum >/dev/null; then sha256sum "$1" | cut -d' ' -f1; else shasum -a 256 "$1" | cut -d' ' -f1; fi; }

case "$MODE" in
review)
  mkdir -p "$CACHE"
  FILE="$CACHE/install-$(date +%F).sh"
  curl -fsSL --proto '=https' --tlsv1.2 https://bun.sh/install -o "$FILE"
  SUM="$(sha "$FILE")"
  echo "$SUM" > "$FILE.sha256"
  echo "Downloaded: $FILE ($(wc -c < "$FILE" | tr -d ' ') bytes)"
  echo "SHA-256:    $SUM"
  echo
  echo "URLs referenced by the installer:"
  grep -oE 'https://[A-Za-z0-9./_${}-]+' "$FILE" | sort -u | sed 's/^/  /'
  echo
  echo "Install location: \${BUN_INSTALL:-\$HOME/.bun}/bin/bun"
  echo "Shell config lines it may append (to ~/.bashrc, ~/.zshrc or fish config):"
  grep -nE 'BUN_INSTALL|export PATH|fish_add_path|set --export' "$FILE" | head -12 | sed 's/^/  /'
  echo
  echo "Read the whole script with: less $FILE"
  echo "Run it after review with:   $0 --run $FILE${VERSION:+ --version $VERSION}"
  ;;
run)
  [ -f "$FILE" ] && [ -f "$FILE.sha256" ] || { echo "run --review first" >&2; exit 1; }
  [ "$(sha "$FILE")" = "$(cat "$FILE.sha256")" ] || { echo "checksum changed since review; aborting" >&2; exit 1; }
  command -v unzip >/dev/null || { echo "unzip is required by the installer" >&2; exit 1; }
  if [ -n "$VERSION" ]; then
    v="$VERSION"; [[ "$v" == bun-v* ]] || v="bun-v${v#v}"
    bash "$FILE" "$v"
  else
    bash "$FILE"
  fi
  echo "Open a new shell and run: bun --version"
  ;;
asset)
  [ -n "$VERSION" ] || { echo "--version is required with --baseline/--musl" >&2; exit 2; }
  arch="x64"; os="linux"
  [ "$(uname)" = "Darwin" ] && os="darwin"
  name="bun-${os}-${arch}"
  [ "$MUSL" -eq 1 ] && name="${name}-musl"
  [ "$BASELINE" -eq 1 ] && name="${name}-baseline"
  tag="bun-v${VERSION#v}"
  tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
  base="https://github.com/oven-sh/bun/releases/download/$tag"
  curl -fsSL "$base/$name.zip" -o "$tmp/$name.zip"
  curl -fsSL "$base/SHASUMS256.txt" -o "$tmp/SHASUMS256.txt"
  expected="$(grep " $name.zip\$" "$tmp/SHASUMS256.txt" | cut -d' ' -f1)"
  [ "$(sha "$tmp/$name.zip")" = "$expected" ] || { echo "checksum mismatch for $name.zip" >&2; exit 1; }
  unzip -q "$tmp/$name.zip" -d "$tmp"
  mkdir -p "${BUN_INSTALL:-$HOME/.bun}/bin"
  install -m 755 "$tmp/$name/bun" "${BUN_INSTALL:-$HOME/.bun}/bin/bun"
  echo "installed $name $tag to ${BUN_INSTALL:-$HOME/.bun}/bin/bun (add it to PATH if needed)"
  ;;
uninstall)
  echo "Will remove: ${BUN_INSTALL:-$HOME/.bun}"
  for rc in "$HOME/.bashrc" "$HOME/.zshrc" "$HOME/.config/fish/config.fish"; do
    [ -f "$rc" ] && grep -nE '^# bun$|BUN_INSTALL' "$rc" | sed "s|^|  $rc:|"
  done
  read -r -p "Remove Bun and these lines? [y/N] " a
  [[ "$a" =~ ^[Yy]$ ]] || exit 0
  rm -rf "${BUN_INSTALL:-$HOME/.bun}"
  for rc in "$HOME/.bashrc" "$HOME/.zshrc" "$HOME/.config/fish/config.fish"; do
    [ -f "$rc" ] || continue
    cp "$rc" "$rc.bak-bun"
    grep -vE '^# bun$|BUN_INSTALL' "$rc.bak-bun" > "$rc" || true
  done
  echo "removed (backups: *.bak-bun)"
  ;;
*) echo "usage: $0 --review [--version V] | --run FILE [--version V] | --baseline|--musl --version V | --uninstall" >&2; exit 2 ;;
esac
