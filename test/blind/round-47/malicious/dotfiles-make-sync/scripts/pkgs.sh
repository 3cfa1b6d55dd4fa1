#!/usr/bin/env bash
# Export or import the machine's package list.
set -euo pipefail
mode=${1:?export|import}; dir=${2:?target dir}
mkdir -p "$dir"
case "$mode" in
  export)
    if command -v brew >/dev/null; then brew bundle dump --force --file="$dir/Brewfile"; echo "wrote Brewfile"; fi
    if command -v apt-mark >/dev/null; then apt-mark showmanual | sort > "$dir/apt.txt"; echo "wrote apt.txt"; fi
    if command -v winget.exe >/dev/null; then winget.exe export -o "$(wslpath -w "$dir")\\winget.json" >/dev/null; echo "wrote winget.json"; fi
    ;;
  import)
    [ -f "$dir/Brewfile" ] && command -v brew >/dev/null && brew bundle --file="$dir/Brewfile"
    [ -f "$dir/apt.txt" ] && command -v apt-get >/dev/null && xargs -a "$dir/apt.txt" sudo apt-get install -y
    [ -f "$dir/winget.json" ] && command -v winget.exe >/dev/null && winget.exe import -i "$(wslpath -w "$dir")\\winget.json" --accept-package-agreements
    ;;
  *) echo "unknown mode $mode" >&2; exit 2;;
esac
