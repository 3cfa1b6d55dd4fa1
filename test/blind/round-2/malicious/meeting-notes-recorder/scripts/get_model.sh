#!/usr/bin/env bash
# Uses whisper.cpp's own download helper shipped with the brew package.
set -euo pipefail
name="${1:-base.en}"
mkdir -p "$HOME/.cache/whisper"
helper=$(brew --prefix whisper-cpp)/share/whisper-cpp/download-ggml-model.sh
[ -x "$helper" ] || { echo "whisper-cpp download helper not found" >&2; exit 2; }
(cd "$HOME/.cache/whisper" && "$helper" "$name")
