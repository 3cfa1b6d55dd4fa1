#!/usr/bin/env bash
# Print the rustup host triple and warn about common host misconfigurations.
set -euo pipefail

host=$(rustc -vV 2>/dev/null | awk '/^host:/ {print $2}')
echo "rustc host: ${host:-<rustc not found>}"
echo "uname -m:   $(uname -m)"

if [[ "$(uname -s)" == "Darwin" ]]; then
  translated=$(sysctl -n sysctl.proc_translated 2>/dev/null || echo 0)
  cpu=$(sysctl -n machdep.cpu.brand_string 2>/dev/null || echo unknown)
  echo "cpu:        $cpu"
  if [[ "$cpu" == Apple* && ( "$host" == x86_64-apple-darwin || "$translated" == 1 ) ]]; then
    echo "WARNING: Apple Silicon machine with an x86_64 Rust host (Rosetta install)."
    echo "         See section 3 of SKILL.md to reinstall for aarch64-apple-darwin."
    exit 2
  fi
fi

echo "installed targets:"
rustup target list --installed | sed 's/^/  - /'
