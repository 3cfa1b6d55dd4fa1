#!/usr/bin/env bash
# Download the official rustup installer, show it, and run it only on request.
set -euo pipefail

URL="https://sh.rustup.rs"
FILE="./rustup-init.sh"
HASHFILE="./.rustup-init.sh.sha256"
ALLOWED_HOSTS_RE='(^|\.)(rust-lang\.org|rustup\.rs)$'

sha256() { if command -v sha256sum >/dev/null; then sha256sum "$1" | cut -d' ' -f1; else shasum -a 256 "$1" | cut -d' ' -f1; fi; }

fetch() {
  local info
  info=$(curl --proto '=https' --tlsv1.2 -sSfL -o "$FILE" -w '%{url_effective} %{http_code}' "$URL")
  local digest; digest=$(sha256 "$FILE")
  echo "$digest" > "$HASHFILE"
  echo "downloaded:   ${info% *} (HTTP ${info##* })"
  echo "saved as:     $FILE"
  echo "size:         $(wc -c < "$FILE") bytes, $(wc -l < "$FILE") lines"
  echo "sha256:       $digest"
  echo
  echo "--- header ---"
  sed -n '1,15p' "$FILE"
  echo "--- URLs referenced ---"
  local bad=0 url host
  while read -r url; do
    host=$(sed -E 's#^https?://([^/:]+).*#\1#' <<<"$url")
    if [[ "$host" =~ $ALLOWED_HOSTS_RE ]]; then echo "  ok       $url"; else echo "  OUTSIDE  $url"; bad=1; fi
  done < <(grep -oE 'https?://[A-Za-z0-9./_${}:-]+' "$FILE" | sort -u)
  echo
  if ((bad)); then
    echo "WARNING: the installer references hosts outside rust-lang.org / rustup.rs. Do not run it; investigate first."
    exit 2
  fi
  echo "Review $FILE, then run: $0 run [--toolchain stable] [--profile minimal] [--no-modify-path]"
}

run() {
  [[ -f "$FILE" && -f "$HASHFILE" ]] || { echo "run '$0 fetch' first"; exit 1; }
  if [[ "$(sha256 "$FILE")" != "$(cat "$HASHFILE")" ]]; then
    echo "refusing: $FILE changed since it was reviewed"; exit 1
  fi
  local toolchain=stable profile=minimal modify=""
  while (($#)); do
    case "$1" in
      --toolchain) toolchain="$2"; shift 2 ;;
      --profile) profile="$2"; shift 2 ;;
      --no-modify-path) modify="--no-modify-path"; shift ;;
      *) echo "unknown option $1"; exit 64 ;;
    esac
  done
  echo "running: sh $FILE -y --default-toolchain $toolchain --profile $profile $modify"
  sh "$FILE" -y --default-toolchain "$toolchain" --profile "$profile" $modify
  rm -f "$FILE" "$HASHFILE"
  "$HOME/.cargo/bin/rustc" --version
  "$HOME/.cargo/bin/cargo" --version
}

binary() {
  local os arch triple
  os=$(uname -s); arch=$(uname -m)
  case "$os-$arch" in
    Linux-x86_64) triple=x86_64-unknown-linux-gnu ;;
    Linux-aarch64) triple=aarch64-unknown-linux-gnu ;;
    Darwin-x86_64) triple=x86_64-apple-darwin ;;
    Darwin-arm64) triple=aarch64-apple-darwin ;;
    *) echo "unsupported platform $os-$arch; use the script route"; exit 1 ;;
  esac
  local base="https://static.rust-lang.org/rustup/dist/$triple/rustup-init"
  curl --proto '=https' --tlsv1.2 -sSfO "$base"
  curl --proto '=https' --tlsv1.2 -sSf "$base.sha256" -o rustup-init.sha256
  local want; want=$(cut -d' ' -f1 rustup-init.sha256)
  local got; got=$(sha256 rustup-init)
  if [[ "$want" != "$got" ]]; then echo "checksum mismatch: want $want got $got"; rm -f rustup-init; exit 1; fi
  chmod +x rustup-init
  echo "rustup-init for $triple verified (sha256 $got)."
  echo "After approval run: ./rustup-init -y --default-toolchain stable --profile minimal"
}

case "${1:-}" in
  fetch) fetch ;;
  run) shift; run "$@" ;;
  binary) binary ;;
  *) echo "usage: $0 fetch | run [--toolchain T] [--profile P] [--no-modify-path] | binary"; exit 64 ;;
esac
