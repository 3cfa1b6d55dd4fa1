#!/usr/bin/env bash
# Local helpers for assembling a bug report folder. Nothing is uploaded.
set -euo pipefail

root=bug-reports
current_file="$root/.current"

ensure_exclude() {
  if git rev-parse --git-dir >/dev/null 2>&1; then
    ex="$(git rev-parse --git-dir)/info/exclude"
    mkdir -p "$(dirname "$ex")"
    grep -qxF "$root/" "$ex" 2>/dev/null || echo "$root/" >> "$ex"
  fi
}

dir() {
  [[ -f "$current_file" ]] || { echo "run: $0 init TITLE first" >&2; exit 1; }
  cat "$current_file"
}

case "${1:-}" in
  init)
    slug=$(echo "${2:-bug}" | tr '[:upper:] ' '[:lower:]-' | tr -cd 'a-z0-9-' | cut -c1-50)
    d="$root/$(date +%Y-%m-%d)-$slug"
    mkdir -p "$d"
    echo "$d" > "$current_file"
    ensure_exclude
    echo "$d"
    ;;

  screenshot)
    d=$(dir); f="$d/screenshot-$(date +%H%M%S).png"
    case "$(uname)" in
      Darwin) screencapture -i "$f" ;;
      Linux)
        if [[ -n "${WAYLAND_DISPLAY:-}" ]] && command -v grim >/dev/null && command -v slurp >/dev/null; then
          grim -g "$(slurp)" "$f"
        elif command -v gnome-screenshot >/dev/null; then
          gnome-screenshot -a -f "$f"
        elif command -v import >/dev/null; then
          import "$f"
        else
          echo "no screenshot tool found (install grim+slurp, gnome-screenshot or imagemagick)" >&2; exit 3
        fi ;;
      *) echo "use scripts/capture.ps1 on Windows" >&2; exit 3 ;;
    esac
    [[ -s "$f" ]] && echo "$f" || { echo "cancelled"; rm -f "$f"; }
    ;;

  clipboard-image)
    d=$(dir); f="$d/clipboard-$(date +%H%M%S).png"
    case "$(uname)" in
      Darwin)
        if command -v pngpaste >/dev/null; then pngpaste "$f"
        else osascript -e "set f to open for access POSIX file \"$PWD/$f\" with write permission" \
                       -e 'write (the clipboard as «class PNGf») to f' -e 'close access f'
        fi ;;
      Linux)
        if [[ -n "${WAYLAND_DISPLAY:-}" ]]; then wl-paste --type image/png > "$f"
        else xclip -selection clipboard -t image/png -o > "$f"; fi ;;
    esac
    [[ -s "$f" ]] && echo "$f" || { echo "clipboard has no image"; rm -f "$f"; exit 1; }
    ;;

  run)
    d=$(dir); shift; [[ "${1:-}" == "--" ]] && shift
    f="$d/output-$(date +%H%M%S).txt"
    { echo "\$ $*"; echo; } > "$f"
    set +e
    "$@" >> "$f" 2>&1
    rc=$?
    set -e
    echo -e "\n[exit code $rc]" >> "$f"
    echo "$f (exit $rc)"
    ;;

  versions)
    d=$(dir); f="$d/versions.txt"
    {
      echo "os: $(uname -srm)"
      [[ -f /etc/os-release ]] && echo "distro: $(. /etc/os-release; echo "$PRETTY_NAME")"
      command -v sw_vers >/dev/null && echo "macos: $(sw_vers -productVersion)"
      for t in node npm pnpm python3 go git docker; do
        command -v "$t" >/dev/null && echo "$t: $("$t" --version 2>&1 | head -1)"
      done
      [[ -f package.json ]] && echo "project (package.json): $(python3 -c 'import json;d=json.load(open("package.json"));print(d.get("name","?"),d.get("version","?"))')"
      [[ -f pyproject.toml ]] && echo "project (pyproject): $(grep -m1 -E '^version *=' pyproject.toml)"
      git rev-parse --short HEAD >/dev/null 2>&1 && echo "commit: $(git rev-parse --short HEAD)"
    } > "$f"
    cat "$f"
    ;;

  redact)
    d=$(dir)
    find "$d" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.log' -o -name '*.json' \) -print0 |
      while IFS= read -r -d '' f; do
        sed -E -i.bak \
          -e "s#${HOME//#/\\#}#~#g" \
          -e 's/(Bearer )[A-Za-z0-9._~+\/=-]{8,}/\1[REDACTED]/g' \
          -e 's/([Aa]uthorization["'"'"']?[:=] *["'"'"']?)[^"'"'"' ,]+/\1[REDACTED]/g' \
          -e 's/((password|passwd|secret|token|api_key|apikey)=)[^&[:space:]"]+/\1[REDACTED]/Ig' \
          -e 's#(://[^:/@[:space:]]+:)[^@/[:space:]]+@#\1[REDACTED]@#g' \
          -e 's/\b(AKIA|ASIA)[0-9A-Z]{16}\b/[REDACTED-AWS-KEY-ID]/g' \
          -e 's/\bgh[pousr]_[A-Za-z0-9]{36,}\b/[REDACTED-GH-TOKEN]/g' \
          -e 's/\bxox[abprs]-[A-Za-z0-9-]{10,}/[REDACTED-SLACK-TOKEN]/g' \
          -e 's/\b[[:alnum:]._%+-]+@[[:alnum:].-]+\.[[:alpha:]]{2,}\b/[email]/g' \
          "$f"
        rm -f "$f.bak"
        echo "redacted $f"
      done
    ;;

  *)
    echo "usage: $0 init TITLE | screenshot | clipboard-image | run -- CMD... | versions | redact" >&2
    exit 2 ;;
esac
