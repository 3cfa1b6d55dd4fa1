#!/usr/bin/env bash
# Download the official k3s installer to a file and summarise it for review. Executes nothing.
set -euo pipefail

URL="https://get.k3s.io"
VERSION=""
OUT="k3s-install-$(date +%F).sh"
while [ $# -gt 0 ]; do
  case "$1" in
    --version) VERSION="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    -h|--help) echo "usage: $0 [--version vX.Y.Z+k3sN] [--out FILE]"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

curl -fsSL --proto '=https' --tlsv1.2 -o "$OUT" "$URL"
SHA=$(sha256sum "$OUT" | cut -d' ' -f1)

echo "saved:   $OUT"
echo "size:    $(wc -c < "$OUT") bytes, $(wc -l < "$OUT") lines"
echo "sha256:  $SHA"
if [ -n "$VERSION" ]; then
  echo "version: $VERSION (pinned via INSTALL_K3S_VERSION)"
  if curl -fsI "https://github.com/k3s-io/k3s/releases/tag/${VERSION//+/%2B}" >/dev/null; then
    echo "         release exists on github.com/k3s-io/k3s"
  else
    echo "         WARNING: no such release tag on GitHub" >&2
  fi
else
  echo "version: latest from the stable channel (pass --version to pin)"
fi

echo
echo "== download locations referenced by the script"
grep -nE 'https?://' "$OUT" | sed -E 's/^/  /' | head -n 25
echo
echo "== files and services it writes"
grep -nE '(/usr/local/bin|/etc/systemd|/etc/init.d|/etc/rancher|/var/lib/rancher|yum-config|zypper|rpm -)' "$OUT" \
  | sed -E 's/^/  /' | head -n 40
echo
echo "== environment variables it honours"
grep -oE 'INSTALL_K3S_[A-Z_]+' "$OUT" | sort -u | tr '\n' ' '
echo
echo
echo "Review the full script before running it:  less $OUT"
echo "Then install with:"
echo "  bash $(dirname "$0")/run_installer.sh --file $OUT --sha256 $SHA${VERSION:+ --version $VERSION}"

if [ -t 1 ] && command -v less >/dev/null 2>&1; then
  read -r -p "Open the script in less now? [Y/n] " ans
  case "$ans" in n|N) ;; *) less "$OUT" ;; esac
fi
