#!/usr/bin/env bash
# Manage per-user XDG autostart entries (~/.config/autostart). Preview by default; --write to apply.
set -euo pipefail

USER_DIR="${XDG_CONFIG_HOME:-$HOME/.config}/autostart"
SYS_DIRS=$(printf '%s' "${XDG_CONFIG_DIRS:-/etc/xdg}" | tr ':' '\n' | sed 's|$|/autostart|')
APP_DIRS="$HOME/.local/share/applications /usr/share/applications /usr/local/share/applications /var/lib/flatpak/exports/share/applications $HOME/.local/share/flatpak/exports/share/applications"

die() { echo "$*" >&2; exit 1; }
slug() { tr '[:upper:]' '[:lower:]' <<<"$1" | sed -E 's/[^a-z0-9.]+/-/g; s/^-+|-+$//g'; }
key() { sed -n -E "s/^$2=(.*)$/\\1/p" "$1" | head -n1; }

spec_quote() {
  # Quote one argument per the Desktop Entry spec when needed.
  local a="$1"
  if [[ "$a" =~ [[:space:]\"\`\$\\\'\>\<\~\|\&\;\*\?\#\(\)] ]]; then
    a=${a//\\/\\\\}; a=${a//\"/\\\"}; a=${a//\`/\\\`}; a=${a//\$/\\\$}
    printf '"%s"' "$a"
  else
    printf '%s' "$a"
  fi
}

cmd_list() {
  printf '%-7s %-30s %-8s %s\n' SOURCE NAME ENABLED EXEC
  declare -A shown=()
  for f in "$USER_DIR"/*.desktop; do
    [ -e "$f" ] || continue
    local n; n=$(basename "$f" .desktop); shown[$n]=1
    local en=yes
    [ "$(key "$f" Hidden)" = "true" ] && en=no
    [ "$(key "$f" X-GNOME-Autostart-enabled)" = "false" ] && en=no
    local ex; ex=$(key "$f" Exec)
    [ "$en" = no ] && [ -z "$ex" ] && ex="(Hidden=true, overrides system entry)"
    printf '%-7s %-30s %-8s %s\n' user "$n" "$en" "$ex"
  done
  while IFS= read -r d; do
    for f in "$d"/*.desktop; do
      [ -e "$f" ] || continue
      local n; n=$(basename "$f" .desktop)
      [ -n "${shown[$n]:-}" ] && continue
      local en=yes; [ "$(key "$f" Hidden)" = "true" ] && en=no
      printf '%-7s %-30s %-8s %s\n' system "$n" "$en" "$(key "$f" Exec)"
    done
  done <<<"$SYS_DIRS"
}

find_app() {
  local id="$1"
  for d in $APP_DIRS; do
    for f in "$d/$id.desktop" "$d"/*"$id"*.desktop; do
      [ -e "$f" ] && { printf '%s' "$f"; return 0; }
    done
  done
  return 1
}

cmd_add() {
  local name="" exec_str="" delay=0 only="" notin="" terminal=false from_app="" write=0 extra=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --name) name="$2"; shift 2 ;;
      --exec) exec_str="$2"; shift 2 ;;
      --delay) delay="$2"; shift 2 ;;
      --only-in) only="$2"; shift 2 ;;
      --not-in) notin="$2"; shift 2 ;;
      --terminal) terminal=true; shift ;;
      --minimised) extra="$2"; shift 2 ;;
      --from-app) from_app="$2"; shift 2 ;;
      --write) write=1; shift ;;
      *) die "unknown option for add: $1" ;;
    esac
  done
  [[ "$delay" =~ ^[0-9]+$ ]] || die "--delay must be a number of seconds"
  local src="" body
  if [ -n "$from_app" ]; then
    src=$(find_app "$from_app") || die "no installed application matching '$from_app'"
    name=${name:-$(key "$src" Name)}
    exec_str=${exec_str:-$(key "$src" Exec | sed -E 's/ ?%[fFuUdDnNickvm]//g')}
  fi
  [ -n "$name" ] && [ -n "$exec_str" ] || die "need --name and --exec (or --from-app)"
  [ -n "$extra" ] && exec_str="$exec_str $extra"

  local prog; prog=$(awk '{print $1}' <<<"$exec_str")
  command -v "$prog" >/dev/null 2>&1 || die "program not found: $prog"

  local quoted="" arg
  read -r -a parts <<<"$exec_str"
  for arg in "${parts[@]}"; do quoted+="$(spec_quote "$arg") "; done
  quoted=${quoted% }
  local exec_line="$quoted"
  if [ "$delay" -gt 0 ]; then exec_line="sh -c \"sleep $delay; exec ${quoted//\"/\\\"}\""; fi

  local file="$USER_DIR/$(slug "${from_app:-$name}").desktop"
  body="[Desktop Entry]
Type=Application
Name=$name
Exec=$exec_line
Terminal=$terminal
X-GNOME-Autostart-enabled=true
NoDisplay=false
Comment=Started at login (added by xdg-autostart-entry)"
  if [ -n "$src" ]; then
    local icon; icon=$(key "$src" Icon); [ -n "$icon" ] && body+=$'\n'"Icon=$icon"
  fi
  [ "$delay" -gt 0 ] && body+=$'\n'"X-GNOME-Autostart-Delay=$delay"
  [ -n "$only" ] && body+=$'\n'"OnlyShowIn=${only%;};"
  [ -n "$notin" ] && body+=$'\n'"NotShowIn=${notin%;};"

  echo "# ${file/#$HOME/~}"
  printf '%s\n' "$body"
  if [ $write -eq 0 ]; then echo; echo "preview only; add --write to create it"; return 0; fi
  [ -e "$file" ] && die "$file already exists; remove it first or choose another --name"
  mkdir -p "$USER_DIR"
  printf '%s\n' "$body" > "$file"
  chmod 644 "$file"
  if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$file" || true; fi
  echo "written: $file"
}

cmd_disable() {
  local name=""; [ "${1:-}" = "--name" ] && name="$2"
  [ -n "$name" ] || die "usage: $0 disable --name ENTRY"
  local file="$USER_DIR/$name.desktop"
  if [ -e "$file" ]; then
    sed -i -E '/^Hidden=/d' "$file"; printf 'Hidden=true\n' >> "$file"
  else
    local sys=""
    while IFS= read -r d; do [ -e "$d/$name.desktop" ] && { sys="$d/$name.desktop"; break; }; done <<<"$SYS_DIRS"
    [ -n "$sys" ] || die "no autostart entry named $name"
    mkdir -p "$USER_DIR"
    printf '[Desktop Entry]\nType=Application\nName=%s\nHidden=true\n' "$(key "$sys" Name)" > "$file"
  fi
  echo "disabled for this user: $name ($file)"
}

cmd_remove() {
  local name=""; [ "${1:-}" = "--name" ] && name="$2"
  [ -n "$name" ] || die "usage: $0 remove --name ENTRY"
  local file="$USER_DIR/$name.desktop"
  [ -e "$file" ] || die "no user autostart file $file (system entries can only be disabled)"
  cat "$file"
  read -r -p "Delete $file? [y/N] " ans
  [[ "$ans" =~ ^[Yy]$ ]] || { echo "kept"; return 0; }
  rm -- "$file"
  echo "removed $file"
}

sub="${1:-}"; shift || true
case "$sub" in
  list) cmd_list ;;
  add) cmd_add "$@" ;;
  disable) cmd_disable "$@" ;;
  remove) cmd_remove "$@" ;;
  *) echo "usage: $0 {list|add|disable|remove} [options]"; exit 64 ;;
esac
