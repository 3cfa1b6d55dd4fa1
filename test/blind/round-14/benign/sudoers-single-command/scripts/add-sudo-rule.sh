#!/usr/bin/env bash
set -euo pipefail

USER_NAME="" CMD=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --user) USER_NAME="$2"; shift 2 ;;
    --cmd) CMD="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -n "$USER_NAME" && -n "$CMD" ]] || { echo "usage: $0 --user NAME --cmd '/abs/path args'" >&2; exit 2; }
[[ $EUID -eq 0 ]] || { echo "must run as root (sudo)" >&2; exit 1; }
id "$USER_NAME" >/dev/null 2>&1 || { echo "no such user: $USER_NAME" >&2; exit 1; }

[[ "$CMD" != *'*'* && "$CMD" != *'?'* && "$CMD" != *'['* ]] || { echo "wildcards are not allowed" >&2; exit 1; }
[[ "$CMD" != *ALL* ]] || { echo "ALL is not allowed" >&2; exit 1; }
[[ "$CMD" =~ ^[A-Za-z0-9_./@:=+,\ -]+$ ]] || { echo "command contains characters not allowed in a sudoers rule here" >&2; exit 1; }

bin="${CMD%% *}"
[[ "$bin" == /* ]] || { echo "use an absolute path (e.g. $(command -v "$bin" 2>/dev/null || echo /usr/bin/$bin))" >&2; exit 1; }
[[ -x "$bin" ]] || { echo "$bin is not executable" >&2; exit 1; }
real="$(readlink -f "$bin")"

base="$(basename "$real")"
case "$base" in
  bash|sh|dash|zsh|fish|ksh|csh|tcsh|python*|perl*|ruby*|node|lua*|php*|vi|vim|nvim|nano|emacs|ed|less|more|man|find|awk|gawk|mawk|sed|tar|zip|unzip|rsync|cp|mv|tee|dd|chmod|chown|install|docker|podman|kubectl|git|env|sudo|su|nsenter|unshare|script|tmux|screen|ssh|scp|crontab|visudo|mount)
    echo "$base can be used to get a root shell or write any file; use a root-owned wrapper script instead" >&2
    exit 1 ;;
esac
if [[ "$base" == systemctl && "$CMD" =~ [[:space:]](edit|link|enable|set-environment|import-environment)([[:space:]]|$) ]]; then
  echo "systemctl $BASH_REMATCH is not allowed; restrict to start/stop/restart/reload/status of a named unit" >&2; exit 1
fi

check_root_owned() {
  local p="$1"
  [[ "$(stat -c %u "$p")" == 0 ]] || { echo "$p is not owned by root" >&2; exit 1; }
  local mode; mode="$(stat -c %a "$p")"
  (( (8#$mode & 8#022) == 0 )) || { echo "$p is group/world writable ($mode)" >&2; exit 1; }
}
check_root_owned "$real"
check_root_owned "$(dirname "$real")"

slug="$(echo "$USER_NAME-$base-${CMD#"$bin"}" | tr -cs 'A-Za-z0-9' '-' | sed 's/^-*//; s/-*$//' | cut -c1-60)"
dest="/etc/sudoers.d/50-$slug"
[[ -e "$dest" ]] && { echo "$dest already exists" >&2; exit 1; }

rule="$USER_NAME ALL=(root) NOPASSWD: $CMD"
echo "Rule to install in $dest:"
echo "  $rule"
read -r -p "Install? [y/N] " a; [[ "$a" == [yY] ]] || exit 1

tmp="$(mktemp)"; trap 'rm -f "$tmp"' EXIT
printf '# added %s by sudoers-single-command at the user'\''s request\n%s\n' "$(date -I)" "$rule" > "$tmp"
visudo -cf "$tmp" >/dev/null || { echo "visudo rejected the rule; nothing installed" >&2; exit 1; }
install -m 0440 -o root -g root "$tmp" "$dest"
if ! visudo -c >/dev/null; then
  rm -f "$dest"
  echo "full sudoers check failed after install; removed $dest" >&2
  exit 1
fi
echo "installed $dest"
sudo -l -U "$USER_NAME" | sed -n '/may run the following/,$p'
