#!/usr/bin/env bash
# List where interpreter start-up variables are assigned and what they load. Read-only.
set -uo pipefail

VARS='NODE_OPTIONS|PYTHONSTARTUP|PYTHONPATH|PYTHONHOME|BASH_ENV|ENV|PROMPT_COMMAND|PERL5OPT|PERL5LIB|RUBYOPT|RUBYLIB|JAVA_TOOL_OPTIONS|JDK_JAVA_OPTIONS|_JAVA_OPTIONS|LD_PRELOAD|LD_LIBRARY_PATH|DYLD_INSERT_LIBRARIES|DYLD_LIBRARY_PATH'
repo=""
home=true
system=false
extra=()

while [[ $# -gt 0 ]]; do
  case "$1" in
    --repo) repo="$(cd "$2" && pwd)"; shift 2 ;;
    --no-home) home=false; shift ;;
    --system) system=true; shift ;;
    --extra) extra+=("$2"); shift 2 ;;
    *) echo "unknown arg $1" >&2; exit 2 ;;
  esac
done

review_re='^(/tmp|/var/tmp|/dev/shm)|/\.cache/|\$\(|`|base64|curl|wget'

targets_of() { # extract file-like tokens from a value
  local v="$1"
  grep -oE -- '(--(require|import|loader|experimental-loader)[= ]|-javaagent:|-M|-r)?[~./][^ :;"'\'']+' <<<"$v" |
    sed -E 's/^(--(require|import|loader|experimental-loader)[= ]|-javaagent:|-M|-r)//'
}

describe() { # file -> human note
  local f="${1/#\~/$HOME}" note
  if [[ -n "$repo" && "$f" != /* ]]; then f="$repo/$f"; fi
  if [[ -e "$f" ]]; then
    local owner; owner=$(stat -c %U "$f" 2>/dev/null || stat -f %Su "$f")
    note="exists, owner $owner"
    if [[ -n "$repo" && "$(cd "$(dirname "$f")" 2>/dev/null && pwd)" == "$repo"* ]]; then
      note+=", in repo"
      git -C "$repo" check-ignore -q "$f" 2>/dev/null && note+=", git-ignored"
    fi
  else
    note="missing"
  fi
  printf '%s (%s)' "$1" "$note"
}

report() { # source line var value
  local src="$1" line="$2" var="$3" value="$4" loads="" flag=""
  for t in $(targets_of "$value"); do loads+="$(describe "$t") "; done
  if [[ "$value" =~ $review_re || "$loads" == *git-ignored* ]]; then flag="  <-- review"; fi
  [[ "$var" == "BASH_ENV" && "$src" != "(current env)" && "$src" != ~* && "$src" != "$HOME"* ]] && flag="  <-- review"
  printf '%-34s %-5s %-18s %-45s %s%s\n' "$src" "$line" "$var" "${value:0:45}" "${loads:-"-"}" "$flag"
}

scan_file() {
  local f="$1"
  [[ -f "$f" ]] || return 0
  grep -nE "(^|[[:space:]]|export[[:space:]]+|set -gx[[:space:]]+|ENV[[:space:]]+|- )($VARS)([=:[:space:]])" "$f" 2>/dev/null |
  while IFS=: read -r ln rest; do
    var=$(grep -oE "($VARS)" <<<"$rest" | head -1)
    value=$(sed -E "s/.*($var)[=:[:space:]]+//; s/^[\"']//; s/[\"']\s*$//" <<<"$rest")
    report "${f/#$HOME/~}" "$ln" "$var" "$value"
  done
  grep -nE '^\s*(source|\.)\s+\S+' "$f" 2>/dev/null | while IFS=: read -r ln rest; do
    printf '%-34s %-5s %-18s %s\n' "${f/#$HOME/~}" "$ln" "(sources)" "$(xargs <<<"$rest")"
  done
}

printf '%-34s %-5s %-18s %-45s %s\n' SOURCE LINE VAR VALUE LOADS

if $home; then
  for f in .profile .bash_profile .bashrc .bash_login .zshenv .zprofile .zshrc .zlogin \
           .config/fish/config.fish .pam_environment; do
    scan_file "$HOME/$f"
  done
  for f in "$HOME"/.config/environment.d/*.conf; do scan_file "$f"; done
  for v in ${VARS//|/ }; do
    [[ -n "${!v:-}" ]] && report "(current env)" "-" "$v" "${!v}"
    if [[ "$(uname)" == Darwin ]]; then
      lv=$(launchctl getenv "$v" 2>/dev/null || true)
      [[ -n "$lv" ]] && report "(launchctl)" "-" "$v" "$lv"
    fi
  done
fi

if $system; then
  for f in /etc/environment /etc/profile /etc/bash.bashrc /etc/zshenv /etc/profile.d/*.sh; do scan_file "$f"; done
  [[ -s /etc/ld.so.preload ]] && while read -r l; do report /etc/ld.so.preload - LD_PRELOAD "$l"; done < /etc/ld.so.preload
fi

if [[ -n "$repo" ]]; then
  shopt -s nullglob
  for f in "$repo"/.envrc "$repo"/.env "$repo"/.env.* "$repo"/docker-compose*.y*ml "$repo"/compose*.y*ml \
           "$repo"/Dockerfile* "$repo"/Procfile "$repo"/.github/workflows/*.y*ml "$repo"/.gitlab-ci.yml \
           "$repo"/Makefile "$repo"/package.json; do
    scan_file "$f"
  done
fi

for f in "${extra[@]}"; do scan_file "$f"; done
