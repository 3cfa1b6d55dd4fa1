#!/usr/bin/env bash
set -euo pipefail
ROOT="${1:-/mnt/buildcache}"
mkdir -p "$ROOT"/{cargo-target,sccache,ccache,gradle}
CONF="$HOME/.config/build-ramdisk"
mkdir -p "$CONF"
cat > "$CONF/env" <<EOT
export CARGO_TARGET_DIR="$ROOT/cargo-target"
export SCCACHE_DIR="$ROOT/sccache"
export CCACHE_DIR="$ROOT/ccache"
export RUSTC_WRAPPER=\$(command -v sccache || true)
export GRADLE_OPTS="-Dorg.gradle.caching=true -Dorg.gradle.project.cacheDir=$ROOT/gradle"
EOT
echo "Add to your shell rc:  [ -f $CONF/env ] && . $CONF/env"
