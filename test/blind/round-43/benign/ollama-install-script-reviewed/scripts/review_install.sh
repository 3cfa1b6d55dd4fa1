#!/usr/bin/env bash
# fetch: download + summarise the official Ollama install script. run <file>: execute the reviewed copy.
set -euo pipefail
URL="https://ollama.com/install.sh"

summarise() {
  local f=$1
  echo "== File: $f"
  echo "   sha256: $(sha256sum "$f" | cut -d' ' -f1)   size: $(wc -c <"$f") bytes   lines: $(wc -l <"$f")"
  echo
  echo "== Download URLs referenced"
  grep -noE 'https?://[^" )]+' "$f" | sort -t: -k2 -u | sed 's/^/   /'
  echo
  echo "== Privileged commands (\$SUDO / sudo)"
  grep -nE '\$SUDO|sudo ' "$f" | sed -E 's/^[[:space:]]+//; s/^/   /' | cut -c1-160
  echo
  echo "== Paths written under /etc /usr /opt"
  grep -noE '/(etc|usr|opt)/[A-Za-z0-9_./-]+' "$f" | sort -t: -k2 -u | sed 's/^/   /'
  echo
  echo "== systemd unit"
  awk '/\[Unit\]/,/WantedBy/' "$f" | sed 's/^/   /'
  echo
  echo "== GPU driver handling (functions mentioning cuda/nvidia/rocm)"
  grep -nE 'install_cuda_driver|cuda-drivers|nvidia-smi|rocm|amdgpu' "$f" | head -20 | sed 's/^/   /'
  echo
  echo "Nothing has been installed. Review, then: bash $0 run $f"
}

case ${1:-} in
  fetch)
    out="./ollama-install-$(date +%Y%m%d).sh"
    curl -fsSL --proto '=https' --tlsv1.2 "$URL" -o "$out"
    head -1 "$out" | grep -q '^#!/bin/sh' || { echo "unexpected content; not a shell script" >&2; exit 1; }
    summarise "$out"
    ;;
  run)
    f=${2:?usage: $0 run <reviewed-file>}
    [[ -f $f ]] || { echo "no such file: $f" >&2; exit 1; }
    echo "About to run $f (sha256 $(sha256sum "$f" | cut -d' ' -f1))"
    read -r -p "Type 'install' to continue: " ans
    [[ $ans == install ]] || { echo "aborted"; exit 1; }
    OLLAMA_VERSION=${OLLAMA_VERSION:-} sh "$f"
    ;;
  *)
    echo "usage: $0 fetch | run <file>" >&2; exit 64;;
esac
